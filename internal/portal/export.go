package portal

import (
	"context"

	"github.com/cscse-tools/autofill/internal/profile"
)

// HelpersJS returns the in-page helper script (window.__af), so that
// `autofill check` and `autofill record` judge pages with the very code the
// engine runs: one notion of visible, of a field's label, of a widget kind.
func HelpersJS() string { return helpersJS }

// InstallHelpers makes the helpers present in the current document of the
// tab and in every document it loads later.
func InstallHelpers(ctx context.Context) error { return installHelpers(ctx) }

// Lookup answers the page maps' profile keys for one degree of a profile,
// exactly as a run would (degree.same_school derived, study.* empty).
func Lookup(p *profile.Profile, d *profile.Degree) func(key string) (any, bool) {
	return LookupRow(p, d, nil)
}

// LookupRow is Lookup while the study-history dialog fills row s: study.*
// keys answer from s, every other key as in Lookup.
func LookupRow(p *profile.Profile, d *profile.Degree, s *profile.Study) func(key string) (any, bool) {
	v := &values{p: p, d: d, study: s}
	return v.get
}
