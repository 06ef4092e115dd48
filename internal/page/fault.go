package page

import "context"

// A page function that throws is a fault of autofill's: an argument it did
// not expect, or a page it was not written for. The caller gets a
// ScriptError, as from any failed call. A caller that may go on without
// the answer (a best-effort check) would hide the fault, so every one also
// goes to the hook the context carries, as net/http/httptrace reports a
// request's events: the engine logs them and lists them in its result, and
// the end-to-end tests fail on any.

// ScriptError says one of autofill's page functions threw.
type ScriptError struct {
	Func string // the page function: js/<Func>.js, or a Func's name
	Text string // the exception's first line ("TypeError: x is not iterable")
}

func (e *ScriptError) Error() string {
	return "page function " + e.Func + " threw " + e.Text + " (a fault in autofill, not in the profile or the portal)"
}

type faultHookKey struct{}

// WithFaultHook returns a context whose page calls report each ScriptError
// to hook as well as to their caller. hook must not block: the call waits.
func WithFaultHook(ctx context.Context, hook func(*ScriptError)) context.Context {
	return context.WithValue(ctx, faultHookKey{}, hook)
}

// fault reports e to ctx's hook, if any.
func fault(ctx context.Context, e *ScriptError) {
	if hook, ok := ctx.Value(faultHookKey{}).(func(*ScriptError)); ok {
		hook(e)
	}
}
