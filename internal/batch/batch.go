// Package batch prepares many applications side by side, as an agency does
// in graduation season: one job per degree of each profile, each applicant
// in a browser context of their own (own cookies and storage), at most
// Parallel of them filling at a time.
//
// A person's step (the 实人认证 face scan, the 12367 code, a captcha) frees
// its slot while the engine waits for it, so nobody queues behind an
// applicant who is not answering; one nobody answers for within Wait is
// parked with the QR code in their run directory. Every job keeps a status
// file and every applicant their session, so a re-run skips what is ready
// and continues the rest where it stopped, without a new login, and the
// engine reconciles the draft so nothing is added twice.
package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/accountstate"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
)

// DefaultWait is how long a batch waits for an applicant's own step before
// parking them: long enough for an applicant reached by phone to scan the
// forwarded QR code and read out the 12367 code while the batch runs, short
// enough that the batch ends. The wait holds no slot, so it delays nobody.
const DefaultWait = 10 * time.Minute

// DefaultStall is far beyond any wait of the engine (20 s a step, a few
// retries of a busy portal), so only a browser that stopped answering — a
// screenshot that never comes back — trips it.
const DefaultStall = 3 * time.Minute

// DefaultRetries is how often `autofill batch` runs a failed job again.
const DefaultRetries = 1

// Options configure a batch.
type Options struct {
	Jobs     []*Job // from Plan
	Dir      string // the batch directory: run directories and the summary
	Parallel int    // applicants filling at once; 0 means the number of CPUs
	// MaxOpen bounds the applicants with a tab open, filling or waiting for
	// their person (each tab costs the browser about 100 MB); the others
	// wait their turn. 0 means 4×Parallel, at least 8.
	MaxOpen int
	Maps    *pagemap.Set
	// Target is the portal (required): job.Live, or the dry-run's one
	// simulator for every applicant (each is registered there, and each
	// job checks what it accepted).
	Target job.Target
	Wait   time.Duration // 0 means DefaultWait
	Tabs   Tabs
	// Retries is how many times a job that failed (exit 1: a busy portal, a
	// value that did not stick) runs again at once; the engine continues
	// its draft, so a retry adds nothing twice. 0 means none (the command's
	// default is DefaultRetries).
	Retries int
	// Stall is how long a job may go without any sign of progress (and
	// without waiting for a person) before its tab is taken for hung: the
	// job is stopped and retried in a fresh tab. 0 means DefaultStall.
	Stall time.Duration

	// Passwords are for a target that knows none (the live portal); a
	// dry-run's target registers every applicant with a password of its own.
	Passwords *Passwords

	// Log gives a job's console logger (run.log in the run directory gets
	// everything anyway); nil means none.
	Log func(*Job) zerolog.Logger
	// Changed is called after any row changes; it must not block.
	Changed func()
}

// Row is a job's status plus what only the running batch knows.
type Row struct {
	Status
	Live     bool      // the engine is on it now (filling, or watching the page for its person)
	Deadline time.Time // while a live job waits for its person: when it parks
	Earlier  bool      // ready in an earlier run: skipped
	LoggedIn bool      // the last attempt went through the login page (no saved session, or it had expired)
	Retried  string    // why the job had to run again in this batch (masked), if it did
	Retrying bool      // the attempt running now is a retry (Reason says after what)
}

// Batch is one run of many jobs.
type Batch struct {
	o      Options
	portal string
	slots  *pool
	tabs   chan struct{} // MaxOpen

	mu       sync.Mutex
	ctx      context.Context
	runs     []*run
	order    []*applicant
	active   int // applicant goroutines
	started  bool
	finished bool
	done     chan struct{}
}

// run is one job inside the batch.
type run struct {
	job   *Job
	row   Row
	codes chan string // 12367 codes typed at the table; the newest one counts
	app   *applicant
	log   zerolog.Logger
}

// applicant is everyone's jobs for one portal account: they run one after
// another in one browser context, never two at once.
type applicant struct {
	key      string
	identity string
	runs     []*run
	queue    []*run
	busy     bool

	password   string
	missing    string // why there is no password (masked)
	registered bool
	ownPW      string // the password the target knows for the account, if any
	// views are the applicant's profiles as the target sees them
	// (Target.Account), by the loaded profile.
	views map[*profile.Profile]*profile.Profile
}

