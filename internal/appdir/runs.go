package appdir

import (
	"os"
	"path/filepath"
	"runtime"
)

// Runs is where run directories go when the working directory cannot take
// them (see the cli's runsRoot): $XDG_DATA_HOME/autofill/runs
// (~/.local/share/autofill/runs), ~/Library/Application Support/autofill/runs,
// %LocalAppData%\autofill\runs — local, never a roaming or synced folder,
// because runs hold screenshots of personal data.
func Runs() (string, error) {
	if h := os.Getenv(EnvHome); h != "" {
		return filepath.Join(h, "runs"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, name, "runs"), nil
		}
	case "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, name, "runs"), nil
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, name, "runs"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(home, "AppData", "Local", name, "runs"), nil
	}
	return filepath.Join(home, ".local", "share", name, "runs"), nil
}
