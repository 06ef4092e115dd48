package pagemap

import (
	"io/fs"
	"slices"
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
	if err := set.Require(AfterPages...); err != nil {
		t.Fatal(err)
	}
	if got, want := len(set.Maps), len(FlowOrder)+len(AfterPages); got != want {
		t.Fatalf("%d maps, want %d", got, want)
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

// The rules beyond the schema: each names its line and how to fix it.
func TestProblemsBeyondTheSchema(t *testing.T) {
	src := `page: degree
detect: {css: ".page-degree"}
fields:
  - key: degree.level
    label: 学位层次
    css: ".fi-level .el-select"
    kind: select
    options: {bachelor: ""}
    manual: {option: 其他}
  - key: degree.remarks
    label: 备注
    css: ".fi-remarks textarea"
    kind: textarea
    when: "degree remarks"
  - key: study_history
    label: 学习经历
    css: ".history-table"
    kind: table
    table:
      rows: ".rows"
      fields:
        - {key: study.x, label: X, css: ".x", kind: table, table: {rows: r}}
actions:
  next: {css: ".btn-next"}
  next: {css: ".btn-next2"}
never_click: [".btn-submit", "", ".btn-submit"]
---
page: other
`
	_, probs := Parse("sel/degree.yaml", []byte(src))
	msg := probs.Error()
	for _, want := range []string{
		`sel/degree.yaml:25: mapping key "next" already defined at line 24`,
		`sel/degree.yaml:4: field degree.level: option "bachelor" maps to no text`,
		`sel/degree.yaml:4: field degree.level: manual needs option`,
		`sel/degree.yaml:10: field degree.remarks: when "degree remarks": use a profile key`,
		`sel/degree.yaml:15: field study_history: table needs rows, add.css, dialog and ok.css`,
		`sel/degree.yaml:22: table dialog: field study.x: a table inside a table dialog is not supported`,
		`sel/degree.yaml:26: never_click entry is empty`,
		`sel/degree.yaml:26: never_click ".btn-submit" is listed twice (first at line 26)`,
		`sel/degree.yaml:27: a second YAML document (---)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

func TestLineAt(t *testing.T) {
	set, err := Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		page, path string
		line       int
	}{
		{"applications", "list.rows", 9},
		{"applications", "dismiss[0]", 6},
		{"confirm", "never_click[1]", 8},
		{"study-history", "fields[0].table.add", 22},
		{"verify", "verify.records", 16},
		{"degree", "detect", 6},
		{"degree", "no.such.path", 4}, // nothing of it exists: the page line
	} {
		if got := set.Get(c.page).LineAt(c.path); got != c.line {
			t.Errorf("%s %s: line %d, want %d", c.page, c.path, got, c.line)
		}
	}
}

func TestOptionText(t *testing.T) {
	f := Field{Key: "degree.level", Options: map[string]string{"master": "硕士", "true": "是"}}
	for _, c := range []struct {
		v     any
		text  string
		empty bool
		err   bool
	}{
		{"master", "硕士", false, false},
		{"硕士", "硕士", false, false}, // already the visible text
		{true, "是", false, false},
		{"", "", true, false},
		{nil, "", true, false},
		{[]string{"北京市", "海淀区"}, "北京市 / 海淀区", false, false},
		{"phd", "", false, true},
		{3.5, "", false, true},
	} {
		text, empty, err := f.OptionText(c.v)
		if text != c.text || empty != c.empty || (err != nil) != c.err {
			t.Errorf("%v: %q %v %v", c.v, text, empty, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	names, _ := fs.Glob(selectors.FS, "*.yaml")
	for _, name := range names {
		b, _ := selectors.FS.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte("page: [\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("page: degree\ndetect: {css: x}\n---\npage: y\n"))
	f.Add([]byte("page: degree\ndetect: {css: x}\nfields:\n  - {key: a, label: A, css: a, kind: table, table: {fields: [{kind: table}]}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, probs := Parse("degree.yaml", data)
		lines := lineCount(data)
		for _, p := range probs {
			if p.File != "degree.yaml" || p.Message == "" || p.Line < 0 || p.Line > lines {
				t.Fatalf("badly located problem %+v in a %d-line file", p, lines)
			}
		}
		if m == nil {
			if len(probs) == 0 {
				t.Fatal("no map and no problem")
			}
			return
		}
		// Locating never fails, whatever the path.
		for _, path := range []string{"fields[0].table.fields[1]", "list.rows", "never_click[9]", "[", "a.b[x]"} {
			if l := m.LineAt(path); l < 0 || l > lines {
				t.Fatalf("LineAt(%q) = %d", path, l)
			}
		}
		if len(probs) > 0 {
			return
		}
		// A map without problems is one the engine can use.
		if m.Page != "degree" || m.Detect.CSS == "" {
			t.Fatalf("accepted a map without page or detect: %+v", m)
		}
		for _, fd := range m.AllFields() {
			if fd.Key == "" || fd.Label == "" || fd.CSS == "" || !slices.Contains(Kinds, fd.Kind) {
				t.Fatalf("accepted an incomplete field %+v", fd)
			}
		}
	})
}

// lineCount bounds the lines a YAML parser may count: it takes \r, NEL, LS
// and PS as line breaks too.
func lineCount(data []byte) int {
	n := 2
	for _, sep := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += strings.Count(string(data), sep)
	}
	return n
}

// A summary the engine could not read is reported where it is.
func TestSummaryProblems(t *testing.T) {
	_, ps := Parse("selectors/confirm.yaml", []byte(`page: confirm
title: 确认提交
detect: {css: ".page-confirm"}
human: confirm
summary:
  sections:
    - {css: ".x", page: nowhere}
  history: {table: ".t"}
`))
	m, _ := Parse("selectors/confirm.yaml", []byte(`page: confirm
detect: {css: ".page-confirm"}
summary:
  sections:
    - {css: ".x", page: nowhere}
`))
	ps = append(ps, (&Set{}).checkMap(m)...)
	want := []string{"summary.pairs needs", "summary.history needs", "summary section 1: page \"nowhere\" is not a page of the flow"}
	if len(ps) != len(want) {
		t.Fatalf("problems %v, want %d", ps, len(want))
	}
	for i, w := range want {
		if !strings.Contains(ps[i].Message, w) || ps[i].Line == 0 {
			t.Errorf("problem %d: %v, want %q with a line", i, ps[i], w)
		}
	}
}
