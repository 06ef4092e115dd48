package progressui

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/report"
)

// checklist is the run as a person sees it on a terminal: one line per
// page (done / current / waiting for you / failed), the field just
// verified and the elapsed time, redrawn in place (layout in
// checklist_layout.go). Other output (human-step prompts, warnings, logs)
// is written above it and stays in the scrollback.
type checklist struct {
	w      io.Writer
	region *iostreams.Region
	size   func() (int, int)
	c      *iostreams.ColorScheme
	wait   time.Duration
	rec    *report.Recorder // folds events into page states exactly as the report does
	start  time.Time
	now    func() time.Time

	last   *portal.FieldReport // the field just done, and its page
	page   string
	human  time.Time // when the open human step started
	prompt string    // an open prompt: the last line, the cursor after it
	closed bool

	every time.Duration
	stop  chan struct{}
	mu    *sync.Mutex // the Run's: held by whoever draws
}

func newChecklist(ios *iostreams.IOStreams, c *iostreams.ColorScheme, o RunOptions, mu *sync.Mutex) *checklist {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	return &checklist{w: ios.ErrOut, region: iostreams.NewRegion(ios.ErrOut, true), size: ios.TerminalSize,
		c: c, wait: o.Wait, now: now, every: o.Ticker, mu: mu, rec: report.New(report.Options{Pages: o.Pages})}
}

// run redraws every tick (the elapsed time) until closed. Not while a
// prompt is open: a redraw would wipe what the person types.
func (v *checklist) run() {
	v.stop = make(chan struct{})
	every, mu := v.every, v.mu
	if every <= 0 {
		every = time.Second
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-v.stop:
				return
			case <-t.C:
				mu.Lock()
				if !v.closed && v.prompt == "" {
					v.draw()
				}
				mu.Unlock()
			}
		}
	}()
}

func (v *checklist) emit(e portal.Event) {
	if v.start.IsZero() {
		v.start = v.now()
		v.run()
	}
	v.rec.Emit(e)
	switch e.Type {
	case portal.EvField:
		f := *e.Field
		v.last, v.page = &f, e.Page
	case portal.EvHuman:
		v.human = e.Time
	case portal.EvInfo:
		return // not on the checklist
	case portal.EvDone:
		// 确认提交 is the person's now: the checklist says so, as the report does.
		v.rec.Finish(&portal.Result{Ready: true, Page: e.Page}, nil, false)
	}
	v.draw()
}

func (v *checklist) draw() {
	if v.closed {
		return
	}
	lines := v.render(v.now())
	tail := ""
	if v.prompt != "" {
		// Room for the 8 digits the person types: a wrapped line breaks the redraw.
		w, _ := v.size()
		if w <= 0 {
			w = 80
		}
		tail = iostreams.Clip(v.prompt, max(w-12, 8))
	}
	v.region.Draw(lines, tail)
}

// above writes s above the block: it stays in the scrollback.
func (v *checklist) above(s string) {
	if v.closed {
		fmt.Fprint(v.w, s)
		return
	}
	v.region.Clear()
	fmt.Fprint(v.w, s)
	v.draw()
}

func (v *checklist) setPrompt(s string) {
	if v.prompt == s {
		return
	}
	v.prompt = s
	v.draw()
}

// echoed accounts for the line the terminal added when Enter was pressed.
func (v *checklist) echoed() {
	if !v.closed {
		v.region.Echoed()
	}
}

func (v *checklist) close() {
	if v.stop != nil {
		close(v.stop)
	}
	v.prompt = ""
	v.draw()
	v.closed = true
	v.region.Leave()
}
