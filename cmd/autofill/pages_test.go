package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

// --dry-run --pages DIR checks saved pages for one profile without a run.
func TestDryRunPagesChecksSavedPages(t *testing.T) {
	needBrowser(t)
	me := exampleCopy(t)
	dir := writeRecordings(t)
	code, out, errOut := execute(t, "--profile", me, "--dry-run", "--pages", dir)
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
	code, out, _ = execute(t, "--profile", me, "--dry-run", "--pages", dir)
	if code != exitcode.BadInput || !strings.Contains(out, `✗ 学位层次 (degree.level): found; does not offer "硕士"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestPagesNeedsDryRun(t *testing.T) {
	code, _, errOut := execute(t, "--profile", exampleCopy(t), "--pages", t.TempDir())
	if code != exitcode.BadInput || !strings.Contains(errOut, "--pages only applies to --dry-run") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
