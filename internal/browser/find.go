package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// EnvChrome names the browser executable when --chrome is not given. CHROME_PATH
// is honoured too, because other tools (Puppeteer, Lighthouse) use it.
const EnvChrome = "AUTOFILL_CHROME"

// ErrNotFound is returned by Find when no browser is installed where we look.
var ErrNotFound = errors.New("no Chrome, Chromium or Edge found")

// Find returns the browser to start: explicit if given, else $AUTOFILL_CHROME,
// $CHROME_PATH, then the usual install places for this operating system.
func Find(explicit string) (string, error) {
	for _, p := range []string{explicit, os.Getenv(EnvChrome), os.Getenv("CHROME_PATH")} {
		if p == "" {
			continue
		}
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("browser %q: %w (check --chrome or $%s)", p, err, EnvChrome)
		}
		return found, nil
	}
	for _, p := range candidates(runtime.GOOS, os.Getenv) {
		if found, err := exec.LookPath(p); err == nil {
			return found, nil
		}
	}
	return "", fmt.Errorf("%w; %s, or point --chrome at it", ErrNotFound, installHint(runtime.GOOS))
}

// candidates lists names and paths to try, most likely first. Chrome comes
// before Chromium and Edge because it is what most applicants have.
func candidates(goos string, getenv func(string) string) []string {
	switch goos {
	case "darwin":
		var out []string
		for _, app := range []string{
			"Google Chrome.app/Contents/MacOS/Google Chrome",
			"Chromium.app/Contents/MacOS/Chromium",
			"Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		} {
			out = append(out, filepath.Join("/Applications", app))
			if home := getenv("HOME"); home != "" {
				out = append(out, filepath.Join(home, "Applications", app))
			}
		}
		return out
	case "windows":
		var out []string
		for _, root := range []string{getenv("ProgramFiles"), getenv("ProgramFiles(x86)"), getenv("LocalAppData")} {
			if root == "" {
				continue
			}
			out = append(out,
				filepath.Join(root, `Google\Chrome\Application\chrome.exe`),
				filepath.Join(root, `Chromium\Application\chrome.exe`),
				filepath.Join(root, `Microsoft\Edge\Application\msedge.exe`),
			)
		}
		return append(out, "chrome.exe", "msedge.exe")
	default:
		return []string{
			"google-chrome", "google-chrome-stable", "chromium", "chromium-browser",
			"microsoft-edge", "microsoft-edge-stable",
			"/usr/bin/chromium", "/snap/bin/chromium",
		}
	}
}

func installHint(goos string) string {
	switch goos {
	case "darwin":
		return "install Google Chrome from https://www.google.com/chrome/ (or `brew install --cask chromium`)"
	case "windows":
		return "install Google Chrome or use the Microsoft Edge that comes with Windows"
	default:
		if _, err := os.Stat("/etc/debian_version"); err == nil {
			return "install it with `sudo apt-get install chromium` (or run `make deps`)"
		}
		return "install Chromium or Google Chrome with your package manager"
	}
}

// IsNotFound reports whether err means no browser is installed, as opposed to
// one that failed to start. Test helpers use it to decide between skip and fail.
func IsNotFound(err error) bool {
	return errors.Is(err, ErrNotFound) || errors.Is(err, exec.ErrNotFound) || strings.Contains(fmt.Sprint(err), "executable file not found")
}
