package profile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/materials"
)

func TestExampleIsValid(t *testing.T) {
	p := exampleProfile(t)
	if list := ValidateAt(p, today); len(list) > 0 {
		t.Fatalf("examples/me.yaml has problems:%s", dump(list))
	}
}

// Each case breaks one rule of the profile contract in the valid example and expects
// the problem at path with text in its message or hint. Together with
// TestExampleIsValid, each case fails without its rule.
func TestValidateRules(t *testing.T) {
	jpeg, err := filepath.Abs("../../examples/materials/photo.jpg")
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := filepath.Abs("../../examples/materials/diploma.pdf")
	tests := []struct {
		name   string
		mutate func(p *Profile)
		path   string
		text   string
		sev    Severity
	}{
		// applicant
		{"name required", func(p *Profile) { p.Applicant.Name = "" }, "applicant.name", "is required", Error},
		{"name Chinese for 中国", func(p *Profile) { p.Applicant.Name = "Zhang San" }, "applicant.name", "Chinese characters", Error},
		{"name with middle dot ok", func(p *Profile) { p.Applicant.Name = "买买提·艾力" }, "", "", Error},
		{"name Latin for foreigners", func(p *Profile) { p.Applicant.Nationality = "英国"; p.Applicant.Name = "Smith John" }, "applicant.name", "SMITH JOHN", Error},
		{"name Latin uppercase ok", func(p *Profile) {
			p.Applicant.Nationality = "英国"
			p.Applicant.Name = "SMITH JOHN"
			p.Applicant.IDType = "passport"
			p.Applicant.IDNumber = "123456789"
		}, "", "", Error},
		{"pinyin uppercase", func(p *Profile) { p.Applicant.NamePinyin = "Zhang San" }, "applicant.name_pinyin", "ZHANG SAN", Error},
		{"pinyin required", func(p *Profile) { p.Applicant.NamePinyin = "" }, "applicant.name_pinyin", "is required", Error},
		{"gender enum", func(p *Profile) { p.Applicant.Gender = "m" }, "applicant.gender", "male, female", Error},
		{"gender typo suggestion", func(p *Profile) { p.Applicant.Gender = "femal" }, "applicant.gender", "did you mean female", Error},
		{"birth date required", func(p *Profile) { p.Applicant.BirthDate = Date{} }, "applicant.birth_date", "is required", Error},
		{"birth date future", func(p *Profile) { p.Applicant.BirthDate = date("2030-01-01") }, "applicant.birth_date", "in the future", Error},
		{"nationality unknown", func(p *Profile) { p.Applicant.Nationality = "Atlantis" }, "applicant.nationality", "not in the country list", Error},
		{"nationality alias accepted", func(p *Profile) { p.Applicant.Nationality = "CN" }, "", "", Error},
		{"id type enum", func(p *Profile) { p.Applicant.IDType = "idcard" }, "applicant.id_type", "did you mean id_card", Error},
		{"id number required", func(p *Profile) { p.Applicant.IDNumber = "" }, "applicant.id_number", "is required", Error},
		{"id number length", func(p *Profile) { p.Applicant.IDNumber = "11010519980512001" }, "applicant.id_number", "17 characters", Error},
		{"id number 15 digits", func(p *Profile) { p.Applicant.IDNumber = "110105980512001" }, "applicant.id_number", "first-generation", Error},
		{"id number check digit", func(p *Profile) { p.Applicant.IDNumber = "110105199805120013" }, "applicant.id_number", "check character", Error},
		{"id number letters", func(p *Profile) { p.Applicant.IDNumber = "11010519980512A012" }, "applicant.id_number", "not a digit", Error},
		{"id number birth date not real", func(p *Profile) { p.Applicant.IDNumber = withCheck("11010519980230001") }, "applicant.id_number", "not a real birth date", Error},
		{"id number birth date differs", func(p *Profile) { p.Applicant.BirthDate = date("1998-05-13") }, "applicant.birth_date", "differs from the birth date in id_number", Error},
		{"id number sex", func(p *Profile) { p.Applicant.Gender = "female" }, "applicant.gender", "a man's", Error},
		{"id number sex female ok", func(p *Profile) { p.Applicant.Gender = "female"; p.Applicant.IDNumber = withCheck("11010519980512002") }, "", "", Error},
		{"id number X check", func(p *Profile) {
			p.Applicant.IDNumber, p.Applicant.BirthDate, p.Applicant.Gender = "11010519491231002X", date("1949-12-31"), "female"
		}, "", "", Error},
		{"passport number free form", func(p *Profile) { p.Applicant.IDType = "passport"; p.Applicant.IDNumber = "E1234567" }, "", "", Error},
		{"passport number no spaces", func(p *Profile) { p.Applicant.IDType = "passport"; p.Applicant.IDNumber = "E 1234567" }, "applicant.id_number", "not a document number", Error},
		{"phone mainland", func(p *Profile) { p.Applicant.Phone = "12800138000" }, "applicant.phone", "not a mainland mobile", Error},
		{"phone +86", func(p *Profile) { p.Applicant.Phone = "+86 138 0013 8000" }, "applicant.phone", "leave out +86", Error},
		{"phone required", func(p *Profile) { p.Applicant.Phone = "" }, "applicant.phone", "is required", Error},
		{"email", func(p *Profile) { p.Applicant.Email = "zhang.san@example" }, "applicant.email", "not an e-mail address", Error},
		{"email with name", func(p *Profile) { p.Applicant.Email = "Zhang <z@example.com>" }, "applicant.email", "not an e-mail address", Error},
		{"region required", func(p *Profile) { p.Applicant.Address.Region = nil }, "applicant.address.region", "is required", Error},
		{"region province", func(p *Profile) { p.Applicant.Address.Region = []string{"北京", "海淀区"} }, "applicant.address.region[0]", "did you mean 北京市", Error},
		{"region child hint", func(p *Profile) { p.Applicant.Address.Region = []string{"广东省", "深圳", "南山区"} }, "applicant.address.region[1]", "深圳市", Error},
		{"region lists children", func(p *Profile) { p.Applicant.Address.Region = []string{"广东省", "Shenzhen"} }, "applicant.address.region[1]", "广州市", Error},
		{"region needs next level", func(p *Profile) { p.Applicant.Address.Region = []string{"广东省"} }, "applicant.address.region", "next level", Warning},
		{"address detail", func(p *Profile) { p.Applicant.Address.Detail = "" }, "applicant.address.detail", "is required", Error},
		{"postal code", func(p *Profile) { p.Applicant.Address.PostalCode = "10008" }, "applicant.address.postal_code", "6-digit", Error},
		{"username", func(p *Profile) { p.Account.Username = "" }, "account.username", "is required", Error},
		{"application type", func(p *Profile) { p.Application.Type = "foreign" }, "application.type", "foreign_degree", Error},
		// degrees
		{"degrees required", func(p *Profile) { p.Degrees = nil }, "degrees", "no degrees", Error},
		{"degree id unique", func(p *Profile) { p.Degrees = append(p.Degrees, p.Degrees[0]) }, "degrees[1].id", "also the id of degrees[0]", Error},
		{"degree id typeable", func(p *Profile) { p.Degrees[0].ID = "my msc" }, "degrees[0].id", "--degree", Error},
		{"awarding country", func(p *Profile) { p.Degrees[0].AwardingCountry = "Scotland-ish" }, "degrees[0].awarding_country", "country list", Error},
		{"awarding institution", func(p *Profile) { p.Degrees[0].AwardingInstitution = "" }, "degrees[0].awarding_institution", "is required", Error},
		{"degree name", func(p *Profile) { p.Degrees[0].DegreeName = " " }, "degrees[0].degree_name", "is required", Error},
		{"degree level", func(p *Profile) { p.Degrees[0].Level = "masters" }, "degrees[0].level", "did you mean master", Error},
		{"majors", func(p *Profile) { p.Degrees[0].MajorChinese = "" }, "degrees[0].major_chinese", "is required", Error},
		{"student number", func(p *Profile) { p.Degrees[0].StudentNumber = "" }, "degrees[0].student_number", "无", Error},
		{"award date future", func(p *Profile) { p.Degrees[0].AwardDate = date("2026-01-01") }, "degrees[0].award_date", "in the future", Error},
		{"award date before start", func(p *Profile) { p.Degrees[0].AwardDate = date("2022-09-11") }, "degrees[0].award_date", "before start", Error},
		{"start before end", func(p *Profile) { p.Degrees[0].End = date("2022-09-12") }, "degrees[0].end", "not after start", Error},
		{"start required", func(p *Profile) { p.Degrees[0].Start = Date{} }, "degrees[0].start", "is required", Error},
		{"age 14 at degree start", func(p *Profile) {
			p.Applicant.BirthDate = date("2009-01-01")
			p.Applicant.IDNumber = withCheck("11010520090101001")
		}, "degrees[0].start", "was 13", Error},
		{"discipline", func(p *Profile) { p.Degrees[0].Discipline = "工程" }, "degrees[0].discipline", "学科门类", Error},
		{"discipline vs catalogue", func(p *Profile) { p.Degrees[0].Discipline = "理学" }, "degrees[0].discipline", "catalogue lists 人工智能 under 工学", Warning},
		{"remote study explanation", func(p *Profile) { p.Degrees[0].RemoteStudy = true }, "degrees[0].remote_study_explanation", "required when remote_study", Error},
		{"remote study explained", func(p *Profile) {
			p.Degrees[0].RemoteStudy = true
			p.Degrees[0].RemoteStudyExplanation = "2022-09 to 2022-12 online, visa delay"
		}, "", "", Error},
		{"study institution needs country", func(p *Profile) { p.Degrees[0].StudyInstitution = "Heriot-Watt University" }, "degrees[0].study_country", "required when study_institution", Error},
		{"study country needs institution", func(p *Profile) { p.Degrees[0].StudyCountry = "英国" }, "degrees[0].study_institution", "required when study_country", Error},
		{"study country known", func(p *Profile) { p.Degrees[0].StudyCountry = "Narnia"; p.Degrees[0].StudyInstitution = "X" }, "degrees[0].study_country", "country list", Error},
		// materials
		{"photo required", func(p *Profile) { p.Degrees[0].Materials.Photo = "" }, "degrees[0].materials.photo", "is required", Error},
		{"diploma required", func(p *Profile) { p.Degrees[0].Materials.Diploma = "" }, "degrees[0].materials.diploma", "学位证书", Error},
		{"visa waivable", func(p *Profile) { p.Degrees[0].Materials.Visa = nil }, "degrees[0].materials.visa", "visa-free", Warning},
		{"material missing", func(p *Profile) { p.Degrees[0].Materials.Passport = []string{"/nonexistent/p.jpg"} }, "degrees[0].materials.passport[0]", "p.jpg", Error},
		{"material empty path", func(p *Profile) { p.Degrees[0].Materials.Transcript = []string{jpeg, ""} }, "degrees[0].materials.transcript[1]", "empty path", Error},
		{"material real type", func(p *Profile) { p.Degrees[0].Materials.Photo = pdf }, "degrees[0].materials.photo", "JPEG", Error},
		{"material count", func(p *Profile) { p.Degrees[0].Materials.Passport = []string{jpeg, jpeg, jpeg, jpeg, jpeg, jpeg} }, "degrees[0].materials.passport", "at most 5", Error},
		// study history
		{"history two entries", func(p *Profile) { p.StudyHistory = p.StudyHistory[2:] }, "study_history", "at least two", Error},
		{"history starts at high school", func(p *Profile) { p.StudyHistory = p.StudyHistory[1:] }, "study_history[0].level", "high_school", Error},
		{"history oldest first", func(p *Profile) { h := p.StudyHistory; h[1], h[2] = h[2], h[1] }, "study_history[2].from", "oldest first", Error},
		{"history from before to", func(p *Profile) { p.StudyHistory[1].To = month("2018-09") }, "study_history[1].to", "not after from", Error},
		{"history month future", func(p *Profile) { p.StudyHistory[2].To = month("2025-07") }, "study_history[2].to", "in the future", Error},
		{"history overlap", func(p *Profile) { p.StudyHistory[1].From = month("2018-04") }, "study_history[1].from", "overlaps study_history[0]", Error},
		{"history one month overlap ok", func(p *Profile) { p.StudyHistory[1].From = month("2018-05") }, "", "", Error},
		{"history gap", func(p *Profile) { p.StudyHistory[1].To = month("2021-06") }, "study_history[2].from", "gap of more than a year", Warning},
		{"history level", func(p *Profile) { p.StudyHistory[1].Level = "undergraduate" }, "study_history[1].level", "bachelor", Error},
		{"history country", func(p *Profile) { p.StudyHistory[1].Country = "Middle Earth" }, "study_history[1].country", "country list", Error},
		{"history school", func(p *Profile) { p.StudyHistory[1].School = "" }, "study_history[1].school", "is required", Error},
		{"history age 14", func(p *Profile) { p.StudyHistory[0].From = month("2012-01") }, "study_history[0].from", "was 13", Error},
		{"degree has entry", func(p *Profile) { p.StudyHistory[2].Level = "other" }, "degrees[0]", "no study_history entry of level master", Error},
		{"degree entry dates overlap", func(p *Profile) {
			p.StudyHistory[2].From, p.StudyHistory[2].To = month("2023-10"), month("2024-06")
		}, "degrees[0]", "add to study_history: {from: 2022-09, to: 2023-09", Error},
	}
	realCheck := checkSlot
	defer func() { checkSlot = realCheck }()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSlot = realCheck
			if !strings.Contains(tc.path, "materials") {
				checkSlot = func(materials.Slot, []string) []materials.Finding { return nil }
			}
			p := exampleProfile(t)
			tc.mutate(p)
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
			if got.Severity != tc.sev {
				t.Errorf("severity %v, want %v: %s", got.Severity, tc.sev, got)
			}
		})
	}
}

