package pagemap

import "sort"

// Value is something a page shows that a command reads and never types
// into: a status, a date, a request's text, a list of notices.
type Value struct {
	CSS   string `yaml:"css"`
	Label string `yaml:"label"` // the text a person sees beside it, for messages
	Many  bool   `yaml:"many"`  // a list: every visible match, in order
	// Words maps our value to the page's text, for a closed vocabulary
	// (request kinds: add → 补充上传材料).
	Words map[string]string `yaml:"words"`
	// When says when the page shows it (for people and for check, which
	// then takes its absence as a note, not a problem).
	When string `yaml:"when"`
	Line int    `yaml:"-"`
}

// Value returns a named value and whether the map has it.
func (m *Map) Value(name string) (Value, bool) {
	v, ok := m.Values[name]
	return v, ok
}

// ValueNames returns the names of the map's values, sorted.
func (m *Map) ValueNames() []string {
	out := make([]string, 0, len(m.Values))
	for n := range m.Values {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Word returns our value for the page's text t, by Words.
func (v Value) Word(t string) (string, bool) {
	for k, w := range v.Words {
		if w == t {
			return k, true
		}
	}
	return "", false
}

func checkValues(m *Map, add func(int, string, ...any)) {
	for _, n := range m.ValueNames() {
		v := m.Values[n]
		v.Line = m.LineAt("values." + n)
		m.Values[n] = v
		if v.CSS == "" {
			add(v.Line, "value %s has no css: where the page shows it", n)
		}
	}
}
