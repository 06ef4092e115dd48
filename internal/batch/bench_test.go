package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/batch/batchtest"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// BenchmarkBatch fills the drafts of 50 applicants (AUTOFILL_BENCH_APPLICANTS
// for a quicker run) against one simulator in one headless Chromium, at
// --parallel 1, 2 and 4. One iteration is the whole batch, so run it with
// -benchtime 1x (make bench does). It reports drafts per minute and peak
// memory: the Go heap and the browser's processes (Pss).
func BenchmarkBatch(b *testing.B) {
	n := 50
	if s := os.Getenv("AUTOFILL_BENCH_APPLICANTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("AUTOFILL_BENCH_APPLICANTS=%q: give a number of applicants, e.g. 8", s)
		}
		n = v
	}
	maps := loadMaps(b)
	sim := simtest.Start(b, portalsim.Options{Demo: true})
	dir := b.TempDir()
	profiles := files(batchtest.Write(b, dir, "bench", n))
	for _, parallel := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("parallel=%d", parallel), func(b *testing.B) {
			br := browsertest.Start(b)
			peak := browsertest.WatchMemory(br.Tab())
			drafts := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				sim.Server.Reset() // every applicant anew: registered again by the batch
				runs := filepath.Join(b.TempDir(), "runs")
				jobs, _ := batch.Plan(profiles, runs, time.Now())
				b.StartTimer()
				rows, err := batch.New(batch.Options{
					Jobs: jobs, Dir: runs, Parallel: parallel, Maps: maps, Target: dryrun.NewTarget(sim.Server, sim.URL, maps), Wait: time.Minute,
					Tabs: batch.SharedBrowser{Browser: br},
				}).Run(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range rows {
					if r.State != batch.Ready {
						b.Fatalf("#%d: %s", r.N, r.Text())
					}
				}
				drafts += len(rows)
			}
			b.StopTimer()
			goPeak, browserPeak := peak()
			b.ReportMetric(float64(drafts)/b.Elapsed().Minutes(), "drafts/min")
			b.ReportMetric(float64(goPeak)/(1<<20), "MB-go-peak")
			b.ReportMetric(float64(browserPeak)/(1<<20), "MB-browser-peak")
		})
	}
}
