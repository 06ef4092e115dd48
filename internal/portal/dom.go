package portal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/page"
)

// installHelpers prepares the tab for the page layer (the toast recorder,
// the watch on its requests). Nothing else is installed in the portal.
func installHelpers(ctx context.Context) error { return page.Install(ctx) }

// Deadlines of single exchanges with the browser. Waits for the page have
// their own deadlines; these bound one evaluation, click, key press or
// screenshot, so that a frozen tab ends the run with a clear error.
const (
	callTimeout = page.CallTimeout
	navTimeout  = 90 * time.Second // the portal is slow in graduation season
)

// bounded runs f with a context that ends after d, and names a timeout of
// the browser as such (not as the run's own deadline).
func bounded(ctx context.Context, d time.Duration, what string, f func(context.Context) error) error {
	tctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	err := f(tctx)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: the browser did not answer within %s (is the tab frozen? close it and run again): %w", what, d, err)
	}
	return err
}

// evalJS evaluates a JavaScript expression in the page, bounded.
func evalJS[T any](ctx context.Context, expr string) (T, error) {
	var v T
	err := bounded(ctx, callTimeout, "evaluate", func(ctx context.Context) error {
		var err error
		v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr))
		return err
	})
	return v, err
}

// location returns the tab's URL ("" when the tab does not answer).
func location(ctx context.Context) string { return page.Location(ctx) }

// call runs a page function by the engine's old name for it. Elements are
// page-layer handles (page.Element), passed as strings; a function that
// finds an element returns its handle.
func call[T any](ctx context.Context, fn string, args ...any) (T, error) {
	var zero T
	v, err := callAny(ctx, fn, args)
	if err != nil {
		return zero, err
	}
	if t, ok := v.(T); ok {
		return t, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return zero, err
	}
	var t T
	err = json.Unmarshal(b, &t)
	return t, err
}

func callAny(ctx context.Context, fn string, args []any) (any, error) {
	el := func(i int) page.Element { s, _ := args[i].(string); return page.Element(s) }
	switch fn {
	case "visibleCount":
		return page.Call[int](ctx, "visible_count", args...)
	case "text":
		return page.Call[string](ctx, "text", args...)
	case "tableRows":
		return page.Call[[][]string](ctx, "table_rows", args...)
	case "tableHeaders":
		return page.Call[[]string](ctx, "table_headers", args...)
	case "formErrors":
		return page.Call[[]FormError](ctx, "form_errors", args...)
	case "dialogs":
		return page.Call[[]dialog](ctx, "dialogs", args...)
	case "detect":
		return page.Call[[]string](ctx, "detect", args...)
	case "pairs":
		return page.Call[[]summaryPair](ctx, "pairs", args...)
	case "buttons":
		return page.Call[[]string](ctx, "buttons", args...)
	case "unknownRequired":
		id, err := page.Identify(ctx, nil, args[0].([]string), args[1].(string))
		return id.Unknown, err
	case "idle":
		return idle(ctx)
	case "rowButton":
		_, b, err := page.Locate[struct{}](ctx, "", "row_button", args...)
		return string(b), err
	case "uploadItem":
		_, n, err := page.Locate[struct{}](ctx, el(0), "upload_item", args[1:]...)
		return string(n), err
	case "responsesSince":
		return page.ResponsesSince(ctx, markOf(args[0]).net), nil
	case "readAll":
		ids := args[0].([][2]string)
		els, kinds := make([]page.Element, len(ids)), make([]string, len(ids))
		for i, x := range ids {
			els[i], kinds[i] = page.Element(x[0]), x[1]
		}
		return page.ReadAll(ctx, els, kinds)
	}
	return nil, fmt.Errorf("no page function %s", fn)
}

// idle reports, without waiting long, that the page is ready to be read:
// no request in flight, and the page settled for two animation frames.
func idle(ctx context.Context) (bool, error) {
	if !page.Idle(ctx) {
		return false, nil
	}
	st, err := page.Call[struct {
		OK bool `json:"ok"`
	}](ctx, "settled", 100)
	return st.OK && err == nil, err
}

// A mark is where the page's toasts and responses stood at a moment: the
// engine asks for "what came after" with the int toastSeq gave it.
type mark struct{ toast, net int }

var (
	marksMu sync.Mutex
	marks   []mark
)

func newMark(ctx context.Context) int {
	m := mark{page.ToastSeq(ctx), page.ResponseSeq(ctx)}
	marksMu.Lock()
	defer marksMu.Unlock()
	marks = append(marks, m)
	return len(marks)
}

func markOf(v any) mark {
	n, _ := v.(int)
	marksMu.Lock()
	defer marksMu.Unlock()
	if n <= 0 || n > len(marks) {
		return mark{}
	}
	return marks[n-1]
}

// ErrTimeout is wrapped by WaitFor's error when the deadline passes.
var ErrTimeout = page.ErrTimeout

// errTimeout is the package's short name for ErrTimeout.
var errTimeout = ErrTimeout

// WaitFor is page.WaitFor: for conditions that live in Go.
func WaitFor(ctx context.Context, timeout time.Duration, what string, cond func() (bool, error)) error {
	return page.WaitFor(ctx, timeout, what, cond)
}

func waitFor(ctx context.Context, timeout time.Duration, what string, cond func() (bool, error)) error {
	return page.WaitFor(ctx, timeout, what, cond)
}

// Transient reports errors of a page in the middle of loading (page's
// error classes: a NavigationError or a detached element).
func Transient(err error) bool { return page.Transient(err) }
