package progressui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/report"
)

// resultLine is the last JSON line of --json: where the run ended.
type resultLine struct {
	Time     time.Time     `json:"time"`
	Type     string        `json:"type"` // "result"
	Outcome  string        `json:"outcome"`
	ExitCode int           `json:"exit_code"`
	Page     string        `json:"page,omitempty"`
	Left     []report.Item `json:"left"`
	Error    string        `json:"error,omitempty"`
	Report   string        `json:"report,omitempty"`
	RunDir   string        `json:"run_dir"`
}

// Result tells where things stand, what is left for the person and where
// the report is, from the report the job wrote (so the terminal and the
// report say the same). With --json it is also the last line on stdout.
func (p *Run) Result(res *portal.Result, runErr error, runDir string) {
	p.Close()
	rep, rerr := report.Read(runDir)
	if rerr != nil { // no report (the run never started): the report's verdict on what we know
		r := report.New(report.Options{Pages: p.o.Pages})
		r.Finish(res, runErr, false)
		own := r.Report()
		rep = &own
	}
	htmlPath := filepath.Join(runDir, report.HTMLFile)
	if _, err := os.Stat(htmlPath); err != nil {
		htmlPath = ""
	}
	if p.o.JSON {
		line := resultLine{Time: time.Now(), Type: "result", Outcome: string(rep.Outcome), ExitCode: rep.ExitCode,
			Page: rep.Page, Left: rep.Left, Report: htmlPath, RunDir: runDir}
		if runErr != nil {
			line.Error = p.red.String(runErr.Error())
		}
		b, _ := json.Marshal(line)
		fmt.Fprintln(p.io.Out, string(b))
	}
	out := p.io.ErrOut
	c := p.c
	h := report.Headline(rep.Outcome)
	mark := map[report.Outcome]string{report.Ready: c.Green("✓"), report.Waiting: c.Yellow("◆"), report.Failed: c.Red("✗"), report.Interrupted: c.Red("■"), report.Submitted: c.Yellow("◆")}[rep.Outcome]
	fmt.Fprintf(out, "\n%s %s · %s\n", mark, c.Bold(h.ZH), h.EN)
	if rep.Verified > 0 {
		fmt.Fprintf(out, "%s 已在“确认提交”页面核对网站保存的内容与资料一致 · verified on 确认提交: the portal's own summary equals the profile (%d values)\n", c.Green("✓"), rep.Verified)
	}
	if len(rep.Healed) > 0 {
		fmt.Fprintf(out, "%s 以下字段按标签找到（选择器失效）· found by label because their selectors failed (run `autofill check`): %s\n", c.Yellow("!"), strings.Join(rep.Healed, ", "))
	}
	if len(rep.Left) > 0 {
		fmt.Fprintln(out, "  还需要您完成 · Left for you:")
		for i, l := range rep.Left {
			if l.ZH != "" {
				fmt.Fprintf(out, "   %d. %s\n      %s\n", i+1, l.ZH, c.Dim(l.EN))
			} else {
				fmt.Fprintf(out, "   %d. %s\n", i+1, l.EN)
			}
		}
	}
	if htmlPath != "" {
		fmt.Fprintf(out, "  报告 Report: %s  (autofill report %s)\n", htmlPath, runDir)
	}
	fmt.Fprintf(out, "  运行目录 Run directory: %s\n", runDir)
}
