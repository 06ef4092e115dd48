package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
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
	if !strings.Contains(errOut, "11 page(s) recorded in "+dir) || strings.Contains(errOut, "warning") {
		t.Errorf("stderr:\n%s", errOut)
	}
	man, err := recording.Read(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range man.Pages {
		if e.Page != pagemap.FlowOrder[i] || e.Source != recording.Simulator || e.Tool == "" || e.Captured.IsZero() {
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
