package pagemap

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cscse-tools/autofill/selectors"
)

func TestEmbeddedMapsLoad(t *testing.T) {
	set, err := Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Require(FlowOrder...); err != nil {
		t.Fatal(err)
	}
	if got := len(set.Maps); got != 11 {
		t.Fatalf("%d maps, want 11", got)
	}
}

func TestProblemsNameFileLineAndFix(t *testing.T) {
	fsys := fstest.MapFS{
		"degree.yaml": {Data: []byte(`page: degree
detect: {css: ".page-degree"}
fields:
  - key: degree.level
    label: 学位层次
    css: ".fi-level .el-select"
    kind: dropdown
  - key: degree.level
    lable: 学位层次
    css: ".x"
    kind: text
`)},
		"basic-info.yaml": {Data: []byte("page: basic-info\ndetect: {css: x}\nfields: [\n")},
		"other.yaml":      {Data: []byte("page: degree\ndetect: {css: y}\n")},
	}
	_, err := Load(fsys, "sel")
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`sel/degree.yaml:7: field degree.level: unknown kind "dropdown"`,
		`sel/degree.yaml:9: unknown key "lable" in field; did you mean "label"?`,
		`sel/degree.yaml:8: field key "degree.level" is mapped twice (first at line 4)`,
		`sel/basic-info.yaml:`,
		`sel/other.yaml:1: page "degree" is in other.yaml`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"degree.yaml", "study-history.yaml", "verify.yaml"} {
		b, _ := selectors.FS.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte("page: [\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse("degree.yaml", data)
	})
}
