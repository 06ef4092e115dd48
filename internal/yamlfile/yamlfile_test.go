package yamlfile

import (
	"strings"
	"testing"
)

type doc struct {
	Name  string `yaml:"name"`
	Count int    `yaml:"count"`
}

func TestDecodeLocatesEveryProblem(t *testing.T) {
	unknown := func(typ, key string) string { return "unknown " + key + " in " + typ }
	cases := []struct {
		name, data string
		node       bool
		want       []string
	}{
		{"good", "name: a\ncount: 2\n", true, nil},
		{"syntax", "name: [\n", false, []string{"f.yaml:1: did not find expected node content"}},
		{"empty", "", false, []string{"f.yaml: nothing here"}},
		{"unknown and mistyped", "name: a\ncuont: 1\ncount: x\n", true,
			[]string{"f.yaml:2: unknown cuont in doc", "f.yaml:3: cannot unmarshal !!str `x` into int"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d doc
			n, ps := Decode("f.yaml", []byte(c.data), &d, "nothing here", unknown)
			if (n != nil) != c.node {
				t.Errorf("node = %v, want one: %v", n, c.node)
			}
			if len(ps) != len(c.want) {
				t.Fatalf("problems:\n%v\nwant %q", ps, c.want)
			}
			for i, p := range ps {
				if p.String() != c.want[i] {
					t.Errorf("problem %d = %q, want %q", i, p, c.want[i])
				}
			}
		})
	}
	if !strings.HasPrefix(Problems{{File: "a", Message: "b"}}.Error(), "1 problem(s):\n  a: b") {
		t.Error(Problems{{File: "a", Message: "b"}}.Error())
	}
}
