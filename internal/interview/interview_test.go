package interview

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/profile"
)

var today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// answer gives answers in order, checking each is the question asked next.
func answer(t *testing.T, a Answers, pairs ...string) Answers {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		q, ok := Next(a)
		if !ok || q.ID != pairs[i] {
			t.Fatalf("next question %q, want %s", q.ID, pairs[i])
		}
		a[q.ID] = pairs[i+1]
	}
	return a
}

func TestPlanFollowsAnswers(t *testing.T) {
	a := answer(t, Answers{}, "applicant.nationality", "中国", "applicant.name", "张三", "applicant.name_pinyin", "ZHANG SAN",
		"applicant.former_name", "", "applicant.gender", "female", "applicant.birth_date", "1998-05-12",
		"applicant.id_type", "id_card", "applicant.id_number", "x", "applicant.phone", "13800138000", "applicant.email", "z@example.com",
		"applicant.address.region[0]", "广东省", "applicant.address.region[1]", "深圳市", "applicant.address.region[2]", "南山区",
		"applicant.address.detail", "x", "applicant.address.postal_code", "518000")
	q, _ := Next(a)
	if q.ID != "account.username" || q.Default != "13800138000" {
		t.Errorf("the login defaults to the phone: %+v", q)
	}
	// A second degree is asked only when wanted.
	a["degrees[0].more"] = yes
	found := false
	for _, q := range Plan(a) {
		found = found || q.ID == "degrees[1].awarding_country"
	}
	if !found {
		t.Error("no questions for the second degree")
	}
}

func TestCheckUsesTheValidator(t *testing.T) {
	target := filepath.Join(t.TempDir(), "me.yaml")
	a := Answers{"applicant.nationality": "中国"}
	q, _ := Next(a)
	errs, _ := Check(a, q, "Zhang San", target, today)
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "must be Chinese characters") {
		t.Fatalf("%v", errs)
	}
	// Problems of questions not yet asked are not this one's.
	if errs, warns := Check(a, q, "张三", target, today); len(errs)+len(warns) > 0 {
		t.Errorf("%v %v", errs, warns)
	}
}

func TestDerivedHistoryRow(t *testing.T) {
	a := Answers{"degrees[0].awarding_country": "英国", "degrees[0].awarding_institution": "The University of Edinburgh",
		"degrees[0].level": "master", "degrees[0].start": "2022-09-12", "degrees[0].end": "2023-09-01",
		"degrees[0].major_foreign": "Artificial Intelligence", "history[0].from": "2015-09", "history[0].to": "2018-06"}
	p, _ := profile.CheckData(filepath.Join(t.TempDir(), "me.yaml"), Render(a), today)
	if p == nil || len(p.StudyHistory) != 2 {
		t.Fatalf("%+v", p)
	}
	if h := p.StudyHistory[1]; h.School != "The University of Edinburgh" || h.Level != "master" || h.From.String() != "2022-09" {
		t.Errorf("derived row %+v", h)
	}
}

func TestRenderKeepsTheTemplate(t *testing.T) {
	got := string(Render(Answers{"applicant.name": "张三"}))
	tmpl := string(profile.Template())
	if !strings.HasPrefix(got, tmpl[:strings.Index(tmpl, "applicant:")]) || !strings.Contains(got, "  name: 张三                  # 姓名") {
		t.Errorf("the template's comments are not kept:\n%s", got)
	}
	if p, list := profile.CheckData(filepath.Join(t.TempDir(), "me.yaml"), []byte(got), today); p == nil {
		t.Errorf("does not load: %v", list)
	}
}

func TestDraftRoundTrip(t *testing.T) {
	path := DraftPath(filepath.Join(t.TempDir(), "me.yaml"))
	a := Answers{"applicant.name": "张三", "applicant.id_number": "110105199805120012"}
	if err := SaveDraft(path, a); err != nil {
		t.Fatal(err)
	}
	b, err := LoadDraft(path)
	if err != nil || len(b) != 2 || b["applicant.id_number"] != a["applicant.id_number"] {
		t.Fatalf("%v %v", b, err)
	}
	if none, err := LoadDraft(path + ".missing"); none != nil || err != nil {
		t.Errorf("missing draft: %v %v", none, err)
	}
}
