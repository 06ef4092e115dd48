package portal_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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
	peak := watchMemory(br.Tab())
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

// watchMemory samples the Go heap and the browser's resident memory until
// the returned function is called, which gives the peaks.
func watchMemory(tab context.Context) func() (goPeak, browserPeak uint64) {
	var mu sync.Mutex
	var g, br uint64
	stop := make(chan struct{})
	pid := 0
	if c := chromedp.FromContext(tab); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		pid = c.Browser.Process().Pid
	}
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			rss := treeRSS(pid)
			mu.Lock()
			g, br = max(g, ms.HeapInuse), max(br, rss)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() (uint64, uint64) {
		close(stop)
		mu.Lock()
		defer mu.Unlock()
		return g, br
	}
}

// treeRSS sums the proportional set size (Pss: shared pages divided among
// the processes sharing them, so Chromium's processes are not counted
// several times) over pid and its descendants (Linux; 0 elsewhere).
func treeRSS(pid int) uint64 {
	if pid == 0 {
		return 0
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	rss := map[int]uint64{}
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			switch f[0] {
			case "PPid:":
				parent[n], _ = strconv.Atoi(f[1])
			}
		}
		if r, err := os.ReadFile("/proc/" + e.Name() + "/smaps_rollup"); err == nil {
			for _, line := range strings.Split(string(r), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "Pss:" {
					kb, _ := strconv.ParseUint(f[1], 10, 64)
					rss[n] = kb << 10
				}
			}
		}
	}
	var total uint64
	for n, r := range rss {
		for p := n; p != 0; p = parent[p] {
			if p == pid {
				total += r
				break
			}
		}
	}
	return total
}
