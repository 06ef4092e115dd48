package dryrun

import "github.com/cscse-tools/autofill/internal/pagemap"

// optionText is the visible text of profile value v in field key of page,
// by the page map's own rule (pagemap.Field.OptionText): the one lookup
// from profile values to option texts the dry-run uses. A value the map
// does not know stays as it is, so the comparison shows it.
func optionText(maps *pagemap.Set, page, key, v string) string {
	m := maps.Get(page)
	if m == nil {
		return v
	}
	for _, f := range m.AllFields() {
		if f.Key == key {
			if t, _, err := f.OptionText(v); err == nil {
				return t
			}
		}
	}
	return v
}
