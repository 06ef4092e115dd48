package portalsim

import (
	"bytes"
	"sort"
)

// retext replaces visible texts in a rendered page (Options.Retext): a
// label or a button the portal renamed, which page maps do not know yet.
// Keys are exact texts as the templates write them (`label="手机号码"`,
// `>下一步<`); longer keys are replaced first so one never eats another.
func retext(b []byte, m map[string]string) []byte {
	if len(m) == 0 {
		return b
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j]) // longest first
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		b = bytes.ReplaceAll(b, []byte(k), []byte(m[k]))
	}
	return b
}
