package iostreams

import (
	"fmt"
	"io"
	"strings"
)

// Region is a block of lines at the bottom of a stream that is redrawn as
// it changes: the run's checklist, the batch's table. On a terminal that
// speaks ANSI each Draw replaces the block in place; anywhere else (a log
// file, a pipe, CI) Draw appends the lines that changed since the last
// Draw, so the output reads as a log. Not safe for concurrent use: its
// owner serialises calls.
type Region struct {
	w    io.Writer
	live bool
	up   int            // live: lines from the block's top down to the cursor
	last map[int]string // not live: what each line said when last printed
}

// NewRegion returns a region on w, redrawn in place when live.
func NewRegion(w io.Writer, live bool) *Region { return &Region{w: w, live: live} }

// Live reports whether the region is redrawn in place.
func (r *Region) Live() bool { return r.live }

// clearSeq moves the cursor to the block's top and erases from there down.
func (r *Region) clearSeq() string {
	s := "\r\x1b[J"
	if r.up > 0 {
		s = fmt.Sprintf("\x1b[%dA", r.up) + s
	}
	r.up = 0
	return s
}

// Clear erases the block (live), leaving the cursor where it began, so
// that what is written next stays above the block in the scrollback.
func (r *Region) Clear() {
	if r.live {
		fmt.Fprint(r.w, r.clearSeq())
	}
}

// Draw shows lines as the block, then tail without a line end: an open
// prompt, the cursor after it. Live, the block is replaced in one write
// (a terminal library that keeps an input line below can redraw it
// around that write). Not live, every line that differs from the line at
// the same position last printed is appended; empty lines are not printed,
// and tail is not shown (a prompt is printed by whoever reads the answer).
func (r *Region) Draw(lines []string, tail string) {
	if !r.live {
		if r.last == nil {
			r.last = map[int]string{}
		}
		var b strings.Builder
		for i, l := range lines {
			if l == "" || r.last[i] == l {
				continue
			}
			r.last[i] = l
			b.WriteString(l + "\n")
		}
		if b.Len() > 0 {
			fmt.Fprint(r.w, b.String())
		}
		return
	}
	var b strings.Builder
	b.WriteString(r.clearSeq())
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	b.WriteString(tail)
	fmt.Fprint(r.w, b.String())
	r.up = len(lines)
}

// Echoed accounts for a line the terminal added below the block (Enter
// pressed at a prompt), so the next Draw erases it too.
func (r *Region) Echoed() {
	if r.live {
		r.up++
	}
}

// Leave keeps the block on the screen as it is: later output goes below
// it and the next Draw starts a new block.
func (r *Region) Leave() { r.up = 0 }

// ClearLine erases the line the cursor is on and returns to its start:
// the input line a terminal library leaves behind.
func ClearLine(w io.Writer) { fmt.Fprint(w, "\r\x1b[K") }
