package report_test

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/report"
)

// The report renders in a real browser, offline: every section is there,
// each field shows its status, the screenshots load from data: URIs, and
// a screenshot of the page proves it draws (AUTOFILL_SHOTS=DIR keeps it
// for a person to look at).
func TestHTMLInBrowser(t *testing.T) {
	tab := browsertest.Tab(t)
	runErr := exitcode.With(exitcode.Failure, &portal.MismatchError{Page: "degree", Label: "学位层次", Want: "硕士", Got: "学士"})
	dir, r := story(t, newRecorder, func(r *report.Recorder) {
		f := portal.FieldReport{Key: "degree.level", Label: "学位层次", Kind: "select", Value: "硕士", Found: "学士", Status: portal.Failed, Error: "read back different"}
		r.Emit(portal.Event{Type: portal.EvField, Page: "degree", Field: &f})
		r.Emit(portal.Event{Type: portal.EvError, Page: "degree", Message: runErr.Error()})
		r.Finish(&portal.Result{Page: "degree", Healed: []string{"degree: 学位外文名称"}}, runErr, false)
		r.AttachStopShot("degree", "screenshots/06-degree.png") // the page as it was when the run stopped
	})
	if err := r.Write(); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, report.HTMLFile)
	if err := chromedp.Do(tab, chromedp.Navigate((&url.URL{Scheme: "file", Path: page}).String())); err != nil {
		t.Fatal(err)
	}
	type view struct {
		Outcome     string            `json:"outcome"`
		Left        int               `json:"left"`
		Sections    []string          `json:"sections"`
		Statuses    map[string]string `json:"statuses"`
		Healed      []string          `json:"healed"`
		Images      int               `json:"images"`
		Broken      int               `json:"broken"`
		Errors      int               `json:"errors"`
		ErrorHasDo  bool              `json:"errorHasDo"`
		Humans      int               `json:"humans"`
		Checklist   map[string]string `json:"checklist"`
		FailedChip  string            `json:"failedChip"`
		HealedChip  string            `json:"healedChip"`
		MaskedID    string            `json:"maskedID"`
		ExternalRef int               `json:"externalRef"`
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[view](`(() => {
		const q = s => Array.from(document.querySelectorAll(s));
		const statuses = {};
		q('tr.field').forEach(tr => statuses[tr.closest('section').dataset.page + '/' + tr.dataset.key] = tr.dataset.status);
		const checklist = {};
		q('tr.checkitem').forEach(tr => checklist[tr.dataset.page] = tr.dataset.status);
		const imgs = q('img');
		const err = q('.problem.error');
		return {
			outcome: document.body.dataset.outcome,
			left: q('#left li').length,
			sections: q('section.page').map(s => s.dataset.page + ':' + s.dataset.status),
			statuses,
			healed: q('tr.field[data-healed]').map(tr => tr.dataset.key),
			images: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
			broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length,
			errors: err.length,
			errorHasDo: err.length > 0 && !!err[0].querySelector('.do'),
			humans: q('tr.human[data-finished=yes]').length,
			checklist,
			failedChip: (document.querySelector('tr.field[data-key="degree.level"] .chip') || {}).textContent,
			healedChip: (document.querySelector('tr.field[data-healed] .chip') || {}).textContent,
			maskedID: (document.querySelector('tr.field[data-key="applicant.id_number"] td.value') || {}).textContent,
			externalRef: q('[src^=http],[href^=http],link[rel=stylesheet],script').length,
		};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if v.Outcome != "failed" || v.Left != 1 || v.Errors != 1 || !v.ErrorHasDo || v.Humans != 1 {
		t.Errorf("outcome %q, left %d, errors %d (with what to do: %v), finished human steps %d", v.Outcome, v.Left, v.Errors, v.ErrorHasDo, v.Humans)
	}
	wantSections := []string{"login:done", "verify:done", "basic-info:done", "degree:failed"}
	if len(v.Sections) != len(wantSections) {
		t.Errorf("sections %v, want %v", v.Sections, wantSections)
	}
	for i := range min(len(v.Sections), len(wantSections)) {
		if v.Sections[i] != wantSections[i] {
			t.Errorf("section %d: %s, want %s", i, v.Sections[i], wantSections[i])
		}
	}
	for k, want := range map[string]string{
		"basic-info/applicant.id_number":   "already",
		"basic-info/applicant.phone":       "filled",
		"basic-info/applicant.former_name": "skipped",
		"degree/degree.degree_name":        "filled",
		"degree/degree.study_country":      "skipped",
		"degree/degree.level":              "failed",
		"login/account.username":           "filled",
		"basic-info/applicant.email":       "filled",
	} {
		if v.Statuses[k] != want {
			t.Errorf("field %s: %q, want %q", k, v.Statuses[k], want)
		}
	}
	if v.Checklist["confirm"] != "pending" || v.Checklist["degree"] != "failed" {
		t.Errorf("checklist %v", v.Checklist)
	}
	if len(v.Healed) != 1 || v.HealedChip != "已填写并核对 · 选择器自愈 · filled and verified · healed selector" {
		t.Errorf("healed rows %v, chip %q", v.Healed, v.HealedChip)
	}
	if v.FailedChip != "失败 · failed" || v.MaskedID != "1101**********0012" {
		t.Errorf("failed chip %q, ID shown as %q", v.FailedChip, v.MaskedID)
	}
	if v.Images != 3 || v.Broken != 0 || v.ExternalRef != 0 {
		t.Errorf("%d images drawn, %d broken, %d external references", v.Images, v.Broken, v.ExternalRef)
	}
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 10_000 {
		t.Errorf("screenshot of the report is %d bytes: did it render?", len(png))
	}
	out := t.TempDir()
	if d := os.Getenv("AUTOFILL_SHOTS"); d != "" {
		out = d
	}
	if err := os.WriteFile(filepath.Join(out, "report-failed.png"), png, 0o600); err != nil {
		t.Fatal(err)
	}
}
