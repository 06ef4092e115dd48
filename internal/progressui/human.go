package progressui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/report"
)

// human tells the person what to do, where, how long the tool waits and
// how to continue later, in Chinese and English, with a bell.
func (p *Run) human(e portal.Event) {
	if p.io.IsStderrTTY() {
		fmt.Fprint(p.io.ErrOut, "\a") // a person is needed
	}
	name := report.HumanName(e.Human)
	var b strings.Builder
	if e.Type == portal.EvHumanRemind {
		fmt.Fprintf(&b, "%s %s\n   %s\n", p.c.Yellow("◆"), e.MessageZH, e.Message)
		p.print(b.String())
		return
	}
	fmt.Fprintf(&b, "%s %s\n", p.c.Yellow("◆ 需要您操作 · Your turn:"), p.c.Bold(name.ZH+" · "+name.EN))
	if e.MessageZH != "" {
		fmt.Fprintf(&b, "   %s\n", e.MessageZH)
	}
	fmt.Fprintf(&b, "   %s\n", e.Message)
	if e.File != "" {
		path := e.File
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		fmt.Fprintf(&b, "   二维码 QR code: %s\n", path)
	}
	if w := p.o.Wait; w > 0 {
		until := e.Time.Add(w).Local().Format("15:04")
		fmt.Fprintf(&b, "   最多等待 %s（至 %s），草稿会保留 · Waiting up to %s (until %s); the draft is kept either way.\n", shortDur(w), until, shortDur(w), until)
	}
	if p.o.Again != "" {
		fmt.Fprintf(&b, "   稍后继续 · To continue later: Ctrl-C now, then run %s\n", p.c.Bold(p.o.Again))
	}
	p.print(b.String())
}

// shortDur writes 15m rather than 15m0s.
func shortDur(d time.Duration) string {
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
