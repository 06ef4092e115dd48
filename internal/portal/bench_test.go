package portal_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/selectors"
)

// BenchmarkFullApplication fills one whole application (login to 确认提交)
// against the simulator in headless Chromium. It reports seconds per
// application, the mean seconds per page, and peak memory of this process
// (Go heap) and of the browser (resident set of all its processes).
func BenchmarkFullApplication(b *testing.B) {
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		b.Fatal(err)
	}
	sim := simtest.Start(b, portalsim.Options{Demo: true})
	br := browsertest.Start(b)
	p := example(b, nil)
	peak := browsertest.WatchMemory(br.Tab())
	var pages, pageTime time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Account.Username = fmt.Sprintf("bench-%d@example.com", i)
		_, pw, err := dryrun.Register(sim.Server, p, maps)
		if err != nil {
			b.Fatal(err)
		}
		tab, cancel := br.NewIsolatedTab()
		var last time.Time
		rec := portal.SinkFunc(func(e portal.Event) {
			if e.Type == portal.EvPage {
				if !last.IsZero() {
					pages++
					pageTime += e.Time.Sub(last)
				}
				last = e.Time
			}
		})
		res, err := portal.Run(tab, portal.Options{
			Profile: p, Maps: maps, BaseURL: sim.URL + "/", RunDir: b.TempDir(),
			Password: func(context.Context) (string, error) { return pw, nil }, Sink: rec,
		})
		cancel()
		if err != nil || !res.Ready {
			b.Fatalf("run %d: %v", i, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/application")
	if pages > 0 {
		b.ReportMetric(pageTime.Seconds()/float64(pages), "s/page")
	}
	goPeak, browserPeak := peak()
	b.ReportMetric(float64(goPeak)/(1<<20), "MB-go-peak")
	b.ReportMetric(float64(browserPeak)/(1<<20), "MB-browser-peak")
}
