package report

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/portal"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"headline":   Headline,
	"human":      HumanName,
	"fieldState": fieldState,
	"pageState":  pageState,
	"clock":      func(t time.Time) string { return t.Local().Format("15:04:05") },
	"day":        func(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05 MST") },
	"took":       took,
	"counts":     counts,
	"shown":      func(p Page) bool { return p.Visits > 0 || p.Screenshot != "" || p.StopShot != "" },
	"embed":      func(string) template.URL { return "" }, // replaced per report
}).Parse(htmlSource))

// HTML renders the report as one self-contained page: inline CSS, no
// script, no network. Screenshots and the QR code are embedded as data:
// URIs read from files (relative to the run directory): a client receives
// one file that shows everything, and it stays whole when it is mailed,
// moved or archived without the screenshots folder. The price is size (a
// third more than the PNGs, about 2 MB for a whole run), which is nothing
// for one applicant.
func HTML(rep *Report, files fs.FS) ([]byte, error) {
	embed := func(rel string) template.URL {
		if rel == "" || files == nil || !fs.ValidPath(path.Clean(rel)) {
			return ""
		}
		b, err := fs.ReadFile(files, path.Clean(rel))
		if err != nil {
			return ""
		}
		mime := http.DetectContentType(b)
		if !strings.HasPrefix(mime, "image/") {
			return ""
		}
		// Trusted: our own PNGs, typed by their bytes, not by their name.
		return template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b))
	}
	t, err := htmlTmpl.Clone() // reports of a batch render side by side
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Funcs(template.FuncMap{"embed": embed}).Execute(&buf, rep); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// state is a status as a page shows it: a CSS class and words in both
// languages.
type state struct {
	Class string
	EN    string
	ZH    string
}

func fieldState(f Field) state {
	switch f.Status {
	case portal.Failed:
		return state{"bad", "failed", "失败"}
	case portal.Filled:
		if f.Healed != "" {
			return state{"warn", "filled and verified · healed selector", "已填写并核对 · 选择器自愈"}
		}
		return state{"ok", "filled and verified", "已填写并核对"}
	case portal.Already:
		if f.Healed != "" {
			return state{"warn", "already correct · healed selector", "页面原已正确 · 选择器自愈"}
		}
		return state{"ok", "already correct (verified)", "页面原已正确（已核对）"}
	case portal.Skipped:
		if f.Skip == portal.SkipCondition {
			return state{"skip", "skipped by condition", "按条件跳过"}
		}
		return state{"skip", "nothing to enter", "无需填写"}
	}
	return state{"skip", string(f.Status), string(f.Status)}
}

func pageState(s PageStatus) state {
	switch s {
	case PageDone:
		return state{"ok", "done", "已完成"}
	case PageCurrent:
		return state{"cur", "in progress", "进行中"}
	case PageWaiting:
		return state{"warn", "waiting for you", "等待您操作"}
	case PageFailed:
		return state{"bad", "failed", "失败"}
	case PageStopped:
		return state{"bad", "stopped here", "在此中断"}
	}
	return state{"skip", "not reached", "未到达"}
}

func took(from time.Time, to *time.Time) string {
	if to == nil || from.IsZero() {
		return ""
	}
	d := to.Sub(from).Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d.Seconds()))
	}
	return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
}

// counts summarises a page's fields in a few words.
func counts(p Page) string {
	n := p.Counts()
	var parts []string
	add := func(k portal.FieldStatus, en, zh string) {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s %s", n[k], zh, en))
		}
	}
	add(portal.Filled, "filled", "已填写")
	add(portal.Already, "already correct", "原已正确")
	add(portal.Skipped, "skipped", "跳过")
	add(portal.Failed, "failed", "失败")
	return strings.Join(parts, " · ")
}
