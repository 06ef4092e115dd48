package pagemap

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/yamlfile"
)

// Problem is one thing wrong with a map file, located like a compiler error.
type Problem = yamlfile.Problem

// Problems is every problem found while loading, reported together.
type Problems = yamlfile.Problems

// Load reads every *.yaml of fsys (the embedded selectors/ or a --selectors
// directory) and checks it: each page map, flow.yaml (the built-in flow when
// the directory has none), that the maps and the flow agree, and that every
// key a flow page fills is a profile key. All problems are reported
// together. label names the source in messages ("selectors").
func Load(fsys fs.FS, label string) (*Set, error) {
	names, err := pageFiles(fsys)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no page maps (*.yaml) found", label)
	}
	flow, probs := loadFlow(fsys, label)
	if flow == nil {
		flow = builtin
	}
	set := &Set{Maps: map[string]*Map{}, Order: flow.Order(), Flow: flow}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs = append(probs, Problem{File: path.Join(label, name), Message: err.Error()})
			continue
		}
		m, ps := Parse(path.Join(label, name), data)
		probs = append(probs, ps...)
		if m == nil {
			continue
		}
		if prev, dup := set.Maps[m.Page]; dup {
			probs = append(probs, Problem{File: m.File, Line: m.Line,
				Message: fmt.Sprintf("page %q is already mapped in %s", m.Page, prev.File)})
			continue
		}
		set.Maps[m.Page] = m
	}
	probs = append(probs, set.checkFlow()...)
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool {
			if probs[i].File != probs[j].File {
				return probs[i].File < probs[j].File
			}
			return probs[i].Line < probs[j].Line
		})
		return set, probs
	}
	return set, nil
}

// pageFiles lists the page maps of fsys: every *.yaml but flow.yaml, sorted.
func pageFiles(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	names = slices.DeleteFunc(names, func(n string) bool { return n == FlowFile })
	sort.Strings(names)
	return names, nil
}

// Require reports the flow pages that have no map.
func (s *Set) Require(pages ...string) error {
	var missing []string
	for _, p := range pages {
		if s.Maps[p] == nil {
			missing = append(missing, p+".yaml")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("page maps missing: %s", strings.Join(missing, ", "))
	}
	return nil
}

// Parse decodes and checks one map file.
func Parse(file string, data []byte) (*Map, Problems) {
	m := &Map{}
	doc, probs := yamlfile.Decode(file, data, m, "empty file; a page map needs at least page: and detect:", unknownKey)
	if doc == nil {
		return nil, probs
	}
	m.File = file
	m.node = doc
	if line := secondDocument(data); line > 0 {
		probs = append(probs, Problem{File: file, Line: line, Message: "a second YAML document (---): a page map is one document; put each page in its own file"})
	}
	m.Line = lineOf(doc, "page")
	setLines(m, doc)
	probs = append(probs, check(m)...)
	return m, probs
}

// unknownKey words an unknown key of a map type, proposing the key meant.
func unknownKey(typ, key string) string {
	msg := fmt.Sprintf("unknown key %q in %s", key, strings.ToLower(typ))
	if s := suggest(key, knownKeys[typ]); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + "; known keys: " + strings.Join(knownKeys[typ], ", ")
}

var knownKeys = map[string][]string{
	"Map":       {"page", "title", "detect", "human", "form", "dismiss", "fields", "list", "verify", "actions", "never_click", "never_click_optional", "human_steps", "values", "summary"},
	"Value":     {"css", "label", "many", "words", "when"},
	"HumanStep": {"name", "css", "message", "message_zh"},
	"Detect":    {"css", "text"},
	"Target":    {"css", "text"},
	"Field":     {"key", "label", "css", "kind", "options", "when", "optional", "may_be_absent", "fallback", "aliases", "filterable", "remote", "manual", "table", "role", "secret", "upload"},
	"Limits":    {"type", "max_size", "max_files"},
	"Column":    {"header", "key", "keys"},
	"Flow":      {"entry", "pages", "after"},
	"FlowPage":  {"page", "step"},
	"Manual":    {"option", "label", "css"},
	"TableSpec": {"rows", "columns", "add", "dialog", "ok", "cancel", "fields", "delete", "confirm_delete"},
	"List":      {"table", "rows", "columns", "draft", "continue", "new", "view", "supplement", "review", "pay", "id_in_url", "user"},
	"Verify":    {"qr", "status", "code", "code_ok", "records", "skip", "guide"},
	"UserInfo":  {"name", "id"},

	// confirm.yaml's summary: what the portal saved (summary.go)
	"Summary":        {"sections", "pairs", "empty", "values", "labels", "skip", "history"},
	"SummarySection": {"css", "page", "empty", "separator"},
	"SummaryTable":   {"table", "rows", "page"},
	"SummaryPairs":   {"label", "value"},
}

// suggest returns the known key closest to s, if it is close enough to be a typo.
func suggest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(s, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the edit distance counting a swap of neighbours as one edit
// (optimal string alignment), since "lable" is a typo of "label".
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// child returns the value node of key in a mapping node.
var child = yamlfile.Child

func lineOf(n *yaml.Node, key string) int {
	if n == nil || n.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i].Line
		}
	}
	return n.Line
}

