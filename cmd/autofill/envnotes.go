package main

import (
	"fmt"
	"sort"

	"github.com/cscse-tools/autofill/internal/profile"
)

// envNotes says which AUTOFILL_<KEY> variables changed the profile (with
// --env-overrides; values masked) or were set and ignored (without it). They
// are printed at the start of a run and kept in its report.
func envNotes(p *profile.Profile) []string {
	var out []string
	used := p.EnvUsed()
	keys := make([]string, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, fmt.Sprintf("--env-overrides: %s is taken from $%s: %s", k, used[k], profile.RedactPassport(envValue(p, k))))
	}
	for _, v := range p.EnvIgnored() {
		out = append(out, fmt.Sprintf("note: $%s is set but ignored: profile values come from the file only (add --env-overrides to use it)", v))
	}
	return out
}

// envValue is the overridden value as text, via the profile's own lookup.
func envValue(p *profile.Profile, key string) string {
	v, err := p.Get(key)
	if err != nil {
		return "?"
	}
	return fmt.Sprint(v)
}
