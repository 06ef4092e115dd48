package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/appdir"
	"github.com/cscse-tools/autofill/selectors"
)

// A live run loads the override set probe wrote and says so; a dry run and
// --selectors do not.
func TestRunLoadsOverrides(t *testing.T) {
	home := t.TempDir()
	t.Setenv(appdir.EnvHome, home)
	data, err := selectors.FS.ReadFile("basic-info.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(home, "config", "selectors")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "label: 手机号码", "label: 手机号", 1)
	if changed == string(data) {
		t.Fatal("the built-in basic-info map has no `label: 手机号码` to change")
	}
	if err := os.WriteFile(filepath.Join(dir, "basic-info.yaml"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	maps, err := loadRunMaps("", false, &out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "using page-map overrides from "+dir+" for basic-info") {
		t.Errorf("the run does not say it uses the overrides: %q", out.String())
	}
	found := false
	for _, f := range maps.Get("basic-info").Fields {
		found = found || f.Label == "手机号"
	}
	if !found {
		t.Error("the override was not loaded")
	}
	out.Reset()
	if _, err := loadRunMaps("", true, &out); err != nil || out.Len() > 0 {
		t.Errorf("a dry run loaded the overrides: %q %v", out.String(), err)
	}
	if err := os.WriteFile(filepath.Join(dir, "degree.yaml"), []byte("page: degree\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadRunMaps("", false, &out); err == nil || !strings.Contains(err.Error(), "degree.yaml") {
		t.Errorf("a broken override did not stop the run with its file named: %v", err)
	}
}

// check --live looks at the portal itself, so recordings make no sense.
func TestCheckLiveRefusesRecordings(t *testing.T) {
	code, _, errOut := execute(t, "check", "--live", "--recordings", "recs")
	if code != 2 || !strings.Contains(errOut, "drop --recordings") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
