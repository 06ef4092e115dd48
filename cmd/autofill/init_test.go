package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/profile"
)

func TestInitWritesPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "me.yaml")
	ios, _, out, _ := iostreams.Test()
	if err := runInit(&initOptions{io: ios, file: path}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != string(profile.Template()) {
		t.Fatalf("file does not hold the template: %v", err)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %o, want 600", st.Mode().Perm())
	}
	if !strings.Contains(out.String(), "autofill validate "+path) {
		t.Errorf("no next steps:\n%s", out)
	}
	if _, err := profile.Load(path); err != nil {
		t.Errorf("the written template does not load: %v", err)
	}
}

func TestInitNeverOverwritesWithoutForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "me.yaml")
	os.WriteFile(path, []byte("mine"), 0o644)
	ios, _, _, _ := iostreams.Test()
	err := runInit(&initOptions{io: ios, file: path})
	if exitcode.Of(err) != exitcode.BadInput || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("want a bad-input error naming --force, got %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Fatal("the file was overwritten")
	}
	if err := runInit(&initOptions{io: ios, file: path, force: true}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != string(profile.Template()) || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o600) {
		t.Errorf("--force: mode %o, template written: %v", st.Mode().Perm(), string(b) == string(profile.Template()))
	}
}

func TestInitStdout(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	if err := runInit(&initOptions{io: ios}); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(profile.Template()) {
		t.Error("stdout is not exactly the template")
	}
	if !strings.Contains(errOut.String(), "600") {
		t.Errorf("stderr: %s", errOut)
	}
}

func TestInitRefusesOtherFormats(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := runInit(&initOptions{io: ios, file: filepath.Join(t.TempDir(), "me.json")})
	if exitcode.Of(err) != exitcode.BadInput {
		t.Errorf("me.json: %v", err)
	}
	ios, _, _, errOut := iostreams.Test()
	if code := mainRun(ios, []string{"init", "a.yaml", "b.yaml"}); code != exitcode.BadInput {
		t.Errorf("two files: exit %d\n%s", code, errOut)
	}
}
