package profile

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Page maps name profile values by keys that look into one degree and one
// study-history row: degree.award_date is degrees[i].award_date of the
// degree being filled, study.school the school of the row being added.

// derivedKeys are map keys the engine computes from other keys:
// degree.same_school is true when the degree gives no separate study
// country or institution.
var derivedKeys = []string{"degree.same_school"}

// MapKeys lists every key a page map may fill from the profile, sorted.
var MapKeys = sync.OnceValue(func() []string {
	keys := slices.Clone(derivedKeys)
	walkSchema(profileType, "", func(p string, _ reflect.Type) {
		keys = append(keys, mapKey(p))
	})
	slices.Sort(keys)
	return slices.Compact(keys)
})

// mapKey turns a schema path into the key a page map uses for it.
func mapKey(p string) string {
	switch {
	case strings.HasPrefix(p, "degrees[]."):
		return "degree." + strings.TrimPrefix(p, "degrees[].")
	case strings.HasPrefix(p, "study_history[]."):
		return "study." + strings.TrimPrefix(p, "study_history[].")
	}
	return p
}

// IsMapKey reports whether a page map may use key.
func IsMapKey(key string) bool {
	_, ok := slices.BinarySearch(MapKeys(), key)
	return ok
}

// SuggestMapKey returns the map key closest to key when key looks like a
// typo of it (degree.remarkz → degree.remarks), or "".
func SuggestMapKey(key string) string { return suggest(key, MapKeys()) }
