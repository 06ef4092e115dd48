// Package report keeps the record of one run for the person and for an
// agency's client: what was entered on which page, how each value was
// verified, what the person did and when, what went wrong and what is left
// to do. A Recorder folds the engine's events into a Report; Write saves it
// in the run directory as report.json and a self-contained report.html, both
// readable by the owner only. Personal numbers are masked as events arrive,
// so no report ever holds them.
package report

import (
	"slices"
	"time"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/steps"
)

// Files a run directory holds besides the engine's own.
const (
	JSONFile = "report.json"
	HTMLFile = "report.html"
)

// SchemaVersion is bumped when report.json changes incompatibly.
const SchemaVersion = 1

// Outcome is where a run ended.
type Outcome string

// Outcomes.
const (
	Running     Outcome = "running"     // written while the run goes on
	Ready       Outcome = "ready"       // the draft waits at 确认提交 for the person
	Waiting     Outcome = "waiting"     // parked: a person must act, then run again
	Failed      Outcome = "failed"      // something is wrong; Problems say what to do
	Interrupted Outcome = "interrupted" // Ctrl-C or a closed browser; run again to continue
	// Submitted: already submitted — pay yourself (or review); nothing changed.
	Submitted Outcome = "submitted"
)

// PageStatus is where a page stands in the run.
type PageStatus string

// Page statuses, as the checklist shows them.
const (
	PagePending PageStatus = "pending" // not reached (yet)
	PageCurrent PageStatus = "current" // being filled
	PageWaiting PageStatus = "waiting" // waiting for a person
	PageDone    PageStatus = "done"
	PageFailed  PageStatus = "failed"
	PageStopped PageStatus = "stopped" // the run was interrupted here
)

// Report is everything a run did, masked.
type Report struct {
	Schema    int        `json:"schema"`
	Tool      string     `json:"tool"` // autofill version
	Applicant string     `json:"applicant"`
	ID        string     `json:"id_number"` // masked
	Degree    Degree     `json:"degree"`
	DryRun    bool       `json:"dry_run"`
	RunDir    string     `json:"run_dir"`
	Started   time.Time  `json:"started"`
	Updated   time.Time  `json:"updated"`
	Finished  *time.Time `json:"finished,omitempty"`
	Outcome   Outcome    `json:"outcome"`
	ExitCode  int        `json:"exit_code"`
	Page      string     `json:"page,omitempty"` // the last page seen
	Left      []Item     `json:"left"`           // what the person still has to do, in order
	Pages     []Page     `json:"pages"`
	Humans    []Human    `json:"human_steps"`
	Problems  []Problem  `json:"problems"`
	Healed    []string   `json:"healed,omitempty"`
	Visited   []string   `json:"visited,omitempty"`
	Verified  int        `json:"verified_on_confirm,omitempty"` // summary values on 确认提交 equal to the profile
}

// Degree names the degree of the application.
type Degree struct {
	ID          string `json:"id"`
	Institution string `json:"institution"`
	Name        string `json:"name"`
	// Field is the 专业领域 CSCSE will most likely file the degree under, by
	// the national catalogues (profile.Degree.MajorExplanation); "" when
	// the major is like nothing in them.
	Field string `json:"field,omitempty"`
}

// Item is one thing to do, in English and Chinese. The engine's to-dos
// (steps.Todo) keep their id; advice has none.
type Item struct {
	EN string       `json:"en"`
	ZH string       `json:"zh,omitempty"`
	ID steps.TodoID `json:"id,omitempty"`
}

// Page is one portal page as the run saw it.
type Page struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Status     PageStatus `json:"status"`
	Human      steps.Step `json:"human,omitempty"` // the page's human step, from its map
	Entered    *time.Time `json:"entered,omitempty"`
	Done       *time.Time `json:"done,omitempty"`
	Visits     int        `json:"visits,omitempty"`
	Screenshot string     `json:"screenshot,omitempty"`         // relative to the run directory
	StopShot   string     `json:"stopped_screenshot,omitempty"` // the page as it was when the run stopped on it
	Fields     []Field    `json:"fields,omitempty"`             // the last visit's
	Note       string     `json:"note,omitempty"`
}

// Field is one field's outcome: portal.FieldReport with values masked.
type Field = portal.FieldReport

// Human is one step a person had to do.
type Human struct {
	Step      steps.Step `json:"step"`
	Page      string     `json:"page"`
	Message   string     `json:"message"`
	MessageZH string     `json:"message_zh,omitempty"`
	File      string     `json:"file,omitempty"` // the QR code, relative to the run directory when inside it
	Started   time.Time  `json:"started"`
	CodeAsked *time.Time `json:"code_asked,omitempty"` // 实人认证: the face scan was done, the 12367 code asked for
	Finished  *time.Time `json:"finished,omitempty"`
	Reminders int        `json:"reminders,omitempty"`
}

// Problem is an error or a warning with what to do about it.
type Problem struct {
	Time    time.Time `json:"time"`
	Level   string    `json:"level"` // error | warning
	Page    string    `json:"page,omitempty"`
	Message string    `json:"message"`
	Do      string    `json:"do,omitempty"`
	DoZH    string    `json:"do_zh,omitempty"`
}

// PageInfo names a page for the checklist before the run reaches it.
type PageInfo struct {
	ID, Title string
	Human     steps.Step
}

// PagesOf lists the pages a run goes through, in flow order. 在线支付 is
// left out: the tool never goes there, it is on the person's list; so are
// the pages after 提交, which no fill run visits.
func PagesOf(maps *pagemap.Set) []PageInfo {
	var out []PageInfo
	for _, id := range maps.Pages() {
		m := maps.Get(id)
		if m == nil || m.Human == pagemap.Payment || slices.Contains(pagemap.AfterPages, id) {
			continue
		}
		out = append(out, PageInfo{ID: id, Title: m.Title, Human: m.Human})
	}
	return out
}

// Counts tallies a page's fields by status.
func (p Page) Counts() map[portal.FieldStatus]int {
	n := map[portal.FieldStatus]int{}
	for _, f := range p.Fields {
		n[f.Status]++
	}
	return n
}
