package page

import (
	"context"
	"errors"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ElementPNG is a PNG of what el shows (a QR code to forward), taken by
// its box in the document, whether or not the window shows all of it.
func ElementPNG(ctx context.Context, el Element) ([]byte, error) {
	r, err := CallOn[struct{ X, Y, W, H float64 }](ctx, el, "client_rect")
	if err != nil {
		return nil, err
	}
	if r.W <= 0 || r.H <= 0 {
		return nil, errors.New("the element shows nothing to take a picture of")
	}
	var png []byte
	err = Bounded(ctx, CallTimeout, "screenshot", func(ctx context.Context) error {
		res, err := chromedp.Call(ctx, cdppage.CaptureScreenshot, cdppage.CaptureScreenshotParams{
			Format: cdppage.CaptureScreenshotFormatPng, CaptureBeyondViewport: ptr(true), FromSurface: ptr(true),
			Clip: &cdppage.Viewport{X: r.X, Y: r.Y, Width: r.W, Height: r.H, Scale: 1},
		})
		png = res.Data
		return err
	})
	return png, classify("screenshot", err)
}
