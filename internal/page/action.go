package page

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Point is where a click would land and what is there (js/actionable.js):
// the facts the actionability checks and the click guard look at.
type Point struct {
	OK       bool    `json:"ok"`
	Gone     bool    `json:"gone"`
	Reason   string  `json:"reason"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
	W        float64 `json:"w"`
	H        float64 `json:"h"`
	Covered  bool    `json:"covered"`
	By       string  `json:"by"`   // what covers it
	Text     string  `json:"text"` // the text of the control the click acts on
	Disabled bool    `json:"disabled"`
	Never    string  `json:"never"` // the never_click selector it falls under
}

// Box is an element's border box in the window: left, top, width, height.
type Box [4]float64

// Guard is the click policy: it sees the control under the pointer, after
// scrolling and every check, and refuses what must never be clicked. Every
// click of this package passes one; there is no click without it.
type Guard func(Point) error

// Clicker clicks with one guard and one set of never_click selectors.
type Clicker struct {
	Guard   Guard
	Never   []string      // never_click selectors of the page map
	Timeout time.Duration // how long to wait for the target to be actionable
}

// NotActionableError says a click's target did not become actionable
// before the deadline, and why (covered by what, disabled, moving, gone).
type NotActionableError struct {
	What  string
	Point Point
	After time.Duration
}

func (e *NotActionableError) Error() string {
	p := e.Point
	why := p.Reason
	switch {
	case p.Gone:
		why = "it left the page"
	case p.Covered:
		why = "covered by " + p.By
	case p.Disabled:
		why = "the control is disabled"
	case why == "":
		why = "not ready"
	}
	return fmt.Sprintf("click %s: %s after %s", e.What, why, e.After)
}

func (e *NotActionableError) Unwrap() error {
	if e.Point.Gone {
		return ErrDetached
	}
	return ErrTimeout
}

// Actionable waits in the page until el can take a click (js/actionable.js)
// and returns where. seen, when not nil, is the box a page function saw el
// keep over two animation frames: el still there is stable at once.
func (c Clicker) Actionable(ctx context.Context, el Element, what string, nearest bool, seen *Box) (Point, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	p, err := CallOn[Point](ctx, el, "actionable", map[string]any{
		"nearest": nearest, "never": c.Never, "timeoutMs": timeout.Milliseconds(), "seen": seen,
	})
	if err != nil {
		return p, err
	}
	if !p.OK {
		return p, &NotActionableError{What: what, Point: p, After: timeout}
	}
	return p, nil
}

// Click waits until el is actionable, passes the guard, and sends a real
// mouse click at its centre.
func (c Clicker) Click(ctx context.Context, el Element, what string) error {
	return c.click(ctx, el, what, false, nil)
}

// ClickNearest is Click for an item of a dropdown, scrolled only as far as
// needed (centring it would scroll the dropdown's list). seen is the box
// the page function that found the item saw it keep over two frames (nil
// when it did not wait for that): an item that has not moved since is
// stable without waiting two more.
func (c Clicker) ClickNearest(ctx context.Context, el Element, what string, seen *Box) error {
	return c.click(ctx, el, what, true, seen)
}

func (c Clicker) click(ctx context.Context, el Element, what string, nearest bool, seen *Box) error {
	if c.Guard == nil {
		return errors.New("click " + what + ": no click guard (a click without the guard is a bug)")
	}
	p, err := c.Actionable(ctx, el, what, nearest, seen)
	if err != nil {
		return err
	}
	if err := c.Guard(p); err != nil {
		return err
	}
	return MouseClick(ctx, p.X, p.Y)
}

// ClickAt sends the click at p after the guard: for callers that located
// and checked the target themselves (the recorder's replay).
func ClickAt(ctx context.Context, guard Guard, p Point) error {
	if guard == nil {
		return errors.New("click: no click guard")
	}
	if err := guard(p); err != nil {
		return err
	}
	return MouseClick(ctx, p.X, p.Y)
}

// MouseClick presses and releases at (x, y). It sends no move first: the
// browser hit-tests a press itself and sends the pointer's boundary events
// (mouseover, mouseenter) before it, as a person's mouse arriving there
// would (TestBrowser/click/hover), while a move costs a frame of waiting
// per click. It does not check anything: use Clicker.Click.
func MouseClick(ctx context.Context, x, y float64) error {
	return Bounded(ctx, CallTimeout, "click", func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.MouseClickXY(x, y))
	})
}

// Key sends one key press (keydown/keyup) with the codes the page's
// handlers look at (Element UI reads keyCode).
func Key(ctx context.Context, name string, code int64) error {
	return Bounded(ctx, CallTimeout, "key "+name, func(ctx context.Context) error {
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

// Enter and Escape press those keys.
func Enter(ctx context.Context) error  { return Key(ctx, "Enter", 13) }
func Escape(ctx context.Context) error { return Key(ctx, "Escape", 27) }

// InsertText types text into the focused control in one step; key-by-key
// typing drops CJK characters and costs three protocol calls a character.
func InsertText(ctx context.Context, text string) error {
	return Bounded(ctx, CallTimeout, "typing", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	})
}

// Query finds the one visible element of css (strict: no match or several
// is a StrictError).
func Query(ctx context.Context, css string) (Element, error) {
	r, el, err := Locate[struct {
		Count int    `json:"count"`
		Error string `json:"error"`
	}](ctx, "", "query", css)
	if err != nil {
		return "", err
	}
	if r.Error != "" {
		return "", fmt.Errorf("selector %q: %s", css, r.Error)
	}
	if el == "" {
		return "", &StrictError{CSS: css, Count: r.Count}
	}
	return el, nil
}
