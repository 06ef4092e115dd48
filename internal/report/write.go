package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// Write saves rep as report.json and report.html in dir, each written
// atomically (a reader never sees half a report) and readable by the owner
// only: the report names the applicant and shows the pages as filled.
func Write(dir string, rep *Report) error {
	if dir == "" {
		return errors.New("report: no run directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	js, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, JSONFile), append(js, '\n'), 0o600); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	html, err := HTML(rep, os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, HTMLFile), html, 0o600); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// Read loads a run directory's report.json.
func Read(dir string) (*Report, error) {
	b, err := os.ReadFile(filepath.Join(dir, JSONFile))
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	if err := json.Unmarshal(b, rep); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, JSONFile), err)
	}
	return rep, nil
}

// Latest returns the newest report.html among root's run directories
// (root/*/report.html, by modification time).
func Latest(root string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(root, "*", HTMLFile))
	if err != nil {
		return "", err
	}
	var best string
	var bestInfo fs.FileInfo
	for _, m := range matches {
		fi, err := os.Stat(m)
		if err != nil {
			continue
		}
		if bestInfo == nil || fi.ModTime().After(bestInfo.ModTime()) {
			best, bestInfo = m, fi
		}
	}
	if best == "" {
		return "", fmt.Errorf("no run report under %s/: a run writes one into its run directory (runs/<time>-<degree>/report.html); pass the run directory, or run `autofill --profile me.yaml --dry-run` first", root)
	}
	return best, nil
}
