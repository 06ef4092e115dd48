package pagemap_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/selectors"
)

// A patched map keeps its comments, changes only what the edits name, and
// replaces the built-in page when overlaid; the loaded map is untouched.
func TestPatchedAndOverlay(t *testing.T) {
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	m := maps.Get("basic-info")
	var phone pagemap.Field
	for _, f := range m.Fields {
		if f.Key == "applicant.phone" {
			phone = f
		}
	}
	next := m.Actions["next"]
	data, err := m.Patched([]pagemap.Edit{
		{Line: phone.Line, Key: "label", Old: "手机号码", New: "手机号"},
		{Line: next.Line, Key: "text", Old: "下一步", New: "下一页"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "# 基本信息") {
		t.Error("the patched map lost its comments")
	}
	if _, err := m.Patched([]pagemap.Edit{{Line: phone.Line, Key: "label", Old: "电话", New: "x"}}); err == nil {
		t.Error("an edit whose old value differs was applied")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "basic-info.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := maps.Overlay(os.DirFS(dir), dir)
	if err != nil || len(pages) != 1 || pages[0] != "basic-info" {
		t.Fatalf("overlay: %v %v", pages, err)
	}
	o := maps.Get("basic-info")
	if o == m || o.Actions["next"].Text != "下一页" {
		t.Errorf("the overlay did not replace the map: next reads %q", o.Actions["next"].Text)
	}
	for _, f := range o.Fields {
		if f.Key == "applicant.phone" && (f.Label != "手机号" || f.CSS != phone.CSS) {
			t.Errorf("phone field after overlay: %+v", f)
		}
	}
	if phone.Label != "手机号码" || m.Actions["next"].Text != "下一步" {
		t.Error("patching changed the loaded map")
	}
	if err := os.WriteFile(filepath.Join(dir, "degree.yaml"), []byte("page: degree\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := maps.Overlay(os.DirFS(dir), dir); err == nil || !strings.Contains(err.Error(), "degree.yaml") {
		t.Errorf("a broken override was not reported with its file: %v", err)
	}
}
