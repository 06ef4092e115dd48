package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/portal"
)

// noTabs is a browser that must not be needed.
type noTabs struct{ opened atomic.Int32 }

func (n *noTabs) Open(context.Context) (context.Context, func(), error) {
	n.opened.Add(1)
	return nil, nil, errors.New("this test has no browser")
}

func plan(t *testing.T, n int) ([]*Job, string) {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for _, a := range batchtest.Write(t, dir, "unit", n) {
		files = append(files, a.File)
	}
	jobs, _ := Plan(files, filepath.Join(dir, "runs"), time.Now())
	return jobs, filepath.Join(dir, "runs")
}

func TestMissingPasswordParksWithoutABrowser(t *testing.T) {
	jobs, dir := plan(t, 2)
	pwFile := filepath.Join(t.TempDir(), "pw.yaml")
	if err := os.WriteFile(pwFile, []byte("someone-else: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pw, err := LoadPasswords(pwFile, "")
	if err != nil {
		t.Fatal(err)
	}
	tabs := &noTabs{}
	rows, err := New(Options{Jobs: jobs, Dir: dir, Parallel: 2, Target: job.Live("http://portal.invalid/"), Tabs: tabs, Passwords: pw}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tabs.opened.Load() != 0 {
		t.Error("a browser was opened for applicants without a password")
	}
	for _, r := range rows {
		if r.State != WaitingPassword || r.ExitCode != exitcode.Parked {
			t.Errorf("#%d: %s (exit %d), want waiting for password", r.N, r.Text(), r.ExitCode)
		}
		if !strings.Contains(r.Reason, pwFile) || strings.Contains(r.Reason, "unit-01") {
			t.Errorf("#%d: the reason names the file and masks the user: %s", r.N, r.Reason)
		}
		st, err := loadStatus(r.RunDir)
		if err != nil || st == nil || st.State != WaitingPassword {
			t.Errorf("#%d: status.json %+v %v", r.N, st, err)
		}
	}
	if got := ExitCode(rows); got != exitcode.Parked {
		t.Errorf("exit %d, want 4", got)
	}
	if _, err := os.Stat(filepath.Join(dir, SummaryCSV)); err != nil {
		t.Error(err)
	}
}

func TestRerunSkipsReadyAndRefusesAnotherApplicantsRunDir(t *testing.T) {
	jobs, dir := plan(t, 4)
	portal := "http://portal.invalid"
	write := func(j *Job, st Status) {
		t.Helper()
		st.RunDir = j.RunDir
		if err := os.MkdirAll(j.RunDir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := st.save(); err != nil {
			t.Fatal(err)
		}
	}
	write(jobs[0], Status{State: Ready, Portal: portal, Identity: jobs[0].fingerprint(true), Values: jobs[0].valuesPrint(), Attempts: 2})
	write(jobs[3], Status{State: Ready, Portal: portal, Identity: jobs[3].fingerprint(true), Values: "before-the-edit"})
	write(jobs[1], Status{State: Ready, Portal: portal, Identity: "someone-else"})
	write(jobs[2], Status{State: Ready, Portal: "dry-run", Identity: jobs[2].fingerprint(true)}) // a rehearsal
	tabs := &noTabs{}
	rows, err := New(Options{Jobs: jobs, Dir: dir, Target: job.Live(portal + "/"), Tabs: tabs, Passwords: &Passwords{}}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[0]; r.State != Ready || !r.Earlier || r.Attempts != 2 {
		t.Errorf("ready on this portal: skipped, got %+v", r)
	}
	if r := rows[1]; r.State != Failed || !strings.Contains(r.Reason, "another applicant") {
		t.Errorf("another applicant's run directory: %s", r.Text())
	}
	if r := rows[2]; r.State != WaitingPassword {
		t.Errorf("ready on the simulator only: must run on the live portal (here: no password), got %s", r.Text())
	}
	if r := rows[3]; r.State != WaitingPassword || r.Earlier {
		t.Errorf("ready before the profile was edited: must run again (here: no password), got %s", r.Text())
	}
	if tabs.opened.Load() != 0 {
		t.Error("nothing here needed a browser")
	}
}

func TestInterruptedBeforeStart(t *testing.T) {
	jobs, dir := plan(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tabs := &noTabs{}
	rows, _ := New(Options{Jobs: jobs, Dir: dir, Target: job.Live("http://portal.invalid/"), Tabs: tabs, Passwords: &Passwords{fallback: "pw"}}).Run(ctx)
	for _, r := range rows {
		if r.State != Interrupted {
			t.Errorf("#%d: %s", r.N, r.Text())
		}
	}
	if ExitCode(rows) != exitcode.Interrupted || tabs.opened.Load() != 0 {
		t.Errorf("exit %d, tabs %d", ExitCode(rows), tabs.opened.Load())
	}
}

func TestBrowserThatWillNotOpenFailsItsApplicantsOnly(t *testing.T) {
	jobs, dir := plan(t, 2)
	rows, _ := New(Options{Jobs: jobs, Dir: dir, Target: job.Live("http://portal.invalid/"), Tabs: &noTabs{}, Passwords: &Passwords{fallback: "pw"}}).Run(context.Background())
	for _, r := range rows {
		if r.State != Failed || !strings.Contains(r.Reason, "no browser") {
			t.Errorf("#%d: %s", r.N, r.Text())
		}
	}
}

func TestCodeRouting(t *testing.T) {
	b := New(Options{})
	mk := func(n int, st State, live bool) *run {
		return &run{row: Row{Status: Status{N: n, State: st}, Live: live}, codes: make(chan string, 1)}
	}
	b.runs = []*run{mk(1, Ready, false), mk(2, WaitingFace, true), mk(3, Failed, false), mk(4, Queued, false)}
	for _, c := range []struct {
		n    int
		code string
		want string
	}{
		{2, "1234", "exactly 8 digits"},
		{9, "12345678", "no #9"},
		{1, "12345678", "ready"},
		{3, "12345678", "not on its way"},
	} {
		if _, err := b.Code(c.n, c.code); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Code(%d, %q) = %v, want an error about %q", c.n, c.code, err, c.want)
		}
	}
	for _, code := range []string{"11111111", "22222222"} {
		if msg, err := b.Code(2, code); err != nil || !strings.Contains(msg, "handed over") {
			t.Fatalf("live waiting job: %q %v", msg, err)
		}
	}
	if got := <-b.runs[1].codes; got != "22222222" {
		t.Errorf("the newest code counts, got %s", got)
	}
	if _, err := b.Code(4, "33333333"); err != nil {
		t.Errorf("a queued job keeps the code for later: %v", err)
	}
	b.finished = true
	if _, err := b.Code(2, "12345678"); err == nil || !strings.Contains(err.Error(), "run it again") {
		t.Errorf("after the batch: %v", err)
	}
}

// Codes typed at the console (progressui parses the line) reach the job;
// the newest code counts.
func TestCodeReachesTheWaitingJob(t *testing.T) {
	b := New(Options{})
	b.runs = []*run{{row: Row{Status: Status{N: 1, State: WaitingCode}, Live: true}, codes: make(chan string, 1)}}
	for _, tc := range []struct {
		code, want string
	}{
		{"1234567", "8 digits"},
		{"12345678", "handed over"},
		{"87654321", "handed over"},
	} {
		got, err := b.Code(1, tc.code)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%q → %q, want %q", tc.code, got, tc.want)
		}
	}
	if got := <-b.runs[0].codes; got != "87654321" {
		t.Errorf("code %s", got)
	}
}

// A code for a parked applicant, typed while the batch still runs, puts the
// job back in line with the code waiting for it.
func TestCodeResumesAParkedJob(t *testing.T) {
	jobs, dir := plan(t, 1)
	b := New(Options{Jobs: jobs, Dir: dir, Target: job.Live("http://portal.invalid/"), Tabs: &noTabs{}, Passwords: &Passwords{fallback: "pw"}})
	b.ctx = context.Background()
	r := b.prepare(jobs[0])
	a := &applicant{key: "k", identity: jobs[0].fingerprint(false), runs: []*run{r}}
	r.app = a
	r.row.State = WaitingFace // parked: not live
	b.runs = []*run{r}
	b.active = 1 // the rest of the batch, still running
	msg, err := b.Code(1, "12345678")
	if err != nil || !strings.Contains(msg, "resuming") {
		t.Fatalf("%q %v", msg, err)
	}
	if got := <-r.codes; got != "12345678" {
		t.Errorf("code %q", got)
	}
	b.applicantDone() // the rest ends; the resumed job ends the batch
	<-b.done
	if row := b.Rows()[0]; row.State != Failed || !strings.Contains(row.Reason, "no browser") {
		t.Errorf("the job did not run again: %s", row.Text())
	}
}

func TestRetryable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{exitcode.With(exitcode.Failure, &portal.MismatchError{Page: "degree"}), true},
		{errors.New("a plain failure"), true},
		{exitcode.With(exitcode.Failure, &portal.IdentityError{}), false},
		{exitcode.With(exitcode.Failure, &portal.ForbiddenClick{}), false},
		{exitcode.Errorf(exitcode.BadInput, "bad profile"), false},
		{exitcode.With(exitcode.Drift, &portal.DriftError{}), false},
		{exitcode.With(exitcode.Parked, &portal.ParkedError{}), false},
		{context.Canceled, false},
	} {
		if got := retryable(c.err); got != c.want {
			t.Errorf("retryable(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// Applicants with a tab open get the next slot before new ones; a waiter
// that gives up takes no slot with it.
func TestPoolServesOpenTabsFirst(t *testing.T) {
	p := newPool(1)
	ctx := context.Background()
	if !p.acquire(ctx, false) {
		t.Fatal("a free slot")
	}
	got := make(chan string, 3)
	wait := func(name string, hasTab bool) {
		go func() {
			if p.acquire(ctx, hasTab) {
				got <- name
			}
		}()
	}
	gone, cancel := context.WithCancel(ctx)
	wait("fresh", false)
	waitQueued(t, p, 0, 1)
	go func() {
		if p.acquire(gone, true) {
			got <- "gave up"
		}
	}()
	waitQueued(t, p, 1, 1)
	cancel()
	waitQueued(t, p, 0, 1)
	wait("open", true)
	waitQueued(t, p, 1, 1)
	p.release()
	if first := <-got; first != "open" {
		t.Errorf("first served: %s, want the applicant with a tab open", first)
	}
	p.release()
	if second := <-got; second != "fresh" {
		t.Errorf("then: %s", second)
	}
	p.release()
	if p.free != 1 {
		t.Errorf("free slots %d, want 1", p.free)
	}
}

func waitQueued(t *testing.T, p *pool, open, fresh int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		p.mu.Lock()
		o, f := len(p.open), len(p.fresh)
		p.mu.Unlock()
		if o == open && f == fresh {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue %d open, %d fresh; want %d, %d", o, f, open, fresh)
		}
		runtime.Gosched()
	}
}
