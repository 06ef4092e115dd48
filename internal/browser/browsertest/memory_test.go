package browsertest

import (
	"os"
	"testing"
	"time"
)

func TestTreePSSCountsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/smaps_rollup"); err != nil {
		t.Skip("no /proc smaps_rollup here")
	}
	if got := TreePSS(os.Getpid()); got < 1<<20 {
		t.Errorf("TreePSS(self) = %d bytes; a Go test binary takes more than 1 MB", got)
	}
	self := []int{os.Getpid()}
	if r, p := sumProc(self, "statm", rss), sumProc(self, "smaps_rollup", pss); r < p {
		t.Errorf("resident size %d < Pss %d: Pss is at most the resident size", r, p)
	}
	if TreePSS(0) != 0 {
		t.Error("pid 0 is no process")
	}
}

func TestPSSGate(t *testing.T) {
	t0 := time.Unix(0, 0)
	var g pssGate
	for i, c := range []struct {
		rss  uint64
		at   time.Duration
		want bool
	}{
		{100, 0, true},                 // the first high
		{90, time.Second, false},       // below the high, just read
		{120, 2 * time.Second, true},   // a new high: read at once
		{121, 3 * time.Second, true},   // higher still
		{118, 5 * time.Second, false},  // near the high, read 2 s ago
		{118, 8 * time.Second, true},   // near the high, last read 5 s ago
		{100, 20 * time.Second, false}, // well below: never
	} {
		if got := g.due(c.rss, t0.Add(c.at)); got != c.want {
			t.Errorf("sample %d (rss %d at %v): due = %v, want %v", i, c.rss, c.at, got, c.want)
		}
	}
}
