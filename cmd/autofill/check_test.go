package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/recordings"
	"github.com/cscse-tools/autofill/selectors"
)

// executeTTY runs a command line as if on a terminal.
func executeTTY(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	ios, _, o, e := iostreams.Test()
	ios.SetTTY(true)
	code = mainRun(ios, args)
	return code, o.String(), e.String()
}

func TestCheckCommittedRecordingsPrintsATable(t *testing.T) {
	needBrowser(t)
	code, out, errOut := executeTTY(t, "check")
	if code != exitcode.OK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "PAGE") || !strings.Contains(lines[0], "FIELDS") || !strings.Contains(lines[0], "PROBLEMS") {
		t.Errorf("no table header:\n%s", out)
	}
	for i, page := range pagemap.FlowOrder {
		if f := strings.Fields(lines[i+1]); len(f) < 5 || f[0] != page || f[1] != page+".html" || f[4] != "0" {
			t.Errorf("row %d: %q, want page %s with no problems", i+1, lines[i+1], page)
		}
	}
	if !strings.Contains(out, "✓ 14 pages: every page map fits its recording in recordings") {
		t.Errorf("no summary:\n%s", out)
	}
}

// writeRecordings copies the committed recordings into a directory.
func writeRecordings(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(recordings.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, p), 0o755)
		}
		b, err := fs.ReadFile(recordings.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// The acceptance: change one label in a copy, check names it, exit 3.
func TestCheckNamesAChangedLabel(t *testing.T) {
	needBrowser(t)
	dir := writeRecordings(t)
	page := filepath.Join(dir, "degree.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), ">学位外文名称<", ">学位名称<", 1)
	if changed == string(b) {
		t.Fatal("degree.html has no label 学位外文名称")
	}
	if err := os.WriteFile(page, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := execute(t, "check", "--recordings", dir)
	if code != exitcode.Drift {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitcode.Drift, out, errOut)
	}
	if !strings.Contains(out, "degree degree.html fields=18 selectors=22 problems=1") {
		t.Errorf("plain lines expected off a terminal:\n%s", out)
	}
	want := `selectors/degree.yaml:23: field degree.degree_name (学位外文名称): the form item of selector ".fi-degree-name input" is labelled "学位名称"`
	if !strings.Contains(out, want) || !strings.Contains(out, `proposed selector: .el-form-item:has(> label[for="degree_name"]) input`) {
		t.Errorf("the field is not named with a proposal:\n%s", out)
	}

	code, out, _ = execute(t, "check", "--recordings", dir, "--json")
	var rep pagecheck.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitcode.Drift {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	if rep.Problems() != 1 || rep.Pages[6].Problems[0].Key != "degree.degree_name" {
		t.Errorf("--json report: %+v", rep.Pages[6])
	}
}

func TestCheckRefusesABadRecordingsDir(t *testing.T) {
	code, _, errOut := execute(t, "check", "--recordings", filepath.Join(t.TempDir(), "nope"))
	if code != exitcode.BadInput || !strings.Contains(errOut, "not a directory of recordings") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// A copy of selectors/ with a typo'd profile key fails before any browser
// starts, naming the file and line and the key meant.
func TestCheckSelectorsNamesATypoedKey(t *testing.T) {
	dir := t.TempDir()
	names, _ := fs.Glob(selectors.FS, "*.yaml")
	for _, n := range names {
		b, err := fs.ReadFile(selectors.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if n == "degree.yaml" {
			b = []byte(strings.Replace(string(b), "key: degree.remarks,", "key: degree.remarkz,", 1))
		}
		if n == "basic-info.yaml" {
			b = []byte(strings.Replace(string(b), "key: applicant.phone", "key: applicant.phon", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errOut := execute(t, "check", "--selectors", dir)
	if code != exitcode.Drift {
		t.Errorf("exit %d, want %d", code, exitcode.Drift)
	}
	for _, want := range []string{
		filepath.Join(dir, "degree.yaml") + `:66: field key "degree.remarkz" is not a profile key; did you mean "degree.remarks"?`,
		filepath.Join(dir, "basic-info.yaml") + `:`,
		`field key "applicant.phon" is not a profile key; did you mean "applicant.phone"?`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("missing %q in:\n%s", want, errOut)
		}
	}
}
