package portal_test

import (
	"context"
	"fmt"
	"sort"
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
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// BenchmarkFullApplication fills whole applications (login to 确认提交)
// against the simulator in headless Chromium: the example applicant, and
// a degree studied partly remotely and elsewhere than the awarding school.
// Per application it reports the time, the time per page and per field
// kind, CPU seconds of the browser and of this process (autofill and the
// in-process simulator), and the page's floor: browser start, page loads
// (navigation to the load event, with the requests the page started by
// then) and the demo's 实人认证 wait — what no engine can save. work-s is
// the rest: autofill's own time. Peak memory: Go heap, browser (Pss).
func BenchmarkFullApplication(b *testing.B) {
	for _, c := range []struct {
		name   string
		change func(p *profile.Profile)
	}{
		{"example", nil},
		{"remote-elsewhere", func(p *profile.Profile) {
			d := &p.Degrees[0]
			d.RemoteStudy = true
			d.RemoteStudyExplanation = "2022-09 至 2022-12 因疫情在北京远程修读 Machine Learning、Data Mining 两门课程。"
			d.Remarks = "第一学期远程修读"
			d.AwardingInstitution = "University of London"
			d.StudyCountry = "新加坡"
			d.StudyInstitution = "Singapore Institute of Management"
			last := &p.StudyHistory[len(p.StudyHistory)-1]
			last.Country, last.School = "新加坡", "Singapore Institute of Management"
		}},
	} {
		b.Run(c.name, func(b *testing.B) { benchApplication(b, c.change) })
	}
}

func benchApplication(b *testing.B, change func(p *profile.Profile)) {
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		b.Fatal(err)
	}
	sim := simtest.Start(b, portalsim.Options{Demo: true})
	t0 := time.Now()
	br := browsertest.Start(b)
	if err := chromedp.Do(br.Tab()); err != nil {
		b.Fatal(err)
	}
	start := time.Since(t0)
	p := example(b, change)
	pid := browsertest.BrowserPID(br.Tab())
	peak := browsertest.WatchMemory(br.Tab())
	st := &benchStats{pages: map[string]time.Duration{}, kinds: map[string]time.Duration{}, kindN: map[string]int{}}
	var cpuBrowser, cpuSelf time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Account.Username = fmt.Sprintf("bench-%d@example.com", i)
		_, pw, err := dryrun.Register(sim.Server, p, maps)
		if err != nil {
			b.Fatal(err)
		}
		tab, cancel := br.NewIsolatedTab()
		b0, s0 := browsertest.TreeCPU(pid), browsertest.SelfCPU()
		res, err := portal.Run(tab, portal.Options{
			Profile: p, Maps: maps, BaseURL: sim.URL + "/", RunDir: b.TempDir(),
			Password: func(context.Context) (string, error) { return pw, nil }, Sink: st.sink(tab),
		})
		st.end(time.Now())
		cpuBrowser += browsertest.TreeCPU(pid) - b0
		cpuSelf += browsertest.SelfCPU() - s0
		cancel()
		if err != nil || !res.Ready {
			b.Fatalf("run %d: %v", i, err)
		}
	}
	b.StopTimer()
	n := float64(b.N)
	perApp := b.Elapsed().Seconds() / n
	b.ReportMetric(perApp, "s/application")
	if st.pageN > 0 {
		b.ReportMetric(st.pageSum.Seconds()/float64(st.pageN), "s/page")
	}
	for page, d := range st.pages {
		b.ReportMetric(d.Seconds()/n, "s/p-"+page)
	}
	for kind, d := range st.kinds {
		b.ReportMetric(d.Seconds()/float64(st.kindN[kind]), "s/f-"+kind)
	}
	floor := start.Seconds() + (st.loads+st.human).Seconds()/n
	b.ReportMetric(start.Seconds(), "s-browser-start")
	b.ReportMetric(st.loads.Seconds()/n, "s-page-loads")
	b.ReportMetric(st.human.Seconds()/n, "s-face-and-code")
	b.ReportMetric(floor, "s-floor")
	b.ReportMetric(perApp+start.Seconds()-floor, "s-work")
	b.ReportMetric(cpuBrowser.Seconds()/n, "cpu-s-browser")
	b.ReportMetric(cpuSelf.Seconds()/n, "cpu-s-go")
	mem := peak()
	b.ReportMetric(float64(mem.Go)/(1<<20), "MB-go-peak")
	b.ReportMetric(float64(mem.Browser)/(1<<20), "MB-browser-peak")
	b.Logf("floor %.2fs = browser start %.2fs + page loads %.2fs + 实人认证 %.2fs; autofill's own work %.2fs of %.2fs per application; slowest pages: %s",
		floor, start.Seconds(), st.loads.Seconds()/n, st.human.Seconds()/n, perApp+start.Seconds()-floor, perApp, st.slowest(n))
}

