package batch_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/selectors"
)

func loadMaps(tb testing.TB) *pagemap.Set {
	tb.Helper()
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		tb.Fatal(err)
	}
	return maps
}

func files(apps []batchtest.Applicant) []string {
	var f []string
	for _, a := range apps {
		f = append(f, a.File)
	}
	return f
}

// assertOwnApplication checks that the simulator holds exactly one
// application for the applicant, equal to their own profile field by field
// (no one else's value in it), and that nothing was submitted or paid.
func assertOwnApplication(t *testing.T, sim *simtest.Sim, maps *pagemap.Set, a batchtest.Applicant) {
	t.Helper()
	p := batchtest.Load(t, a.File)
	st := sim.State(a.Username)
	if len(st.Applications) != 1 {
		t.Errorf("%s: %d applications, want 1", a.Username, len(st.Applications))
		return
	}
	if st.SubmitAttempts+st.PaymentAttempts > 0 {
		t.Errorf("%s: SAFETY: %d submit and %d payment attempts", a.Username, st.SubmitAttempts, st.PaymentAttempts)
	}
	diffs, n := dryrun.Compare(dryrun.Expected(p, &p.Degrees[0], maps), st.Applications[0].Accepted)
	for _, d := range diffs {
		t.Errorf("%s: %s", a.Username, d)
	}
	if n < 20 {
		t.Errorf("%s: only %d fields compared", a.Username, n)
	}
}

func mustAllReady(t *testing.T, rows []batch.Row) {
	t.Helper()
	for _, r := range rows {
		if r.State != batch.Ready {
			t.Errorf("#%d %s: %s", r.N, r.Job, r.Text())
		}
	}
}

// Twenty applicants, four at a time, in one browser and one simulator:
// every draft is ready and holds exactly its own applicant's data.
func TestTwentyApplicantsInParallelStayApart(t *testing.T) {
	start := time.Now()
	maps := loadMaps(t)
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	br := browsertest.Start(t)
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "twenty", 20)
	runs := filepath.Join(dir, "runs")
	jobs, _ := batch.Plan(files(apps), runs, time.Now())
	rows, err := batch.New(batch.Options{
		Jobs: jobs, Dir: runs, Parallel: 4, Maps: maps, Target: dryrun.NewTarget(sim.Server, sim.URL, maps), Wait: time.Minute,
		Tabs: batch.SharedBrowser{Browser: br},
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("20 drafts at --parallel 4 in %s", time.Since(start).Round(time.Second))
	mustAllReady(t, rows)
	for _, r := range rows {
		if r.Retried != "" { // the engine's flake, not the batch's: say so
			t.Logf("#%d ran twice; the first time: %s", r.N, r.Retried)
		}
	}
	if code := batch.ExitCode(rows); code != exitcode.OK {
		t.Errorf("exit %d, want 0", code)
	}
	for i, a := range apps {
		assertOwnApplication(t, sim, maps, a)
		rd := rows[i].RunDir
		if _, err := os.Stat(filepath.Join(rd, dryrun.AcceptedFile)); err != nil {
			t.Errorf("%s: %v", a.Username, err)
		}
		sess, err := os.ReadFile(filepath.Join(rd, batch.SessionFile))
		if err != nil {
			t.Errorf("%s: session not saved: %v", a.Username, err)
			continue
		}
		if fi, _ := os.Stat(filepath.Join(rd, batch.SessionFile)); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: session file mode %o", a.Username, fi.Mode().Perm())
		}
		// The cookie values are secrets: no log or report may carry them.
		for _, v := range cookieValues(sess) {
			for _, f := range []string{job.LogFile, "report.json", batch.StatusFile} {
				if b, _ := os.ReadFile(filepath.Join(rd, f)); bytes.Contains(b, []byte(v)) {
					t.Errorf("%s: %s carries a session cookie", a.Username, f)
				}
			}
		}
	}
	csv, _ := os.ReadFile(filepath.Join(runs, batch.SummaryCSV))
	if n := strings.Count(string(csv), ",ready,"); n != 20 {
		t.Errorf("summary.csv: %d ready rows, want 20:\n%s", n, csv)
	}
}

