package browser

import (
	"os/exec"
	"strings"
	"testing"
)

// fakeAppPaths is the registry's App Paths: exe name → registered path.
type fakeAppPaths map[string]string

func (f fakeAppPaths) Lookup(exe string) (string, bool) { p, ok := f[exe]; return p, ok }

// fakeFinder is a computer with the given environment, executable files
// (full paths) and names on PATH; nothing touches the real OS.
func fakeFinder(goos string, env map[string]string, files []string, onPath map[string]string, reg AppPaths) finder {
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	return finder{
		goos:   goos,
		getenv: func(k string) string { return env[k] },
		look: func(p string) (string, error) {
			if strings.ContainsAny(p, `/\`) {
				if have[p] {
					return p, nil
				}
				return "", exec.ErrNotFound
			}
			if full, ok := onPath[p]; ok {
				return full, nil
			}
			return "", exec.ErrNotFound
		},
		appPaths: reg,
	}
}

var winEnv = map[string]string{
	"ProgramFiles":      `C:\Program Files`,
	"ProgramFiles(x86)": `C:\Program Files (x86)`,
	"LocalAppData":      `C:\Users\me\AppData\Local`,
}

func TestFindWindows(t *testing.T) {
	const (
		edge      = `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`
		chrome    = `C:\Program Files\Google\Chrome\Application\chrome.exe`
		userChr   = `C:\Users\me\AppData\Local\Google\Chrome\Application\chrome.exe`
		elsewhere = `D:\Apps\Chrome\chrome.exe`
	)
	for _, tc := range []struct {
		name  string
		env   map[string]string
		files []string
		path  map[string]string
		reg   AppPaths
		want  string // "" means not found
	}{
		{name: "Edge that comes with Windows, no flag", env: winEnv, files: []string{edge}, want: edge},
		{name: "Chrome before Edge", env: winEnv, files: []string{edge, chrome}, want: chrome},
		{name: "per-user Chrome in LocalAppData", env: winEnv, files: []string{userChr, edge}, want: userChr},
		{name: "Chrome only in App Paths", env: winEnv, files: []string{elsewhere},
			reg: fakeAppPaths{"chrome.exe": `"` + elsewhere + `"`}, want: elsewhere},
		{name: "Edge only in App Paths, no ProgramFiles variables", env: map[string]string{}, files: []string{edge},
			reg: fakeAppPaths{"msedge.exe": edge}, want: edge},
		{name: "App Paths entry whose file is gone", env: winEnv, files: []string{edge},
			reg: fakeAppPaths{"chrome.exe": elsewhere}, want: edge},
		{name: "Canary in LocalAppData", env: winEnv,
			files: []string{`C:\Users\me\AppData\Local\Google\Chrome SxS\Application\chrome.exe`},
			want:  `C:\Users\me\AppData\Local\Google\Chrome SxS\Application\chrome.exe`},
		{name: "on PATH", env: winEnv, path: map[string]string{"msedge.exe": `E:\edge\msedge.exe`}, want: `E:\edge\msedge.exe`},
		{name: "root with a trailing backslash", env: map[string]string{"ProgramFiles": `C:\Program Files\`}, files: []string{chrome}, want: chrome},
		{name: "nothing installed", env: winEnv, reg: fakeAppPaths{}, want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := fakeFinder("windows", tc.env, tc.files, tc.path, tc.reg).find()
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("find() = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

func TestFindMacOS(t *testing.T) {
	home := map[string]string{"HOME": "/Users/me"}
	for _, tc := range []struct {
		name  string
		env   map[string]string
		files []string
		want  string
	}{
		{"Chrome in /Applications", home, []string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
		{"Chrome in ~/Applications", home, []string{"/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
			"/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
		{"Chrome before Edge", home, []string{
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"},
		{"Edge", home, []string{"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"},
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"},
		{"Chromium (brew cask)", home, []string{"/Applications/Chromium.app/Contents/MacOS/Chromium"},
			"/Applications/Chromium.app/Contents/MacOS/Chromium"},
		{"Chrome Canary", home, []string{"/Users/me/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary"},
			"/Users/me/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary"},
		{"no HOME", map[string]string{}, []string{"/Applications/Chromium.app/Contents/MacOS/Chromium"},
			"/Applications/Chromium.app/Contents/MacOS/Chromium"},
		{"nothing installed", home, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := fakeFinder("darwin", tc.env, tc.files, nil, nil).find()
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("find() = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

func TestFindLinux(t *testing.T) {
	for _, tc := range []struct {
		name  string
		path  map[string]string
		files []string
		want  string
	}{
		{"google-chrome before chromium", map[string]string{"chromium": "/usr/bin/chromium", "google-chrome": "/opt/google/chrome/google-chrome"}, nil, "/opt/google/chrome/google-chrome"},
		{"Edge", map[string]string{"microsoft-edge": "/usr/bin/microsoft-edge"}, nil, "/usr/bin/microsoft-edge"},
		{"snap Chromium off PATH", nil, []string{"/snap/bin/chromium"}, "/snap/bin/chromium"},
		{"nothing installed", nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := fakeFinder("linux", nil, tc.files, tc.path, nil).find()
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("find() = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}
