package browsertest

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WatchMemory samples the Go heap (every 100 ms) and the browser's memory
// (every second: reading a Chromium tree's smaps costs tens of
// milliseconds of kernel time, which a faster pace would take from the
// browser being measured) until the returned function is called, which
// gives the peaks in bytes. tab is any tab of the browser to watch.
func WatchMemory(tab context.Context) func() (goPeak, browserPeak uint64) {
	var mu sync.Mutex
	var g, br uint64
	stop := make(chan struct{})
	pid := BrowserPID(tab)
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for i := 0; ; i++ {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			var rss uint64
			if i%10 == 0 {
				rss = TreePSS(pid)
			}
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

// TreePSS sums the proportional set size (Pss: shared pages divided among
// the processes sharing them, so Chromium's processes are not counted
// several times) over pid and its descendants (Linux; 0 elsewhere). Only
// the tree's smaps are read: the kernel walks page tables for each, which
// would cost a busy machine more than the benchmark measures.
func TreePSS(pid int) uint64 {
	var total uint64
	for _, n := range treePIDs(pid) {
		r, err := os.ReadFile("/proc/" + strconv.Itoa(n) + "/smaps_rollup")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(r), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "Pss:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				total += kb << 10
			}
		}
	}
	return total
}