func cookieValues(sess []byte) []string {
	var out []string
	for _, part := range strings.Split(string(sess), `"value":"`)[1:] {
		if v, _, ok := strings.Cut(part, `"`); ok && len(v) >= 8 {
			out = append(out, v)
		}
	}
	return out
}

// Applicants whose face scan never comes are parked and hold up nobody; a
// code typed at the table reaches the applicant it names; after the hook
// completes the parked ones' step, a re-run finishes them from their saved
// session and skips the rest, with one application per applicant. The
// browser is reached through --remote-url.
func TestParkedApplicantsDoNotHoldUpTheBatch(t *testing.T) {
	start := time.Now()
	maps := loadMaps(t)
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	remote := startDebugChrome(t)
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "park", 4)
	var pw strings.Builder
	for i, a := range apps {
		p := batchtest.Load(t, a.File)
		sim.Register(portalsim.Account{
			Username: a.Username, Password: fmt.Sprintf("Pw-%d-secret", i), Name: p.Applicant.Name,
			Gender: map[string]string{"male": "男", "female": "女"}[p.Applicant.Gender], Nationality: "中国",
			IDType: "居民身份证", IDNumber: p.Applicant.IDNumber,
			ManualVerify: i < 3, // #1 and #2: nobody answers; #3: the operator helps
		})
		fmt.Fprintf(&pw, "%s: Pw-%d-secret\n", a.Username, i)
	}
	pwFile := filepath.Join(dir, "passwords.yaml")
	if err := os.WriteFile(pwFile, []byte(pw.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	passwords, err := batch.LoadPasswords(pwFile, "")
	if err != nil {
		t.Fatal(err)
	}
	runs := filepath.Join(dir, "runs")
	newBatch := func() *batch.Batch {
		jobs, _ := batch.Plan(files(apps), runs, time.Now())
		return batch.New(batch.Options{
			Jobs: jobs, Dir: runs, Parallel: 2, Maps: maps, Target: job.Live(sim.URL + "/"), Wait: 15 * time.Second,
			Tabs: batch.RemoteBrowsers{Options: browser.Options{RemoteURL: remote}}, Passwords: passwords,
		})
	}

	b := newBatch()
	var rows []batch.Row
	done := make(chan error, 1)
	go func() {
		var err error
		rows, err = b.Run(context.Background())
		done <- err
	}()
	// Play #3's applicant: the face scan by the hook, then the code typed
	// at the table while the engine waits.
	waitRow(t, b, 3, func(r batch.Row) bool { return r.Live && r.State == batch.WaitingFace })
	sim.Hook("POST", "/__sim/verify?step=face&user="+apps[2].Username, nil, nil)
	waitRow(t, b, 3, func(r batch.Row) bool { return r.State == batch.WaitingCode })
	if msg, err := b.Code(3, "12345678"); err != nil {
		t.Fatalf("typing #3's code: %v", err)
	} else {
		t.Log(msg)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	t.Logf("first run in %s", time.Since(start).Round(time.Second))
	for i, r := range rows {
		want := batch.Ready
		if i < 2 {
			want = batch.WaitingFace
		}
		if r.State != want {
			t.Errorf("#%d: %s, want %s", r.N, r.Text(), want)
		}
	}
	for _, r := range rows[:2] {
		if png, err := os.ReadFile(r.QR); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) || filepath.Dir(r.QR) != r.RunDir {
			t.Errorf("#%d: QR code for the applicant %q: %v", r.N, r.QR, err)
		}
	}
	if code := batch.ExitCode(rows); code != exitcode.Parked {
		t.Errorf("exit %d, want 4", code)
	}

	sim.Verify(apps[0].Username)
	sim.Verify(apps[1].Username)
	b = newBatch()
	rows, err = b.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("both runs in %s", time.Since(start).Round(time.Second))
	mustAllReady(t, rows)
	for i, r := range rows {
		if i < 2 && (r.Earlier || r.Attempts != 2 || r.LoggedIn) {
			t.Errorf("#%d resumed: earlier %v, attempts %d, logged in anew %v (want its saved session)", r.N, r.Earlier, r.Attempts, r.LoggedIn)
		}
		if i >= 2 && (!r.Earlier || r.Attempts != 1) {
			t.Errorf("#%d ready before: must be skipped, got earlier %v, attempts %d", r.N, r.Earlier, r.Attempts)
		}
	}
	if code := batch.ExitCode(rows); code != exitcode.OK {
		t.Errorf("exit %d, want 0", code)
	}
	for _, a := range apps {
		assertOwnApplication(t, sim, maps, a)
	}
}

func waitRow(t *testing.T, b *batch.Batch, n int, ok func(batch.Row) bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		rows := b.Rows()
		if len(rows) >= n && ok(rows[n-1]) {
			return
		}
		if time.Now().After(deadline) {
			if len(rows) >= n {
				t.Fatalf("#%d never got there: %s", n, rows[n-1].Text())
			}
			t.Fatalf("#%d never got there", n)
		}
	}
}

