package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
)

// TestStandaloneBinary is the applicant's computer: the released binary
// alone in an empty folder, HOME and the working directory elsewhere, no
// source tree or node_modules to lean on (built with -trimpath, so no
// source path is compiled in, and AUTOFILL_SIM_ASSETS empty). There it
// says its stamped version, makes a profile, rehearses the example
// applicant to a ready draft against the built-in simulator, and serves
// the simulator's login page with its embedded Vue and Element UI.
func TestStandaloneBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a browser")
	}
	exe := "autofill"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	built := filepath.Join(t.TempDir(), exe)
	const stamp = "v0.0.0-standalone-test"
	build := exec.Command("go", "build", "-trimpath", "-o", built,
		"-ldflags", "-X github.com/cscse-tools/autofill/internal/version.Version="+stamp, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	app := t.TempDir() // the unzipped release: the binary and nothing else
	bin := filepath.Join(app, exe)
	copyFile(t, built, bin, 0o755)

	home, work := t.TempDir(), t.TempDir()
	// Short, as Chromium's socket paths must be.
	tmp, err := os.MkdirTemp("", "afs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(tmp) })
	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "USERPROFILE=" + home,
		"APPDATA=" + filepath.Join(home, "AppData", "Roaming"), "LocalAppData=" + filepath.Join(home, "AppData", "Local"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"), "XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"TMPDIR=" + tmp, "TMP=" + tmp, "TEMP=" + tmp, "AUTOFILL_SIM_ASSETS=", "NO_COLOR=1",
	}
	for _, k := range []string{"SystemRoot", "ProgramFiles", "ProgramFiles(x86)", browser.EnvChrome, "CHROME_PATH", "CI"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	run := func(t *testing.T, timeout time.Duration, args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir, cmd.Env = work, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("autofill %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	t.Run("version", func(t *testing.T) {
		if out := run(t, time.Minute, "version"); !strings.Contains(out, stamp) {
			t.Errorf("autofill version = %q; want the stamped %s", out, stamp)
		}
	})

	t.Run("init", func(t *testing.T) {
		run(t, time.Minute, "init", "new.yaml")
		if _, err := os.Stat(filepath.Join(work, "new.yaml")); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("dry-run", func(t *testing.T) {
		if _, err := browser.Find(""); err != nil {
			if browsertest.Required() {
				t.Fatalf("CI=true and no browser: %v", err)
			}
			t.Skipf("no browser: %v", err)
		}
		// The example applicant and its materials, beside the profile as
		// a person keeps them.
		copyFile(t, filepath.Join("..", "..", "examples", "me.yaml"), filepath.Join(work, "me.yaml"), 0o600)
		mats, err := filepath.Glob(filepath.Join("..", "..", "examples", "materials", "*"))
		if err != nil || len(mats) == 0 {
			t.Fatalf("no example materials: %v", err)
		}
		for _, m := range mats {
			copyFile(t, m, filepath.Join(work, "materials", filepath.Base(m)), 0o600)
		}
		run(t, 10*time.Minute, "--profile", "me.yaml", "--dry-run", "--headless", "--quiet")
		reports, _ := filepath.Glob(filepath.Join(work, "runs", "*", "accepted.json"))
		if len(reports) != 1 {
			t.Errorf("want one run directory with accepted.json under %s/runs, found %v", work, reports)
		}
	})

	t.Run("sim", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "sim", "--addr", "127.0.0.1:0")
		cmd.Dir, cmd.Env = work, env
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = cmd.Stdout
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
		re := regexp.MustCompile(`(http://\S+)/login`)
		var base string
		var said strings.Builder
		for sc := bufio.NewScanner(stdout); base == "" && sc.Scan(); {
			said.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				base = m[1]
			}
		}
		if base == "" {
			t.Fatalf("autofill sim printed no URL:\n%s", said.String())
		}
		go func() { _, _ = io.Copy(io.Discard, stdout) }()
		for path, want := range map[string]string{
			"/login":                                 "个人用户登录",
			"/static/vendor/vue/dist/vue.min.js":     "Vue.js v2.7.16",
			"/static/vendor/element-ui/lib/index.js": "ELEMENT",
			"/static/vendor/element-ui/lib/theme-chalk/fonts/element-icons.woff": "wOFF",
		} {
			res, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || !strings.Contains(string(b), want) {
				t.Errorf("GET %s: %s, %d bytes; want 200 with %q", path, res.Status, len(b), want)
			}
		}
	})
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, mode); err != nil {
		t.Fatal(err)
	}
}
