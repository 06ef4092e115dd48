package page

import (
	"context"
	"sync"

	"github.com/chromedp/chromedp"
)

// This package keeps a little state per tab (its window's handle, its
// requests), keyed by the tab's chromedp target. A batch opens a tab per
// applicant, so that state is dropped when the tab is gone.
var watched sync.Map // *chromedp.Target → struct{}

// forgetOnClose drops the state kept for ctx's tab once the browser
// detaches the tab or ctx ends, whichever comes first. chromedp reports a
// detach only while the tab's context lives, so a tab closed by cancelling
// its context is seen by ctx ending. State dropped early is only fetched
// again: the request listener ends with ctx as well.
func forgetOnClose(ctx context.Context) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Target == nil {
		return
	}
	t := c.Target
	if _, loaded := watched.LoadOrStore(t, struct{}{}); loaded {
		return
	}
	gone, err := chromedp.Detached(ctx)
	if err != nil {
		watched.Delete(t)
		return
	}
	go func() {
		select {
		case <-gone:
		case <-ctx.Done():
		}
		globals.Delete(t)
		nets.Delete(t)
		watched.Delete(t)
	}()
}
