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

// call runs window.__af.fn(args…) in the page and decodes its result. A
// document that has lost the helpers (a navigation raced the install) gets
// them again.
func call[T any](ctx context.Context, fn string, args ...any) (T, error) {
	parts := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			var zero T
			return zero, err
		}
		parts[i] = string(b)
	}
	expr := "window.__af." + fn + "(" + strings.Join(parts, ",") + ")"
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil && strings.Contains(err.Error(), "__af") {
		if ierr := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](helpersJS)); ierr == nil {
			v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr))
		}
	}
	return v, err
}

// errTimeout is wrapped by waitFor's error when the deadline passes.
var errTimeout = errors.New("timed out")

// pollEvery is how often a condition is checked while waiting. It is not a
// delay before acting: every wait ends as soon as its condition holds.
const pollEvery = 40 * time.Millisecond

// waitFor checks cond until it reports done, an error that is not transient,
// or the deadline. Errors from a page that is navigating (no execution
// context, detached nodes) count as "not yet".
func waitFor(ctx context.Context, timeout time.Duration, what string, cond func() (bool, error)) error {
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
			if !transient(err) {
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

// transient reports errors that a page in the middle of loading produces.
func transient(err error) bool {
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
