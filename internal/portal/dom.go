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
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: helpersJS}); err != nil {
		return fmt.Errorf("installing page helpers: %w", err)
	}
	return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS))
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
	return chromedp.Run(ctx, chromedp.Evaluate[T]("window."+fn+"("+strings.Join(parts, ",")+")"))
}

// call runs one of the helpers (window.__af.fn). A document that has lost
// them (a navigation raced the install) gets them again.
func call[T any](ctx context.Context, fn string, args ...any) (T, error) {
	v, err := CallJS[T](ctx, "__af."+fn, args...)
	if err != nil && strings.Contains(err.Error(), "__af") {
		if ierr := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS)); ierr == nil {
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
