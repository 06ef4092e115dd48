package page

import (
	"context"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Install prepares a tab: the toast recorder in its current document and in
// every document it loads later, and the watch on its requests. Call it
// once per tab, before the first page is read.
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
