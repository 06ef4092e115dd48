package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// Two batches started on one run directory at once (two terminals): each
// applicant still gets one application; where both batches reach the same
// account, one of them is told another run holds it.
func TestTwoBatchesOnOneRunDirMakeOneApplicationEach(t *testing.T) {
	maps := loadMaps(t)
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	br := browsertest.Start(t)
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "twice", 2)
	runs := filepath.Join(dir, "runs")
	// The accounts exist once, as on the live portal (a dry-run batch would
	// register them anew, each with its own password).
	var csv strings.Builder
	for _, a := range apps {
		_, pw, err := dryrun.Register(sim.Server, batchtest.Load(t, a.File), maps)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&csv, "%s,%s\n", a.Username, pw)
	}
	pwFile := filepath.Join(dir, "passwords.csv")
	if err := os.WriteFile(pwFile, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	passwords, err := batch.LoadPasswords(pwFile, "")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([][]batch.Row, 2)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			jobs, _ := batch.Plan(files(apps), runs, time.Now())
			rows, err := batch.New(batch.Options{
				Jobs: jobs, Dir: runs, Parallel: 2, Maps: maps, Target: job.Live(sim.URL + "/"), Wait: time.Minute,
				Tabs: batch.SharedBrowser{Browser: br}, Passwords: passwords,
			}).Run(context.Background())
			if err != nil {
				t.Error(err)
			}
			results[i] = rows
		}()
	}
	wg.Wait()
	for _, a := range apps {
		assertOwnApplication(t, sim, maps, a)
	}
	for i, rows := range results {
		for _, r := range rows {
			if r.State != batch.Ready && !strings.Contains(r.Reason, "another autofill run is working on this account") {
				t.Errorf("batch %d, #%d: %s", i+1, r.N, r.Text())
			}
		}
	}
}
