package portal

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Point is where a click would land, and what is there (helpers.js point()).
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

// Click sends a real mouse click at p after CheckClick.
func Click(ctx context.Context, page string, p Point) error {
	if err := CheckClick(page, p); err != nil {
		return failure(err)
	}
	return mouseClick(ctx, p.X, p.Y)
}

// clickCSS clicks the single visible element of css.
func (r *runner) clickCSS(ctx context.Context, css, why string) error {
	return r.clickWhen(ctx, why, func() (Point, error) {
		return call[Point](ctx, "target", css, r.never)
	})
}

// clickID clicks an element tagged by the helpers (data-af).
func (r *runner) clickID(ctx context.Context, id, why string) error {
	return r.clickWhen(ctx, why, func() (Point, error) {
		return call[Point](ctx, "targetId", id, r.never, false)
	})
}

// clickWhen waits until the target is there, enabled, not moving and not
// covered (a dropdown closing, a dialog mask fading), checks the guard,
// then sends a real mouse click at its centre.
func (r *runner) clickWhen(ctx context.Context, why string, locate func() (Point, error)) error {
	var p, prev Point
	err := waitFor(ctx, r.opts.StepTimeout, "click "+why, func() (bool, error) {
		var err error
		p, err = locate()
		if err != nil {
			return false, err
		}
		if p.Error != "" {
			return false, fmt.Errorf("selector: %s", p.Error)
		}
		stable := p.Found && prev.Found && p.X == prev.X && p.Y == prev.Y
		prev = p
		if p.Covered && !r.dismissing && r.pageMap != nil && len(r.pageMap.Dismiss) > 0 {
			// A notice (系统公告) that opened after the page settled.
			r.dismissing = true
			err := r.dismiss(ctx, r.pageMap)
			r.dismissing = false
			if err != nil {
				return false, err
			}
		}
		return p.Found && !p.Covered && !p.Disabled && stable, nil
	})
	if err != nil {
		switch {
		case !p.Found && p.Count > 1:
			return fmt.Errorf("click %s: %d elements match; expected one: %w", why, p.Count, err)
		case !p.Found:
			return fmt.Errorf("click %s: not on the page: %w", why, err)
		case p.Covered:
			return fmt.Errorf("click %s: covered by %s: %w", why, p.By, err)
		case p.Disabled:
			return fmt.Errorf("click %s: the control is disabled: %w", why, err)
		}
		return err
	}
	return Click(ctx, r.page, p)
}

// mouseClick moves, presses and releases at (x, y), as a person's mouse does.
func mouseClick(ctx context.Context, x, y float64) error {
	return bounded(ctx, callTimeout, "click", func(ctx context.Context) error {
		return chromedp.Do(ctx,
			chromedp.MouseEvent(chromedp.MouseMoved, x, y),
			chromedp.MouseClickXY(x, y),
		)
	})
}

// key sends one key press (keydown/keyup) with the codes the page's handlers
// look at (Element UI reads keyCode).
func key(ctx context.Context, name string, code int64) error {
	return bounded(ctx, callTimeout, "key "+name, func(ctx context.Context) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: name, Code: name, WindowsVirtualKeyCode: code, NativeVirtualKeyCode: code,
			}); err != nil {
				return err
			}
		}
		return nil
	})
}

func pressEnter(ctx context.Context) error  { return key(ctx, "Enter", 13) }
func pressEscape(ctx context.Context) error { return key(ctx, "Escape", 27) }

// insertText types text into the focused control in one step; key-by-key
// typing drops CJK characters and costs three protocol calls per character.
func insertText(ctx context.Context, text string) error {
	return bounded(ctx, callTimeout, "typing", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

// toast is one el-message the page showed (helpers.js msgs).
type toast struct {
	Seq  int    `json:"seq"`
	Type string `json:"type"`
	Text string `json:"text"`
}

func (r *runner) toastSeq(ctx context.Context) int {
	n, err := call[int](ctx, "lastSeq")
	if err != nil {
		return 0
	}
	return n
}

func (r *runner) toastsSince(ctx context.Context, seq int) []toast {
	t, _ := call[[]toast](ctx, "messagesSince", seq)
	return t
}

// deadline is a short helper for the common per-step timeout.
func (r *runner) deadline() time.Duration { return r.opts.StepTimeout }
