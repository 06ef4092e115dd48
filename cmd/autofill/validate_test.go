package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

var validateToday = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// exampleCopy writes examples/me.yaml into a temporary folder (mode 0600)
// with its material paths made absolute, after applying edits.
func exampleCopy(t *testing.T, edits ...string) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../examples/materials")
	src := strings.NewReplacer(" materials/", " "+abs+"/", "[materials/", "["+abs+"/").Replace(string(b))
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(src, edits[i]) {
			t.Fatalf("example has no %q", edits[i])
		}
		src = strings.Replace(src, edits[i], edits[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "me.yaml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValidateGood(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	err := runValidate(&validateOptions{io: ios, files: []string{exampleCopy(t)}, now: validateToday})
	if err != nil {
		t.Fatalf("runValidate: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "no problems") {
		t.Errorf("output:\n%s", out)
	}
}

func TestValidateErrorsAndWarnings(t *testing.T) {
	bad := exampleCopy(t, `phone: "13800138000"`, `phone: 13800138000`, "discipline: 工学", "discipline: 理学",
		"    award_date: 2023-11-28", "    awardng_date: 2023-11-28")
	warnOnly := exampleCopy(t, "discipline: 工学", "discipline: 理学")
	ios, _, out, _ := iostreams.Test()
	err := runValidate(&validateOptions{io: ios, files: []string{bad, warnOnly}, now: validateToday})
	if exitcode.Of(err) != exitcode.BadInput {
		t.Fatalf("exit %d (%v), want %d", exitcode.Of(err), err, exitcode.BadInput)
	}
	got := out.String()
	for _, want := range []string{
		bad + ":20: applicant.phone: was read as the number 13800138000, but must be text\n    hint: quote it",
		bad + ":42: degrees[0].awardng_date: unknown key \"awardng_date\"; did you mean award_date?",
		bad + ":37: degrees[0].award_date: is required",
		bad + ":50: degrees[0].discipline: warning: is 理学",
		warnOnly + ":50: degrees[0].discipline: warning:",
		"2 profiles: 3 errors, 2 warnings",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	// Errors before warnings within a file; files in the order given.
	if strings.Index(got, "award_date: is required") > strings.Index(got, bad+":50:") {
		t.Errorf("a warning came before an error:\n%s", got)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour without a terminal")
	}

	ios, _, out, _ = iostreams.Test()
	if err := runValidate(&validateOptions{io: ios, files: []string{warnOnly}, now: validateToday}); err != nil {
		t.Errorf("warnings only: exit %d, want 0", exitcode.Of(err))
	}
	if !strings.Contains(out.String(), "no errors, 1 warning") {
		t.Errorf("output:\n%s", out)
	}
}

func TestValidateColour(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	ios.SetColorEnabled(true)
	_ = runValidate(&validateOptions{io: ios, files: []string{exampleCopy(t, "gender: male", "gender: mal")}, now: validateToday})
	if !strings.Contains(out.String(), "\x1b[31m") {
		t.Errorf("no red in:\n%q", out)
	}
}

func TestValidateJSON(t *testing.T) {
	bad := exampleCopy(t, "gender: male", "gender: mal")
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	ios, _, out, _ := iostreams.Test()
	err := runValidate(&validateOptions{io: ios, files: []string{bad, missing}, json: true, now: validateToday})
	if exitcode.Of(err) != exitcode.BadInput {
		t.Fatalf("exit %d, want 2", exitcode.Of(err))
	}
	var list []struct {
		File, Path, Severity, Message, Hint string
		Line                                int
	}
	if err := json.Unmarshal(out.Bytes(), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(list) != 2 || list[0].File != bad || list[0].Path != "applicant.gender" || list[0].Line != 15 ||
		list[0].Severity != "error" || !strings.Contains(list[0].Hint, "male") || list[1].File != missing {
		t.Errorf("got %+v", list)
	}

	ios, _, out, _ = iostreams.Test()
	if err := runValidate(&validateOptions{io: ios, files: []string{exampleCopy(t)}, json: true, now: validateToday}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("no problems: want [], got %s", out)
	}
}

func TestValidateCommandLine(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	if code := mainRun(ios, []string{"validate", "../../examples/me.yaml"}); code != 0 {
		t.Fatalf("autofill validate examples/me.yaml: exit %d\n%s%s", code, out, errOut)
	}
	ios, _, _, errOut = iostreams.Test()
	if code := mainRun(ios, []string{"validate"}); code != exitcode.BadInput || !strings.Contains(errOut.String(), "requires at least 1 arg") {
		t.Errorf("no args: exit %d\n%s", code, errOut)
	}
}
