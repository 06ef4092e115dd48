// Package majors matches a 专业 name as written on a profile (major_chinese)
// against the national catalogues CSCSE assigns 专业领域 by: the 2024
// undergraduate 专业 and the 2022 graduate 学科/专业学位类别.
package majors

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/width"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// Major is a catalogue entry (code, name, 学科门类, catalogue).
type Major = refdata.Major

var t2s = sync.OnceValue(func() *opencc.OpenCC {
	cc, err := opencc.New("t2s")
	if err != nil {
		panic("majors: opencc t2s: " + err.Error()) // embedded dictionaries
	}
	return cc
})

// noise is what people add around a 专业 name that the catalogues leave
// out: a bracketed note, the degree, the word 专业 itself.
var noise = regexp.MustCompile(`\(.*?\)|（.*?）|\[.*?\]|【.*?】|专业$|方向$|(工学|理学|文学|哲学|法学)?(硕士|学士|博士)(学位)?$`)

// Key reduces a name to the form it is compared in: simplified characters,
// narrow letters, no spaces or punctuation, no bracketed notes.
func Key(name string) string {
	s := width.Fold.String(strings.TrimSpace(name))
	if conv, err := t2s().Convert(s); err == nil {
		s = conv
	}
	for {
		t := noise.ReplaceAllString(s, "")
		if t == s || t == "" {
			break
		}
		s = t
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// Match returns the catalogue entries name most likely means, best first:
// entries of that very name; else the shortest names containing it
// (计算机科学 → 计算机科学与技术), those starting with it first; else the longest names it contains
// (金融科技管理 → 金融科技); else names sharing most character pairs.
// Entries of the name itself are followed by the shortest longer names, so
// 金融 gives 0251 金融 and 020301K 金融学.
func Match(name string) []Major {
	k := Key(name)
	if k == "" {
		return nil
	}
	all := keyed()
	var exact, longer, shorter []Major
	shortest, longest := 1<<30, 0
	for _, km := range all {
		m, mk := km.Major, km.key
		switch {
		case mk == k:
			exact = append(exact, m)
		case strings.Contains(mk, k):
			// a name that starts with it is nearer than one that only contains it:
			// 化学工程 is 化学工程与工艺 before 能源化学工程.
			n := len([]rune(mk))
			if !strings.HasPrefix(mk, k) {
				n += 100
			}
			if n < shortest {
				shortest, longer = n, []Major{m}
			} else if n == shortest {
				longer = append(longer, m)
			}
		case strings.Contains(k, mk) && len([]rune(mk)) >= 2:
			if n := len([]rune(mk)); n > longest {
				longest, shorter = n, []Major{m}
			} else if n == longest {
				shorter = append(shorter, m)
			}
		}
	}
	switch {
	case len(exact) > 0:
		// one character more at the end is the same subject (金融 / 金融学);
		// more is another (书法学 is not 法学).
		if shortest == len([]rune(k))+1 {
			return append(exact, longer...)
		}
		return exact
	case len(longer) > 0:
		return longer
	case len(shorter) > 0:
		return shorter
	}
	return similar(all, k, 3)
}

type keyedMajor struct {
	Major
	key string
}

// keyed is the catalogues with each name's Key, computed once.
var keyed = sync.OnceValue(func() []keyedMajor {
	all := refdata.Majors()
	out := make([]keyedMajor, len(all))
	for i, m := range all {
		out[i] = keyedMajor{m, Key(m.Name)}
	}
	return out
})

// similar keeps the n entries whose names share most character pairs with
// k, when they share at least half.
func similar(all []keyedMajor, k string, n int) []Major {
	type scored struct {
		m Major
		s float64
	}
	var list []scored
	for _, m := range all {
		if s := dice(k, m.key); s >= 0.5 {
			list = append(list, scored{m.Major, s})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].s > list[j].s })
	var out []Major
	for _, s := range list[:min(n, len(list))] {
		out = append(out, s.m)
	}
	return out
}

// dice is the Dice coefficient of the two strings' character bigrams.
func dice(a, b string) float64 {
	pa, pb := bigrams(a), bigrams(b)
	if len(pa) == 0 || len(pb) == 0 {
		return 0
	}
	common := 0
	for p, n := range pa {
		common += min(n, pb[p])
	}
	total := 0
	for _, n := range pa {
		total += n
	}
	for _, n := range pb {
		total += n
	}
	return 2 * float64(common) / float64(total)
}

func bigrams(s string) map[string]int {
	r := []rune(s)
	m := map[string]int{}
	for i := 0; i+1 < len(r); i++ {
		m[string(r[i:i+2])]++
	}
	return m
}

// Disciplines returns the 学科门类 of the candidates, in order, without repeats.
func Disciplines(candidates []Major) []string {
	var out []string
	for _, m := range candidates {
		if !contains(out, m.Discipline) {
			out = append(out, m.Discipline)
		}
	}
	return out
}

// Likely returns the entry and 学科门类 CSCSE will most likely file a degree
// under: among the candidates of the degree's catalogue (graduate for a
// master's or doctorate) if any, the 学科门类 most of them share and its first
// entry. ok is false without candidates.
func Likely(candidates []Major, graduate bool) (Major, bool) {
	want := Undergraduate
	if graduate {
		want = Graduate
	}
	var pool []Major
	for _, m := range candidates {
		if m.Catalogue == want {
			pool = append(pool, m)
		}
	}
	if len(pool) == 0 {
		pool = candidates
	}
	count := map[string]int{}
	best := ""
	for _, m := range pool {
		count[m.Discipline]++
		if best == "" || count[m.Discipline] > count[best] {
			best = m.Discipline
		}
	}
	for _, m := range pool {
		if m.Discipline == best {
			return m, true
		}
	}
	return Major{}, false
}

// The two catalogues, for Likely's callers.
const (
	Undergraduate = refdata.Undergraduate
	Graduate      = refdata.Graduate
)

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