// view is profile p as the target sees it.
func (a *applicant) view(p *profile.Profile) *profile.Profile {
	if v := a.views[p]; v != nil {
		return v
	}
	return p
}

// New prepares a batch.
func New(o Options) *Batch {
	if o.Parallel <= 0 {
		o.Parallel = runtime.NumCPU()
	}
	if o.Wait <= 0 {
		o.Wait = DefaultWait
	}
	o.Retries = max(o.Retries, 0)
	if o.Stall <= 0 {
		o.Stall = DefaultStall
	}
	if o.MaxOpen <= 0 {
		o.MaxOpen = max(4*o.Parallel, 8)
	}
	o.MaxOpen = max(o.MaxOpen, o.Parallel)
	b := &Batch{o: o, slots: newPool(o.Parallel), tabs: make(chan struct{}, o.MaxOpen), done: make(chan struct{})}
	if o.Target != nil {
		b.portal = o.Target.Name()
	}
	return b
}

// Run runs every job that is not ready yet and returns every row when all
// are ready, parked, failed or interrupted (ctx). It writes summary.csv and
// summary.json into Dir. The error is only about the summary; ExitCode
// tells how the jobs went.
func (b *Batch) Run(ctx context.Context) ([]Row, error) {
	if err := os.MkdirAll(b.o.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("batch directory: %w", err)
	}
	b.mu.Lock()
	if b.started {
		b.mu.Unlock()
		return nil, errors.New("a batch runs once; make a new one")
	}
	b.started, b.ctx = true, ctx
	apps := map[string]*applicant{}
	for _, j := range b.o.Jobs {
		r := b.prepare(j)
		b.runs = append(b.runs, r)
		if r.row.State != Queued {
			continue
		}
		key := strings.ToLower(j.username())
		if key == "" {
			key = "file:" + j.File
		}
		a := apps[key]
		if a == nil {
			a = &applicant{key: key, identity: j.fingerprint(false)}
			apps[key] = a
			b.order = append(b.order, a)
		}
		r.app = a
		a.runs = append(a.runs, r)
		a.queue = append(a.queue, r)
	}
	for _, a := range b.order {
		b.startLocked(a)
	}
	if b.active == 0 {
		b.finished = true
		close(b.done)
	}
	b.mu.Unlock()
	b.changed()
	<-b.done
	rows := b.Rows()
	return rows, WriteSummary(b.o.Dir, rows)
}

// prepare makes a job's row from its profile and what its run directory
// remembers. The caller holds b.mu.
func (b *Batch) prepare(j *Job) *run {
	r := &run{job: j, codes: make(chan string, 1), log: zerolog.Nop()}
	if b.o.Log != nil {
		r.log = b.o.Log(j)
	}
	r.row.Status = Status{N: j.N, Job: j.Name, Profile: j.File, Applicant: j.Applicant(), Degree: j.DegreeID(),
		RunDir: j.RunDir, Portal: b.portal, Identity: j.fingerprint(true), Values: j.valuesPrint()}
	switch {
	case j.Invalid != "":
		r.row.State, r.row.Reason, r.row.ExitCode = Invalid, j.Invalid, exitcode.BadInput
		return r
	case j.Conflict != "":
		r.row.State, r.row.Reason, r.row.ExitCode = Failed, j.Conflict, exitcode.BadInput
		return r
	}
	if err := os.MkdirAll(j.RunDir, 0o700); err != nil {
		r.row.State, r.row.Reason, r.row.ExitCode = Failed, "run directory: "+err.Error(), exitcode.Failure
		return r
	}
	prev, err := loadStatus(j.RunDir)
	if err != nil {
		r.log.Warn().Err(err).Msg("status file unreadable; the job starts afresh (the engine still continues its draft)")
	}
	r.row.State = Queued
	if prev == nil {
		return r
	}
	if prev.Identity != "" && prev.Identity != r.row.Identity {
		r.row.State, r.row.ExitCode = Failed, exitcode.BadInput
		r.row.Reason = fmt.Sprintf("the run directory %s holds another applicant's or degree's work from an earlier batch: use another --run-dir, or move it away", j.RunDir)
		return r
	}
	r.row.Attempts = prev.Attempts
	if prev.State == Ready && prev.Portal == b.portal && prev.Values == r.row.Values {
		keep := r.row.Status
		r.row.Status = *prev
		r.row.N, r.row.Profile, r.row.Applicant, r.row.RunDir = keep.N, keep.Profile, keep.Applicant, keep.RunDir
		r.row.Earlier = true
		return r
	}
	if prev.State.Waiting() {
		r.row.QR = prev.QR
	}
	return r
}

