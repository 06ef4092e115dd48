package pagemap

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// OptionText is the text a person sees for profile value v in field f: the
// option its Options map gives, or the value itself. empty reports that
// there is nothing to enter. A value Options does not know is an error
// naming the values it does. (The engine's drivers apply the same rule.)
func (f Field) OptionText(v any) (text string, empty bool, err error) {
	switch x := v.(type) {
	case nil:
		return "", true, nil
	case []string:
		return strings.Join(x, " / "), len(x) == 0, nil
	case bool:
		return f.option(fmt.Sprint(x))
	case string:
		if x == "" {
			return "", true, nil
		}
		return f.option(x)
	case fmt.Stringer:
		s := x.String()
		return s, s == "", nil
	}
	return "", false, fmt.Errorf("profile key %s: cannot enter a %T", f.Key, v)
}

func (f Field) option(s string) (string, bool, error) {
	if len(f.Options) == 0 {
		return s, false, nil
	}
	if t, ok := f.Options[s]; ok {
		return t, false, nil
	}
	for _, t := range f.Options {
		if t == s { // the profile may hold the visible text already (男)
			return t, false, nil
		}
	}
	keys := make([]string, 0, len(f.Options))
	for k := range f.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return "", false, fmt.Errorf("profile %s is %q; the map knows only %s", f.Key, s, strings.Join(keys, ", "))
}

// Targets lists every clickable or located element of a map besides its
// fields, each with what it is for messages ("action next", "never_click").
func (m *Map) Targets() []NamedTarget {
	var out []NamedTarget
	names := make([]string, 0, len(m.Actions))
	for n := range m.Actions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := m.Actions[n]
		out = append(out, NamedTarget{What: "action " + n, Target: t})
	}
	for _, t := range m.Dismiss {
		out = append(out, NamedTarget{What: "dismiss", Target: t})
	}
	for i, css := range m.NeverClick {
		out = append(out, NamedTarget{What: "never_click", Target: Target{CSS: css, Line: m.LineAt("never_click[" + strconv.Itoa(i) + "]")}})
	}
	for i, css := range m.NeverClickOptional {
		out = append(out, NamedTarget{What: "never_click", Optional: true,
			Target: Target{CSS: css, Line: m.LineAt("never_click_optional[" + strconv.Itoa(i) + "]")}})
	}
	return out
}

// NamedTarget is a target with the role it plays in its map.
type NamedTarget struct {
	What     string
	Optional bool // shown only on some forms of the page
	Target
}
