package pagemap

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/profile"
)

// checkKeys reports every profile key of a flow page's map that the profile
// schema does not have: such a field would be skipped on every run, so a
// typo (degree.remarkz) must stop the load. Pages after 提交 fill from
// their command's input, not the profile, and are not checked.
func checkKeys(m *Map) Problems {
	var ps Problems
	bad := func(line int, what, key string) {
		msg := fmt.Sprintf("%s %q is not a profile key", what, key)
		if s := profile.SuggestMapKey(key); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += "; the keys are those of docs/profile.md, with degree. for the degree being filled and study. for a study_history row"
		}
		ps = append(ps, Problem{File: m.File, Line: line, Message: msg})
	}
	var fields func(fs []Field, path string)
	fields = func(fs []Field, path string) {
		for i, f := range fs {
			if f.Key != "" && f.Role.FromProfile() && !profile.IsMapKey(f.Key) {
				bad(f.Line, "field key", f.Key)
			}
			if f.Fallback != "" && !profile.IsMapKey(f.Fallback) {
				bad(m.LineAt(fmt.Sprintf("%s[%d].fallback", path, i)), "fallback", f.Fallback)
			}
			if w := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f.When), "!")); w != "" && !profile.IsMapKey(w) {
				bad(m.LineAt(fmt.Sprintf("%s[%d].when", path, i)), "when", w)
			}
			if t := f.Table; t != nil {
				for j, c := range t.Columns {
					for _, k := range c.AllKeys() {
						if !profile.IsMapKey(k) {
							bad(m.LineAt(fmt.Sprintf("%s[%d].table.columns[%d]", path, i, j)), "column key", k)
						}
					}
				}
				fields(t.Fields, fmt.Sprintf("%s[%d].table.fields", path, i))
			}
		}
	}
	fields(m.Fields, "fields")
	return ps
}
