package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/recording"
)

// record --sim makes a full set of recordings that check accepts.
func TestRecordSimThenCheck(t *testing.T) {
	needBrowser(t)
	dir := filepath.Join(t.TempDir(), "recs")
	code, out, errOut := execute(t, "record", "--sim", "--out", dir)
	if code != exitcode.OK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "14 page(s) recorded in "+dir) || strings.Contains(errOut, "warning") {
		t.Errorf("stderr:\n%s", errOut)
	}
	man, err := recording.Read(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	pages := append(append([]string(nil), pagemap.FlowOrder...), "app-detail", "review", "supplement") // then the pages after 提交, sorted
	for i, e := range man.Pages {
		if i >= len(pages) || e.Page != pages[i] || e.Source != recording.Simulator || e.Tool == "" || e.Captured.IsZero() {
			t.Errorf("manifest entry %d: %+v", i, e)
		}
	}
	styles, _ := filepath.Glob(filepath.Join(dir, "styles", "*.css"))
	if len(styles) != 2 {
		t.Errorf("styles %v: want Element UI's and the portal's own, once each", styles)
	}
	if code, out, errOut := execute(t, "check", "--recordings", dir); code != exitcode.OK {
		t.Errorf("check of fresh recordings: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestRecordScrubsTheProfilesTexts(t *testing.T) {
	p, err := profile.Load(exampleProfile)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(personalTexts(p), "|")
	for _, want := range []string{"张三", "ZHANG SAN", "110105199805120012", "13800138000", "zhang.san@example.com", "中关村大街 1 号", "1998-05-12", "s2212345"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q is not scrubbed (%s)", want, got)
		}
	}
}
