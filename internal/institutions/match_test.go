package institutions

import (
	"strings"
	"testing"
)

// Real spellings people write, against CSCSE's list.
func TestLookup(t *testing.T) {
	tests := []struct {
		why, country, name string
		want               string // the listed foreign name when certain
		found              int    // entries found (2+ = listed twice)
		closest            string // first "did you mean", when not found
		elsewhere          string // country it is listed under instead
	}{
		{"article left out", "英国", "University of Edinburgh", "The University of Edinburgh", 1, "", ""},
		{"case", "英国", "THE UNIVERSITY OF EDINBURGH", "The University of Edinburgh", 1, "", ""},
		{"country as a code", "UK", "University of Leeds", "The University of Leeds", 1, "", ""},
		{"ampersand for and", "德国", "Frankfurt School of Finance and Management", "Frankfurt School of Finance & Management", 1, "", ""},
		{"and for ampersand", "英国", "London School of Hygiene & Tropical Medicine, University of London",
			"London School of Hygiene and Tropical Medicine, University of London", 1, "", ""},
		{"Univ. abbreviation", "英国", "Univ. of Manchester", "The University of Manchester", 1, "", ""},
		{"punctuation", "英国", "Kings College London", "King's College London", 1, "", ""},
		{"full-width letters", "英国", "Ｔｈｅ Ｕｎｉｖｅｒｓｉｔｙ ｏｆ Ｌｅｅｄｓ", "The University of Leeds", 1, "", ""},
		{"Chinese name only", "英国", "爱丁堡大学", "The University of Edinburgh", 1, "", ""},
		{"Chinese name, traditional characters", "英国", "愛丁堡大學", "The University of Edinburgh", 1, "", ""},
		{"native script as listed", "日本", "東京大学", "東京大学", 1, "", ""},
		{"kanji in traditional form", "日本", "東京大學", "東京大学", 1, "", ""},
		{"Japanese by Chinese name", "日本", "早稻田大学", "早稲田大学", 1, "", ""},
		{"Korean", "韩国", "서울대학교", "서울대학교", 1, "", ""},
		{"Korean by Chinese name", "KR", "首尔大学", "서울대학교", 1, "", ""},
		{"Cyrillic", "俄罗斯", "Московский государственный университет имени М. В. Ломоносова",
			"Московский государственный университет имени М.В.Ломоносова", 1, "", ""},
		{"accents and an HTML entity in the list", "波兰", "Politechnika Lodzka", "Politechnika Ł&#243;dzka", 1, "", ""},
		{"accents kept", "德国", "Technische Universitat Munchen", "Technische Universität München", 1, "", ""},
		{"A&M", "美国", "Texas A&M University-Kingsville", "Texas A&M University-Kingsville", 1, "", ""},
		{"a name listed twice", "美国", "Columbia College", "", 3, "", ""},
		{"word order", "英国", "Edinburgh University", "", 0, "The University of Edinburgh", ""},
		{"typo", "英国", "University of Edinbrugh", "", 0, "The University of Edinburgh", ""},
		{"wrong country", "英国", "Harvard University", "", 0, "", "美国"},
		{"not listed at all", "英国", "Hogwarts School of Witchcraft and Wizardry", "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			r := Lookup(tt.country, tt.name)
			if !r.Listed {
				t.Fatalf("%s has no list", tt.country)
			}
			if tt.found == 0 && tt.want != "" && tt.closest == "" {
				t.Fatal("bad case")
			}
			if tt.found == 1 {
				got, ok := Canonical(tt.country, tt.name)
				if !ok || got != tt.want {
					t.Errorf("Canonical(%q) = %q, %v; want %q (found %v)", tt.name, got, ok, tt.want, r.Found)
				}
				return
			}
			if len(r.Found) != tt.found {
				t.Fatalf("found %v, want %d", r.Found, tt.found)
			}
			if r.Certain() {
				t.Error("certain")
			}
			if tt.closest != "" && (len(r.Closest) == 0 || r.Closest[0].Foreign != tt.closest) {
				t.Errorf("closest %v, want %q first", r.Closest, tt.closest)
			}
			if tt.elsewhere != "" && (len(r.Elsewhere) == 0 || r.Elsewhere[0].Country != tt.elsewhere) {
				t.Errorf("elsewhere %v, want %s", r.Elsewhere, tt.elsewhere)
			}
			if tt.found == 0 && tt.closest == "" && tt.elsewhere == "" && (len(r.Closest) > 0 || len(r.Elsewhere) > 0) {
				t.Errorf("want nothing, got closest %v elsewhere %v", r.Closest, r.Elsewhere)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	for in, want := range map[string]string{"英国": "英国", "GB": "英国", "Japan": "日本", "贝宁": "贝宁共和国", "ID": "印度尼西亚"} {
		if got, ok := Country(in); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := Country("中国香港"); ok {
		t.Error("CSCSE's list has no 中国香港")
	}
}

func TestReview(t *testing.T) {
	r := Lookup("法国", "Collège de Paris")
	if !r.Certain() || !strings.Contains(r.Found[0].Review, "加强审查") {
		t.Fatalf("%+v", r)
	}
}
