package screenshot

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// CaptureViewport takes a JPEG of what the window shows, masked as Capture
// masks: a few tens of milliseconds where a full-page PNG of a long form
// takes a few hundred, so the run can take one of every page without
// waiting for it. quality is the JPEG quality (0–100).
func CaptureViewport(ctx context.Context, mask func(string) string, quality int64) ([]byte, error) {
	_, err := Cover(ctx, mask)
	defer Uncover(ctx)
	if err != nil {
		return nil, fmt.Errorf("covering personal data for the screenshot: %w", err)
	}
	fast := true
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatJpeg, Quality: &quality, OptimizeForSpeed: &fast,
	})
	return res.Data, err
}