// startLocked starts an applicant's goroutine unless it runs already. The
// caller holds b.mu.
func (b *Batch) startLocked(a *applicant) {
	if a.busy || len(a.queue) == 0 {
		return
	}
	a.busy = true
	b.active++
	go b.runApplicant(a)
}

// next takes the applicant's next queued job, or marks the applicant idle.
func (b *Batch) next(a *applicant) *run {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(a.queue) == 0 {
		a.busy = false
		return nil
	}
	r := a.queue[0]
	a.queue = a.queue[1:]
	return r
}

func (b *Batch) applicantDone() {
	b.mu.Lock()
	b.active--
	if b.active == 0 && !b.finished {
		b.finished = true
		close(b.done)
	}
	b.mu.Unlock()
}

// runApplicant runs an applicant's queued jobs in one isolated tab, with
// the session of their last run restored and saved after each job.
func (b *Batch) runApplicant(a *applicant) {
	defer b.applicantDone()
	ctx := b.ctx
	sl := &slot{pool: b.slots}
	defer sl.release()
	endAll := func(st State, reason string, code int) {
		for r := b.next(a); r != nil; r = b.next(a) {
			b.update(r, func(row *Row) { row.State, row.Reason, row.ExitCode = st, reason, code })
		}
	}
	if err := b.credentials(a); err != nil {
		endAll(Failed, err.Error(), exitcode.Failure)
		return
	}
	saved := newestSession(a.dirs(), a.identity)
	if a.password == "" && saved == nil {
		endAll(WaitingPassword, a.missing, exitcode.Parked)
		return
	}
	select { // a tab of one's own, within MaxOpen
	case b.tabs <- struct{}{}:
		defer func() { <-b.tabs }()
	case <-ctx.Done():
		endAll(Interrupted, "", exitcode.Interrupted)
		return
	}
	if !sl.acquire(ctx) {
		endAll(Interrupted, "", exitcode.Interrupted)
		return
	}
	t := &tab{}
	sl.tabOpen()
	if err := b.openTab(ctx, a, t); err != nil {
		if ctx.Err() != nil {
			endAll(Interrupted, "", exitcode.Interrupted)
		} else {
			endAll(Failed, err.Error(), exitcode.Failure)
		}
		return
	}
	defer func() { t.close() }()
	for r := b.next(a); r != nil; r = b.next(a) {
		if !sl.acquire(ctx) {
			b.update(r, func(row *Row) { row.State, row.ExitCode = Interrupted, exitcode.Interrupted })
			continue
		}
		b.runJob(ctx, t, a, r, sl)
		if t.ctx == nil { // a hung tab that could not be replaced
			endAll(Failed, "the browser stopped answering and no new tab could be opened", exitcode.Failure)
			return
		}
		if err := saveSession(t.ctx, r.job.RunDir, a.identity); err != nil && ctx.Err() == nil {
			r.log.Warn().Err(err).Msg("could not save the session; the next run logs in anew")
		}
	}
}

// tab is an applicant's browser tab; one that stopped answering is
// replaced by a fresh one.
type tab struct {
	ctx   context.Context
	close func()
}

// openTab opens an isolated tab for the applicant and restores their
// newest saved session into it.
func (b *Batch) openTab(ctx context.Context, a *applicant, t *tab) error {
	tc, closeTab, err := b.o.Tabs.Open(ctx)
	if err != nil {
		return err
	}
	t.ctx, t.close = tc, closeTab
	if _, err := restoreSession(tc, newestSession(a.dirs(), a.identity)); err != nil {
		a.runs[0].log.Warn().Err(err).Msg("could not restore the saved session; logging in anew")
	}
	return nil
}

