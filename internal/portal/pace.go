package portal

import (
	"context"

	"github.com/cscse-tools/autofill/internal/page"
)

// animationRate is how much faster than written the tab plays CSS
// transitions and animations. Element UI opens every dropdown, picker and
// dialog with a 0.3 s transition that the engine must wait out before it
// clicks inside (a click during the opening once chose the wrong country);
// at 10× the wait is a frame or two. Nothing else changes: the page runs
// the same transitions and fires the same events, only sooner.
const animationRate = 10

// quickAnimations sets the tab's animation playback rate. A browser that
// refuses leaves the normal pace.
func quickAnimations(ctx context.Context) error {
	return page.SetAnimationRate(ctx, animationRate)
}
