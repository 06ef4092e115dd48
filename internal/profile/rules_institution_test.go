package profile

import (
	"testing"

	"github.com/cscse-tools/autofill/internal/materials"
)

// The institution and 专业 rules against CSCSE's list and the catalogues;
// each case changes the valid example.
func TestInstitutionAndMajorRules(t *testing.T) {
	realCheck := checkSlot
	checkSlot = func(materials.Slot, []string) []materials.Finding { return nil }
	t.Cleanup(func() { checkSlot = realCheck })
	tests := []struct {
		name   string
		mutate func(d *Degree)
		path   string
		text   string
	}{
		{"listed spelling differs", func(d *Degree) { d.AwardingInstitution = "University of Edinburgh" }, "", ""},
		{"Chinese name", func(d *Degree) { d.AwardingInstitution = "爱丁堡大学" }, "", ""},
		{"did you mean", func(d *Degree) { d.AwardingInstitution = "Edinburgh University" },
			"degrees[0].awarding_institution", "did you mean The University of Edinburgh (爱丁堡大学)"},
		{"not on the list", func(d *Degree) { d.AwardingInstitution = "Hogwarts School of Witchcraft and Wizardry" },
			"degrees[0].awarding_institution", "其他（手动输入）"},
		{"other country", func(d *Degree) { d.AwardingInstitution = "Harvard University" },
			"degrees[0].awarding_institution", "under 美国"},
		{"review notice", func(d *Degree) { d.AwardingCountry, d.AwardingInstitution = "法国", "Collège de Paris" },
			"degrees[0].awarding_institution", "加强审查"},
		{"listed twice", func(d *Degree) { d.AwardingCountry, d.AwardingInstitution = "美国", "Columbia College" },
			"degrees[0].awarding_institution", "listed 3 times"},
		{"study institution", func(d *Degree) { d.StudyCountry, d.StudyInstitution = "英国", "Heriot-Wat University" },
			"degrees[0].study_institution", "Heriot-Watt University"},
		{"close major, wrong discipline", func(d *Degree) { d.MajorChinese, d.Discipline = "计算机科学", "理学" },
			"degrees[0].discipline", "计算机科学与技术 080901"},
		{"close major, right discipline", func(d *Degree) { d.MajorChinese, d.Discipline = "计算机科学", "工学" }, "", ""},
		{"金融 under 经济学", func(d *Degree) { d.MajorChinese, d.Discipline = "金融", "管理学" },
			"degrees[0].discipline", "金融学 020301K"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := exampleProfile(t)
			tc.mutate(&p.Degrees[0])
			list := ValidateAt(p, today)
			if tc.path == "" {
				if len(list) > 0 {
					t.Fatalf("want no problems, got:%s", dump(list))
				}
				return
			}
			got, ok := find(list, tc.path, tc.text)
			if !ok {
				t.Fatalf("want a problem at %s mentioning %q, got:%s", tc.path, tc.text, dump(list))
			}
			if got.Severity != Warning {
				t.Errorf("want a warning: %s", got)
			}
		})
	}
}

func TestListedInstitution(t *testing.T) {
	d := Degree{AwardingCountry: "日本", AwardingInstitution: "東京大學", StudyCountry: "英国", StudyInstitution: "Univ. of Leeds"}
	if got, ok := d.ListedInstitution(); !ok || got != "東京大学" {
		t.Errorf("ListedInstitution = %q, %v", got, ok)
	}
	if got, ok := d.ListedStudyInstitution(); !ok || got != "The University of Leeds" {
		t.Errorf("ListedStudyInstitution = %q, %v", got, ok)
	}
	d.AwardingCountry, d.AwardingInstitution = "美国", "Columbia College"
	if got, ok := d.ListedInstitution(); ok || got != "Columbia College" {
		t.Errorf("a name listed twice is not certain: %q, %v", got, ok)
	}
}

func TestMajorExplanation(t *testing.T) {
	d := Degree{MajorChinese: "金融", Level: "master"}
	m, cands, ok := d.MajorExplanation()
	if !ok || m.Code != "0251" || len(cands) != 2 {
		t.Errorf("%+v %v %v", m, cands, ok)
	}
}
