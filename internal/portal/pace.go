package portal

import (
	"context"

	"github.com/chromedp/cdproto/animation"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// animationRate is how much faster than written the tab plays CSS
// transitions and animations. Element UI opens every dropdown, picker and
// dialog with a 0.3 s transition that the engine must wait out before it
// clicks inside (a click during the opening once chose the wrong country);
// at 10× the wait is a frame or two. Nothing else changes: the page runs
// the same transitions and fires the same events, only sooner.
const animationRate = 10

// quickAnimations sets the tab's animation playback rate, as the DevTools
// animation panel does. A browser that refuses leaves the normal pace.
func quickAnimations(ctx context.Context) error {
	return bounded(ctx, callTimeout, "animation playback rate", func(ctx context.Context) error {
		if _, err := chromedp.Call(ctx, animation.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, animation.SetPlaybackRate, animation.SetPlaybackRateParams{PlaybackRate: animationRate})
		return err
	})
}
