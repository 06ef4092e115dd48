package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

// check --profile FILE --pages DIR checks saved pages for one profile
// without a run.
func TestCheckPagesChecksSavedPages(t *testing.T) {
	needBrowser(t)
	me := exampleCopy(t)
	dir := writeRecordings(t)
	code, out, errOut := execute(t, "check", "--profile", me, "--pages", dir)
	if code != exitcode.OK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{`✓ 学位层次 (degree.level): found; offers "硕士"`, "✓ a run would find every field and every choice"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "13800138000") {
		t.Error("the profile's phone number is printed")
	}

	// A page that no longer offers the profile's level: exit 2, named.
	page := filepath.Join(dir, "degree.html")
	b, _ := os.ReadFile(page)
	if err := os.WriteFile(page, []byte(strings.Replace(string(b), "<span>硕士</span>", "<span>研究生</span>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = execute(t, "--profile", me, "--dry-run", "--pages", dir) // the old spelling
	if code != exitcode.BadInput || !strings.Contains(out, `✗ 学位层次 (degree.level): found; does not offer "硕士"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if !strings.Contains(errOut, "--pages moved to the check command") {
		t.Errorf("the old spelling does not say where --pages moved:\n%s", errOut)
	}
}

// The old spelling is hidden and says where it moved; check --pages needs
// the profile whose fields it looks for.
func TestPagesMovedToCheck(t *testing.T) {
	me, missing := exampleCopy(t), filepath.Join(t.TempDir(), "missing")
	code, _, errOut := execute(t, "--profile", me, "--dry-run", "--pages", missing)
	if code != exitcode.BadInput || !strings.Contains(errOut, "--pages moved to the check command: autofill check --profile "+me+" --pages "+missing) ||
		!strings.Contains(errOut, "not a directory of saved pages") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	code, _, errOut = execute(t, "check", "--pages", t.TempDir())
	if code != exitcode.BadInput || !strings.Contains(errOut, "needs --profile FILE") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, out, _ := execute(t, "--help"); strings.Contains(out, "--pages") {
		t.Error("run's --help still shows --pages")
	}
	if _, out, _ := execute(t, "check", "--help"); !strings.Contains(out, "autofill check --profile me.yaml --pages DIR") {
		t.Errorf("check --help lacks the --pages example:\n%s", out)
	}
}
