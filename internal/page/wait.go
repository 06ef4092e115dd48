package page

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// pollEvery is how often WaitFor checks a condition that lives in Go.
const pollEvery = 40 * time.Millisecond

// WaitFor checks cond until it reports done, an error that is not
// Transient, or the deadline. Use it only where the condition lives in Go
// (it combines several page facts, or the network's state); a condition of
// the page is waited for in the page (Until, and the page functions that
// poll on animation frames).
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
			te := &TimeoutError{What: what, After: timeout}
			if last != nil {
				te.Last = "last error: " + last.Error()
			}
			return te
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Polling is how Until re-checks its function in the page.
type Polling int

const (
	OnFrame    Polling = iota // every animation frame: for styles and positions
	OnMutation                // on every DOM mutation: for content
)

// Until waits in the page until page function name (called without an
// element) returns a truthy value, and decodes that value into T. It is
// chromedp.PollFunction with the page function's declaration; a navigation
// during the wait restarts it on the new document until the deadline.
func Until[T any](ctx context.Context, timeout time.Duration, what string, poll Polling, name string, args ...any) (T, error) {
	body, err := jsFS.ReadFile("js/" + name + ".js")
	if err != nil {
		var zero T
		return zero, fmt.Errorf("no page function %s: %w", name, err)
	}
	return until[T](ctx, timeout, what, poll, pollDeclaration(string(body)), args)
}

// UntilFunc is Until for a page function another package keeps.
func UntilFunc[T any](ctx context.Context, timeout time.Duration, what string, poll Polling, f Func, args ...any) (T, error) {
	return until[T](ctx, timeout, what, poll, pollDeclaration(f.Source), args)
}

func until[T any](ctx context.Context, timeout time.Duration, what string, poll Polling, decl string, args []any) (T, error) {
	var zero T
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return zero, &TimeoutError{What: what, After: timeout}
		}
		opts := []chromedp.PollOption{chromedp.WithPollingTimeout(left), chromedp.WithPollingArgs(args...)}
		if poll == OnMutation {
			opts = append(opts, chromedp.WithPollingMutation())
		}
		var v T
		err := Bounded(ctx, left+CallTimeout, what, func(ctx context.Context) error {
			var err error
			v, err = chromedp.Run(ctx, chromedp.PollFunction[T](decl, opts...))
			return err
		})
		switch {
		case err == nil:
			return v, nil
		case errors.Is(err, chromedp.ErrPollingTimeout):
			return zero, &TimeoutError{What: what, After: timeout}
		}
		if err = classify(what, err); !Transient(err) {
			return zero, err
		}
		select {
		case <-ctx.Done():
			return zero, ctx.Err()
		case <-time.After(pollEvery):
		}
	}
}

// pollDeclaration is a page function's source as PollFunction wants it: a
// plain function of the arguments, with the prelude bound.
func pollDeclaration(body string) string {
	prelude, _ := jsFS.ReadFile("js/prelude.js")
	return "(...a) => (" + stripComments(body) + ").apply(null, [(" + stripComments(string(prelude)) + ")(), ...a])"
}

// Settled waits until the page is ready to be read (js/settled.js: mounted,
// no loading mask, no DOM change for two animation frames) and the network
// has no request of the page in flight.
func Settled(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if err := NetworkIdle(ctx, time.Until(deadline)); err != nil {
			return err
		}
		type state struct {
			OK      bool `json:"ok"`
			Mounted bool `json:"mounted"`
			Masked  bool `json:"masked"`
		}
		left := time.Until(deadline)
		st, err := CallOn[state](ctx, "", "settled", max(left, 0).Milliseconds())
		switch {
		case err != nil && !Transient(err):
			return err
		case err == nil && st.OK && Idle(ctx):
			return nil
		case time.Now().After(deadline):
			last := "the DOM keeps changing"
			switch {
			case err != nil:
				last = err.Error()
			case !st.Mounted:
				last = "the page's scripts have not rendered it"
			case st.Masked:
				last = "a loading mask shows"
			case !Idle(ctx):
				last = "requests are in flight"
			}
			return &TimeoutError{What: "the page to finish loading", After: timeout, Last: last}
		}
	}
}

// UntilCount waits in the page, on every DOM mutation, until css matches
// exactly n visible elements.
func UntilCount(ctx context.Context, timeout time.Duration, what, css string, n int) error {
	_, err := Until[bool](ctx, timeout, what, OnMutation, "count_is", css, n)
	return err
}
