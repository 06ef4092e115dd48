package pagecheck

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/recordings"
)

// exampleApplicant is the example applicant and their degree.
func exampleApplicant(t *testing.T) (*profile.Profile, *profile.Degree) {
	t.Helper()
	p, err := profile.Load("../../examples/me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Degree("")
	if err != nil {
		t.Fatal(err)
	}
	return p, d
}

func byKey(r *ProfileReport) map[string]FieldCheck {
	out := map[string]FieldCheck{}
	for _, p := range r.Pages {
		for _, f := range p.Fields {
			out[p.Page+" "+f.Key] = f
		}
	}
	return out
}

func TestProfileAgainstCommittedRecordings(t *testing.T) {
	ctx := tab(t)
	p, d := exampleApplicant(t)
	rep, err := Profile(ctx, loadMaps(t), recordings.FS, p, d)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.WriteText(&b)
	if rep.Problems() != 0 || rep.Err() != nil {
		t.Errorf("problems with the example profile:\n%s", b.String())
	}
	got := byKey(rep)
	for key, want := range map[string]struct{ status, option string }{
		"degree degree.level":                    {Found, "硕士"},
		"degree degree.awarding_country":         {Found, "英国"},
		"degree degree.discipline":               {Found, "工学"},
		"degree degree.remote_study":             {Found, "否"},
		"degree degree.study_country":            {Skipped, ""},
		"apply-type application.type":            {Found, "国(境)外学历学位认证"},
		"basic-info applicant.id_number":         {Found, ""},
		"study-history study_history[0].level":   {Found, "高中"},
		"study-history study_history[2].country": {Found, "英国"},
		"login human.captcha":                    {Skipped, ""},
		"materials degree.materials.diploma":     {Found, ""},
	} {
		f, ok := got[key]
		if !ok {
			t.Errorf("%s: not in the report", key)
			continue
		}
		if f.Status != want.status || f.Option != want.option {
			t.Errorf("%s: %s %q, want %s %q (%s)", key, f.Status, f.Option, want.status, want.option, f.Detail)
		}
		if want.option != "" && (f.Offered == nil || !*f.Offered) {
			t.Errorf("%s: %q not seen as offered", key, want.option)
		}
	}
	if !strings.Contains(b.String(), `✓ 学位层次 (degree.level): found; offers "硕士"`) {
		t.Errorf("text report:\n%s", b.String())
	}
}

// A directory of saved pages without a manifest: pages are recognised by
// the detect rules; a changed class heals by label, a missing option stops.
func TestProfileOnSavedPagesWithoutManifest(t *testing.T) {
	rep := profileOfSavedDegree(t, [][2]string{
		{"fi-major-foreign", "fi-major-x"},
		{"<span>硕士</span>", "<span>研究生</span>"},
	})
	if len(rep.Pages) != 1 || rep.Pages[0].Page != "degree" {
		t.Fatalf("pages %+v, want the degree page recognised", rep.Pages)
	}
	got := byKey(rep)
	if f := got["degree degree.major_foreign"]; f.Status != Healed || !strings.Contains(f.Detail, `label[for="major_foreign"]`) {
		t.Errorf("major_foreign: %+v, want healed with a proposal", f)
	}
	f := got["degree degree.level"]
	if !f.Problem || f.Offered == nil || *f.Offered || !strings.Contains(f.Detail, `"研究生"`) {
		t.Errorf("level: %+v, want a problem: 硕士 not offered", f)
	}
	var ec *exitcode.Error
	if err := rep.Err(); !errors.As(err, &ec) || ec.Code != exitcode.BadInput {
		t.Errorf("Err() = %v, want exit code %d", err, exitcode.BadInput)
	}
}

// A field found by neither class nor label on a page without a scope is
// missing, a portal change (exit 3): nothing on such a page hides it.
func TestProfileFieldGoneFromAnUnscopedPage(t *testing.T) {
	rep := profileOfSavedDegree(t, [][2]string{
		{"fi-degree-name is-required", "fi-gone is-required"},
		{">学位外文名称</label>", ">学位名称X</label>"},
	})
	if f := byKey(rep)["degree degree.degree_name"]; f.Status != Missing || !f.Problem || !strings.Contains(f.Detail, "neither selector") {
		t.Errorf("degree_name: %+v, want missing", f)
	}
	var ec *exitcode.Error
	if err := rep.Err(); !errors.As(err, &ec) || ec.Code != exitcode.Drift {
		t.Errorf("Err() = %v, want exit code %d", err, exitcode.Drift)
	}
}

// profileOfSavedDegree checks the example profile against a directory of
// saved pages without a manifest: the recorded degree page with edits, and
// its styles.
func profileOfSavedDegree(t *testing.T, edits [][2]string) *ProfileReport {
	t.Helper()
	all := copyFS(t, map[string][][2]string{"degree.html": edits})
	dir := fstest.MapFS{"saved-1.html": all["degree.html"]}
	for name, f := range all {
		if strings.HasPrefix(name, "styles/") {
			dir[name] = f
		}
	}
	p, d := exampleApplicant(t)
	rep, err := Profile(tab(t), loadMaps(t), dir, p, d)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
