package portal

import "github.com/cscse-tools/autofill/internal/profile"

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