func item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}

func nodeLine(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// setLines records where each field and action is, for messages.
func setLines(m *Map, doc *yaml.Node) {
	nodes := fieldNodes(child(doc, "fields"), m.Fields)
	for i, fn := range nodes {
		m.Fields[i].Line = nodeLine(fn)
		m.Fields[i].KindLine = lineOf(fn, "kind")
		if t := m.Fields[i].Table; t != nil {
			for j, dn := range fieldNodes(child(child(fn, "table"), "fields"), t.Fields) {
				t.Fields[j].Line = nodeLine(dn)
				t.Fields[j].KindLine = lineOf(dn, "kind")
			}
		}
	}
	actions := child(doc, "actions")
	for name, t := range m.Actions {
		t.Line = lineOf(actions, name)
		m.Actions[name] = t
	}
	for i := range m.Dismiss {
		m.Dismiss[i].Line = nodeLine(item(child(doc, "dismiss"), i))
	}
	if m.Verify != nil {
		m.Verify.Code.Line = lineOf(child(doc, "verify"), "code")
	}
}

// fieldNodes pairs decoded fields with their YAML nodes: by key first,
// because the decoder drops an item it could not decode (a duplicate key)
// and positions then shift; by position for the rest.
func fieldNodes(seq *yaml.Node, fields []Field) []*yaml.Node {
	out := make([]*yaml.Node, len(fields))
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return out
	}
	used := make([]bool, len(seq.Content))
	for i, f := range fields {
		for j, n := range seq.Content {
			if k := child(n, "key"); !used[j] && f.Key != "" && k != nil && k.Value == f.Key {
				out[i], used[j] = n, true
				break
			}
		}
	}
	for i := range fields {
		if out[i] == nil && i < len(seq.Content) && !used[i] {
			out[i], used[i] = seq.Content[i], true
		}
	}
	return out
}

