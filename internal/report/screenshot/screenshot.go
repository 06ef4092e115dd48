// Package screenshot takes the page screenshots of the run report with
// personal numbers covered: the report masks ID numbers and phones in its
// tables, and a picture of the same page beside them must not show them in
// full. The page's values are never changed, so Vue's state and what the
// person sees stay as they were.
//
// A picture of the window (each page on the way: TakeWindow, then
// Window.JPEG, which needs no tab, while the engine goes on) is masked on
// the image: the page is only read. A picture of the whole page (the last
// one, Capture) lays masked copies over the values for the
// capture and removes them at once: a full-page capture lays the page out
// again at its full height, so boxes measured before it need not be where
// the texts are in it, while copies laid in the page move with them.
package screenshot

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/cscse-tools/autofill/internal/page"
)

// Capture takes a full-page PNG of the tab with every text and input value
// that mask changes covered by its masked form. mask is the profile's
// Redactor (profile.Redactor.String).
func Capture(ctx context.Context, mask func(string) string) ([]byte, error) {
	_, err := Cover(ctx, mask)
	defer Uncover(ctx) // also after a half-done Cover
	if err != nil {
		// No picture rather than one that shows the numbers in full.
		return nil, fmt.Errorf("covering personal data for the screenshot: %w", err)
	}
	return page.FullPNG(ctx)
}

//go:embed js/cover.js
var coverJS string

//go:embed js/uncover.js
var uncoverJS string

var (
	coverFunc   = page.Func{Name: "screenshot.cover", Source: coverJS}
	uncoverFunc = page.Func{Name: "screenshot.uncover", Source: uncoverJS}
)

// Cover lays the masked values over the page (the texts js/texts.js finds
// that mask changes) and returns how many it covered. Uncover removes them.
func Cover(ctx context.Context, mask func(string) string) (int, error) {
	s, covers, err := masked(ctx, mask, true)
	if err != nil || len(covers) == 0 {
		return 0, err
	}
	return page.CallFunc[int](ctx, "", coverFunc, covers, s.SX, s.SY)
}

// Uncover removes what Cover laid over the page.
func Uncover(ctx context.Context) {
	_, _ = page.CallFunc[bool](ctx, "", uncoverFunc)
}
