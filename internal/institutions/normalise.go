// Package institutions matches an institution name as a person writes it
// against CSCSE's list of recognised institutions (refdata.Institutions):
// the listed spelling when the match is certain, the closest listed names
// for "did you mean", and the 加强审查 notice when CSCSE shows one.
package institutions

import (
	"html"
	"strings"
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// t2s folds traditional characters and most Japanese kanji into simplified
// ones, so 東京大學 and 東京大学 both reach CSCSE's Chinese name 东京大学.
var t2s = sync.OnceValue(func() *opencc.OpenCC {
	cc, err := opencc.New("t2s")
	if err != nil {
		panic("institutions: opencc t2s: " + err.Error()) // embedded dictionaries
	}
	return cc
})

// abbreviations are the short forms certificates and CVs use.
var abbreviations = map[string]string{
	"univ": "university", "uni": "university",
	"inst": "institute", "coll": "college", "tech": "technology",
	"st": "saint", "intl": "international", "natl": "national",
}

// letterFold spells out the Latin letters that have no decomposition to drop
// an accent from (Łódź is Lodz to a keyboard without Polish).
var letterFold = strings.NewReplacer("ł", "l", "ø", "o", "đ", "d", "ð", "d", "þ", "th", "æ", "ae", "œ", "oe", "ß", "ss", "ı", "i")

// articles carry no meaning in a name: The University of Edinburgh is
// University of Edinburgh.
var articles = map[string]bool{"the": true}

// Key reduces a name to the form two spellings of one institution share:
// HTML entities decoded (the list has Ł&#243;dzka), full-width letters and
// punctuation narrowed, accents dropped, lower case, & read as "and",
// abbreviations spelt out, articles and punctuation removed, traditional and
// Japanese kanji simplified.
func Key(name string) string {
	s := html.UnescapeString(name)
	s = width.Fold.String(s)
	s, _, _ = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	s = letterFold.Replace(strings.ToLower(s))
	if hasHan(s) {
		if conv, err := t2s().Convert(s); err == nil {
			s = conv
		}
	}
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '\'')
	}) {
		w = strings.Trim(strings.ReplaceAll(w, "'", ""), "&")
		if w == "" {
			// a lone & is "and"
			words = append(words, "and")
			continue
		}
		if strings.Contains(w, "&") { // A&M stays one word
			words = append(words, w)
			continue
		}
		if full, ok := abbreviations[w]; ok {
			w = full
		}
		if !articles[w] {
			words = append(words, w)
		}
	}
	return joinWords(words)
}

// joinWords keeps Latin words apart and runs of CJK together, so 东京 大学
// and 东京大学 agree while "new castle" and "newcastle" do not.
func joinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && !(hasHan(words[i-1]) && hasHan(w)) && !(isCJK(words[i-1]) || isCJK(w)) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// isCJK reports whether a word is written without spaces between words in
// its script (Chinese, Japanese kana and kanji).
func isCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}