// check applies the rules no YAML decoder knows.
func check(m *Map) Problems {
	var ps Problems
	add := func(line int, format string, args ...any) {
		ps = append(ps, Problem{File: m.File, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	base := strings.TrimSuffix(path.Base(m.File), path.Ext(m.File))
	switch {
	case m.Page == "":
		add(1, "missing page: (the page id, e.g. page: %s)", base)
	case m.Page != base:
		add(m.Line, "page %q is in %s; name the file %s.yaml or fix the id", m.Page, path.Base(m.File), m.Page)
	}
	checkValues(m, add)
	if m.Detect.CSS == "" {
		add(m.Line, "missing detect.css: how the engine knows it is on this page")
	}
	if !slices.Contains(Humans, m.Human) {
		add(m.Line, "human %q: use one of captcha, consent, face_and_code, confirm, payment (or leave it empty)", m.Human)
	}
	checkFields(m.Fields, add, "")
	for name, t := range m.Actions {
		if t.CSS == "" {
			add(t.Line, "action %s has no css", name)
		}
	}
	for _, t := range m.Dismiss {
		if t.CSS == "" {
			add(t.Line, "dismiss entry has no css")
		}
	}
	seen := map[string]int{}
	for i, css := range m.NeverClick {
		line := m.LineAt(fmt.Sprintf("never_click[%d]", i))
		switch {
		case strings.TrimSpace(css) == "":
			add(line, "never_click entry is empty: give the selector of a submit or pay control")
		case seen[css] > 0:
			add(line, "never_click %q is listed twice (first at line %d)", css, seen[css])
		default:
			seen[css] = line
		}
	}
	if m.Verify != nil {
		if m.Verify.Code.CSS == "" || m.Verify.CodeOK.CSS == "" || m.Verify.Records == "" {
			add(m.Verify.Code.Line, "verify needs code.css, code_ok.css and records")
		}
	}
	for i, h := range m.HumanSteps {
		if h.Name == "" || h.CSS == "" || h.Message == "" {
			add(m.LineAt(fmt.Sprintf("human_steps[%d]", i)), "human step needs name, css (shown while the person must act) and message")
		}
	}
	ps = append(ps, checkSummary(m)...)
	if m.List != nil && (m.List.Table == "" || m.List.Rows == "" || m.List.New.CSS == "" || m.List.Continue.CSS == "" || m.List.Draft == "") {
		add(m.LineAt("list"), "list needs table, rows, draft (the status of a row that can still be filled, 未提交), continue.css and new.css")
	}
	return ps
}

func checkFields(fields []Field, add func(int, string, ...any), where string) {
	keys := map[string]int{}
	csss := map[string]int{}
	for _, f := range fields {
		name := f.Key
		if name == "" {
			name = f.Label
		}
		if f.Key == "" {
			add(f.Line, "%sfield %q has no key (the profile key it fills, e.g. degree.award_date)", where, f.Label)
		} else if prev, dup := keys[f.Key]; dup {
			add(f.Line, "%sfield key %q is mapped twice (first at line %d)", where, f.Key, prev)
		} else {
			keys[f.Key] = f.Line
		}
		if f.Label == "" {
			add(f.Line, "%sfield %s has no label: the text a person sees beside the control", where, name)
		}
		if f.CSS == "" {
			add(f.Line, "%sfield %s has no css", where, name)
		} else if prev, dup := csss[f.CSS]; dup {
			add(f.Line, "%sfield %s uses css %q already used at line %d", where, name, f.CSS, prev)
		} else {
			csss[f.CSS] = f.Line
		}
		if !slices.Contains(Kinds, f.Kind) {
			add(max(f.KindLine, f.Line), "%sfield %s: unknown kind %q; use one of %s", where, name, f.Kind, kindList())
		}
		if len(f.Options) > 0 && !slices.Contains([]Kind{Select, Radio, Checkbox, Readonly}, f.Kind) {
			add(f.Line, "%sfield %s: options only apply to select, radio, checkbox and readonly", where, name)
		}
		if f.Manual != nil && f.Kind != Select {
			add(f.Line, "%sfield %s: manual only applies to select", where, name)
		}
		if m := f.Manual; m != nil && (m.Option == "" || m.Label == "" || m.CSS == "") {
			add(f.Line, "%sfield %s: manual needs option (the option that reveals the text field), label and css", where, name)
		}
		for v, t := range f.Options {
			if strings.TrimSpace(t) == "" {
				add(f.Line, "%sfield %s: option %q maps to no text; give the option a person sees", where, name, v)
			}
		}
		if f.When != "" && !whenSyntax.MatchString(strings.TrimSpace(f.When)) {
			add(f.Line, "%sfield %s: when %q: use a profile key, or ! and a key (when: \"!degree.same_school\")", where, name, f.When)
		}
		checkRole(f, add, where, name)
		if f.Upload != nil {
			if f.Kind != Upload {
				add(f.Line, "%sfield %s: upload: limits only apply to kind upload", where, name)
			}
			for _, p := range f.Upload.Problems() {
				add(f.Line, "%sfield %s: %s", where, name, p)
			}
		}
		if (f.Kind == Table) != (f.Table != nil) {
			add(f.Line, "%sfield %s: kind table and a table: section go together", where, name)
		}
		if t := f.Table; t != nil {
			if where != "" {
				add(f.Line, "%sfield %s: a table inside a table dialog is not supported", where, name)
			} else {
				if t.Rows == "" || t.Add.CSS == "" || t.Dialog == "" || t.OK.CSS == "" {
					add(f.Line, "field %s: table needs rows, add.css, dialog and ok.css", name)
				}
				for i, c := range t.Columns {
					if strings.TrimSpace(c.Header) == "" {
						add(f.Line, "field %s: table column %d has no header: the text a person sees atop it", name, i+1)
					}
				}
				checkFields(t.Fields, add, "table dialog: ")
			}
		}
	}
}

var whenSyntax = regexp.MustCompile(`^!?\s*[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$`)

// secondDocument returns the line of a second YAML document in data, or 0.
func secondDocument(data []byte) int {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	if dec.Decode(&n) != nil {
		return 0
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil && next.Kind != 0 {
		return max(next.Line, 1)
	}
	return 0
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
