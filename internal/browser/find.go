package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"runtime"
	"strings"
)

// EnvChrome names the browser executable when --chrome is not given. CHROME_PATH
// is honoured too, because other tools (Puppeteer, Lighthouse) use it.
const EnvChrome = "AUTOFILL_CHROME"

// ErrNotFound is returned by Find when no browser is installed where we look.
var ErrNotFound = errors.New("no Chrome, Chromium or Edge found")

// Find returns the browser to start: explicit if given, else $AUTOFILL_CHROME,
// $CHROME_PATH, then the usual install places for this operating system
// (on Windows also the registry's App Paths, so Edge, which comes with
// Windows 10 and 11, is found with no flag).
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
	f := finder{goos: runtime.GOOS, getenv: os.Getenv, look: exec.LookPath, appPaths: systemAppPaths()}
	if found, ok := f.find(); ok {
		return found, nil
	}
	return "", fmt.Errorf("%w; %s, or point --chrome at it", ErrNotFound, installHint(runtime.GOOS))
}

// AppPaths is the registry's App Paths on Windows
// (HKCU, then HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\<exe>),
// where installers record their executable; tests fake it.
type AppPaths interface {
	// Lookup returns the path registered for exe (e.g. "msedge.exe").
	Lookup(exe string) (string, bool)
}

// finder holds what discovery reads from the computer, so each operating
// system's rules are tested with a fake environment, file system and
// registry.
type finder struct {
	goos     string
	getenv   func(string) string
	look     func(string) (string, error) // exec.LookPath: an executable file, or a name on PATH
	appPaths AppPaths                     // nil where there is no registry
}

func (f finder) find() (string, bool) {
	for _, p := range f.candidates() {
		if found, err := f.look(p); err == nil {
			return found, true
		}
	}
	return "", false
}

// candidates lists names and paths to try, most likely first. Chrome comes
// before Chromium and Edge because it is what most applicants have.
func (f finder) candidates() []string {
	switch f.goos {
	case "darwin":
		var out []string
		for _, app := range []string{
			"Google Chrome.app/Contents/MacOS/Google Chrome",
			"Chromium.app/Contents/MacOS/Chromium",
			"Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
			"Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
		} {
			out = append(out, path.Join("/Applications", app))
			if home := f.getenv("HOME"); home != "" {
				out = append(out, path.Join(home, "Applications", app))
			}
		}
		return out
	case "windows":
		// Per-machine installs go to ProgramFiles (x86 too for Edge and
		// older Chrome), per-user ones to LocalAppData.
		roots := []string{f.getenv("ProgramFiles"), f.getenv("ProgramFiles(x86)"), f.getenv("LocalAppData")}
		var out []string
		for _, b := range []struct {
			rel, exe   string
			registered bool // look it up in App Paths too
		}{
			{`Google\Chrome\Application`, "chrome.exe", true},
			{`Chromium\Application`, "chrome.exe", false},
			{`Microsoft\Edge\Application`, "msedge.exe", true},
			{`Google\Chrome SxS\Application`, "chrome.exe", false}, // Canary
		} {
			for _, root := range roots {
				if root != "" {
					out = append(out, winJoin(root, b.rel, b.exe))
				}
			}
			if b.registered && f.appPaths != nil {
				if p, ok := f.appPaths.Lookup(b.exe); ok && p != "" {
					out = append(out, strings.Trim(p, `"`))
				}
			}
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

// winJoin joins Windows path parts whatever OS the tests run on.
func winJoin(root string, parts ...string) string {
	return strings.TrimRight(root, `\/`) + `\` + strings.Join(parts, `\`)
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
