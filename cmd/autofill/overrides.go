package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/appdir"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// overridesDir is where `autofill probe` writes the override set a live run
// loads on top of the built-in maps: <config>/selectors.
func overridesDir() (string, error) {
	dir, err := appdir.Config()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "selectors"), nil
}

// loadRunMaps is loadMaps for a live run or batch: with the built-in maps
// (no --selectors), the override set `autofill probe` wrote, when there is
// one, replaces the maps of its pages; the run says so on w. A dry run
// against the simulator keeps the built-in maps.
func loadRunMaps(selectorsDir string, dryRun bool, w io.Writer) (*pagemap.Set, error) {
	maps, err := loadMaps(selectorsDir)
	if err != nil || selectorsDir != "" || dryRun {
		return maps, err
	}
	dir, err := overridesDir()
	if err != nil {
		return maps, nil // no config folder: nothing to load
	}
	if _, err := os.Stat(dir); err != nil {
		return maps, nil
	}
	pages, err := maps.Overlay(os.DirFS(dir), dir)
	if err != nil {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("page-map overrides (written by `autofill probe`): %w\nfix them, run `autofill probe` again, or delete %s to use the built-in maps", err, dir))
	}
	if len(pages) > 0 {
		fmt.Fprintf(w, "using page-map overrides from %s for %s (written by `autofill probe`; delete the folder to use the built-in maps)\n", dir, strings.Join(pages, ", "))
	}
	return maps, nil
}