// renewTab replaces a hung tab, carrying the session over.
func (b *Batch) renewTab(ctx context.Context, a *applicant, r *run, t *tab) {
	if err := saveSession(t.ctx, r.job.RunDir, a.identity); err != nil {
		r.log.Warn().Err(err).Msg("could not save the session of the hung tab")
	}
	t.close()
	t.ctx, t.close = nil, func() {}
	if err := b.openTab(ctx, a, t); err != nil {
		r.log.Error().Err(err).Msg("could not open a new tab")
	}
}

// dirs lists the applicant's run directories (for the newest session).
func (a *applicant) dirs() []string {
	var d []string
	for _, r := range a.runs {
		d = append(d, r.job.RunDir)
	}
	return d
}

// credentials readies the applicant's account on the target, once, and
// finds their password: the target's own (a dry-run registers them), else
// the passwords file's.
func (b *Batch) credentials(a *applicant) error {
	if !a.registered {
		a.views = map[*profile.Profile]*profile.Profile{}
		for _, r := range a.runs {
			p := r.job.Profile
			if a.views[p] != nil {
				continue
			}
			acc, err := b.o.Target.Account(p)
			if err != nil {
				return err
			}
			a.views[p] = acc.Profile
			if acc.Password != "" {
				a.ownPW = acc.Password
			}
		}
		a.registered = true
	}
	if a.ownPW != "" {
		a.password, a.missing = a.ownPW, ""
		return nil
	}
	first := a.runs[0].job
	user := first.username()
	pw, ok := b.o.Passwords.Lookup(user)
	a.password, a.missing = pw, ""
	if !ok {
		a.missing = profile.NewRedactor(first.Profile).String(b.o.Passwords.Missing(user))
	}
	return nil
}

// runJob runs one job in the applicant's tab, again at once when it fails
// (Retries), and records how it ended.
func (b *Batch) runJob(ctx context.Context, t *tab, a *applicant, r *run, sl *slot) {
	red := profile.NewRedactor(r.job.Profile)
	var noPassword atomic.Bool
	b.update(r, func(row *Row) {
		row.State, row.Reason, row.ExitCode = Running, "", 0
		row.Attempts++
		row.Started = time.Now()
		row.Live, row.Deadline, row.LoggedIn = true, time.Time{}, false
	})
	res, stalled, err := b.attempt(ctx, t.ctx, a, r, sl, &noPassword)
	for try := 0; try < b.o.Retries && retryable(err) && !noPassword.Load() && sl.acquire(ctx); try++ {
		if stalled {
			b.renewTab(ctx, a, r, t)
			if t.ctx == nil {
				break
			}
		}
		reason := oneLine(red.String(err.Error()))
		r.log.Warn().Str("reason", reason).Msg("the job failed; running it once more (the engine continues the draft)")
		b.update(r, func(row *Row) {
			row.Attempts++
			row.Reason, row.Retried, row.Retrying = "retrying after: "+reason, reason, true
		})
		res, stalled, err = b.attempt(ctx, t.ctx, a, r, sl, &noPassword)
	}
	if stalled && t.ctx != nil { // the applicant's next job gets a tab that answers
		b.renewTab(ctx, a, r, t)
	}
	b.update(r, func(row *Row) {
		row.Live, row.Deadline, row.Retrying = false, time.Time{}, false
		row.ExitCode = exitcode.Of(err)
		var pe *portal.ParkedError
		switch {
		case err == nil && res != nil && res.Ready:
			row.State, row.Reason = Ready, ""
		case err == nil && res != nil && res.Submitted:
			row.State, row.Reason = WaitingPerson, "already submitted — pay yourself (or review)"
		case noPassword.Load():
			row.State, row.Reason, row.ExitCode = WaitingPassword, a.missing, exitcode.Parked
		case errors.As(err, &pe):
			if !row.State.Waiting() {
				row.State, row.Reason = humanState(pe.Step)
			}
		case ctx.Err() != nil:
			row.State, row.Reason, row.ExitCode = Interrupted, "", exitcode.Interrupted
		case err == nil:
			row.State, row.Reason, row.ExitCode = Failed, "the run ended before the draft was ready", exitcode.Failure
		default:
			row.State, row.Reason = Failed, oneLine(red.String(err.Error()))
		}
	})
}

