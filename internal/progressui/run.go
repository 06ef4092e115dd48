package progressui

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/internal/steps"
)

// RunOptions say how to show a run to the person.
type RunOptions struct {
	JSON   bool // JSON lines on stdout, one per event, then one "result" line
	Quiet  bool // only what the person must do, problems and the result
	Pages  []report.PageInfo
	Wait   time.Duration    // how long a human step is waited for
	Again  string           // the command that continues this run later
	Codes  chan<- string    // 12367 codes typed at the terminal
	Live   *bool            // force the in-place display on or off (tests); nil: on a capable terminal
	Ticker time.Duration    // redraw interval of the live display; default 1s
	Now    func() time.Time // the clock of the elapsed time (tests); default time.Now
}

// Run is the run's console: a checklist redrawn in place on a terminal,
// one line per event otherwise, JSON lines with --json. Every text passes
// the profile's Redactor (report.MaskEvent) before it is shown. It is the
// engine's portal.Sink.
type Run struct {
	io  *iostreams.IOStreams
	red *profile.Redactor
	o   RunOptions
	c   *iostreams.ColorScheme

	mu     sync.Mutex
	live   *checklist // nil: line mode
	asking bool       // a 12367 code prompt is open
	closed bool
}

// NewRun returns the console of one run.
func NewRun(ios *iostreams.IOStreams, red *profile.Redactor, o RunOptions) *Run {
	p := &Run{io: ios, red: red, o: o, c: ios.ColorScheme()}
	live := ios.IsStderrVT() && !o.Quiet && os.Getenv("TERM") != "dumb"
	if o.Live != nil {
		live = *o.Live
	}
	if live {
		p.live = newChecklist(ios, p.c, o, &p.mu)
	}
	return p
}

// LogWriter is where console logs go: on a live display they are written
// above the checklist, so a warning never tears it apart.
func (p *Run) LogWriter() io.Writer {
	if p.live == nil {
		return p.io.ErrOut
	}
	return writerFunc(func(b []byte) (int, error) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.live.above(string(b))
		return len(b), nil
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Emit shows one event.
func (p *Run) Emit(e portal.Event) {
	e = report.MaskEvent(p.red, e)
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	if p.o.JSON {
		if b, err := json.Marshal(e); err == nil {
			fmt.Fprintln(p.io.Out, string(b))
		}
	}
	if p.live != nil {
		p.live.emit(e)
	}
	// What the person must know, in every mode.
	switch e.Type {
	case portal.EvHuman, portal.EvHumanRemind:
		p.human(e)
		if e.Type == portal.EvHuman && e.Human == steps.FaceAndCode {
			p.askCode()
		}
		return
	case portal.EvHumanDone:
		if p.live != nil {
			p.live.setPrompt("")
		}
	case portal.EvWarning:
		p.print(fmt.Sprintf("  %s %s", p.c.Yellow("!"), iostreams.Escape(e.Message)))
		return
	}
	if p.live != nil || p.o.JSON || p.o.Quiet {
		return // the checklist (or stdout) shows the rest
	}
	if s := eventLine(p.c, e); s != "" {
		p.print(s)
	}
}

// print writes lines to stderr, above the checklist when there is one.
func (p *Run) print(s string) {
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	if p.live != nil {
		p.live.above(s)
		return
	}
	fmt.Fprint(p.io.ErrOut, s)
}

// Close stops the live display, leaving its last state on the screen.
func (p *Run) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	if p.live != nil {
		p.live.close()
	}
}
