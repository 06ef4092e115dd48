package portalsim

import "bytes"

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
	// Longest first, then lexically, for a stable result.
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if len(keys[j]) > len(keys[i]) || (len(keys[j]) == len(keys[i]) && keys[j] < keys[i]) {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	for _, k := range keys {
		b = bytes.ReplaceAll(b, []byte(k), []byte(m[k]))
	}
	return b
}
