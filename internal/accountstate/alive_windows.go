//go:build windows

package accountstate

import "os"

// alive reports whether process pid exists: FindProcess opens it on Windows.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
