package batch

import (
	"context"
	"fmt"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/page"
)

// Tabs opens one tab per applicant in a browser context of its own: own
// cookies, storage and cache, as in a private window. One applicant's
// session can never reach another's.
type Tabs interface {
	Open(ctx context.Context) (tab context.Context, closeTab func(), err error)
}

// SharedBrowser gives every applicant a fresh browser context in one local
// browser: the cheapest isolation (one browser process tree).
type SharedBrowser struct{ Browser *browser.Browser }

// Open opens an isolated tab.
func (s SharedBrowser) Open(context.Context) (context.Context, func(), error) {
	tab, cancel := s.Browser.NewIsolatedTab()
	if err := page.Open(tab); err != nil { // creates the context and the tab
		cancel()
		return nil, nil, fmt.Errorf("opening a browser tab: %w", err)
	}
	return tab, cancel, nil
}

// RemoteBrowsers connects to a DevTools endpoint anew for every applicant
// and opens an isolated tab there. Behind a browser pool (browserless, a
// Selenium/Moon grid, a Kubernetes service of headless Chromes) each
// connection may land on another machine, which is how a batch scales past
// this one; a single Chrome started with --remote-debugging-port works too.
type RemoteBrowsers struct{ Options browser.Options }

// Open attaches and opens an isolated tab.
func (r RemoteBrowsers) Open(ctx context.Context) (context.Context, func(), error) {
	b, err := browser.Start(ctx, r.Options)
	if err != nil {
		return nil, nil, err
	}
	tab, cancel := b.NewIsolatedTab()
	if err := page.Open(tab); err != nil {
		cancel()
		_ = b.Close()
		return nil, nil, fmt.Errorf("opening a tab on %s: %w", r.Options.RemoteURL, err)
	}
	return tab, func() { cancel(); _ = b.Close() }, nil
}
