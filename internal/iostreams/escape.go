package iostreams

import (
	"fmt"
	"strings"
	"unicode"
)

// Escape makes text from outside (profile values, portal texts) safe to
// print on a terminal: control characters — ESC, which could set the
// window title or clear the screen, carriage returns, bidi overrides,
// zero-width characters — are shown as \x1b, \u202e and so on instead of
// acting. Tabs and newlines stay.
func Escape(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) // Cf: bidi controls, zero-width characters
}
