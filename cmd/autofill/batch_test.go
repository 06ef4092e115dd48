package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/selectors"
)

// The test binary doubles as the autofill command for tests that must run
// it as a process of its own (to kill it): no build step, and under -race
// the command is checked too.
func init() {
	if os.Getenv("AUTOFILL_TEST_AS_COMMAND") == "1" {
		os.Exit(mainRun(iostreams.System(), os.Args[1:]))
	}
}

func TestBatchFlagMistakes(t *testing.T) {
	for _, args := range [][]string{
		{"batch"},
		{"batch", "--parallel", "0", "x.yaml"},
		{"batch", "--dry-run", "--remote-url", "ws://x", "x.yaml"},
		{"batch", "--show", "x.yaml"},
		{"batch", "--dry-run", "--passwords", "p.yaml", "x.yaml"},
	} {
		ios, _, _, errOut := iostreams.Test()
		if code := mainRun(ios, args); code != exitcode.BadInput {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
}

// Only invalid profiles: every problem is printed as validate prints it,
// the summary lists them, and no browser is started.
func TestBatchOfInvalidProfilesOnly(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("applicant:\n  phone: 138\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, errOut := iostreams.Test()
	code := mainRun(ios, []string{"batch", "--run-dir", filepath.Join(dir, "runs"), "--headless", bad})
	if code != exitcode.BadInput {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{bad + ":", "applicant.phone", "skipping 1 invalid profile", "invalid profile"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, errOut)
		}
	}
	csv, err := os.ReadFile(filepath.Join(dir, "runs", batch.SummaryCSV))
	if err != nil || !strings.Contains(string(csv), "invalid profile") {
		t.Errorf("summary.csv: %s %v", csv, err)
	}
}

// A batch killed mid-way (SIGKILL: no chance to clean up) loses nothing: run
// again, it skips the drafts that were ready, finishes the others, and the
// portal holds exactly one application per degree, each its applicant's own.
func TestBatchKilledMidwayFinishesOnRerunWithoutDuplicates(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SIGKILL and /proc: Linux")
	}
	needBrowser(t)
	start := time.Now()
	bin := os.Args[0] // as the command: see init
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "kill", 3)
	var pw strings.Builder
	args := []string{"batch", "--base-url", sim.URL + "/", "--passwords", filepath.Join(dir, "pw.csv"),
		"--run-dir", filepath.Join(dir, "runs"), "--parallel", "2", "--headless", "--plain"}
	for _, a := range apps {
		p := batchtest.Load(t, a.File)
		if _, password, err := dryrun.Register(sim.Server, p, maps); err != nil {
			t.Fatal(err)
		} else {
			fmt.Fprintf(&pw, "%s,%s\n", a.Username, password)
		}
		args = append(args, a.File)
	}
	if err := os.WriteFile(filepath.Join(dir, "pw.csv"), []byte(pw.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	// The batch's browser profile lives here, so leftovers are found by it;
	// short, as Chromium's socket paths must be.
	tmp, err := os.MkdirTemp("", "afk")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { killUsing(tmp); _ = os.RemoveAll(tmp) })

	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "AUTOFILL_TEST_AS_COMMAND=1", "TMPDIR="+tmp, "AUTOFILL_PASSWORD=")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	// Kill it once one draft is ready and another is being filled.
	runs := filepath.Join(dir, "runs")
	deadline := time.Now().Add(4 * time.Minute)
	tick := time.NewTicker(100 * time.Millisecond)
	for st := states(runs); st[batch.Ready] < 1 || st[batch.Running]+st[batch.WaitingFace]+st[batch.WaitingCode] < 1; st = states(runs) {
		select {
		case <-exited:
			t.Fatalf("the batch ended before it could be killed mid-way: %v\n%s", st, out.String())
		case <-tick.C:
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("no draft ready while another runs within 4 minutes: %v\n%s", st, out.String())
		}
	}
	tick.Stop()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	killUsing(tmp)
	before := states(runs)
	t.Logf("killed after %s: %v", time.Since(start).Round(time.Second), before)

	out.Reset()
	again := exec.Command(bin, args...)
	again.Env = cmd.Env
	again.Stdout, again.Stderr = &out, &out
	err = again.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	if code := again.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("re-run exit %d, want 0:\n%s", code, out.String())
	}
	t.Logf("killed and re-run in %s", time.Since(start).Round(time.Second))
	if n := strings.Count(out.String(), "ready (in an earlier run; skipped)"); n != before[batch.Ready] {
		t.Errorf("%d drafts were ready before the kill, %d skipped on the re-run:\n%s", before[batch.Ready], n, out.String())
	}
	for _, a := range apps {
		st := sim.State(a.Username)
		if len(st.Applications) != 1 {
			t.Errorf("%s: %d applications after a kill and a re-run, want 1", a.Username, len(st.Applications))
			continue
		}
		p := batchtest.Load(t, a.File)
		diffs, _ := dryrun.Compare(dryrun.Expected(p, &p.Degrees[0], maps), st.Applications[0].Accepted)
		for _, d := range diffs {
			t.Errorf("%s: %s", a.Username, d)
		}
		if st.SubmitAttempts+st.PaymentAttempts > 0 {
			t.Errorf("%s: SAFETY: submit or payment attempted", a.Username)
		}
	}
}

// states counts the jobs' states in their status files.
func states(runs string) map[batch.State]int {
	n := map[batch.State]int{}
	files, _ := filepath.Glob(filepath.Join(runs, "*", batch.StatusFile))
	for _, f := range files {
		var st batch.Status
		if b, err := os.ReadFile(f); err == nil && json.Unmarshal(b, &st) == nil {
			n[st.State]++
		}
	}
	return n
}

// killUsing kills what is left of a killed batch's browser: the processes
// whose command line names a path under dir.
func killUsing(dir string) {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		if b, err := os.ReadFile("/proc/" + e.Name() + "/cmdline"); err == nil && bytes.Contains(b, []byte(dir)) {
			if p, err := os.FindProcess(pid); err == nil {
				_ = p.Kill()
			}
		}
	}
}