// attempt runs the job once in tab, stopping it when it shows no progress
// for Stall (stalled: the tab is to be replaced).
func (b *Batch) attempt(ctx, tab context.Context, a *applicant, r *run, sl *slot, noPassword *atomic.Bool) (res *portal.Result, stalled bool, err error) {
	j := r.job
	jctx, cancel := context.WithCancel(tab)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	tr := &tracker{b: b, r: r, slot: sl, ctx: ctx, wait: b.o.Wait}
	tr.touch()
	pw, missing := a.password, a.missing
	spec := job.Spec{
		Profile: a.view(j.Profile), Degree: j.Degree, Maps: b.o.Maps, Target: b.o.Target, RunDir: j.RunDir,
		Password: func(context.Context) (string, error) {
			if pw != "" {
				return pw, nil
			}
			// The saved session has expired and nobody can type a
			// password into a batch: park at once instead of waiting.
			noPassword.Store(true)
			cancel()
			return "", errors.New(missing)
		},
		Codes: r.codes, Wait: b.o.Wait, Log: r.log, Sink: tr, BeforeResume: tr.beforeResume,
	}
	var hung atomic.Bool
	watch := make(chan struct{})
	go func() { // the watchdog
		tick := time.NewTicker(min(b.o.Stall/6, 5*time.Second))
		defer tick.Stop()
		for {
			select {
			case <-watch:
				return
			case <-tick.C:
				if tr.idle() > b.o.Stall {
					hung.Store(true)
					cancel()
					return
				}
			}
		}
	}()
	res, err = job.Run(jctx, spec)
	close(watch)
	if hung.Load() && ctx.Err() == nil {
		b.mu.Lock()
		page := r.row.Page
		b.mu.Unlock()
		err = exitcode.Errorf(exitcode.Failure, "no progress for %s on page %s: the browser tab stopped answering, so it was replaced", b.o.Stall, page)
		return res, true, err
	}
	return res, false, err
}

// retryable reports whether running a failed job again may help: a plain
// failure, not bad input, a changed portal, a person's step, someone
// else's account or a refused click.
func retryable(err error) bool {
	var id *portal.IdentityError
	var fc *portal.ForbiddenClick
	var held *accountstate.HeldError // another run has the account: retrying would race it
	var extra *portal.ExtrasError    // the profile must change (or --prune), not the run
	return err != nil && exitcode.Of(err) == exitcode.Failure && !errors.Is(err, context.Canceled) &&
		!errors.As(err, &id) && !errors.As(err, &fc) && !errors.As(err, &held) && !errors.As(err, &extra)
}

// update changes a row, saves its status file and tells the display.
func (b *Batch) update(r *run, fn func(*Row)) {
	b.mu.Lock()
	fn(&r.row)
	r.row.Updated = time.Now()
	st := r.row.Status
	err := st.save()
	b.mu.Unlock()
	if err != nil {
		r.log.Warn().Err(err).Msg("could not write the status file")
	}
	b.changed()
}

func (b *Batch) changed() {
	if b.o.Changed != nil {
		b.o.Changed()
	}
}

// Rows returns every job's row, in job order.
func (b *Batch) Rows() []Row {
	b.mu.Lock()
	defer b.mu.Unlock()
	rows := make([]Row, len(b.runs))
	for i, r := range b.runs {
		rows[i] = r.row
	}
	return rows
}

// Parallel is the number of applicants that fill at once.
func (b *Batch) Parallel() int { return b.o.Parallel }

