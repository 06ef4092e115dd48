package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/cscse-tools/autofill/internal/appdir"
)

// Run directories go to runs/ in the working directory; when it cannot be
// made there (here: a file is in the way, as an unwritable folder would
// be for a user who is not root) they go to the per-user folder.
func TestRunsRoot(t *testing.T) {
	home := t.TempDir()
	t.Setenv(appdir.EnvHome, home)
	perUser := filepath.Join(home, "runs")

	t.Chdir(t.TempDir())
	if got := existingRunsRoot(); got != runsDir {
		t.Errorf("existingRunsRoot() with no runs anywhere = %q, want %q (so the error names it)", got, runsDir)
	}
	if got := runsRoot(); got != runsDir {
		t.Errorf("runsRoot() in a writable folder = %q, want %q", got, runsDir)
	}
	if fi, err := os.Stat(runsDir); err != nil {
		t.Error(err)
	} else if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		t.Errorf("runs/ made as %v; want a 0700 directory", fi.Mode())
	}

	t.Chdir(t.TempDir())
	if err := os.WriteFile(runsDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := runsRoot(); got != perUser {
		t.Errorf("runsRoot() where runs/ cannot be made = %q, want %q", got, perUser)
	}
	if err := os.MkdirAll(perUser, 0o700); err != nil {
		t.Fatal(err)
	}
	if got := existingRunsRoot(); got != perUser {
		t.Errorf("existingRunsRoot() with only the per-user runs = %q, want %q", got, perUser)
	}
}
