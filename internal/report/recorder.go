package report

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
	"github.com/cscse-tools/autofill/internal/version"
)

// Options describe the run a Recorder records.
type Options struct {
	Profile *profile.Profile
	Degree  *profile.Degree
	Pages   []PageInfo // the checklist (PagesOf)
	RunDir  string
	DryRun  bool
	Log     zerolog.Logger // where a failed checkpoint is reported
}

// Recorder is a portal.Sink that builds the run's Report from its events
// and rewrites the report files at each milestone (a page done, a person
// needed or done), so a run that dies without a word still leaves a report
// of what happened so far. Finish completes it.
type Recorder struct {
	mu     sync.Mutex
	rep    Report
	red    *profile.Redactor
	log    zerolog.Logger
	cur    string // the page the browser is on
	failed bool   // a checkpoint failed; warn once
}

// New starts the record of a run.
func New(o Options) *Recorder {
	now := time.Now()
	red := profile.NewRedactor(o.Profile)
	r := &Recorder{red: red, log: o.Log}
	r.rep = Report{
		Schema:   SchemaVersion,
		Tool:     version.String(),
		DryRun:   o.DryRun,
		RunDir:   o.RunDir,
		Started:  now,
		Updated:  now,
		Outcome:  Running,
		Left:     []Item{},
		Humans:   []Human{},
		Problems: []Problem{},
	}
	if p := o.Profile; p != nil {
		r.rep.Applicant = p.Applicant.Name
		if id := p.Applicant.IDNumber; id != "" {
			r.rep.ID = MaskField(red, portal.FieldReport{Key: "applicant.id_number", Value: id}).Value
		}
	}
	if d := o.Degree; d != nil {
		r.rep.Degree = Degree{ID: d.ID, Institution: d.AwardingInstitution, Name: d.DegreeName}
		if m, _, ok := d.MajorExplanation(); ok {
			r.rep.Degree.Field = fmt.Sprintf("%s: %s %s (%s); only the 专业领域 can be reviewed (复核), once, within 12 months",
				m.Discipline, m.Name, m.Code, m.Catalogue)
		}
	}
	for _, p := range o.Pages {
		r.rep.Pages = append(r.rep.Pages, Page{ID: p.ID, Title: p.Title, Human: p.Human, Status: PagePending})
	}
	return r
}

// Emit folds one event into the report.
func (r *Recorder) Emit(e portal.Event) {
	e = MaskEvent(r.red, e)
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rep.Updated = e.Time
	t := e.Time
	checkpoint := false
	switch e.Type {
	case portal.EvPage:
		if r.cur != "" && r.cur != e.Page {
			if prev := r.page(r.cur, ""); prev.Status == PageCurrent || prev.Status == PageWaiting {
				// The flow moved on, so the page before is complete.
				prev.Status = PageDone
				if prev.Done == nil {
					prev.Done = &t
				}
			}
		}
		p := r.page(e.Page, e.Title)
		p.Visits++
		if p.Entered == nil {
			p.Entered = &t
		}
		p.Fields = nil // a new visit fills the page again; its reports replace the last ones
		p.Status = PageCurrent
		r.cur = e.Page
	case portal.EvField:
		p := r.page(e.Page, "")
		p.Fields = append(p.Fields, *e.Field)
	case portal.EvPageDone:
		p := r.page(e.Page, e.Title)
		p.Screenshot = filepath.ToSlash(e.Screenshot)
		p.Done = &t
		p.Status = PageDone
		checkpoint = true
	case portal.EvHuman:
		r.rep.Humans = append(r.rep.Humans, Human{
			Step: e.Human, Page: e.Page, Message: e.Message, MessageZH: e.MessageZH,
			File: r.rel(e.File), Started: t,
		})
		r.page(e.Page, "").Status = PageWaiting
		checkpoint = true
	case portal.EvHumanRemind:
		if h := r.openHuman(e.Human); h != nil {
			h.Reminders++
		}
	case portal.EvHumanStage:
		if h := r.openHuman(e.Human); h != nil && e.Stage == steps.CodeAsked {
			h.CodeAsked = &t
		}
	case portal.EvHumanDone:
		if h := r.openHuman(e.Human); h != nil {
			h.Finished = &t
		}
		if p := r.page(e.Page, ""); p.Status == PageWaiting {
			p.Status = PageCurrent
		}
		checkpoint = true
	case portal.EvInfo:
		if e.Page != "" {
			r.page(e.Page, "").Note = e.Message
		}
	case portal.EvWarning:
		r.rep.Problems = append(r.rep.Problems, Problem{Time: t, Level: "warning", Page: e.Page, Message: e.Message})
	case portal.EvError:
		r.rep.Problems = append(r.rep.Problems, Problem{Time: t, Level: "error", Page: e.Page, Message: e.Message})
		if e.Page != "" {
			r.page(e.Page, "").Status = PageFailed
		}
	}
	if checkpoint && r.rep.RunDir != "" {
		r.checkpoint()
	}
}

// page returns the page with id, adding it when the checklist lacks it.
func (r *Recorder) page(id, title string) *Page {
	if p := r.find(id); p != nil {
		if p.Title == "" {
			p.Title = title
		}
		return p
	}
	r.rep.Pages = append(r.rep.Pages, Page{ID: id, Title: title, Status: PagePending})
	return &r.rep.Pages[len(r.rep.Pages)-1]
}

