package profile

import (
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestDateAndMonth(t *testing.T) {
	if _, err := ParseDate("2023-02-29"); err == nil {
		t.Error("2023-02-29 parsed")
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d.String() != "2024-02-29" || d.Month().String() != "2024-02" {
		t.Errorf("2024-02-29: %v %v", d, err)
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() || (Month{}).String() != "" {
		t.Error("zero values must print empty")
	}
	if _, err := ParseMonth("2023-13"); err == nil {
		t.Error("2023-13 parsed")
	}
	if n := monthsBetween(month("2020-06"), month("2022-09")); n != 27 {
		t.Errorf("monthsBetween = %d", n)
	}
	for _, tc := range []struct {
		birth, on string
		age       int
	}{{"1998-05-12", "2012-05-11", 13}, {"1998-05-12", "2012-05-12", 14}, {"2000-02-29", "2014-02-28", 13}} {
		if got := ageOn(date(tc.birth), date(tc.on)); got != tc.age {
			t.Errorf("ageOn(%s, %s) = %d, want %d", tc.birth, tc.on, got, tc.age)
		}
	}
}

// A Profile round-trips through JSON and YAML with the contract's names (docs/profile.md) and
// dates written as text.
func TestProfileMarshals(t *testing.T) {
	p := exampleProfile(t)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"award_date":"2023-11-28"`, `"from":"2015-09"`, `"name_pinyin":"ZHANG SAN"`, `"study_history":[`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	var back Profile
	if err := json.Unmarshal(b, &back); err != nil || back.Degrees[0].AwardDate != p.Degrees[0].AwardDate || back.StudyHistory[0].From != p.StudyHistory[0].From {
		t.Errorf("JSON round trip: %v", err)
	}
	y, err := yaml.Marshal(p)
	if err != nil || !strings.Contains(string(y), "award_date: \"2023-11-28\"") && !strings.Contains(string(y), "award_date: 2023-11-28") {
		t.Errorf("YAML: %v\n%s", err, y)
	}
}

func TestProblemsFormatting(t *testing.T) {
	pe := &Problems{File: "me.yaml", List: []Problem{
		{Path: "applicant.phone", Line: 20, Message: "is bad", Hint: "fix it\nreally"},
		{Severity: Warning, Message: "mode"},
	}}
	want := "me.yaml:20: applicant.phone: is bad\n\tfix it\n\treally\nme.yaml: warning: mode"
	if pe.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", pe.Error(), want)
	}
	b, _ := json.Marshal(pe)
	if !strings.Contains(string(b), `"file":"me.yaml","path":"applicant.phone","line":20,"severity":"error"`) ||
		!strings.Contains(string(b), `"severity":"warning"`) {
		t.Errorf("JSON: %s", b)
	}
	var s Severity
	if s.UnmarshalText([]byte("warning")) != nil || s != Warning || s.UnmarshalText([]byte("fatal")) == nil {
		t.Error("Severity.UnmarshalText")
	}
	if !HasErrors(pe.List) || HasErrors(pe.List[1:]) {
		t.Error("HasErrors")
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"degreee", "degrees"}, {"awardng_date", "award_date"}, {"name-pinyin", "name_pinyin"},
		{"xyzzy", ""}, {"a", ""}, {strings.Repeat("z", 1000), ""},
	} {
		if got := suggest(tc.word, fieldNames(profileType)); tc.want != "" && got != tc.want {
			if got2 := suggest(tc.word, []string{"award_date", "awarding_country", "name_pinyin", "name"}); got2 != tc.want {
				t.Errorf("suggest(%s) = %q / %q, want %q", tc.word, got, got2, tc.want)
			}
		} else if tc.want == "" && got != "" {
			t.Errorf("suggest(%.20s) = %q, want none", tc.word, got)
		}
	}
}
