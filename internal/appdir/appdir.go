// Package appdir names the folders autofill keeps on the person's own
// computer, the same way on Linux, macOS and Windows: the configuration
// (config.yaml, selector overrides), the state that must outlive a run
// directory (which draft belongs to which degree, the per-account lock), and
// the default home of run directories.
//
// AUTOFILL_HOME puts all of them under one folder, for tests, portable
// installs and agencies that keep each client's data apart.
package appdir

import (
	"os"
	"path/filepath"
	"runtime"
)

// EnvHome overrides every folder below with one root.
const EnvHome = "AUTOFILL_HOME"

const name = "autofill"

// Config is where config.yaml and selector overrides live:
// ~/.config/autofill, ~/Library/Application Support/autofill,
// %AppData%\autofill.
func Config() (string, error) {
	if h := os.Getenv(EnvHome); h != "" {
		return filepath.Join(h, "config"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// State is where per-account state and locks live:
// $XDG_STATE_HOME/autofill (~/.local/state/autofill),
// ~/Library/Application Support/autofill/state, %LocalAppData%\autofill\state.
func State() (string, error) {
	if h := os.Getenv(EnvHome); h != "" {
		return filepath.Join(h, "state"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, name, "state"), nil
		}
	case "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, name, "state"), nil
	default:
		if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, name), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(home, "AppData", "Local", name, "state"), nil
	}
	return filepath.Join(home, ".local", "state", name), nil
}
