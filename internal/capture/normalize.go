package capture

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cscse-tools/autofill/internal/page"
)

// Normalize returns a recorded document without what changes from one
// capture to the next (js/normalize.js: generated ids and references
// to them, dropdown positions and stacking order, helper tags, image
// addresses, timestamps, application numbers, the hashes in stylesheet
// names). Two recordings of an unchanged page normalise to the same text.
// It runs in the browser of ctx (any page, about:blank will do).
func Normalize(ctx context.Context, html string) (string, error) {
	return page.CallFunc[string](ctx, "", normalizeFunc, html)
}

// Diff describes the first difference between two texts line by line, with
// two lines of context, or returns "" when they are equal.
func Diff(nameA, a, nameB, b string) string {
	if a == b {
		return ""
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	// Lines can be long (a component renders on one line): show the part
	// around the first differing byte.
	col := 0
	if i < len(la) && i < len(lb) {
		for col < len(la[i]) && col < len(lb[i]) && la[i][col] == lb[i][col] {
			col++
		}
	}
	var s strings.Builder
	fmt.Fprintf(&s, "first difference at line %d, byte %d:\n", i+1, col+1)
	show := func(name string, lines []string) {
		fmt.Fprintf(&s, "  %s:\n", name)
		for j := max(0, i-1); j < min(len(lines), i+2); j++ {
			mark := "  "
			if j == i {
				mark = "> "
			}
			fmt.Fprintf(&s, "    %s%s\n", mark, window(lines[j], col, 160))
		}
	}
	show(nameA, la)
	show(nameB, lb)
	return s.String()
}

// window returns about n bytes of s around byte at, on rune boundaries.
func window(s string, at, n int) string {
	at = min(at, len(s))
	from, to := max(0, at-n/2), min(len(s), at+n/2)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	out := s[from:to]
	if from > 0 {
		out = "…" + out
	}
	if to < len(s) {
		out += "…"
	}
	return out
}
