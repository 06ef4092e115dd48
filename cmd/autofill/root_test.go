package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/version"
)

func execute(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	ios, _, o, e := iostreams.Test()
	code = mainRun(ios, args)
	return code, o.String(), e.String()
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := execute(t, args...)
		if code != 0 || strings.TrimSpace(out) != version.Long() {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

func TestHelpTeaches(t *testing.T) {
	code, out, _ := execute(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"never submits", "--dry-run", "Examples:", "autofill --profile me.yaml"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// An unknown flag: one line saying what is wrong, then the usage, exit 2.
func TestUnknownFlag(t *testing.T) {
	code, _, errOut := execute(t, "--bogus")
	if code != exitcode.BadInput {
		t.Errorf("exit %d, want 2", code)
	}
	first, rest, _ := strings.Cut(errOut, "\n")
	if first != "autofill: unknown flag: --bogus" || !strings.Contains(rest, "Usage:") {
		t.Errorf("got:\n%s", errOut)
	}
}

// Flags beat AUTOFILL_* variables, which beat the config file.
func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("log-level: nonsense-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The file alone: its bad value is reported.
	code, _, errOut := execute(t, "--config", cfg, "version")
	if code != exitcode.BadInput || !strings.Contains(errOut, "nonsense-from-file") {
		t.Errorf("file: exit %d: %s", code, errOut)
	}
	// The environment beats the file.
	t.Setenv("AUTOFILL_LOG_LEVEL", "debug")
	if code, _, errOut := execute(t, "--config", cfg, "version"); code != 0 {
		t.Errorf("env should win over the file: exit %d: %s", code, errOut)
	}
	// A flag beats the environment.
	t.Setenv("AUTOFILL_LOG_LEVEL", "nonsense-from-env")
	if code, _, errOut := execute(t, "--config", cfg, "--log-level", "warn", "version"); code != 0 {
		t.Errorf("flag should win over env: exit %d: %s", code, errOut)
	}
}

func TestRunNeedsAProfile(t *testing.T) {
	code, _, errOut := execute(t, "run")
	if code != exitcode.BadInput || !strings.Contains(errOut, "--profile is required") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
