//go:build !windows

package browser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// clearStaleLock removes the Singleton* files a crashed Chrome leaves in a
// profile directory. Chrome writes SingletonLock as a symlink to
// "<hostname>-<pid>"; while that process lives, a second Chrome on the same
// directory only hands its arguments to the first and exits, which would
// look to us like a browser that started and vanished. So: a lock held by a
// live process is a clear error; a lock from a dead process on this host is
// stale and removed; a lock from another host is left alone and reported.
func clearStaleLock(dir string) error {
	lock := filepath.Join(dir, "SingletonLock")
	target, err := os.Readlink(lock)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("profile %s: cannot read its SingletonLock: %w", dir, err)
	}
	i := strings.LastIndexByte(target, '-')
	pid, perr := strconv.Atoi(target[i+1:])
	host, _ := os.Hostname()
	if i < 0 || perr != nil {
		return fmt.Errorf("profile %s: SingletonLock points at %q, which we do not understand; if no Chrome uses this profile, delete %s", dir, target, lock)
	}
	if target[:i] != host {
		return fmt.Errorf("profile %s is locked by Chrome on host %q; close it there, or use another --user-data-dir", dir, target[:i])
	}
	if processAlive(pid) {
		return fmt.Errorf("profile %s is in use by a running Chrome (pid %d); close that window, or attach to it with --remote-url", dir, pid)
	}
	for _, name := range []string{"SingletonLock", "SingletonSocket", "SingletonCookie"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("profile %s: removing stale %s: %w", dir, name, err)
		}
	}
	return nil
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func isRoot() bool { return os.Geteuid() == 0 }
