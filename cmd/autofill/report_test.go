package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
)

const exampleProfile = "../../examples/me.yaml"

// needBrowser skips (or, under CI=true, fails) a test that starts Chrome
// through the CLI itself.
func needBrowser(t *testing.T) {
	t.Helper()
	browsertest.SkipShort(t)
	if _, err := browser.Find(""); err != nil {
		if browsertest.Required() {
			t.Fatalf("CI=true and no browser: %v", err)
		}
		t.Skipf("no browser: %v", err)
	}
}

// One dry-run through the CLI, with --json and debug logs, proves what the
// person and an agency get: a JSON event stream that parses line by line
// and covers the whole run; a report (JSON and HTML, 0600 in a 0700
// directory) with one screenshot per filled page that renders offline;
// run.log at debug level; and not one raw ID number or phone number in any
// output or any file, except the simulator's own record accepted.json.
func TestDryRunOutputsReportAndPII(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole dry-run in Chromium")
	}
	needBrowser(t)
	p, err := profile.Load(exampleProfile)
	if err != nil {
		t.Fatal(err)
	}
	secrets := []string{p.Applicant.IDNumber, strings.ToLower(p.Applicant.IDNumber), p.Applicant.Phone}

	runDir := filepath.Join(t.TempDir(), "run")
	ios, _, stdout, stderr := iostreams.Test()
	code := mainRun(ios, []string{"--profile", exampleProfile, "--dry-run", "--run-dir", runDir,
		"--json", "--log-level", "debug", "--log-format", "json"})
	if code != 0 {
		t.Fatalf("exit %d\nstderr:\n%s", code, stderr)
	}

	t.Run("json stream", func(t *testing.T) { checkJSONStream(t, stdout.Bytes(), runDir) })
	t.Run("no raw personal numbers", func(t *testing.T) {
		for name, b := range map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()} {
			for _, s := range secrets {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s contains %s", name, s)
				}
			}
		}
		files := 0
		err := filepath.WalkDir(runDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files++
			if d.Name() == dryrun.AcceptedFile {
				return nil // the simulator's record of what it accepted: the comparison needs the real values
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, s := range secrets {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s contains %s", path, s)
				}
			}
			return nil
		})
		if err != nil || files < 10 {
			t.Errorf("walked %d files: %v", files, err)
		}
	})
	t.Run("files and modes", func(t *testing.T) { checkRunDir(t, runDir) })
	t.Run("run.log", func(t *testing.T) { checkRunLog(t, filepath.Join(runDir, job.LogFile)) })
	t.Run("report renders", func(t *testing.T) { checkReportInBrowser(t, runDir) })
}

func checkJSONStream(t *testing.T, out []byte, runDir string) {
	var types []string
	pages := map[string]bool{}
	fields := map[string]int{}
	var last map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("stdout line %d is not JSON (%v): %s", n, err, sc.Text())
		}
		typ, _ := m["type"].(string)
		types = append(types, typ)
		if typ == "page_entered" {
			pages[m["page"].(string)] = true
		}
		if f, ok := m["field"].(map[string]any); ok {
			fields[f["status"].(string)]++
		}
		last = m
	}
	if len(types) < 50 || types[0] != "run_started" {
		t.Fatalf("%d events, first %v", len(types), types[:min(3, len(types))])
	}
	for _, want := range []string{"login", "applications", "agreement", "verify", "basic-info", "apply-type", "degree", "study-history", "materials", "confirm"} {
		if !pages[want] {
			t.Errorf("no page_entered for %s", want)
		}
	}
	for _, want := range []string{"human_started", "human_finished", "page_done", "done"} {
		if !slices.Contains(types, want) {
			t.Errorf("no %s event", want)
		}
	}
	if fields["filled"] < 30 || fields["skipped"] == 0 {
		t.Errorf("field events by status: %v", fields)
	}
	if i := slices.Index(types, "done"); i != len(types)-2 {
		t.Errorf("done is event %d of %d; the result line must follow it", i, len(types))
	}
	if last["type"] != "result" || last["outcome"] != "ready" || last["exit_code"] != float64(0) ||
		last["report"] != filepath.Join(runDir, report.HTMLFile) || len(last["left"].([]any)) != 4 {
		t.Errorf("last line: %v", last)
	}
}

func checkRunDir(t *testing.T, runDir string) {
	fi, err := os.Stat(runDir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("run directory: %v, %v", fi.Mode(), err)
	}
	for _, f := range []string{report.HTMLFile, report.JSONFile, job.LogFile} {
		fi, err := os.Stat(filepath.Join(runDir, f))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	rep, err := report.Read(runDir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != report.Ready || !rep.DryRun || len(rep.Left) != 4 || rep.Left[0].ZH == "" {
		t.Errorf("outcome %s, dry run %v, left %+v", rep.Outcome, rep.DryRun, rep.Left)
	}
	filled := 0
	for _, pg := range rep.Pages {
		hasFilled := slices.ContainsFunc(pg.Fields, func(f report.Field) bool { return f.Status == "filled" })
		if !hasFilled || pg.ID == "login" {
			continue // login's user name is typed, but the page is left at once
		}
		filled++
		if pg.Screenshot == "" {
			t.Errorf("page %s was filled but has no screenshot", pg.ID)
			continue
		}
		if _, err := os.Stat(filepath.Join(runDir, pg.Screenshot)); err != nil {
			t.Errorf("page %s: %v", pg.ID, err)
		}
	}
	if filled != 5 {
		t.Errorf("%d filled pages, want 5 (基本信息 … 上传材料)", filled)
	}
	if len(rep.Humans) != 1 || rep.Humans[0].Finished == nil || rep.Humans[0].File != "verify-qr.png" {
		t.Errorf("human steps: %+v", rep.Humans)
	}
}

func checkRunLog(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("run.log line %d is not JSON: %s", i+1, line)
		}
		lv, _ := m["level"].(string)
		levels[lv]++
	}
	if levels["debug"] < 50 {
		t.Errorf("run.log levels: %v; want every event at debug", levels)
	}
}

