package capture

import (
	"context"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/recording"
	"github.com/cscse-tools/autofill/recordings"
	"github.com/cscse-tools/autofill/selectors"
)

func loadMaps(t *testing.T) *pagemap.Set {
	t.Helper()
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	return maps
}

// TestCommittedRecordingsAreCurrent records every simulator page again and
// compares it with recordings/, after normalising what legitimately changes
// between two captures, so the recordings cannot go stale when the
// simulator changes. It also proves the fresh captures hold none of the demo
// applicant's data.
func TestCommittedRecordingsAreCurrent(t *testing.T) {
	on := true
	sim := simtest.Start(t, portalsim.Options{Demo: true, Captcha: &on})
	tab := browsertest.Tab(t)
	maps := loadMaps(t)
	start := time.Now()
	snaps, err := Sim(tab, sim.URL, Options{Maps: maps})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded %d simulator pages in %s", len(snaps), time.Since(start).Round(time.Millisecond))
	man, err := recording.Read(recordings.FS, "recordings")
	if err != nil {
		t.Fatal(err)
	}
	const fix = "\nrecord them again: go run ./cmd/autofill record --sim --out recordings"
	var got []string
	for _, s := range snaps {
		got = append(got, s.Page)
		for _, w := range s.Warnings {
			t.Errorf("warning while recording: %s", w)
		}
		assertScrubbed(t, s.Page, s.HTML)
		e, ok := man.Get(s.Page)
		if !ok {
			t.Errorf("recordings/manifest.yaml has no page %s%s", s.Page, fix)
			continue
		}
		if e.Source != recording.Simulator {
			t.Errorf("recordings/%s: source %s, want simulator", e.File, e.Source)
		}
		committed, err := fs.ReadFile(recordings.FS, e.File)
		if err != nil {
			t.Fatal(err)
		}
		html, styles := s.Recording(recording.Simulator, "test", time.Now()).Render()
		a, err := Normalize(tab, string(committed))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Normalize(tab, html)
		if err != nil {
			t.Fatal(err)
		}
		if d := Diff("recordings/"+e.File, a, "simulator now", b); d != "" {
			t.Errorf("recordings/%s is stale: %s%s", e.File, d, fix)
		}
		for name, text := range styles {
			old, err := fs.ReadFile(recordings.FS, name)
			if err != nil || string(old) != string(text) {
				t.Errorf("recordings/%s: the page now uses a stylesheet that is not committed (%s)%s", e.File, name, fix)
			}
		}
	}
	for _, e := range man.Pages {
		if !slices.Contains(got, e.Page) {
			t.Errorf("recordings/manifest.yaml lists page %s, which the simulator recording no longer has%s", e.Page, fix)
		}
	}
}

// Personal data as the pre-commit hook and a reader would look for it.
var personal = []*regexp.Regexp{
	regexp.MustCompile(`[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{3}[0-9Xx]`), // the hook's ID pattern
	regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`),                        // mobile
	regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}`),             // e-mail
}

// demoData are the demo draft's personal values (portalsim/demo.go).
var demoData = []string{
	portalsim.DemoAccount.Name, portalsim.DemoAccount.IDNumber, portalsim.DemoAccount.Password,
	"13900001234", "wang.xiaoming@example.com", "学院路 100 号", "1999-03-15", "s2212345",
	"北京市示例中学", "北京示例大学", "passport-bio.jpg", "photo.jpg", "20250315", portalsim.DemoAppID,
}

func assertScrubbed(t *testing.T, page, html string) {
	t.Helper()
	for _, re := range personal {
		if m := re.FindString(html); m != "" {
			t.Errorf("%s: personal data left in the capture: %q", page, m)
		}
	}
	for _, v := range demoData {
		if strings.Contains(html, v) {
			t.Errorf("%s: the demo applicant's %q is left in the capture", page, v)
		}
	}
	if strings.Contains(strings.ToLower(html), "<script") {
		t.Errorf("%s: a script is left in the capture", page)
	}
}

func TestNormalizeIgnoresOnlyVolatileParts(t *testing.T) {
	tab := browsertest.Tab(t)
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	page := func(id, z, top, app, col, css, label string) string {
		return `<!DOCTYPE html><html><head><link rel="stylesheet" href="styles/index-` + css + `.css"></head><body>
<div id="` + id + `" class="el-select-dropdown el-popper" x-placement="bottom-start" style="min-width: 240px; position: absolute; top: ` + top + `px; left: 10px; z-index: ` + z + `; display: none;">
<li class="el-select-dropdown__item"><span>硕士</span></li></div>
<table><col name="el-table_` + col + `_column_3"><tr><td aria-describedby="el-tooltip-` + id + `">` + app + ` 2025-06-01 10:00</td></tr></table>
<img src="data:image/gif;base64,` + id + `"><label for="degree_name" class="el-form-item__label">` + label + `</label></body></html>`
	}
	norm := func(s string) string {
		t.Helper()
		out, err := Normalize(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a := norm(page("1234", "2001", "300", "A20250001", "1", "fb4e6f54d1", "学位外文名称"))
	b := norm(page("5678", "2017", "412", "A20259999", "7", "0123456789", "学位外文名称"))
	if d := Diff("a", a, "b", b); d != "" {
		t.Errorf("volatile differences survive normalising: %s", d)
	}
	c := norm(page("1234", "2001", "300", "A20250001", "1", "fb4e6f54d1", "学位名称"))
	if Diff("a", a, "c", c) == "" {
		t.Error("a changed label vanished in normalising")
	}
}
