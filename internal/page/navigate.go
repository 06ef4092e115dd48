package page

import (
	"context"

	"github.com/chromedp/chromedp"
)

// Open makes ctx's tab exist (chromedp opens it on the first action). A
// tab lives as long as the context of its first action, so open it with
// the context meant to own it, not with a short-lived one.
func Open(ctx context.Context) error { return chromedp.Do(ctx) }

// Navigate loads url in the tab and waits for its load event.
func Navigate(ctx context.Context, url string) error {
	return chromedp.Do(ctx, chromedp.Navigate(url))
}

// Reload loads the tab's page again and waits for its load event.
func Reload(ctx context.Context) error { return chromedp.Do(ctx, chromedp.Reload()) }
