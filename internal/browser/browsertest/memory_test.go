package browsertest

import (
	"os"
	"testing"
)

func TestTreePSSCountsThisProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/smaps_rollup"); err != nil {
		t.Skip("no /proc smaps_rollup here")
	}
	if got := TreePSS(os.Getpid()); got < 1<<20 {
		t.Errorf("TreePSS(self) = %d bytes; a Go test binary takes more than 1 MB", got)
	}
	if TreePSS(0) != 0 {
		t.Error("pid 0 is no process")
	}
}
