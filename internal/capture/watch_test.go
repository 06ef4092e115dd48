package capture

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
)

// Watch saves each known page as a person reaches it, and the current page
// on Enter (a page no map knows as unknown-N).
func TestWatchSavesPagesAsAPersonWalks(t *testing.T) {
	sim := simtest.Start(t, portalsim.Options{Demo: true})
	ctx, cancel := context.WithTimeout(browsertest.Tab(t), 2*time.Minute)
	defer cancel()
	saved := make(chan *Snapshot, 10)
	enter := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, Options{Maps: loadMaps(t), Values: SimValues()}, enter,
			func(s *Snapshot) error { saved <- s; return nil },
			func(string, ...any) {})
	}()
	next := func(want string) *Snapshot {
		t.Helper()
		select {
		case s := <-saved:
			if s.Page != want {
				t.Fatalf("saved %s, want %s", s.Page, want)
			}
			assertScrubbed(t, s.Page, s.HTML)
			return s
		case <-time.After(30 * time.Second):
			t.Fatalf("%s was not saved", want)
		}
		return nil
	}
	visit := func(path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(sim.URL+path)); err != nil {
			t.Fatal(err)
		}
	}
	visit("/login")
	next("login")
	if err := simLogin(ctx); err != nil {
		t.Fatal(err)
	}
	visit("/apply/" + portalsim.DemoAppID + "/degree")
	if s := next("degree"); s.URL != "/apply/*/degree" {
		t.Errorf("URL %q", s.URL)
	}
	enter <- struct{}{}
	next("degree")
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	enter <- struct{}{}
	next("unknown-1")
	close(enter)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-saved:
		t.Errorf("unexpected save of %s", s.Page)
	default:
	}
}
