package progressui

import (
	"fmt"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/internal/steps"
)

// render lays the checklist out for the terminal's size: a header, then a
// line per page; on a narrow or short terminal, one compact line.
func (v *checklist) render(now time.Time) []string {
	rep := v.rec.Report()
	w, h := v.size()
	if w <= 0 {
		w = 80
	}
	w-- // never the last column: some terminals wrap there
	start := v.start
	if start.IsZero() {
		start = now
	}
	elapsed := iostreams.Clock(now.Sub(start))
	if w < 43 || (h > 0 && h < len(rep.Pages)+5) {
		return []string{v.compact(rep, elapsed, w)}
	}
	head := fmt.Sprintf("autofill  ⏱ %s  · Ctrl-C 可随时停止，草稿会保留 · Ctrl-C stops, the draft is kept", elapsed)
	lines := []string{v.c.Bold(iostreams.Clip(head, w))}
	tw := 0
	for _, p := range rep.Pages {
		tw = max(tw, iostreams.Width(p.Title))
	}
	tw = min(max(tw, 8), 18)
	for _, p := range rep.Pages {
		mark, color := pageMark(v.c, p.Status)
		title := iostreams.Pad(iostreams.Clip(p.Title, tw), tw)
		detail := v.detail(rep, p)
		room := w - 3 - tw - 2
		line := " " + color(mark) + " " + title
		if room > 4 && detail != "" {
			detail = iostreams.Clip(detail, room)
			if p.Status == report.PageDone || p.Status == report.PagePending {
				detail = v.c.Dim(detail)
			}
			line += "  " + detail
		}
		lines = append(lines, line)
	}
	return lines
}

func (v *checklist) detail(rep report.Report, p report.Page) string {
	n := p.Counts()
	ok := n[portal.Filled] + n[portal.Already]
	var counts []string
	if ok > 0 {
		counts = append(counts, fmt.Sprintf("%d ✓", ok))
	}
	if n[portal.Skipped] > 0 {
		counts = append(counts, fmt.Sprintf("%d skipped", n[portal.Skipped]))
	}
	if n[portal.Failed] > 0 {
		counts = append(counts, v.c.Red(fmt.Sprintf("%d failed", n[portal.Failed])))
	}
	sum := strings.Join(counts, " · ")
	switch p.Status {
	case report.PageDone:
		for _, h := range rep.Humans {
			if h.Page == p.ID && h.Finished != nil {
				return strings.TrimPrefix(sum+" · 您已完成 · done by you", " · ")
			}
		}
		if sum == "" {
			return p.Note // e.g. "continuing application …"
		}
		return sum
	case report.PageCurrent:
		if v.last != nil && v.page == p.ID {
			f := v.last
			s := "› " + f.Label
			if f.Value != "" {
				s += " " + iostreams.Escape(f.Value)
			}
			if sum != "" {
				s = sum + "  " + s
			}
			return s
		}
		return "…"
	case report.PageWaiting:
		if rep.Outcome == report.Running && p.Human != steps.Confirm {
			s := "等待您操作 · waiting for you"
			if v.wait > 0 && !v.human.IsZero() {
				s += " · until " + v.human.Add(v.wait).Local().Format("15:04")
			}
			return s
		}
		return "请您核对并提交 · your turn: review, pledge, 提交"
	case report.PageFailed:
		return "失败 · failed (see below)"
	case report.PageStopped:
		return "在此中断 · stopped here"
	}
	if p.Human == steps.Confirm {
		return "autofill stops here; you review and submit"
	}
	return ""
}

// compact is the whole checklist on one line: ⏱ 0:42 ✓✓✓✓▸····· 基本信息 › 手机号码
func (v *checklist) compact(rep report.Report, elapsed string, w int) string {
	var marks strings.Builder
	cur := ""
	for _, p := range rep.Pages {
		m, color := pageMark(v.c, p.Status)
		marks.WriteString(color(m))
		if p.Status != report.PagePending && p.Status != report.PageDone {
			cur = p.Title
			if p.Status == report.PageWaiting {
				cur += " ◆ 等待您 your turn"
			} else if v.last != nil && v.page == p.ID {
				cur += " › " + v.last.Label
			}
		}
	}
	head := fmt.Sprintf("⏱ %s ", elapsed)
	if iostreams.Width(head)+len(rep.Pages) > w { // too narrow even for the marks
		return iostreams.Clip(head+cur, w)
	}
	s := head + marks.String()
	if room := w - iostreams.Width(head) - len(rep.Pages) - 1; room > 3 && cur != "" {
		s += " " + iostreams.Clip(cur, room)
	}
	return s
}

func pageMark(c *iostreams.ColorScheme, s report.PageStatus) (string, func(string) string) {
	switch s {
	case report.PageDone:
		return "✓", c.Green
	case report.PageCurrent:
		return "▸", c.Bold
	case report.PageWaiting:
		return "◆", c.Yellow
	case report.PageFailed:
		return "✗", c.Red
	case report.PageStopped:
		return "■", c.Red
	}
	return "·", c.Dim
}
