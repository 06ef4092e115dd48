package profile

import (
	"strings"
	"testing"
)

func TestTextRules(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		path, want     string
		sev            Severity
	}{
		{"zero-width space", "degree_name: Master of Science", "degree_name: \"Master of\\u200bScience\"", "degrees[0].degree_name", "invisible character U+200B", Error},
		{"bidi override", "degree_name: Master of Science", "degree_name: \"Master \\u202eof Science\"", "degrees[0].degree_name", "U+202E", Error},
		{"escape sequence", "degree_name: Master of Science", "degree_name: \"Master\\e]0;x\\aScience\"", "degrees[0].degree_name", "U+001B", Error},
		{"stray spaces", "degree_name: Master of Science", "degree_name: \"Master of Science  \"", "degrees[0].degree_name", "spaces at its start or end", Warning},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(exampleYAML(t), c.from, c.to, 1)
			if src == exampleYAML(t) {
				t.Fatal("the example did not change")
			}
			p, list := CheckAt(writeFile(t, "me.yaml", src), today)
			q, ok := find(list, c.path, c.want)
			if !ok || q.Severity != c.sev {
				t.Fatalf("want %v %q at %s:%s", c.sev, c.want, c.path, dump(list))
			}
			if c.sev == Warning && p.Degrees[0].DegreeName != "Master of Science" {
				t.Errorf("not trimmed: %q", p.Degrees[0].DegreeName)
			}
		})
	}
}

func TestMaterialsOutsideTheProfileFolder(t *testing.T) {
	src := strings.Replace(exampleYAML(t), "materials:\n", "materials:\n      other: [../other-client/passport.jpg]\n", 1)
	src = strings.Replace(src, "      other: []\n", "", 1)
	p, list := CheckAt(writeFile(t, "me.yaml", src), today)
	if _, ok := find(list, "degrees[0].materials", "../other-client/passport.jpg is outside the profile's folder"); !ok {
		t.Fatalf("no warning about the file outside:%s", dump(list))
	}
	if got := p.OutsideMaterials(p.Degrees[0].ID); len(got) != 1 || !strings.Contains(got[0], "other-client") {
		t.Errorf("OutsideMaterials = %v", got)
	}
}
