package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// In a terminal the batch draws its table in place, with the code prompt
// below it, and gives the terminal back at the end. Only invalid profiles:
// no browser is needed.
func TestBatchTableInTerminal(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("pseudo-terminals: Unix")
	}
	if testing.Short() {
		t.Skip("slow: drives the command in a pseudo-terminal; skipped by -short (make test-fast), make test runs it")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("applicant:\n  name: 张三\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, dir, "batch", "--run-dir", "runs", "broken.yaml")
	tm.expect("code> ")
	tm.expect("1 draft: 0 ready")
	if code := tm.wait(); code != 2 {
		t.Errorf("exit %d, want 2 (no valid profile)", code)
	}
	tm.mu.Lock()
	out := tm.out.String()
	tm.mu.Unlock()
	for _, want := range []string{"#  applicant  degree  page  state", "✗ invalid profile", "invalid 1", `Type "# code" + Enter`, "\x1b[4A\r\x1b[J", "\r\x1b[K"} { // redrawn in place: 4 lines up, erased
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%q", want, out)
		}
	}
	if strings.Contains(out, "\x1b[3") {
		t.Error("colours although NO_COLOR is set")
	}
}
