package portal

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
)

// htmlTab serves html and opens it in a fresh tab ready for the page layer,
// for tests of one engine rule on a small page of its own.
func htmlTab(t *testing.T, html string) context.Context {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, html) }))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(browsertest.Tab(t), time.Minute)
	t.Cleanup(cancel)
	if err := installHelpers(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	return ctx
}
