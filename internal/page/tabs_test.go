package page

import (
	"context"

	"github.com/chromedp/chromedp"
)

// kept reports whether any state is held for ctx's tab (tests).
func kept(ctx context.Context) bool {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return false
	}
	_, g := globals.Load(c.Target)
	_, n := nets.Load(c.Target)
	return g || n
}
