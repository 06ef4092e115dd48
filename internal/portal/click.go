package portal

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
)

// Point is where a click would land, and what is there: what CheckClick
// judges (page.Point carries the same facts for the page layer's clicks).
type Point struct {
	Found    bool    `json:"found"`
	Count    int     `json:"count"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	Covered  bool    `json:"covered"`
	By       string  `json:"by"`
	Text     string  `json:"text"`
	Disabled bool    `json:"disabled"`
	Never    string  `json:"never"`
	Error    string  `json:"error"`
}

// Words on a control that mean money or a final submission. The guard
// refuses them on the confirm and payment pages (DESIGN.md, safety rails);
// 支付 is refused everywhere.
var submitWords = []string{"提交", "支付"}

// CheckClick is the one policy every click of the tool passes, in the
// engine and in `autofill record` alike. It refuses never_click targets
// (p.Never), anything that says 支付, and anything that says 提交 on the
// confirm and payment pages, on 补材料 and 复核 (whose 提交 is final too) or
// on a page it does not know (page ""). It is
// applied to the element actually under the pointer, after scrolling, so a
// changed page cannot slip one through.
func CheckClick(page string, p Point) error {
	if p.Never != "" {
		return &ForbiddenClick{Page: page, Text: p.Text, Why: "it is on the never_click list (" + p.Never + ")"}
	}
	if strings.Contains(p.Text, "支付") {
		return &ForbiddenClick{Page: page, Text: p.Text, Why: "it pays"}
	}
	if page == "confirm" || page == "payment" || page == "supplement" || page == "review" || page == "" {
		for _, w := range submitWords {
			if strings.Contains(p.Text, w) {
				return &ForbiddenClick{Page: page, Text: p.Text, Why: "it submits"}
			}
		}
	}
	return nil
}

// Guard is CheckClick on page (a map's page id) as the page layer's click
// guard: it judges the control under the pointer.
func Guard(pageID string) page.Guard {
	return func(p page.Point) error {
		if err := CheckClick(pageID, Point{Found: true, X: p.X, Y: p.Y, Text: p.Text, Disabled: p.Disabled, Never: p.Never}); err != nil {
			return failure(err)
		}
		return nil
	}
}

// guard is the click policy of the page the run is on.
func (r *runner) guard(p page.Point) error { return Guard(r.page)(p) }

// clicker is the page layer's clicker with the run's guard and the page's
// never_click selectors.
func (r *runner) clicker() page.Clicker {
	return page.Clicker{Guard: r.guard, Never: r.never, Timeout: r.opts.StepTimeout}
}

// env is what the widget drivers share while filling a page.
func (r *runner) env() *page.Env {
	return &page.Env{Click: r.clicker(), Timeout: r.opts.StepTimeout}
}

// clickCSS clicks the single visible element of css.
func (r *runner) clickCSS(ctx context.Context, css, why string) error {
	return r.clickWhen(ctx, why, r.guard, func() (page.Element, error) { return page.Query(ctx, css) })
}

// clickID clicks an element the page layer holds a handle on.
func (r *runner) clickID(ctx context.Context, id, why string) error {
	return r.clickWhen(ctx, why, r.guard, func() (page.Element, error) { return page.Element(id), nil })
}

// clickWhen waits until the target is there and actionable (one match,
// visible, still, uncovered, enabled: page.Clicker), passes guard, and
// clicks it. A notice (系统公告) that opened after the page settled and
// covers the target is dismissed as the map says.
func (r *runner) clickWhen(ctx context.Context, why string, guard page.Guard, locate func() (page.Element, error)) error {
	deadline := time.Now().Add(r.opts.StepTimeout)
	for {
		el, err := locate()
		if err == nil {
			c := r.clicker()
			c.Guard = guard
			c.Timeout = min(max(time.Until(deadline), 100*time.Millisecond), 2*time.Second)
			if err = c.Click(ctx, el, why); err == nil {
				return nil
			}
			var na *page.NotActionableError
			if errors.As(err, &na) && na.Point.Covered && !r.dismissing && r.pageMap != nil && len(r.pageMap.Dismiss) > 0 {
				r.dismissing = true
				derr := r.dismiss(ctx, r.pageMap)
				r.dismissing = false
				if derr != nil {
					return derr
				}
			}
		}
		var na *page.NotActionableError
		var se *page.StrictError
		if !page.Transient(err) && !errors.As(err, &na) && !errors.As(err, &se) {
			return err
		}
		if time.Now().After(deadline) {
			switch {
			case se != nil && se.Count > 1:
				return fmt.Errorf("click %s: %d elements match; expected one: %w", why, se.Count, errTimeout)
			case se != nil:
				return fmt.Errorf("click %s: not on the page: %w", why, errTimeout)
			}
			return fmt.Errorf("%w: %w", err, errTimeout)
		}
		if na == nil {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(pollEvery):
			}
		}
	}
}

// pollEvery is how often a missing click target is looked for again.
const pollEvery = 40 * time.Millisecond

// key sends one key press with the codes the page's handlers look at.
func key(ctx context.Context, name string, code int64) error { return page.Key(ctx, name, code) }

// insertText types text into the focused control in one step.
func insertText(ctx context.Context, text string) error { return page.InsertText(ctx, text) }

// toast is one el-message the page showed.
type toast = page.Toast

// toastSeq marks where the page's toasts and responses stand now; the
// engine asks toastsSince and responsesSince with it.
func (r *runner) toastSeq(ctx context.Context) mark { return markNow(ctx) }

func (r *runner) toastsSince(ctx context.Context, seq mark) []toast {
	return page.ToastsSince(ctx, seq.toast)
}

// deadline is a short helper for the common per-step timeout.
func (r *runner) deadline() time.Duration { return r.opts.StepTimeout }
