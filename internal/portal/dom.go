package portal

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

//go:embed helpers.js
var helpersJS string

// installHelpers makes the in-page helpers present in the current document and
// in every document the tab loads later.
func installHelpers(ctx context.Context) error {
	return bounded(ctx, callTimeout, "installing page helpers", func(ctx context.Context) error {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: helpersJS}); err != nil {
			return fmt.Errorf("installing page helpers: %w", err)
		}
		return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS))
	})
}

// Deadlines of single exchanges with the browser. Waits for the page are
// WaitFor's business; these bound one evaluation, click, key press or
// screenshot, so that a frozen tab (a renderer that stopped answering) ends
// the run with a clear error instead of hanging it.
const (
	callTimeout = 30 * time.Second
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

// CallJS runs window.<fn>(args…) in the page (fn is a dotted path, such as
// "__af.detect") with the arguments as JSON, and decodes the result.
func CallJS[T any](ctx context.Context, fn string, args ...any) (T, error) {
	parts := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			var zero T
			return zero, err
		}
		parts[i] = string(b)
	}
	return evalJS[T](ctx, "window."+fn+"("+strings.Join(parts, ",")+")")
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
func location(ctx context.Context) string {
	var url string
	_ = bounded(ctx, callTimeout, "location", func(ctx context.Context) error {
		var err error
		url, err = chromedp.Run(ctx, chromedp.Location())
		return err
	})
	return url
}

// call runs one of the helpers (window.__af.fn). A document that has lost
// them (a navigation raced the install) gets them again.
func call[T any](ctx context.Context, fn string, args ...any) (T, error) {
	v, err := CallJS[T](ctx, "__af."+fn, args...)
	if err != nil && strings.Contains(err.Error(), "__af") {
		if ierr := bounded(ctx, callTimeout, "reinstalling page helpers", func(ctx context.Context) error {
			return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS))
		}); ierr == nil {
			v, err = CallJS[T](ctx, "__af."+fn, args...)
		}
	}
	return v, err
}

// ErrTimeout is wrapped by WaitFor's error when the deadline passes.
var ErrTimeout = errors.New("timed out")

// errTimeout is the package's short name for ErrTimeout.
var errTimeout = ErrTimeout

// pollEvery is how often a condition is checked while waiting. It is not a
// delay before acting: every wait ends as soon as its condition holds.
const pollEvery = 40 * time.Millisecond

// WaitFor checks cond until it reports done, an error that is not transient,
// or the deadline. Errors from a page that is navigating (no execution
// context, detached nodes) count as "not yet". It is the one way the tool
// waits on a page: for a condition, with a deadline.
func WaitFor(ctx context.Context, timeout time.Duration, what string, cond func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	t := time.NewTicker(pollEvery)
	defer t.Stop()
	var last error
	for {
		done, err := cond()
		if err == nil && done {
			return nil
		}
		if err != nil {
			if !Transient(err) {
				return err
			}
			last = err
		}
		if time.Now().After(deadline) {
			if last != nil {
				return fmt.Errorf("%s: %w after %s (last error: %v)", what, errTimeout, timeout, last)
			}
			return fmt.Errorf("%s: %w after %s", what, errTimeout, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func waitFor(ctx context.Context, timeout time.Duration, what string, cond func() (bool, error)) error {
	return WaitFor(ctx, timeout, what, cond)
}

// Transient reports errors that a page in the middle of loading produces.
func Transient(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	for _, p := range []string{"Execution context was destroyed", "Cannot find context", "context with specified id", "Inspected target navigated", "__af", "No node", "not attached", "Object reference chain"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
