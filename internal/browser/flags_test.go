package browser

import (
	"strings"
	"testing"
)

// Headless runs turn V8's optimizing compilers off; a visible window, the
// person's browser too, keeps them. Both cap the young generation.
func TestJSFlags(t *testing.T) {
	headless, visible := jsFlags(true), jsFlags(false)
	for _, f := range []string{headless, visible} {
		if !strings.Contains(f, "--max-semi-space-size=1") {
			t.Errorf("%q lacks the semi-space cap", f)
		}
	}
	if !strings.Contains(headless, "--no-opt") || !strings.Contains(headless, "--no-maglev") {
		t.Errorf("headless: %q keeps an optimizing compiler", headless)
	}
	if strings.Contains(visible, "--no-opt") || strings.Contains(visible, "--no-maglev") {
		t.Errorf("visible: %q turns an optimizing compiler off", visible)
	}
}