// withCheck appends the GB 11643 check character to 17 digits.
func withCheck(first17 string) string { return first17 + string(IDCheckChar(first17)) }

func TestIDCheckChar(t *testing.T) {
	for _, tc := range []struct{ id string }{
		{"110105199805120012"},
		{"11010519491231002X"}, // the GB 11643 standard's own example
		{"440524188001010014"}, // another published example
	} {
		if got := IDCheckChar(tc.id[:17]); got != tc.id[17] {
			t.Errorf("IDCheckChar(%s) = %c, want %c", tc.id[:17], got, tc.id[17])
		}
	}
	if IDCheckChar("1234") != 0 || IDCheckChar("1101051998051200A") != 0 {
		t.Error("IDCheckChar accepted a malformed prefix")
	}
}

func TestFileModeWarning(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no group/other mode bits")
	}
	path := writeFile(t, "me.yaml", exampleYAML(t))
	_, list := CheckAt(path, today)
	if len(list) > 0 {
		t.Fatalf("mode 0600: want no problems, got:%s", dump(list))
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, list = CheckAt(path, today)
	if len(list) != 1 || list[0].Severity != Warning || !strings.Contains(list[0].Hint, "chmod 600") {
		t.Fatalf("mode 0644: want one chmod warning, got:%s", dump(list))
	}
}

func TestValidateEmptyProfile(t *testing.T) {
	list := ValidateAt(&Profile{}, today)
	for _, path := range []string{"applicant.name", "applicant.id_number", "account.username", "application.type", "degrees", "study_history"} {
		if _, ok := find(list, path, ""); !ok {
			t.Errorf("no problem at %s:%s", path, dump(list))
		}
	}
}

func TestHistoryManyEntriesIsFast(t *testing.T) {
	// The overlap check is linear after sorting; a quadratic one would take
	// minutes on a fuzzed profile with 50k rows.
	p := exampleProfile(t)
	p.Degrees[0].Materials = Materials{}
	for i := 0; i < 50_000; i++ {
		p.StudyHistory = append(p.StudyHistory, Study{From: month("2019-01"), To: month("2019-03"), Country: "中国", School: "x", Level: "other"})
	}
	if list := ValidateAt(p, today); len(list) == 0 {
		t.Fatal("want overlap problems")
	}
}
