//go:build windows

package browser

// clearStaleLock does nothing on Windows: Chrome holds its "lockfile" open
// while it runs and the operating system releases it when the process dies,
// so a crash leaves nothing that blocks the next start.
func clearStaleLock(string) error { return nil }

func isRoot() bool { return false }
