package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
// --parallel 4 (AUTOFILL_BENCH_PARALLEL="1,2,4" for others: a batch at
// --parallel 1 takes a quarter of an hour on two cores). One iteration is
// the whole batch, so run it with -benchtime 1x (make bench does). It
// reports drafts per minute, CPU seconds of the browser per draft, and peak
// memory: the Go heap, the browser's processes (Pss), the applicants' tabs
// open at that peak (more than --parallel while some wait for their face
// scan, which holds a tab but no slot) and the peak per open tab.
func BenchmarkBatch(b *testing.B) {
	n := benchEnv(b, "AUTOFILL_BENCH_APPLICANTS", "50")[0]
	maps := loadMaps(b)
	sim := simtest.Start(b, portalsim.Options{Demo: true})
	dir := b.TempDir()
	profiles := files(batchtest.Write(b, dir, "bench", n))
	for _, parallel := range benchEnv(b, "AUTOFILL_BENCH_PARALLEL", "4") {
		b.Run(fmt.Sprintf("parallel=%d", parallel), func(b *testing.B) {
			br := browsertest.Start(b)
			pid := browsertest.BrowserPID(br.Tab())
			cpu0 := browsertest.TreeCPU(pid)
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
			p := peak()
			b.ReportMetric(float64(drafts)/b.Elapsed().Minutes(), "drafts/min")
			b.ReportMetric(float64(p.Go)/(1<<20), "MB-go-peak")
			b.ReportMetric(float64(p.Browser)/(1<<20), "MB-browser-peak")
			b.ReportMetric(float64(p.Tabs), "tabs-at-peak")
			b.ReportMetric(float64(p.PerTab())/(1<<20), "MB-browser/tab")
			b.ReportMetric((browsertest.TreeCPU(pid)-cpu0).Seconds()/float64(max(drafts, 1)), "cpu-s-browser/draft")
		})
	}
}

// benchEnv reads a list of positive numbers ("4" or "1,2,4") from the
// environment variable name, or def.
func benchEnv(b *testing.B, name, def string) []int {
	s := os.Getenv(name)
	if s == "" {
		s = def
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || v < 1 {
			b.Fatalf("%s=%q: give a positive number, or several separated by commas (e.g. 1,2,4)", name, s)
		}
		out = append(out, v)
	}
	return out
}
