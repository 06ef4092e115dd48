package page

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// NormText is js/prelude.js's norm: trims, folds runs of white space, and
// turns full-width letters and digits and the ideographic space into ASCII.
// Texts are compared after it, in the page and in Go alike.
func NormText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// LabelKey is a label's identity, as js/prelude.js's labelKey computes it:
// full- and half-width forms alike (（）/(), ：/:, Ａ/A), no white space, no
// leading * and no trailing colon.
func LabelKey(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Join(strings.Fields(s), "")
	s = strings.TrimPrefix(s, "*")
	s = strings.TrimSuffix(s, ":")
	return s
}
