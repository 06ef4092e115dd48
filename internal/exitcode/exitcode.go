// Package exitcode holds the process exit codes of autofill and an error type
// that carries one, so deep code can say "this is bad input" or "the portal
// changed" without knowing about the CLI.
package exitcode

import (
	"errors"
	"fmt"
)

// The exit codes are part of the CLI contract (README, docs/design.md): scripts and
// agencies branch on them.
const (
	OK          = 0   // the draft is ready (or the command did its job)
	Failure     = 1   // something went wrong; the message says what
	BadInput    = 2   // the profile, a flag or a file is wrong; fix it and re-run
	Drift       = 3   // the portal changed: a selector or label no longer matches
	Parked      = 4   // waiting for a person (face scan, 12367 code, captcha)
	Interrupted = 130 // Ctrl-C
)

// Error is an error with an exit code.
type Error struct {
	Code int
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// With wraps err so that Of(err) returns code. A nil err stays nil.
func With(code int, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Err: err}
}

// Errorf is fmt.Errorf with an exit code.
func Errorf(code int, format string, args ...any) error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// Of returns the exit code an error asks for: OK for nil, the code of the
// outermost *Error in the chain, or Failure.
func Of(err error) int {
	if err == nil {
		return OK
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Failure
}