// benchStats times a run from its events: each page from its arrival to
// the next page's, each field from the event before it, each document's
// load from the browser's navigation timing, and the 实人认证 wait.
type benchStats struct {
	mu              sync.Mutex
	last, pageStart time.Time
	page            string
	pageSum         time.Duration
	pageN           int
	pages, kinds    map[string]time.Duration
	kindN           map[string]int
	docs            map[float64]bool // documents already timed, by timeOrigin
	loads, human    time.Duration
	humanAt         time.Time
}

func (st *benchStats) sink(tab context.Context) portal.Sink {
	st.docs = map[float64]bool{}
	st.last, st.page = time.Time{}, ""
	return portal.SinkFunc(func(e portal.Event) {
		st.mu.Lock()
		defer st.mu.Unlock()
		switch e.Type {
		case portal.EvPage:
			st.end(e.Time)
			st.page, st.pageStart = e.Page, e.Time
			st.loadOf(tab)
		case portal.EvField:
			if e.Field.Status == portal.Filled || e.Field.Status == portal.Already {
				st.kinds[e.Field.Kind] += e.Time.Sub(st.last)
				st.kindN[e.Field.Kind]++
			}
		case portal.EvHuman:
			if e.Human == pagemap.FaceAndCode && st.humanAt.IsZero() {
				st.humanAt = e.Time
			}
		case portal.EvHumanDone:
			if e.Human == pagemap.FaceAndCode && !st.humanAt.IsZero() {
				st.human += e.Time.Sub(st.humanAt)
				st.humanAt = time.Time{}
			}
		}
		st.last = e.Time
	})
}

// end closes the page being timed.
func (st *benchStats) end(at time.Time) {
	if st.page == "" {
		return
	}
	d := at.Sub(st.pageStart)
	st.pages[st.page] += d
	st.pageSum += d
	st.pageN++
	st.page = ""
}

// loadOf adds the current document's load time, once per document: from
// navigation start to the load event, or to the end of the last request
// the page started before it (its form data), whichever is later.
func (st *benchStats) loadOf(tab context.Context) {
	type timing struct {
		Origin float64 `json:"origin"`
		Load   float64 `json:"load"`
	}
	tm, err := chromedp.Run(tab, chromedp.Evaluate[timing](`(() => {
		const n = performance.getEntriesByType("navigation")[0];
		if (!n || !n.loadEventEnd) return { origin: performance.timeOrigin, load: 0 };
		let end = n.loadEventEnd;
		for (const r of performance.getEntriesByType("resource"))
			if (r.startTime <= n.loadEventEnd + 50) end = Math.max(end, r.responseEnd);
		return { origin: performance.timeOrigin, load: end };
	})()`))
	if err != nil || tm.Load == 0 || st.docs[tm.Origin] {
		return
	}
	st.docs[tm.Origin] = true
	st.loads += time.Duration(tm.Load * float64(time.Millisecond))
}

// slowest names the pages that took longest, per application.
func (st *benchStats) slowest(n float64) string {
	var names []string
	for p := range st.pages {
		names = append(names, p)
	}
	sort.Slice(names, func(i, j int) bool { return st.pages[names[i]] > st.pages[names[j]] })
	var out []string
	for _, p := range names[:min(len(names), 4)] {
		out = append(out, fmt.Sprintf("%s %.2fs", p, st.pages[p].Seconds()/n))
	}
	return strings.Join(out, ", ")
}
