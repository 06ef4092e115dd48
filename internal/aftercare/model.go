package aftercare

import (
	"math"
	"strings"
	"time"
)

// Kind is the kind of a 补交材料 request.
type Kind string

// Request kinds (the page maps' words say how the portal names them).
const (
	Add      Kind = "add"      // add files; the ones on record stay
	Reupload Kind = "reupload" // replace the named files
	Offline  Kind = "offline"  // send something by post or in person
	Notice   Kind = "notice"   // read it; nothing to send
)

// Statuses as 我的申请 shows them (docs/portal.md).
const (
	StatusDraft        = "未提交"
	StatusReviewing    = "认证中"
	StatusSupplement   = "补交材料"
	StatusDone         = "认证完成"
	StatusNotCertified = "暂不认证"
)

// Request is an open 补交材料 request.
type Request struct {
	Kind     Kind     `json:"kind"`
	Text     string   `json:"text"`
	Files    []string `json:"files,omitempty"` // reupload: the files to replace
	Deadline string   `json:"deadline"`        // yyyy-MM-dd as the page shows it
	State    string   `json:"state,omitempty"` // 待处理 / 已提交
	DaysLeft *int     `json:"days_left,omitempty"`
}

// Application is one row of 我的申请 and, when it has a 查看 page, what
// that page says.
type Application struct {
	ID          string   `json:"id"`
	Institution string   `json:"institution"`
	Degree      string   `json:"degree"`
	Status      string   `json:"status"`
	Expected    string   `json:"expected,omitempty"`  // 预计完成时间
	Completed   string   `json:"completed,omitempty"` // 认证完成日期
	Certificate string   `json:"certificate,omitempty"`
	Review      string   `json:"review,omitempty"` // the 复核 line of 查看
	Request     *Request `json:"request,omitempty"`
	Notices     []string `json:"notices,omitempty"`
	Actions     []string `json:"actions,omitempty"` // row actions offered: view, supplement, review, continue

	row int // its row on 我的申请
}

// CertificateReady reports whether the 认证书 can be downloaded.
func (a *Application) CertificateReady() bool { return a.Certificate != "" }

// OpenRequest reports whether a 补交材料 request waits for the person.
func (a *Application) OpenRequest() bool {
	return a.Request != nil && a.Status == StatusSupplement && a.Request.State != "已提交"
}

func (a *Application) has(action string) bool {
	for _, x := range a.Actions {
		if x == action {
			return true
		}
	}
	return false
}

// daysLeft counts whole days from today to a yyyy-MM-dd deadline (0 on
// the day itself, negative when past); nil when it does not parse.
func daysLeft(deadline string, now time.Time) *int {
	d, err := time.ParseInLocation(time.DateOnly, deadline, now.Location())
	if err != nil {
		return nil
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	n := int(math.Round(d.Sub(today).Hours() / 24))
	return &n
}

// blank is a value the page shows for "none yet".
func blank(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "—" || s == "-" || s == "无"
}

func orEmpty(s string) string {
	if blank(s) {
		return ""
	}
	return s
}

// splitList splits a list the page shows joined by 、 or commas.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
