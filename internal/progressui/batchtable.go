package progressui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// BatchView is what the live table needs besides the rows.
type BatchView struct {
	Width, Height int // the terminal's; 0 means 100×40
	Color         bool
	Now           time.Time
	Started       time.Time
	Parallel      int
	Message       string // the answer to what the operator typed last
}

// CodeHint tells the operator how to hand over a 12367 code.
const CodeHint = `Type "# code" + Enter to hand over a 12367 code (e.g. "3 12345678") · Ctrl-C stops, a re-run continues`

// RenderBatch draws the live table: a line per job — the most pressing first
// when they do not all fit — a tally, the last answer and the hint. Every
// line fits the width, so redrawing in place stays exact.
func RenderBatch(rows []batch.Row, v BatchView) string {
	if v.Width <= 0 {
		v.Width = 100
	}
	if v.Height <= 0 {
		v.Height = 40
	}
	if v.Now.IsZero() {
		v.Now = time.Now()
	}
	shown, hidden := fit(rows, max(v.Height-6, 3))
	wApp, wDeg, wPage := len("applicant"), len("degree"), len("page")
	for _, r := range shown {
		wApp = max(wApp, iostreams.Width(r.Applicant))
		wDeg = max(wDeg, iostreams.Width(r.Degree))
		wPage = max(wPage, iostreams.Width(pageOf(r)))
	}
	wApp, wDeg, wPage = min(wApp, 26), min(wDeg, 10), min(wPage, 10)
	wN := len(fmt.Sprint(len(rows)))
	var b strings.Builder
	cs := iostreams.NewColorScheme(v.Color)
	line := func(s string, color func(string) string) {
		b.WriteString(color(iostreams.Clip(s, v.Width-1)) + "\n")
	}
	line(fmt.Sprintf("%*s  %s  %s  %s  %s", wN, "#", iostreams.Pad("applicant", wApp), iostreams.Pad("degree", wDeg), iostreams.Pad("page", wPage), "state"), cs.Bold)
	for _, r := range shown {
		state, color := describe(r, v.Now, cs)
		line(fmt.Sprintf("%*d  %s  %s  %s  %s", wN, r.N, iostreams.Pad(iostreams.Clip(r.Applicant, wApp), wApp), iostreams.Pad(iostreams.Clip(r.Degree, wDeg), wDeg),
			iostreams.Pad(iostreams.Clip(pageOf(r), wPage), wPage), state), color)
	}
	if hidden != "" {
		line(hidden, cs.Dim)
	}
	c := batch.Count(rows)
	tally := fmt.Sprintf("ready %d · filling %d · waiting %d · failed %d · queued %d", c.Ready, c.Running, c.Waiting, c.Failed, c.Queued)
	if c.Invalid > 0 {
		tally += fmt.Sprintf(" · invalid %d", c.Invalid)
	}
	if c.Interrupted > 0 {
		tally += fmt.Sprintf(" · interrupted %d", c.Interrupted)
	}
	if v.Parallel > 0 {
		tally += fmt.Sprintf("   parallel %d", v.Parallel)
	}
	if !v.Started.IsZero() {
		tally += "   " + iostreams.Clock(v.Now.Sub(v.Started))
	}
	line(tally, cs.Plain)
	if v.Message != "" {
		line(v.Message, cs.Cyan)
	}
	line(CodeHint, cs.Dim)
	return b.String()
}

// describe is a row's state cell and its colour.
func describe(r batch.Row, now time.Time, cs *iostreams.ColorScheme) (string, func(string) string) {
	switch {
	case r.State == batch.Ready && r.Earlier:
		return "✓ ready (earlier run)", cs.Green
	case r.State == batch.Ready:
		return "✓ ready", cs.Green
	case r.State == batch.Queued:
		return "· queued", cs.Dim
	case r.State == batch.Running && r.Retrying:
		return "▶ filling, " + r.Reason, cs.Plain
	case r.State == batch.Running:
		return "▶ filling", cs.Plain
	case r.State.Waiting() && r.Live:
		s := "! " + r.Text()
		if !r.Deadline.IsZero() {
			s += " " + iostreams.Clock(r.Deadline.Sub(now))
		}
		if r.QR != "" && r.State == batch.WaitingFace {
			s += " · QR " + r.QR
		}
		return s, cs.Yellow
	case r.State.Waiting():
		s := "‖ parked, " + r.Text()
		if r.QR != "" && (r.State == batch.WaitingFace || r.State == batch.WaitingCode) {
			s += " · QR " + r.QR
		}
		return s, cs.Yellow
	case r.State == batch.Invalid:
		return "✗ " + r.Reason, cs.Red
	case r.State == batch.Interrupted:
		return "■ interrupted", cs.Dim
	}
	return "✗ " + r.Text(), cs.Red
}

func pageOf(r batch.Row) string {
	if r.PageTitle != "" {
		return r.PageTitle
	}
	if r.Page != "" {
		return r.Page
	}
	return "—"
}

// fit picks at most n rows, the most pressing first (a person waiting,
// then work in progress, then failures), shown in job order; the rest are
// summed up in one line.
func fit(rows []batch.Row, n int) ([]batch.Row, string) {
	if len(rows) <= n {
		return rows, ""
	}
	rank := func(r batch.Row) int {
		switch {
		case r.State.Waiting() && r.Live:
			return 0
		case r.State == batch.Running:
			return 1
		case r.State.Waiting():
			return 2
		case r.State == batch.Failed || r.State == batch.Invalid:
			return 3
		case r.State == batch.Queued:
			return 4
		}
		return 5
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rank(rows[idx[a]]) < rank(rows[idx[b]]) })
	keep := idx[:n-1]
	sort.Ints(keep)
	shown := make([]batch.Row, len(keep))
	for i, k := range keep {
		shown[i] = rows[k]
	}
	rest := batch.Count(nil)
	for _, k := range idx[n-1:] {
		c := batch.Count(rows[k : k+1])
		rest.Ready += c.Ready
		rest.Queued += c.Queued
		rest.Failed += c.Failed + c.Invalid
		rest.Waiting += c.Waiting
		rest.Running += c.Running
		rest.Interrupted += c.Interrupted
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{rest.Ready, "ready"}, {rest.Queued, "queued"}, {rest.Failed, "failed"}, {rest.Waiting, "parked"}, {rest.Running, "filling"}, {rest.Interrupted, "interrupted"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	return shown, fmt.Sprintf("… and %d more: %s (all in summary.csv at the end)", len(idx)-n+1, strings.Join(parts, ", "))
}
