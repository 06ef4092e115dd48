package profile

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// today is the fixed "now" of every rule test.
var today = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

const example = "../../examples/me.yaml"

// exampleProfile loads the fictional applicant of examples/me.yaml, whose
// materials resolve to examples/materials. Path is cleared so the file's
// checkout mode does not add a warning.
func exampleProfile(t testing.TB) *Profile {
	t.Helper()
	p, err := Load(example)
	if err != nil {
		t.Fatalf("Load(%s): %v", example, err)
	}
	p.Path = ""
	return p
}

// exampleYAML returns examples/me.yaml with its material paths made absolute,
// so variants can be written anywhere.
func exampleYAML(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs("../../examples/materials")
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`([ \[])materials/`).ReplaceAllString(string(b), "${1}"+filepath.ToSlash(abs)+"/")
}

// writeFile writes content to name in a fresh temporary folder, mode 0600.
func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadProblems loads content as a file named name and returns its problems.
func loadProblems(t testing.TB, name, content string) (*Profile, []Problem) {
	t.Helper()
	p, err := Load(writeFile(t, name, content))
	if err == nil {
		return p, nil
	}
	pe, ok := err.(*Problems)
	if !ok {
		t.Fatalf("Load returned %T, want *Problems: %v", err, err)
	}
	return p, pe.List
}

// find returns the first problem at path whose message contains substr.
func find(list []Problem, path, substr string) (Problem, bool) {
	for _, p := range list {
		if p.Path == path && strings.Contains(p.Message+"\n"+p.Hint, substr) {
			return p, true
		}
	}
	return Problem{}, false
}

func dump(list []Problem) string {
	var b strings.Builder
	for _, p := range list {
		b.WriteString("\n  " + p.String())
		if p.Hint != "" {
			b.WriteString("  [hint: " + strings.ReplaceAll(p.Hint, "\n", " / ") + "]")
		}
	}
	return b.String()
}

func errorsOnly(list []Problem) []Problem {
	var out []Problem
	for _, p := range list {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func month(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}