// openHuman returns the latest unfinished human step named step; "" means
// any step.
func (r *Recorder) openHuman(step steps.Step) *Human {
	for i := len(r.rep.Humans) - 1; i >= 0; i-- {
		if h := &r.rep.Humans[i]; (step == "" || h.Step == step) && h.Finished == nil {
			return h
		}
	}
	return nil
}

// rel makes a file inside the run directory relative to it, so the report
// stays right when the directory is moved or sent on.
func (r *Recorder) rel(path string) string {
	if path == "" || r.rep.RunDir == "" {
		return path
	}
	if rel, err := filepath.Rel(r.rep.RunDir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return path
}

// Finish completes the report with the run's result: the outcome, what is
// left for the person and, for an error, what to do. interrupted says the
// run was cancelled (Ctrl-C), whatever error that surfaced as.
func (r *Recorder) Finish(res *portal.Result, err error, interrupted bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	r.rep.Finished = &now
	r.rep.Updated = now
	if interrupted || errors.Is(err, context.Canceled) {
		interrupted = true
		r.rep.ExitCode = exitcode.Interrupted
	} else {
		r.rep.ExitCode = exitcode.Of(err)
	}
	if res != nil {
		r.rep.Page = res.Page
		r.rep.Visited = res.Visited
		r.rep.Verified = res.Verified
		r.rep.Healed = nil
		for _, h := range res.Healed {
			r.rep.Healed = append(r.rep.Healed, r.red.String(h))
		}
	}
	if r.rep.Page == "" {
		r.rep.Page = r.cur
	}
	r.rep.Left = []Item{}
	switch {
	case err == nil && res != nil && res.Ready:
		r.rep.Outcome = Ready
		for _, l := range res.Left {
			r.rep.Left = append(r.rep.Left, todoItem(r.red, l))
		}
	case err == nil && res != nil && res.Submitted:
		r.rep.Outcome = Submitted
		for _, l := range res.Left {
			r.rep.Left = append(r.rep.Left, todoItem(r.red, l))
		}
	case interrupted:
		r.rep.Outcome = Interrupted
		r.rep.Left = append(r.rep.Left, interruptedItem)
	case exitcode.Of(err) == exitcode.Parked:
		r.rep.Outcome = Waiting
		if h := r.openHuman(""); h != nil {
			n := HumanName(h.Step)
			r.rep.Left = append(r.rep.Left, item("Your step: "+n.EN+". "+h.Message, "您需要完成："+n.ZH+"。"+h.MessageZH))
		}
		r.rep.Left = append(r.rep.Left, Advise(err))
	default:
		r.rep.Outcome = Failed
		r.rep.Left = append(r.rep.Left, Advise(err))
	}
	if err != nil {
		r.noteError(err, interrupted, now)
	}
	if p := r.find(r.rep.Page); p != nil {
		switch r.rep.Outcome {
		case Ready:
			// 确认提交 is the person's: review, the pledge, 提交.
			p.Status = PageWaiting
		case Waiting:
			p.Status = PageWaiting
		case Interrupted:
			p.Status = PageStopped
		case Failed:
			p.Status = PageFailed
		}
	}
}

// noteError attaches what to do to the error the engine reported, or adds
// the error when it came from outside the engine (materials, the dry-run's
// comparison).
func (r *Recorder) noteError(err error, interrupted bool, now time.Time) {
	msg := r.red.String(err.Error())
	do := Advise(err)
	if interrupted {
		do = interruptedItem
	}
	for i := len(r.rep.Problems) - 1; i >= 0; i-- {
		if p := &r.rep.Problems[i]; p.Level == "error" && p.Message == msg {
			p.Do, p.DoZH = do.EN, do.ZH
			return
		}
	}
	r.rep.Problems = append(r.rep.Problems, Problem{Time: now, Level: "error", Page: r.cur, Message: msg, Do: do.EN, DoZH: do.ZH})
}

func (r *Recorder) find(id string) *Page {
	for i := range r.rep.Pages {
		if r.rep.Pages[i].ID == id {
			return &r.rep.Pages[i]
		}
	}
	return nil
}

// AttachStopShot records the screenshot taken when the run stopped on a
// page (rel is relative to the run directory).
func (r *Recorder) AttachStopShot(page, rel string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.find(page); p != nil {
		p.StopShot = filepath.ToSlash(rel)
	}
}

// Report returns a copy of the report as it stands.
func (r *Recorder) Report() Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rep.clone()
}

// Write saves report.json and report.html in the run directory.
func (r *Recorder) Write() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return Write(r.rep.RunDir, &r.rep)
}

// checkpoint writes the report as it stands; a failure is logged once and
// does not stop the run (Finish writes again and reports its error).
func (r *Recorder) checkpoint() {
	if err := Write(r.rep.RunDir, &r.rep); err != nil && !r.failed {
		r.failed = true
		r.log.Warn().Err(err).Msg("could not write the run report; the run goes on")
	}
}

func (rep Report) clone() Report {
	c := rep
	c.Left = append([]Item(nil), rep.Left...)
	c.Humans = append([]Human(nil), rep.Humans...)
	c.Problems = append([]Problem(nil), rep.Problems...)
	c.Healed = append([]string(nil), rep.Healed...)
	c.Visited = append([]string(nil), rep.Visited...)
	c.Pages = make([]Page, len(rep.Pages))
	for i, p := range rep.Pages {
		p.Fields = append([]Field(nil), p.Fields...)
		c.Pages[i] = p
	}
	return c
}
