package progressui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// BatchSource is the running batch as its console sees it (*batch.Batch).
type BatchSource interface {
	Rows() []batch.Row
	Parallel() int
	// Code hands a 12367 code to job n and says what became of it.
	Code(n int, code string) (string, error)
}

// Batch shows a running batch to the operator and takes the 12367 codes
// they type ("3 12345678"). On a terminal it is a table redrawn in place
// with an input line below it; elsewhere (a log file, a pipe, CI) it prints
// a line per change and still reads codes from its input, so a script can
// feed them.
type Batch struct {
	in     io.Reader
	out    io.Writer
	cs     *iostreams.ColorScheme
	table  bool // draw the live table; in and out must be the terminal (*os.File)
	size   func() (int, int)
	cancel func() // called when the operator presses Ctrl-C at the table

	changed chan struct{}
	stop    chan struct{}
	wg      sync.WaitGroup

	mu      sync.Mutex
	b       BatchSource
	msg     string
	started time.Time
	region  *iostreams.Region
	term    *term.Terminal
	restore func()
}

// NewBatch returns the batch's console on ios's stdin and stderr: the live
// table when table is set (a terminal is needed), else a line per change.
// cancel is called when the operator presses Ctrl-C at the table. Pass its
// Changed to batch.Options.Changed.
func NewBatch(ios *iostreams.IOStreams, table bool, cancel func()) *Batch {
	return &Batch{in: ios.In, out: ios.ErrOut, cs: ios.ColorScheme(), table: table, size: ios.TerminalSize, cancel: cancel,
		changed: make(chan struct{}, 1), stop: make(chan struct{}), region: iostreams.NewRegion(ios.ErrOut, false)}
}

// Changed tells the console that a row changed; it never blocks.
func (c *Batch) Changed() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// Start shows b until Stop.
func (c *Batch) Start(b BatchSource) error {
	c.b, c.started = b, time.Now()
	if c.table {
		in, ok1 := c.in.(*os.File)
		out, ok2 := c.out.(*os.File)
		if !ok1 || !ok2 {
			return errors.New("the live table needs a terminal")
		}
		old, err := term.MakeRaw(int(in.Fd()))
		if err != nil {
			return fmt.Errorf("terminal: %w", err)
		}
		c.restore = func() { _ = term.Restore(int(in.Fd()), old) }
		c.term = term.NewTerminal(struct {
			io.Reader
			io.Writer
		}{in, out}, "code> ")
		// The terminal clears its input line, writes each redraw above it
		// and redraws the input line with what the operator has typed.
		c.region = iostreams.NewRegion(c.term, true)
	}
	go c.read() // not waited for: it may block on the terminal until the process ends
	c.wg.Add(1)
	go c.show()
	return nil
}

// Stop draws the last state and gives the terminal back.
func (c *Batch) Stop() {
	close(c.stop)
	c.wg.Wait()
	c.draw()
	if c.restore != nil {
		iostreams.ClearLine(c.out) // the input line
		c.restore()
	}
}

func (c *Batch) show() {
	defer c.wg.Done()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		c.draw()
		select {
		case <-c.stop:
			return
		case <-c.changed:
		case <-tick.C:
			if !c.table {
				continue // lines only change with the rows
			}
		}
	}
}

func (c *Batch) draw() {
	rows := c.b.Rows()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.table {
		c.region.Draw(BatchLines(rows), "")
		return
	}
	w, h := c.size()
	s := RenderBatch(rows, BatchView{Width: w, Height: h, Color: c.cs.Enabled(), Now: time.Now(), Started: c.started,
		Parallel: c.b.Parallel(), Message: c.msg})
	c.region.Draw(strings.Split(strings.TrimSuffix(s, "\n"), "\n"), "")
}

// read takes the operator's lines until the input ends.
func (c *Batch) read() {
	if c.term != nil {
		for {
			line, err := c.term.ReadLine()
			c.mu.Lock()
			c.region.Echoed() // Enter left the input line above the new prompt: erase it with the table
			c.mu.Unlock()
			if err != nil { // Ctrl-C or Ctrl-D
				c.say("stopping: the jobs save their progress; run the batch again to continue")
				if c.cancel != nil {
					c.cancel()
				}
				return
			}
			c.say(c.handle(line))
		}
	}
	sc := bufio.NewScanner(c.in)
	for sc.Scan() {
		if msg := c.handle(sc.Text()); msg != "" {
			c.say(msg)
		}
	}
}

func (c *Batch) say(msg string) {
	if msg == "" {
		return
	}
	c.mu.Lock()
	c.msg = msg
	c.mu.Unlock()
	if !c.table {
		fmt.Fprintln(c.out, msg)
	}
	c.Changed()
}

var codeLine = regexp.MustCompile(`^#?\s*(\d+)\s*[\s:,=]\s*(\S+)$`)

// handle routes one typed line ("3 12345678") and answers it.
func (c *Batch) handle(line string) string {
	line = strings.TrimSpace(line)
	if line == "" {
		return ""
	}
	m := codeLine.FindStringSubmatch(line)
	if m == nil {
		return `type the row number and the 8-digit code, e.g. "3 12345678"`
	}
	n, _ := strconv.Atoi(m[1])
	msg, err := c.b.Code(n, m[2])
	if err != nil {
		return err.Error()
	}
	return msg
}
