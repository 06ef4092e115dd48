package portal_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/selectors"
)

// sharedHarness is a demo simulator with its own options on a browser
// other tests share: one Chromium for many simulator variants.
func sharedHarness(t *testing.T, b *browser.Browser, o portalsim.Options) *harness {
	t.Helper()
	o.Demo = true
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sim: simtest.Start(t, o), maps: maps, b: b, pw: map[string]string{}}
	t.Cleanup(h.assertNeverSubmitted)
	return h
}

// A portal changed the ways a release changes it: each change is noticed
// and named, nothing wrong is saved, and only a transient loss of a value
// is repaired.
func TestPortalChangesAreNamed(t *testing.T) {
	b := browsertest.Start(t)
	type check func(t *testing.T, h *harness, res *portal.Result, rec *portal.Recorder, err error)
	// drifted: exit 3 on page, the message naming every want, the page not saved.
	drifted := func(page string, want ...string) check {
		return func(t *testing.T, h *harness, res *portal.Result, _ *portal.Recorder, err error) {
			t.Helper()
			var de *portal.DriftError
			if !errors.As(err, &de) || exitcode.Of(err) != exitcode.Drift {
				t.Fatalf("want a portal change (exit 3), got %v (exit %d)", err, exitcode.Of(err))
			}
			msg := err.Error()
			for _, w := range append(want, "autofill check") {
				if !strings.Contains(msg, w) {
					t.Errorf("the message does not name %q: %s", w, msg)
				}
			}
			if strings.Contains(msg, "correct the profile") {
				t.Errorf("a portal change blamed on the profile: %s", msg)
			}
			if res.Page != page {
				t.Errorf("stopped on %s, want %s", res.Page, page)
			}
			acc := h.sim.App(onlyUser(h)).Accepted
			saved := map[string]bool{"basic-info": acc.BasicInfo != nil, "degree": acc.Degree != nil}
			if saved[page] {
				t.Errorf("page %s was saved despite the change", page)
			}
		}
	}
	// beforeTyping: as c, and nothing was entered on the page before the stop.
	beforeTyping := func(c check) check {
		return func(t *testing.T, h *harness, res *portal.Result, rec *portal.Recorder, err error) {
			t.Helper()
			c(t, h, res, rec, err)
			for _, e := range rec.Events() {
				if e.Page == res.Page && e.Field != nil && e.Field.Status == portal.Filled {
					t.Errorf("%s was entered on %s before the run stopped", e.Field.Label, res.Page)
				}
			}
		}
	}
	cases := []struct {
		name  string
		drift portalsim.Drift
		check check
	}{
		{"classes swapped", portalsim.Drift{SwapClasses: [2]string{"fi-degree-name", "fi-major-foreign"}},
			beforeTyping(drifted("degree", "学位外文名称", "学习专业（外文）"))},
		{"labels swapped", portalsim.Drift{SwapLabels: [2]string{"认证学位/证书授予时间", "学习结束时间"}},
			beforeTyping(drifted("degree", "认证学位/证书授予时间", "学习结束时间"))},
		{"label renamed", portalsim.Drift{RenameLabel: map[string]string{"学位外文名称": "学位名称（外文）"}},
			beforeTyping(drifted("degree", "学位外文名称", "学位名称（外文）"))},
		{"extra required field", portalsim.Drift{ExtraRequired: "学位证书编号"},
			beforeTyping(drifted("degree", "学位证书编号"))},
		{"required field revealed by a choice", portalsim.Drift{RevealRequired: "学位证书编号"},
			drifted("degree", "学位证书编号")},
		{"step buttons renamed", portalsim.Drift{RenameButtons: map[string]string{"下一步": "保存并继续"}},
			drifted("verify", "下一步", "保存并继续")}, // verify's 下一步 is the first renamed button met
		{"option text changed", portalsim.Drift{OptionText: map[string]string{"硕士": "硕士研究生"}},
			drifted("degree", "学位层次", "the list offers \"硕士研究生\", not \"硕士\"", "selectors/degree.yaml")},
		{"date format changed", portalsim.Drift{DateFormat: "yyyy/MM/dd"},
			drifted("basic-info", "出生日期", "yyyy/MM/dd")},
		{"dialog after 下一步", portalsim.Drift{ConfirmDialogAfterNext: true},
			drifted("basic-info", "确定保存并进入下一步吗？")},
		{"select became radio", portalsim.Drift{SelectAsRadio: "fi-level"},
			drifted("degree", "学位层次", "radio", "select")},
		{"cleared once", portalsim.Drift{ClearOnce: "awarding_institution"},
			func(t *testing.T, h *harness, res *portal.Result, rec *portal.Recorder, err error) {
				mustReady(t, res, err)
				h.assertAccepted(example(t, nil))
				if !hasWarning(rec, "cleared 颁证学校外文名称") {
					t.Error("no warning says the portal cleared the field")
				}
			}},
		{"cleared always", portalsim.Drift{ClearAlways: "awarding_institution"},
			func(t *testing.T, h *harness, res *portal.Result, _ *portal.Recorder, err error) {
				var ce *portal.ClearedError
				if !errors.As(err, &ce) || exitcode.Of(err) == exitcode.OK || exitcode.Of(err) == exitcode.BadInput {
					t.Fatalf("want the portal-cleared error, got %v (exit %d)", err, exitcode.Of(err))
				}
				if !strings.Contains(err.Error(), "the portal cleared 颁证学校外文名称 after it was entered") || strings.Contains(err.Error(), "correct the profile") {
					t.Errorf("message: %v", err)
				}
				if h.sim.App(onlyUser(h)).Accepted.Degree != nil {
					t.Error("the degree page was saved")
				}
			}},
		{"saved differently", portalsim.Drift{SaveDifferently: "degree_name"},
			func(t *testing.T, h *harness, res *portal.Result, _ *portal.Recorder, err error) {
				var se *portal.SummaryError
				if !errors.As(err, &se) || exitcode.Of(err) == exitcode.OK {
					t.Fatalf("want a summary difference, got %v (exit %d)", err, exitcode.Of(err))
				}
				if res.Ready || res.Page != "confirm" {
					t.Errorf("ready=%v on %s", res.Ready, res.Page)
				}
				if len(se.Diffs) != 1 || se.Diffs[0].Label != "学位外文名称" {
					t.Errorf("diffs %+v, want 学位外文名称 only", se.Diffs)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.drift
			h := sharedHarness(t, b, portalsim.Options{Drift: &d})
			p := example(t, nil)
			res, rec, err := h.run(p, nil)
			t.Logf("exit %d: %v", exitcode.Of(err), err)
			c.check(t, h, res, rec, err)
		})
	}
}

// onlyUser is the one account the harness registered.
func onlyUser(h *harness) string {
	for u := range h.pw {
		return u
	}
	h.t.Fatal("no account registered")
	return ""
}

func hasWarning(rec *portal.Recorder, s string) bool {
	for _, e := range rec.Events() {
		if e.Type == portal.EvWarning && strings.Contains(e.Message, s) {
			return true
		}
	}
	return false
}

// A filterable remote select holding typed text and no chosen option reads
// as empty: its input's text is a search, not a value.
func TestTypedSearchIsNotAValue(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{})
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintf(w, `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="%[1]s/static/vendor/element-ui/lib/theme-chalk/index.css">
<div id="app"><el-form :model="form"><el-form-item label="颁证学校外文名称" prop="inst" class="fi-inst">
<el-select v-model="form.inst" filterable remote :remote-method="search"><el-option v-for="o in opts" :key="o" :label="o" :value="o"></el-option></el-select>
</el-form-item></el-form></div>
<script src="%[1]s/static/vendor/vue/dist/vue.min.js"></script>
<script src="%[1]s/static/vendor/element-ui/lib/index.js"></script>
<script>new Vue({el: "#app", data: {form: {inst: ""}, opts: []},
  methods: {search(q) { this.opts = ["The University of Edinburgh"].filter(o => o.includes(q)); }}});</script>`, sim.URL)
	}))
	defer page.Close()
	tab, cancel := browsertest.Start(t).NewIsolatedTab()
	defer cancel()
	ctx, stop := context.WithTimeout(tab, 2*time.Minute)
	defer stop()
	if err := chromedp.Do(ctx, chromedp.Navigate(page.URL), chromedp.WaitVisible(".fi-inst input")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(".fi-inst input", "The University of Edinburgh")); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".fi-inst input").value`))
	if err != nil || shown != "The University of Edinburgh" {
		t.Fatalf("the input shows %q (%v); the test needs the typed text in it", shown, err)
	}
	got, err := portal.ReadCommitted(ctx, ".fi-inst .el-select", pagemap.Select)
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		t.Errorf("a typed search reads as %q; nothing was chosen", got)
	}
}
