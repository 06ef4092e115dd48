// Package portal is the fill engine: it recognises the page the browser is
// on from the page maps, fills it field by field with one driver per widget
// kind, reads every value back, hands human-only steps to the person, and
// stops at 确认提交 with a complete draft. It never submits and never pays.
package portal

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/accountstate"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
)

// Options configure one run for one degree of one profile.
type Options struct {
	Profile  *profile.Profile
	DegreeID string
	Maps     *pagemap.Set
	BaseURL  string
	RunDir   string // state, screenshots, the QR code; created 0700

	// Password returns the portal password (from AUTOFILL_PASSWORD or a
	// no-echo prompt). Nil, or an error, leaves it to the person in the page.
	Password func(ctx context.Context) (string, error)
	// Codes delivers 8-digit 12367 codes typed at the terminal; nil when
	// nobody can type (the person then enters it in the page).
	Codes <-chan string

	Wait        time.Duration // how long to wait for a person; default 15m
	Remind      time.Duration // how often to remind them; default 2m
	StepTimeout time.Duration // deadline of one wait; default 20s
	Retries     int           // retries of a save the server refused with 5xx; default 5

	// Prune deletes uploads and 学习经历 rows the draft holds and the
	// profile does not, after listing them (--prune). Without it they are
	// listed and the draft is not ready.
	Prune bool

	// StateDir is the root of per-account state and locks (which draft is
	// this degree's, page fingerprints); empty means appdir.State().
	StateDir string
	// WriteFile writes state files whole; nil is atomicfile.Write. Tests
	// inject a full disk through it.
	WriteFile accountstate.WriteFunc

	// BeforeResume, when set, is asked after a person's step is done and
	// before the engine goes on; an error stops the run with it. A batch
	// waits here for a free slot, so the Sink stays notification only.
	BeforeResume func(ctx context.Context, step steps.Step) error

	Sink Sink
	Log  zerolog.Logger
}

// Result is what a run achieved.
type Result struct {
	Ready bool // the draft is complete and waits at 确认提交
	// Submitted: this degree's application is past 提交 (waiting on 在线支付,
	// or 认证中 …): nothing was changed; the person pays or reviews it.
	Submitted bool
	// Extras are uploads and 学习经历 rows in the draft the profile lacks;
	// Pruned those --prune deleted.
	Extras  []Extra
	Pruned  []Extra
	Page    string       // the last page seen
	Healed  []string     // fields found by label because their selector failed
	Left    []steps.Todo // what the person still has to do
	RunDir  string
	Visited []string

	// Verified counts the values of the portal's own summary on 确认提交
	// found equal to the profile; 0 when the page has no summary map.
	Verified int
	// Faults are autofill's page functions that threw (a fault of ours,
	// never of the profile or the portal), logged as they happened.
	Faults []string
}

// maxVisits stops a run that keeps coming back to the same page (a portal
// that silently refuses to move on).
const maxVisits = 8

type runner struct {
	opts  Options
	vals  *values
	maps  *pagemap.Set
	never []string // every never_click selector of every map
	state *State
	acct  *accountstate.State // this account's remembered drafts and fingerprints
	res   *Result
	red   *profile.Redactor // masks ID numbers and phones in messages

	page       string       // current page id
	pageMap    *pagemap.Map // its map
	dismissing bool         // closing a notice: do not recurse
	visits     map[string]int
	manualUsed bool
	addedRows  map[int]bool // study-history rows this run added
	password   string
	passTried  bool
	stopAt     string          // Open: the page where the run ends (open.go)
	verified   verifiedSet     // this page's fields read back equal (the sweep re-reads them)
	rechoose   string          // the key of a choice being made once more
	absentKeys map[string]bool // fields this form of the portal does not show (may_be_absent); the summary skips them
	shots      sync.WaitGroup  // pictures of pages being masked and saved (pageShot)
	shotMu     sync.Mutex
	shotErrs   []error    // pictures that could not be saved, logged by shotsSaved
	faultMu    sync.Mutex // guards res.Faults: the pictures' page calls run beside the engine
}

