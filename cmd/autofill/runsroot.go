package main

import (
	"os"
	"path/filepath"

	"github.com/cscse-tools/autofill/internal/appdir"
)

// runsDir is the default parent of run directories, relative to the
// working directory, as a person running autofill beside their profile
// expects.
const runsDir = "runs"

// runsRoot is where new run directories go by default: runs/ in the working
// directory when it can be written there, else appdir.Runs() (a
// double-clicked binary in C:\Program Files, a read-only download folder).
func runsRoot() string {
	if writableDir(runsDir) {
		return runsDir
	}
	if d, err := appdir.Runs(); err == nil {
		return d
	}
	return runsDir // the error then names runs/
}

// existingRunsRoot is where `autofill report` looks for the newest run:
// runs/ here when it exists, else appdir.Runs() when that does.
func existingRunsRoot() string {
	if fi, err := os.Stat(runsDir); err == nil && fi.IsDir() {
		return runsDir
	}
	if d, err := appdir.Runs(); err == nil {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return runsDir
}

// writableDir makes dir (0700) if needed and reports whether a file can be
// created in it.
func writableDir(dir string) bool {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	return os.Remove(filepath.Clean(f.Name())) == nil
}
