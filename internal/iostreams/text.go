package iostreams

import (
	"fmt"
	"regexp"
	"time"

	"github.com/mattn/go-runewidth"
)

// Text laid out for a terminal is measured in columns, not bytes or runes:
// a Chinese character takes two. Tables and lines redrawn in place use
// these so they stay aligned.

var ansiColor = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Width is the number of columns s takes; colour codes take none.
func Width(s string) int { return runewidth.StringWidth(ansiColor.ReplaceAllString(s, "")) }

// Clip cuts s to w columns, marking a cut with "…".
func Clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return runewidth.Truncate(s, w, "…")
}

// Pad fills s with spaces to w columns.
func Pad(s string, w int) string { return runewidth.FillRight(s, w) }

// Clock writes a duration as m:ss, or h:mm:ss from an hour on; less than
// nothing is 0:00.
func Clock(d time.Duration) string {
	s := int(max(d, 0).Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
