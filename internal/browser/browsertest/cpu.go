package browsertest

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// clockTick is the unit of /proc/*/stat times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// TreeCPU sums the CPU time (user and system) that pid and its descendants
// have used, children that already exited included (Linux; 0 elsewhere).
// The difference of two readings is what a browser spent in between.
func TreeCPU(pid int) time.Duration {
	var total time.Duration
	for _, n := range treePIDs(pid) {
		if f := procStat(strconv.Itoa(n)); len(f) > 14 {
			// utime stime cutime cstime: a reaped renderer's time is in
			// its parent's cutime, a live one's in its own utime.
			total += ticks(f[11]) + ticks(f[12]) + ticks(f[13]) + ticks(f[14])
		}
	}
	return total
}

// SelfCPU is the CPU time (user and system) of this process alone, without
// its children (a browser it started) (Linux; 0 elsewhere).
func SelfCPU() time.Duration {
	if f := procStat("self"); len(f) > 12 {
		return ticks(f[11]) + ticks(f[12])
	}
	return 0
}

// procStat returns the fields of /proc/<pid>/stat after the command name
// (state first); comm may hold spaces and parentheses.
func procStat(pid string) []string {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return nil
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(s[i+1:])
}

func ticks(s string) time.Duration {
	n, _ := strconv.ParseInt(s, 10, 64)
	return time.Duration(n) * clockTick
}

// treePIDs lists pid and its descendants, from /proc (Linux; nil elsewhere).
func treePIDs(pid int) []int {
	if pid == 0 {
		return nil
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	parent := map[int]int{}
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if f := procStat(e.Name()); len(f) >= 2 {
			parent[n], _ = strconv.Atoi(f[1])
		}
	}
	var out []int
	for n := range parent {
		for p := n; p != 0; p = parent[p] {
			if p == pid {
				out = append(out, n)
				break
			}
			if parent[p] == p {
				break
			}
		}
	}
	return out
}

// BrowserPID is the process id of the browser a tab belongs to (0 when the
// tab's browser was not started by this process).
func BrowserPID(tab context.Context) int {
	if c := chromedp.FromContext(tab); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		return c.Browser.Process().Pid
	}
	return 0
}
