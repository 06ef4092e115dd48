package job_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/selectors"
)

func spec(t *testing.T) job.Spec {
	t.Helper()
	p, err := profile.Load("../../examples/me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := p.Degree("")
	return job.Spec{Profile: p, Degree: d, Maps: maps, Target: job.Live("http://127.0.0.1:1/"), RunDir: filepath.Join(t.TempDir(), "run"), Log: zerolog.Nop()}
}

// A job that cannot start (a missing upload file) still leaves a report
// that says what is wrong and what to do, and a run.log.
func TestReportWhenMaterialsFail(t *testing.T) {
	s := spec(t)
	s.Degree.Materials.Diploma = filepath.Join(t.TempDir(), "missing.pdf")
	_, err := job.Run(context.Background(), s)
	if exitcode.Of(err) != exitcode.BadInput {
		t.Fatalf("err %v", err)
	}
	rep, rerr := report.Read(s.RunDir)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if rep.Outcome != report.Failed || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "missing.pdf") || len(rep.Left) != 1 {
		t.Errorf("report: outcome %s, problems %+v, left %+v", rep.Outcome, rep.Problems, rep.Left)
	}
	for _, f := range []string{report.HTMLFile, job.LogFile} {
		if fi, err := os.Stat(filepath.Join(s.RunDir, f)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// Ctrl-C: the report says interrupted and how to continue, whatever error
// the cancellation surfaced as.
func TestReportWhenInterrupted(t *testing.T) {
	s := spec(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := job.Run(ctx, s); err == nil {
		t.Fatal("a cancelled job succeeded")
	}
	rep, err := report.Read(s.RunDir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != report.Interrupted || rep.ExitCode != exitcode.Interrupted || !strings.Contains(rep.Left[0].EN, "run the same command again") {
		t.Errorf("outcome %s, exit %d, left %+v", rep.Outcome, rep.ExitCode, rep.Left)
	}
}

// Notes from before the run (environment overrides used or ignored) are
// kept in the report as warnings.
func TestReportKeepsTheNotes(t *testing.T) {
	s := spec(t)
	s.Notes = []string{"--env-overrides: applicant.phone is taken from $AUTOFILL_APPLICANT_PHONE: 13*******00"}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = job.Run(ctx, s)
	rep, err := report.Read(s.RunDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if p.Level == "warning" && p.Message == s.Notes[0] {
			return
		}
	}
	t.Errorf("the note is not in the report: %+v", rep.Problems)
}
