package page

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Install prepares a tab: the toast recorder in its current document and in
// every document it loads later, and the watch on its requests. Call it
// once per tab, before the first page is read.
//
// It also turns off the CSS domain that chromedp enables on attach: its
// agent tracks and reports every stylesheet of every document (the
// portal's Element UI theme, ~230 KB, at each page load), and nothing here
// reads styles through CDP (page functions use getComputedStyle). make
// bench: ~6 % less browser CPU and ~10 % less Go CPU an application, less
// than single runs spread. Only a saving, so a browser that refuses is not
// an error.
func Install(ctx context.Context) error {
	src, err := jsFS.ReadFile("js/recorder.js")
	if err != nil {
		return err
	}
	err = Bounded(ctx, CallTimeout, "installing the toast recorder", func(ctx context.Context) error {
		if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument,
			cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: string(src)}); err != nil {
			return err
		}
		_, _ = chromedp.Call(ctx, css.Disable, cdp.Empty{})
		return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src)))
	})
	if err != nil {
		return classify("installing the toast recorder", err)
	}
	WatchNetwork(ctx)
	return nil
}

// Toast is one el-message the page showed (js/recorder.js).
type Toast struct {
	Seq  int    `json:"seq"`
	Type string `json:"type"`
	Text string `json:"text"`
}

// ToastSeq is the number of the last toast the page showed.
func ToastSeq(ctx context.Context) int {
	n, _ := Call[int](ctx, "last_seq")
	return n
}

// ToastsSince lists the toasts the page showed after seq.
func ToastsSince(ctx context.Context, seq int) []Toast {
	t, _ := Call[[]Toast](ctx, "toasts_since", seq)
	return t
}

// Location returns the tab's URL ("" when the tab does not answer).
func Location(ctx context.Context) string {
	var url string
	_ = Bounded(ctx, CallTimeout, "location", func(ctx context.Context) error {
		var err error
		url, err = chromedp.Run(ctx, chromedp.Location())
		return err
	})
	return url
}
