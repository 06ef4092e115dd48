package batch

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

func writeFile(t *testing.T, name, text string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // umask
		t.Fatal(err)
	}
	return p
}

func TestPasswordsFromYAMLAndCSV(t *testing.T) {
	yml := writeFile(t, "pw.yaml", "# agency passwords\n13800138000: 0123\n\"tan@example.com\": 'se#cret'\nplain: yes\n", 0o600)
	csvf := writeFile(t, "pw.csv", "username,password\n# a comment\n13800138000,0123\ntan@example.com,\"a,b\"\n", 0o600)
	for _, f := range []string{yml, csvf} {
		p, err := LoadPasswords(f, "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if pw, ok := p.Lookup("13800138000"); !ok || pw != "0123" {
			t.Errorf("%s: a number as user name and password must be kept as written, got %q %v", f, pw, ok)
		}
		if _, ok := p.Lookup("nobody"); ok {
			t.Errorf("%s: an unknown user has no password without a fallback", f)
		}
	}
	p, _ := LoadPasswords(yml, "")
	if pw, _ := p.Lookup("tan@example.com"); pw != "se#cret" {
		t.Errorf("quoted YAML password: %q", pw)
	}
	if pw, _ := p.Lookup("plain"); pw != "yes" {
		t.Errorf("YAML words are passwords as written: %q", pw)
	}
	c, _ := LoadPasswords(csvf, "")
	if pw, _ := c.Lookup("tan@example.com"); pw != "a,b" {
		t.Errorf("quoted CSV password: %q", pw)
	}
}

func TestPasswordsFallback(t *testing.T) {
	p, err := LoadPasswords("", "shared")
	if err != nil {
		t.Fatal(err)
	}
	if pw, ok := p.Lookup("anyone"); !ok || pw != "shared" {
		t.Errorf("AUTOFILL_PASSWORD covers everyone: %q %v", pw, ok)
	}
	f := writeFile(t, "pw.yaml", "alice: own\n", 0o600)
	p, _ = LoadPasswords(f, "shared")
	if pw, _ := p.Lookup("alice"); pw != "own" {
		t.Errorf("the file wins over the fallback: %q", pw)
	}
	if !strings.Contains(p.Missing("bob"), f) {
		t.Errorf("the hint names the file: %s", p.Missing("bob"))
	}
	var none *Passwords
	if _, ok := none.Lookup("x"); ok || !strings.Contains(none.Missing("x"), "--passwords") {
		t.Errorf("no source at all: %s", none.Missing("x"))
	}
}

func TestPasswordsFileMustBePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	f := writeFile(t, "pw.yaml", "alice: topsecret\n", 0o644)
	_, err := LoadPasswords(f, "")
	if err == nil || exitcode.Of(err) != exitcode.BadInput || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a file others can read is refused with the fix: %v", err)
	}
}

func TestPasswordsFileMistakesNeverQuoteAPassword(t *testing.T) {
	for name, text := range map[string]string{
		"dup.yaml":   "alice: topsecret\nalice: topsecret2\n",
		"empty.csv":  "alice,\n",
		"fields.csv": "alice,topsecret,extra\n",
		"list.yaml":  "- alice\n- topsecret\n",
		"bad.yaml":   "alice: 'topsecret\n",
		"quote.csv":  "alice,\"topsecret\n",
	} {
		f := writeFile(t, name, text, 0o600)
		_, err := LoadPasswords(f, "")
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Errorf("%s: the message quotes a password: %v", name, err)
		}
		if exitcode.Of(err) != exitcode.BadInput {
			t.Errorf("%s: exit %d, want 2", name, exitcode.Of(err))
		}
	}
}