// Run drives the tab (a chromedp context) through the portal until the draft
// is ready at the confirm page, a person is needed for longer than
// Options.Wait, or something is wrong. Errors carry exit codes (exitcode.Of).
func Run(ctx context.Context, o Options) (*Result, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	d, err := o.Profile.Degree(o.DegreeID)
	if err != nil {
		return nil, exitcode.With(exitcode.BadInput, err)
	}
	if err := os.MkdirAll(o.RunDir, 0o700); err != nil {
		return nil, fmt.Errorf("run directory: %w", err)
	}
	st, err := loadState(o.RunDir, d.ID)
	if err != nil {
		return nil, err
	}
	st.write = o.WriteFile
	adir, err := accountstate.Dir(o.StateDir, o.BaseURL, o.Profile.Login())
	if err != nil {
		return nil, fmt.Errorf("account state: %w", err)
	}
	release, err := accountstate.Lock(adir)
	if err != nil {
		return nil, err
	}
	defer release()
	acct, err := accountstate.Load(adir, o.WriteFile)
	if err != nil {
		return nil, err
	}
	r := &runner{
		opts:      o,
		vals:      &values{p: o.Profile, d: d},
		maps:      o.Maps,
		state:     st,
		acct:      acct,
		red:       profile.NewRedactor(o.Profile),
		res:       &Result{RunDir: o.RunDir},
		visits:    map[string]int{},
		addedRows: map[int]bool{},
	}
	defer r.shotsSaved() // every picture saved before the run's files are read
	ctx = page.WithFaultHook(ctx, r.fault)
	for _, p := range o.Maps.Pages() {
		r.never = append(r.never, o.Maps.Get(p).Never()...)
	}
	r.emit(Event{Type: EvStart, Message: fmt.Sprintf("degree %s: %s, %s", d.ID, d.AwardingInstitution, d.DegreeName)})
	err = r.loop(ctx)
	r.res.Page = r.page
	if errors.Is(err, errSubmitted) {
		r.emit(Event{Type: EvInfo, Page: r.page, Message: "already submitted — pay yourself (or review): autofill changed nothing"})
		return r.res, nil
	}
	if err != nil {
		r.emit(Event{Type: EvError, Page: r.page, Message: err.Error()})
		return r.res, err
	}
	msg := "the draft is ready for your review at 确认提交"
	if r.res.Verified > 0 {
		msg += fmt.Sprintf(" (verified on 确认提交: the portal's summary equals the profile, %d values)", r.res.Verified)
	}
	r.emit(Event{Type: EvDone, Page: r.page, Message: msg})
	return r.res, nil
}

func (o *Options) defaults() error {
	if o.Profile == nil || o.Maps == nil {
		return errors.New("portal.Run needs a profile and page maps")
	}
	if err := o.Maps.Require(o.Maps.FlowPages()...); err != nil {
		return exitcode.With(exitcode.Drift, err)
	}
	if o.Wait == 0 {
		o.Wait = 15 * time.Minute
	}
	if o.Remind == 0 {
		o.Remind = 2 * time.Minute
	}
	if o.StepTimeout == 0 {
		o.StepTimeout = 20 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 5
	}
	if o.Sink == nil {
		o.Sink = Sinks{}
	}
	if o.RunDir == "" {
		o.RunDir = filepath.Join("runs", time.Now().Format("20060102-150405"))
	}
	return nil
}

func (r *runner) emit(e Event) {
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	if e.Page == "" {
		e.Page = r.page
	}
	r.opts.Sink.Emit(e)
}

// loop is detect → act → verify → move on, until confirm.
func (r *runner) loop(ctx context.Context) error {
	// Open the tab with the run's own context first: a tab's life is bound to
	// the context of its first action, and later actions use short-lived
	// ones (bounded).
	if err := page.Open(ctx); err != nil {
		return fmt.Errorf("opening a browser tab: %w", err)
	}
	if err := installHelpers(ctx); err != nil {
		return err
	}
	if err := quickAnimations(ctx); err != nil {
		r.opts.Log.Debug().Err(err).Msg("animations at their normal pace")
	}
	start := r.opts.BaseURL
	if changed := r.changedPages(); len(changed) == 0 {
		start = resumeURL(r.state.LastURL, r.opts.BaseURL) // where the last run was
	} else if r.state.LastURL != "" {
		r.emit(Event{Type: EvInfo, Message: "the profile changed for " + strings.Join(changed, ", ") + " since the draft was filled: re-checking every page from 我的申请"})
	}
	if err := bounded(ctx, navTimeout, "opening "+start, func(ctx context.Context) error {
		return page.Navigate(ctx, start)
	}); err != nil {
		return fmt.Errorf("opening %s: %w", start, err)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, err := r.detect(ctx)
		if err != nil {
			return err
		}
		r.page, r.pageMap = m.Page, m
		r.visits[m.Page]++
		r.res.Visited = append(r.res.Visited, m.Page)
		if r.visits[m.Page] > maxVisits {
			return failure(fmt.Errorf("page %s (%s) came back %d times without the run moving on; stopping rather than looping — look at the browser window and the screenshots in %s", m.Page, m.Title, maxVisits, r.opts.RunDir))
		}
		r.emit(Event{Type: EvPage, Title: m.Title})
		if m.List == nil {
			if err := r.rememberApp(ctx); err != nil {
				return err
			}
		}
		if err := r.waitIdle(ctx); err != nil {
			return err
		}
		if err := r.dismiss(ctx, m); err != nil {
			return err
		}
		step := r.maps.StepOf(m.Page) // flow.yaml says which step handles the page
		if r.stopAt != "" && step != pagemap.StepLogin {
			return r.stopped(m) // Open: logged in (open.go)
		}
		var done bool
		switch step {
		case pagemap.StepLogin:
			err = r.login(ctx, m)
		case pagemap.StepConsent:
			err = r.agreement(ctx, m)
		case pagemap.StepVerify:
			err = r.verify(ctx, m)
		case pagemap.StepFinish:
			done, err = true, r.finish(ctx, m)
		case pagemap.StepList:
			err = r.applications(ctx, m)
		default:
			err = r.step(ctx, m)
		}
		if err != nil || done {
			return err
		}
	}
}

