package page

import (
	"context"

	"github.com/chromedp/cdproto/animation"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// SetAnimationRate plays the tab's CSS transitions and animations rate
// times faster than written, in this document and the ones it loads later,
// as the DevTools animation panel does. The page runs the same transitions
// and fires the same events, only sooner.
func SetAnimationRate(ctx context.Context, rate float64) error {
	return Bounded(ctx, CallTimeout, "animation playback rate", func(ctx context.Context) error {
		// Enabled, the agent carries the rate over to each new document.
		if _, err := chromedp.Call(ctx, animation.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, animation.SetPlaybackRate, animation.SetPlaybackRateParams{PlaybackRate: rate})
		return err
	})
}
