// Package browsertest starts headless Chromium for tests. A test that needs a
// browser calls Start; without one it skips on a developer machine and fails
// under CI=true, because a skipped browser test there would hide a broken
// pipeline behind a green tick. With -short (make test-fast) every browser
// test skips: the fast tier is for the edit-test loop, and CI runs make test.
package browsertest

import (
	"context"
	"os"
	"testing"

	"github.com/cscse-tools/autofill/internal/browser"
)

// Required reports whether a missing browser must fail the test (CI=true).
func Required() bool {
	v := os.Getenv("CI")
	return v != "" && v != "0" && v != "false"
}

// Start launches headless Chromium with a throw-away profile and returns it.
// It is closed when the test ends.
func Start(tb testing.TB) *browser.Browser {
	tb.Helper()
	SkipShort(tb)
	b, err := browser.Start(context.Background(), browser.Options{
		Headless:    true,
		UserDataDir: tb.TempDir(),
	})
	switch {
	case browser.IsNotFound(err) && Required():
		tb.Fatalf("CI=true and no browser: %v", err)
	case browser.IsNotFound(err):
		tb.Skipf("no browser (set CI=true to make this a failure): %v", err)
	case err != nil:
		tb.Fatalf("starting headless Chromium: %v", err)
	}
	tb.Cleanup(func() { _ = b.Close() })
	return b
}

// Tab starts a browser (as Start) and returns its first tab's context.
func Tab(tb testing.TB) context.Context {
	tb.Helper()
	return Start(tb).Tab()
}

// SkipShort skips a test that needs a browser (or runs the whole tool) when
// the fast tier asked for -short.
func SkipShort(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("needs a browser: skipped by -short (make test-fast); make test runs it")
	}
}
