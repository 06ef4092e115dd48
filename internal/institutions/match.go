package institutions

import (
	"sort"
	"strings"
	"sync"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// Institution is one listed institution with the country CSCSE lists it under.
type Institution struct {
	refdata.Institution
	Country string // CSCSE's spelling: 英国, 日本
}

// Result is what the list says about one name in one country.
type Result struct {
	// Listed reports that CSCSE has a list for the country at all.
	Listed bool
	// Found holds the entries whose foreign or Chinese name is the name
	// (after Key). Two entries mean the name is listed twice.
	Found []Institution
	// Closest holds up to three listed names of the country that look like
	// the name, best first, when Found is empty.
	Closest []Institution
	// Elsewhere holds entries with the name listed under other countries,
	// when Found is empty.
	Elsewhere []Institution
}

// Certain reports whether exactly one listed institution has the name, so a
// fill may use its listed spelling.
func (r Result) Certain() bool { return len(r.Found) == 1 }

type entry struct {
	Institution
	en, zh string // keys
}

type index struct {
	byCountry map[string][]entry // CSCSE country
	byAlpha2  map[string]string  // ISO code → CSCSE country
}

// cscseAlpha2 names the countries whose CSCSE spelling refdata's country
// tables do not know.
var cscseAlpha2 = map[string]string{"贝宁共和国": "BJ", "马里共和国": "ML", "印度尼西亚": "ID", "波斯尼亚和黑塞哥维那": "BA"}

var load = sync.OnceValue(func() *index {
	ix := &index{byCountry: map[string][]entry{}, byAlpha2: map[string]string{}}
	for country, list := range refdata.Institutions() {
		if a2, ok := cscseAlpha2[country]; ok {
			ix.byAlpha2[a2] = country
		} else if c, ok := refdata.LookupCountry(country); ok {
			ix.byAlpha2[c.Alpha2] = country
		}
		es := make([]entry, len(list))
		for i, in := range list {
			es[i] = entry{Institution{in, country}, Key(in.Foreign), Key(in.Chinese)}
		}
		ix.byCountry[country] = es
	}
	return ix
})

// Country returns CSCSE's spelling of a country given in any form
// refdata.LookupCountry accepts (英国, UK, GB), and whether CSCSE lists
// institutions there.
func Country(name string) (string, bool) {
	ix := load()
	if _, ok := ix.byCountry[name]; ok {
		return name, true
	}
	c, ok := refdata.LookupCountry(name)
	if !ok {
		return "", false
	}
	cscse, ok := ix.byAlpha2[c.Alpha2]
	return cscse, ok
}

// Lookup finds name among the institutions CSCSE lists for country.
func Lookup(country, name string) Result {
	ix := load()
	k := Key(name)
	var r Result
	if k == "" {
		return r
	}
	cc, ok := Country(country)
	r.Listed = ok
	if ok {
		r.Found = find(ix.byCountry[cc], k)
		if len(r.Found) > 0 {
			return r
		}
		r.Closest = closest(ix.byCountry[cc], k, 3)
	}
	for other, es := range ix.byCountry {
		if other != cc {
			r.Elsewhere = append(r.Elsewhere, find(es, k)...)
		}
	}
	sort.Slice(r.Elsewhere, func(i, j int) bool { return r.Elsewhere[i].Country < r.Elsewhere[j].Country })
	return r
}

// Canonical returns the foreign name as CSCSE lists it when exactly one
// institution of the country has the name, else the name unchanged and false.
func Canonical(country, name string) (string, bool) {
	r := Lookup(country, name)
	if !r.Certain() {
		return name, false
	}
	return r.Found[0].Foreign, true
}

// List returns every institution CSCSE lists for country.
func List(country string) []Institution {
	cc, ok := Country(country)
	if !ok {
		return nil
	}
	es := load().byCountry[cc]
	out := make([]Institution, len(es))
	for i, e := range es {
		out[i] = e.Institution
	}
	return out
}

func find(es []entry, k string) []Institution {
	var out []Institution
	for _, e := range es {
		if e.en == k || e.zh == k {
			out = append(out, e.Institution)
		}
	}
	return out
}

// closest ranks entries by similarity to k (a Key) and keeps the best n that
// are similar enough to be what was meant.
func closest(es []entry, k string, n int) []Institution {
	type scored struct {
		e     entry
		score float64
	}
	var list []scored
	for _, e := range es {
		s := max(similarity(k, e.en), similarity(k, e.zh))
		if s >= 0.5 {
			list = append(list, scored{e, s})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	var out []Institution
	for _, s := range list[:min(n, len(list))] {
		out = append(out, s.e.Institution)
	}
	return out
}

// similarity is 1 for equal keys and falls towards 0: the better of word
// overlap (Edinburgh University ~ University of Edinburgh) and edit distance
// relative to length (typos, and CJK names, which have no words).
func similarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	edit := 1 - float64(editDistance(ra, rb))/float64(max(len(ra), len(rb)))
	return max(edit, wordOverlap(a, b))
}

// wordOverlap is the Dice coefficient of the two names' words, ignoring
// "of" and "and", which every other name has.
func wordOverlap(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		if w != "of" && w != "and" && w != "de" && w != "in" {
			m[w] = true
		}
	}
	return m
}

// editDistance is the Levenshtein distance over runes, cut at 80 runes: no
// institution name is longer, and it keeps odd input cheap.
func editDistance(a, b []rune) int {
	a, b = a[:min(len(a), 80)], b[:min(len(b), 80)]
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
