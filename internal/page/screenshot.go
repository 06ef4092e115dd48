package page

import (
	"context"
	"errors"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ViewportJPEG is a JPEG of what the window shows (quality 0–100): tens of
// milliseconds, where a full-page PNG of a long form takes a hundred or more.
func ViewportJPEG(ctx context.Context, quality int64) ([]byte, error) {
	return capture(ctx, cdppage.CaptureScreenshotParams{
		Format: cdppage.CaptureScreenshotFormatJpeg, Quality: &quality, OptimizeForSpeed: ptr(true),
	})
}

// FullPNG is a PNG of the whole page, beyond what the window shows,
// compressed for speed: a third larger than Chrome's default PNG, taken in
// about 100 ms instead of 150 ms for a long form on two cores.
func FullPNG(ctx context.Context) ([]byte, error) {
	return captureFor(ctx, 2*CallTimeout, cdppage.CaptureScreenshotParams{
		Format: cdppage.CaptureScreenshotFormatPng, CaptureBeyondViewport: ptr(true), FromSurface: ptr(true), OptimizeForSpeed: ptr(true),
	})
}

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
	return capture(ctx, cdppage.CaptureScreenshotParams{
		Format: cdppage.CaptureScreenshotFormatPng, CaptureBeyondViewport: ptr(true), FromSurface: ptr(true),
		Clip: &cdppage.Viewport{X: r.X, Y: r.Y, Width: r.W, Height: r.H, Scale: 1},
	})
}

func capture(ctx context.Context, p cdppage.CaptureScreenshotParams) ([]byte, error) {
	return captureFor(ctx, CallTimeout, p)
}

func captureFor(ctx context.Context, d time.Duration, p cdppage.CaptureScreenshotParams) ([]byte, error) {
	var img []byte
	err := Bounded(ctx, d, "screenshot", func(ctx context.Context) error {
		res, err := chromedp.Call(ctx, cdppage.CaptureScreenshot, p)
		img = res.Data
		return err
	})
	return img, classify("screenshot", err)
}