// Code hands an 8-digit 12367 code to job n. A job on its way or waiting at
// 实人认证 gets it as soon as the page asks; a parked one resumes with it
// while the batch still runs. The answer says what happened.
func (b *Batch) Code(n int, code string) (string, error) {
	code = strings.TrimSpace(code)
	if !portal.IsCode(code) {
		return "", errors.New("a 12367 authorization code has exactly 8 digits")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if n < 1 || n > len(b.runs) {
		return "", fmt.Errorf("there is no #%d: the rows are numbered 1 to %d", n, len(b.runs))
	}
	r := b.runs[n-1]
	switch st := r.row.State; {
	case st == Ready:
		return "", fmt.Errorf("#%d is ready: it needs no code", n)
	case st != Queued && st != Running && st != WaitingFace && st != WaitingCode:
		return "", fmt.Errorf("#%d is %s, not on its way to 实人认证: no code can help it now", n, r.row.Text())
	case b.finished:
		return "", fmt.Errorf("the batch has ended: run it again and type the code when #%d waits at 实人认证", n)
	}
	select { // only the newest code counts
	case <-r.codes:
	default:
	}
	r.codes <- code // cannot block: emptied above, and only Code sends, under b.mu
	parked := !r.row.Live && (r.row.State == WaitingFace || r.row.State == WaitingCode)
	if !parked || r.app == nil {
		return fmt.Sprintf("#%d: code handed over; it is entered when the page asks for it", n), nil
	}
	r.row.State = Queued
	r.app.queue = append(r.app.queue, r)
	b.startLocked(r.app)
	b.changed()
	return fmt.Sprintf("#%d: resuming with the code", n), nil
}

// tracker follows a job's events into its row, and frees the slot while
// the job waits for its person.
type tracker struct {
	b    *Batch
	r    *run
	slot *slot
	ctx  context.Context
	wait time.Duration

	last    atomic.Int64 // when the job last showed progress (UnixNano)
	waiting atomic.Bool  // it waits for its person, or for a slot: not progress, not a hang
}

func (t *tracker) touch() { t.last.Store(time.Now().UnixNano()) }

// idle is how long the job has shown no progress while it should.
func (t *tracker) idle() time.Duration {
	if t.waiting.Load() {
		t.touch()
		return 0
	}
	return time.Since(time.Unix(0, t.last.Load()))
}

func (t *tracker) Emit(e portal.Event) {
	t.touch()
	switch e.Type {
	case portal.EvPage:
		t.b.update(t.r, func(row *Row) {
			row.Page, row.PageTitle = e.Page, e.Title
			if maps := t.b.o.Maps; maps != nil {
				if m := maps.Get(e.Page); m != nil && m.Human == pagemap.Captcha {
					row.LoggedIn = true // the login page (its human step is the captcha)
				}
			}
		})
	case portal.EvHuman:
		st, reason := humanState(e.Human)
		t.b.update(t.r, func(row *Row) {
			row.State, row.Reason = st, reason
			if e.File != "" {
				row.QR = e.File
			}
			row.Deadline = time.Now().Add(t.wait)
		})
		t.waiting.Store(true)
		t.slot.release()
	case portal.EvHumanStage:
		if e.Stage == steps.CodeAsked { // the face scan is done
			t.b.update(t.r, func(row *Row) {
				if row.State == WaitingFace {
					row.State = WaitingCode
				}
			})
		}
	}
}

// beforeResume is the engine's question after a person's step: the job
// gets back in line for a slot with the others before it goes on. Until it
// has one it is waiting, not hung.
func (t *tracker) beforeResume(ctx context.Context, _ steps.Step) error {
	t.waiting.Store(true)
	ok := t.slot.acquire(ctx)
	t.touch()
	t.waiting.Store(false)
	if !ok {
		return ctx.Err()
	}
	t.b.update(t.r, func(row *Row) { row.State, row.Reason, row.Deadline = Running, "", time.Time{} })
	return nil
}

// humanState maps the engine's human steps to states.
func humanState(step steps.Step) (State, string) {
	switch step {
	case steps.FaceAndCode:
		return WaitingFace, ""
	case steps.Captcha:
		return WaitingLogin, ""
	case steps.Consent:
		return WaitingPerson, "the service agreement (set consent.service_agreement: true to let autofill accept it)"
	case steps.Navigate:
		return WaitingPerson, "a page autofill does not know"
	case steps.NoRecords:
		return WaitingPerson, "the choice to go on without entry/exit records (click it yourself)"
	}
	return WaitingPerson, step.Name().EN
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	return s
}
