package browsertest

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Peaks is what WatchMemory saw: the Go heap's peak, the browser's peak
// (Pss of its whole process tree) and how many tabs were open besides the
// watched one when the browser peaked.
type Peaks struct {
	Go, Browser uint64
	Tabs        int
}

// PerTab is the browser's peak shared among the tabs open then (the whole
// browser when none was).
func (p Peaks) PerTab() uint64 { return p.Browser / uint64(max(p.Tabs, 1)) }

// WatchMemory samples the Go heap (every 100 ms) and the browser's memory
// and open tabs until the returned function is called, which gives the
// peaks. tab is a tab of the browser to watch; it is not counted.
//
// The browser's Pss is read only near a peak: every second the tree's
// resident size is summed (statm: a counter, cheap), and Pss (smaps: the
// kernel walks each process's page tables, tens of milliseconds for a
// Chromium tree) is read when that sum reaches a new high, or comes within
// pssNear of it and the last read is pssEvery old. Reading Pss every
// second took a batch's meter ~5 % of a core, from the browser it measures.
func WatchMemory(tab context.Context) func() Peaks {
	var mu sync.Mutex
	var p Peaks
	stop := make(chan struct{})
	pid := BrowserPID(tab)
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		var gate pssGate
		for i := 0; ; i++ {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			var browser uint64
			tabs := 0
			if i%10 == 0 {
				pids := treePIDs(pid)
				if gate.due(sumProc(pids, "statm", rss), time.Now()) {
					browser, tabs = sumProc(pids, "smaps_rollup", pss), openTabs(tab)
				}
			}
			mu.Lock()
			p.Go = max(p.Go, ms.HeapInuse)
			if browser > p.Browser {
				p.Browser, p.Tabs = browser, tabs
			}
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() Peaks {
		close(stop)
		mu.Lock()
		defer mu.Unlock()
		return p
	}
}

const (
	pssNear  = 0.95            // of the highest resident size seen
	pssEvery = 5 * time.Second // between reads near, not above, that high
)

// pssGate decides from the tree's resident size whether Pss is worth
// reading now. Pss is at most the resident size and moves with it, so its
// peak falls where the resident size is at or near its own.
type pssGate struct {
	high uint64
	last time.Time
}

func (g *pssGate) due(rss uint64, now time.Time) bool {
	switch {
	case rss > g.high:
		g.high = rss
	case float64(rss) < pssNear*float64(g.high) || now.Sub(g.last) < pssEvery:
		return false
	}
	g.last = now
	return true
}

// openTabs counts the browser's pages other than tab's own.
func openTabs(tab context.Context) int {
	c := chromedp.FromContext(tab)
	if c == nil || c.Target == nil {
		return 0
	}
	res, err := chromedp.CallBrowser(tab, target.GetTargets, target.GetTargetsParams{})
	if err != nil {
		return 0
	}
	n := 0
	for _, t := range res.TargetInfos {
		if t.Type == "page" && t.TargetID != c.Target.TargetID {
			n++
		}
	}
	return n
}

// TreePSS sums the proportional set size (Pss: shared pages divided among
// the processes sharing them, so Chromium's processes are not counted
// several times) over pid and its descendants (Linux; 0 elsewhere). Only
// the tree's smaps are read: the kernel walks page tables for each, which
// would cost a busy machine more than the benchmark measures.
func TreePSS(pid int) uint64 { return sumProc(treePIDs(pid), "smaps_rollup", pss) }

// sumProc sums, over pids, what size reads from each one's /proc file (a
// process gone meanwhile counts nothing).
func sumProc(pids []int, file string, size func(text string) uint64) uint64 {
	var total uint64
	for _, n := range pids {
		if b, err := os.ReadFile("/proc/" + strconv.Itoa(n) + "/" + file); err == nil {
			total += size(string(b))
		}
	}
	return total
}

// pss reads the Pss line of smaps_rollup (in kB there), in bytes.
func pss(smaps string) uint64 {
	for _, line := range strings.Split(smaps, "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "Pss:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// rss reads statm's second field (the resident size, in pages), in bytes.
func rss(statm string) uint64 {
	f := strings.Fields(statm)
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}
