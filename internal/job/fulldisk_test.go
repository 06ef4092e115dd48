package job_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/report"
)

// A report that cannot be written (here its file's place is taken by a
// folder, as a full disk or a broken mount would refuse it) ends a run whose
// draft is complete as failed, exit 1 — never "ready" without a record.
func TestUnwritableReportIsNeverReady(t *testing.T) {
	s := spec(t)
	s.Profile.Consent.ServiceAgreement = true
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	_, pw, err := dryrun.Register(sim.Server, s.Profile, s.Maps)
	if err != nil {
		t.Fatal(err)
	}
	s.Target = job.Live(sim.URL + "/")
	s.Password = func(context.Context) (string, error) { return pw, nil }
	s.Wait = time.Minute
	if err := os.MkdirAll(filepath.Join(s.RunDir, report.JSONFile), 0o700); err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	tab, cancel := b.NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 4*time.Minute)
	defer stop()
	res, err := job.Run(ctx, s)
	if err == nil || exitcode.Of(err) != exitcode.Failure || !strings.Contains(err.Error(), "report") {
		t.Fatalf("err %v (exit %d); want the report failure, exit 1", err, exitcode.Of(err))
	}
	if res != nil && res.Ready {
		t.Error("reported ready without a report")
	}
	if st := sim.State(s.Profile.Login()); len(st.Applications) != 1 || st.SubmitAttempts+st.PaymentAttempts > 0 {
		t.Errorf("simulator: %+v", st)
	}
}