// startDebugChrome starts a headless Chromium that listens for DevTools
// clients, as a browser pool would, and returns its address.
func startDebugChrome(t *testing.T) string {
	t.Helper()
	browsertest.SkipShort(t)
	exe, err := browser.Find("")
	if err != nil { // browsertest's rule: skip, but fail under CI=true
		if browsertest.Required() {
			t.Fatalf("CI=true and no browser: %v", err)
		}
		t.Skipf("no browser: %v", err)
	}
	dir := t.TempDir()
	args := []string{"--headless=new", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
		"--user-data-dir=" + dir, "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage", "about:blank"}
	if os.Geteuid() == 0 {
		args = append(args, "--no-sandbox")
	}
	cmd := exec.Command(exe, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	deadline := time.Now().Add(30 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		if b, err := os.ReadFile(filepath.Join(dir, "DevToolsActivePort")); err == nil {
			if port, _, ok := strings.Cut(string(b), "\n"); ok && port != "" {
				return "http://127.0.0.1:" + port
			}
		}
		if time.Now().After(deadline) {
			break
		}
	}
	t.Fatal("the debugging Chromium did not report its port within 30s")
	return ""
}

// countingTabs counts the tabs opened.
type countingTabs struct {
	batch.Tabs
	n int
}

func (c *countingTabs) Open(ctx context.Context) (context.Context, func(), error) {
	c.n++
	return c.Tabs.Open(ctx)
}

// A tab that stops answering (here: a portal that accepts the connection
// and never replies) does not hold the batch forever: the job is stopped
// after Stall, retried in a fresh tab, and reported.
func TestHungTabIsReplacedAndReported(t *testing.T) {
	maps := loadMaps(t)
	br := browsertest.Start(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn // open, and never a word
	done := make(chan struct{})
	t.Cleanup(func() {
		_ = ln.Close()
		<-done
		for _, c := range held {
			_ = c.Close()
		}
	})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "hung", 1)
	runs := filepath.Join(dir, "runs")
	jobs, _ := batch.Plan(files(apps), runs, time.Now())
	pw, _ := batch.LoadPasswords("", "pw")
	tabs := &countingTabs{Tabs: batch.SharedBrowser{Browser: br}}
	rows, err := batch.New(batch.Options{
		Jobs: jobs, Dir: runs, Parallel: 1, Maps: maps, Target: job.Live("http://" + ln.Addr().String() + "/"),
		Retries: batch.DefaultRetries,
		Tabs:    tabs, Passwords: pw, Stall: 2 * time.Second,
	}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := rows[0]
	if r.State != batch.Failed || !strings.Contains(r.Reason, "stopped answering") || r.Attempts != 2 {
		t.Errorf("hung job: %s after %d attempts", r.Text(), r.Attempts)
	}
	if tabs.n != 3 { // the first, the retry's, and a fresh one for whatever comes next
		t.Errorf("%d tabs opened, want 3", tabs.n)
	}
}
