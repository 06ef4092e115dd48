package batch

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
)

// Console shows a running batch to the operator and takes the 12367 codes
// they type ("3 12345678"). On a terminal it is a table redrawn in place
// with an input line below it; elsewhere (a log file, a pipe, CI) it prints
// a line per change and still reads codes from its input, so a script can
// feed them.
type Console struct {
	In     io.Reader
	Out    io.Writer
	Color  bool
	Table  bool   // draw the live table; In and Out must be the terminal (*os.File)
	Cancel func() // called when the operator presses Ctrl-C at the table

	changed chan struct{}
	stop    chan struct{}
	wg      sync.WaitGroup

	mu      sync.Mutex
	b       *Batch
	msg     string
	lines   int // height of the table drawn last
	started time.Time
	term    *term.Terminal
	restore func()
	plain   LinePrinter
}

// NewConsole returns a console; pass its Changed to Options.Changed.
func NewConsole(in io.Reader, out io.Writer, color, table bool, cancel func()) *Console {
	return &Console{In: in, Out: out, Color: color, Table: table, Cancel: cancel,
		changed: make(chan struct{}, 1), stop: make(chan struct{}), plain: LinePrinter{W: out}}
}

// Changed tells the console that a row changed; it never blocks.
func (c *Console) Changed() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// Start shows b until Stop.
func (c *Console) Start(b *Batch) error {
	c.b, c.started = b, time.Now()
	if c.Table {
		in, ok1 := c.In.(*os.File)
		out, ok2 := c.Out.(*os.File)
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
	}
	go c.read() // not waited for: it may block on the terminal until the process ends
	c.wg.Add(1)
	go c.show()
	return nil
}

// Stop draws the last state and gives the terminal back.
func (c *Console) Stop() {
	close(c.stop)
	c.wg.Wait()
	c.draw()
	if c.restore != nil {
		fmt.Fprint(c.Out, "\r\x1b[K") // the input line
		c.restore()
	}
}

func (c *Console) show() {
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
			if !c.Table {
				continue // lines only change with the rows
			}
		}
	}
}

func (c *Console) draw() {
	rows := c.b.Rows()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.Table {
		c.plain.Print(rows)
		return
	}
	w, h := 100, 40
	if f, ok := c.Out.(*os.File); ok {
		if tw, th, err := term.GetSize(int(f.Fd())); err == nil {
			w, h = tw, th
		}
	}
	s := Render(rows, View{Width: w, Height: h, Color: c.Color, Now: time.Now(), Started: c.started,
		Parallel: c.b.Parallel(), Message: c.msg})
	up := ""
	if c.lines > 0 {
		up = fmt.Sprintf("\x1b[%dA", c.lines)
	}
	// The terminal clears its input line, writes this above it and
	// redraws the input line with what the operator has typed so far.
	_, _ = c.term.Write([]byte(up + "\x1b[J" + s))
	c.lines = strings.Count(s, "\n")
}

// read takes the operator's lines until the input ends.
func (c *Console) read() {
	if c.term != nil {
		for {
			line, err := c.term.ReadLine()
			c.mu.Lock()
			c.lines++ // Enter left the input line above the new prompt: erase it with the table
			c.mu.Unlock()
			if err != nil { // Ctrl-C or Ctrl-D
				c.say("stopping: the jobs save their progress; run the batch again to continue")
				if c.Cancel != nil {
					c.Cancel()
				}
				return
			}
			c.say(c.handle(line))
		}
	}
	sc := bufio.NewScanner(c.In)
	for sc.Scan() {
		if msg := c.handle(sc.Text()); msg != "" {
			c.say(msg)
		}
	}
}

func (c *Console) say(msg string) {
	if msg == "" {
		return
	}
	c.mu.Lock()
	c.msg = msg
	c.mu.Unlock()
	if !c.Table {
		fmt.Fprintln(c.Out, msg)
	}
	c.Changed()
}

var codeLine = regexp.MustCompile(`^#?\s*(\d+)\s*[\s:,=]\s*(\S+)$`)

// handle routes one typed line ("3 12345678") and answers it.
func (c *Console) handle(line string) string {
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
