package page

import (
	"context"
	"sync"

	"github.com/chromedp/chromedp"
)

// This package keeps a little state per tab (its window's handle, its
// requests), keyed by the tab's chromedp target. A batch opens a tab per
// applicant, so each entry is dropped when its tab is gone.

// dropWithTab removes m's entry v for ctx's tab once the browser detaches
// the tab or ctx ends, whichever comes first. chromedp reports a detach
// only while the tab's context lives, so a tab closed by cancelling its
// context is seen by ctx ending; an entry made under a shorter context is
// only fetched again. An entry that replaced v stays.
func dropWithTab(ctx context.Context, m *sync.Map, v any) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return
	}
	t := c.Target
	gone, err := chromedp.Detached(ctx)
	if err != nil {
		return
	}
	go func() {
		select {
		case <-gone:
		case <-ctx.Done():
		}
		m.CompareAndDelete(t, v)
	}()
}
