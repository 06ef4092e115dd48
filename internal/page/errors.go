package page

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// NavigationError says the document went away under a call: the page
// navigated or reloaded (its execution context was destroyed), or an element
// handle belongs to a document that is gone. A wait treats it as "not yet";
// anything else reports it as the page having moved on.
type NavigationError struct {
	Op  string // the page function or protocol call
	Err error
}

func (e *NavigationError) Error() string {
	return e.Op + ": the page changed under the call (it navigated or reloaded): " + e.Err.Error()
}
func (e *NavigationError) Unwrap() error { return e.Err }

// ErrDetached is wrapped by errors about an element that is no longer in
// the document (Vue re-rendered it, or the page moved on).
var ErrDetached = errors.New("the element is no longer in the page")

// ErrTimeout is wrapped by every error of a wait whose deadline passed.
var ErrTimeout = errors.New("timed out")

// TimeoutError says what a wait waited for, how long, and what it saw last.
type TimeoutError struct {
	What  string
	After time.Duration
	Last  string // the last state or error seen, for the message
}

func (e *TimeoutError) Error() string {
	s := fmt.Sprintf("%s: %s after %s", e.What, ErrTimeout, e.After)
	if e.Last != "" {
		s += " (" + e.Last + ")"
	}
	return s
}
func (e *TimeoutError) Unwrap() error { return ErrTimeout }

// StrictError says a selector that must find one element found another
// number of them (Playwright's strict mode): never a guess between two.
type StrictError struct {
	CSS   string
	Count int
}

func (e *StrictError) Error() string {
	if e.Count == 0 {
		return fmt.Sprintf("%q matches no visible element", e.CSS)
	}
	return fmt.Sprintf("%q matches %d visible elements; expected one", e.CSS, e.Count)
}

// Transient reports errors that a page in the middle of loading produces:
// a NavigationError or a detached element.
func Transient(err error) bool {
	var n *NavigationError
	return errors.As(err, &n) || errors.Is(err, ErrDetached)
}

// The protocol's words for a document or object that went away. This is
// the one place the browser's messages are read; everything above it
// switches on NavigationError and ErrDetached.
var (
	goneContext = []string{"Execution context was destroyed", "Cannot find context", "context with specified id", "Inspected target navigated", "Cannot find default execution context"}
	goneObject  = []string{"Could not find object with given id", "No node with given id", "No node found", "Node is detached", "not attached", "Object reference chain", "Cannot find object"}
)

// classify turns a protocol error into the package's error classes.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	if Transient(err) {
		return err
	}
	msg := err.Error()
	for _, p := range goneContext {
		if strings.Contains(msg, p) {
			return &NavigationError{Op: op, Err: err}
		}
	}
	for _, p := range goneObject {
		if strings.Contains(msg, p) {
			return &NavigationError{Op: op, Err: fmt.Errorf("%w: %w", ErrDetached, err)}
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}