func checkReportInBrowser(t *testing.T, runDir string) {
	tab := browsertest.Tab(t)
	u := (&url.URL{Scheme: "file", Path: filepath.Join(runDir, report.HTMLFile)}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	type view struct {
		Outcome  string            `json:"outcome"`
		Left     int               `json:"left"`
		Sections map[string]string `json:"sections"`
		Shots    int               `json:"shots"`
		Broken   int               `json:"broken"`
		Failed   int               `json:"failed"`
		Filled   int               `json:"filled"`
		IDShown  string            `json:"idShown"`
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[view](`(() => {
		const q = s => Array.from(document.querySelectorAll(s));
		const sections = {};
		q('section.page').forEach(s => sections[s.dataset.page] = s.dataset.status);
		const imgs = q('section.page figure img');
		return {
			outcome: document.body.dataset.outcome,
			left: q('#left li').length,
			sections,
			shots: imgs.filter(i => i.complete && i.naturalWidth > 600).length,
			broken: q('img').filter(i => !(i.complete && i.naturalWidth > 0)).length,
			failed: q('tr.field[data-status=failed]').length,
			filled: q('tr.field[data-status=filled]').length,
			idShown: (document.querySelector('tr.field[data-key="applicant.id_number"] td.value') || {}).textContent || '',
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if v.Outcome != "ready" || v.Left != 4 || v.Failed != 0 || v.Filled < 30 || v.Broken != 0 || v.Shots != 6 {
		t.Errorf("report page: %+v", v)
	}
	for _, pg := range []string{"basic-info", "apply-type", "degree", "study-history", "materials"} {
		if v.Sections[pg] != "done" {
			t.Errorf("section %s: %q", pg, v.Sections[pg])
		}
	}
	if v.Sections["confirm"] != "waiting" || !strings.Contains(v.IDShown, "**********") {
		t.Errorf("confirm %q, ID shown as %q", v.Sections["confirm"], v.IDShown)
	}
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if d := os.Getenv("AUTOFILL_SHOTS"); d != "" {
		out = d
	}
	if err := os.WriteFile(filepath.Join(out, "report-dry-run.png"), png, 0o600); err != nil {
		t.Fatal(err)
	}
}

// `autofill report` opens the newest report, or the one asked for; without
// a display it prints the path.
func TestReportCommand(t *testing.T) {
	runs := t.TempDir()
	var paths []string
	for i, name := range []string{"20250601-0900-msc", "20250602-0900-msc"} {
		d := filepath.Join(runs, name)
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(d, report.HTMLFile)
		os.WriteFile(p, []byte("<html>"), 0o600)
		os.WriteFile(filepath.Join(d, report.JSONFile), []byte(`{"outcome":"ready"}`), 0o600)
		mt := time.Now().Add(time.Duration(i-2) * time.Hour)
		os.Chtimes(p, mt, mt)
		paths = append(paths, p)
	}
	run := func(dir string, display, print, asJSON bool) (opened, out, errOut string, err error) {
		ios, _, o, e := iostreams.Test()
		err = runReport(&reportOptions{io: ios, Dir: dir, Runs: runs, Print: print, JSON: asJSON,
			display: func() bool { return display },
			open:    func(p string) error { opened = p; return nil }})
		return opened, o.String(), e.String(), err
	}
	if opened, _, _, err := run("", true, false, false); err != nil || opened != paths[1] {
		t.Errorf("newest: opened %q, %v", opened, err)
	}
	if opened, _, _, err := run(filepath.Dir(paths[0]), true, false, false); err != nil || !strings.HasSuffix(opened, "20250601-0900-msc/report.html") {
		t.Errorf("given run: opened %q, %v", opened, err)
	}
	if opened, out, errOut, err := run("", false, false, false); err != nil || opened != "" || strings.TrimSpace(out) != paths[1] || !strings.Contains(errOut, "no display") {
		t.Errorf("no display: opened %q, printed %q, %q, %v", opened, out, errOut, err)
	}
	if _, out, _, err := run("", true, false, true); err != nil || out != `{"outcome":"ready"}` {
		t.Errorf("--json: %q, %v", out, err)
	}
	if _, _, _, err := run(t.TempDir(), true, false, false); err == nil || !strings.Contains(err.Error(), "is it a run directory?") {
		t.Errorf("not a run directory: %v", err)
	}
}