// detect waits until the browser shows exactly one known page. An unknown
// page is not an error: the person may be elsewhere on the site; they are
// asked to go to a known page, and the run keeps watching.
func (r *runner) detect(ctx context.Context) (*pagemap.Map, error) {
	rules := r.maps.DetectRules()
	var found []string
	check := func() (bool, error) {
		var err error
		found, err = detectPages(ctx, rules)
		return len(found) > 0, err
	}
	err := waitFor(ctx, r.opts.StepTimeout, "a known page", check)
	if errors.Is(err, errTimeout) {
		url := location(ctx)
		seen, _ := PageSeen(ctx)
		if len(r.res.Visited) > 0 && sameHost(url, r.opts.BaseURL) {
			// The portal's own page, past a page the maps know (not a
			// home page before the login), that no map places: it changed.
			return nil, exitcode.With(exitcode.Drift, &UnknownPageError{Seen: seen})
		}
		r.ask(Event{Human: steps.Navigate,
			Message:   fmt.Sprintf("This page (%s: %s) is not one autofill knows. Go to 我的申请 or an application step; autofill keeps watching. If it is the portal's own page, it changed: run `autofill probe`.", url, seen),
			MessageZH: "当前页面无法识别，请转到“我的申请”或申请步骤页面，本工具会继续等待。"})
		err = r.waitHuman(ctx, steps.Navigate, check)
		if err == nil {
			err = r.humanDone(ctx, steps.Navigate)
		}
	}
	if err != nil {
		return nil, err
	}
	if len(found) > 1 {
		return nil, drift(&DriftError{Page: found[0], Label: "detect", Key: "detect",
			Detail: fmt.Sprintf("the page matches the detect rules of %v at once; make them specific", found)})
	}
	return r.maps.Get(found[0]), nil
}

// waitIdle waits until the page has no request in flight, no loading mask
// and a DOM that stood still for two animation frames, so the form shows
// the portal's saved values before the engine compares anything.
func (r *runner) waitIdle(ctx context.Context) error {
	return page.Settled(ctx, r.opts.StepTimeout+r.opts.StepTimeout)
}

// dismiss closes notices (系统公告) the map lists, when they show.
func (r *runner) dismiss(ctx context.Context, m *pagemap.Map) error {
	for _, t := range m.Dismiss {
		n, err := visibleCount(ctx, t.CSS)
		if err != nil || n == 0 {
			continue
		}
		if err := r.clickTarget(ctx, m, "dismiss", t); err != nil {
			return err
		}
		if err := page.UntilCount(ctx, r.opts.StepTimeout, "the notice to close", t.CSS, 0); err != nil {
			return err
		}
	}
	return nil
}

// finish is the confirm (or payment) page: the tool's work ends here.
func (r *runner) finish(ctx context.Context, m *pagemap.Map) error {
	if err := r.screenshot(ctx, m); err != nil {
		r.opts.Log.Warn().Err(err).Msg("screenshot")
	}
	if m.Human == pagemap.Payment {
		r.res.Submitted = true
		r.res.Left = steps.Submitted("")
		return errSubmitted
	}
	if err := r.extrasLeft(); err != nil {
		return err
	}
	// Extras are named first (with --prune as the way out); the summary
	// would only call them differences.
	if m.Human == pagemap.Confirm && m.Summary != nil {
		n, err := r.verifySummary(ctx, m)
		if err != nil {
			return err
		}
		r.res.Verified = n
		r.emit(Event{Type: EvInfo, Message: fmt.Sprintf("verified on 确认提交: the portal's own summary equals the profile (%d values)", n)})
	}
	r.res.Left = steps.Ready(r.opts.RunDir)
	r.state.LastURL = location(ctx)
	r.state.Ready = true
	if err := r.state.save(); err != nil {
		return failure(fmt.Errorf("saving the run state: %w", err))
	}
	r.res.Ready = true
	return nil
}
