package page

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Element is a handle on one element of the page: the remote object id the
// browser gave it. It stays valid while the element's document lives; a
// call on it afterwards fails with a NavigationError wrapping ErrDetached.
type Element string

//go:embed js/*.js
var jsFS embed.FS

// CallTimeout bounds one exchange with the browser, so that a frozen tab
// (a renderer that stopped answering) ends the run with a clear error
// instead of hanging it. Waits are bounded by their own deadlines.
const CallTimeout = 30 * time.Second

var (
	declMu sync.Mutex
	decls  = map[string]string{}
)

// declaration is the function declaration of the page function name: the
// file js/<name>.js, called with the prelude's helpers as its first
// argument. Only embedded sources are joined here, never a value: values
// travel as the call's JSON argument (argsOf).
func declaration(name string, locate bool) (string, error) {
	body, err := jsFS.ReadFile("js/" + name + ".js")
	if err != nil {
		return "", fmt.Errorf("no page function %s: %w", name, err)
	}
	return declare(name, string(body), locate), nil
}

// declare wraps a page function's source (cached by key).
func declare(key, body string, locate bool) string {
	if locate {
		key += "\x00locate"
	}
	declMu.Lock()
	defer declMu.Unlock()
	if d, ok := decls[key]; ok {
		return d
	}
	prelude, _ := jsFS.ReadFile("js/prelude.js")
	tail := "return r;"
	if locate {
		// A locating function returns {…, el}: the element travels back as
		// a remote object, the rest as JSON.
		tail = `if (r == null) return {json: "null", el: null}; const el = r.el || null; delete r.el; return {json: JSON.stringify(r), el};`
	}
	d := "async function (spec, ...els) { const a = (spec || []).map((x) => (\"el\" in x ? els[x.el] : x.v)); " +
		"const P = (" + strings.TrimSpace(stripComments(string(prelude))) + ")(); const r = await (" +
		strings.TrimSpace(stripComments(body)) + ").apply(this, [P, ...a]); " + tail + " }"
	decls[key] = d
	return d
}

// Func is a page function another package keeps (one file of its own,
// embedded there, such as pagecheck's checks): it is called like this
// package's own, with the prelude's helpers as its first argument.
type Func struct {
	Name   string // for messages, and unique among Funcs
	Source string // function (P, ...args) { … }
}

// CallFunc runs f with this bound to el ("" for the window), args as JSON.
func CallFunc[T any](ctx context.Context, el Element, f Func, args ...any) (T, error) {
	return decode[T](invoke(ctx, el, "func:"+f.Name, declare("func:"+f.Name, f.Source, false), false, args))
}

// stripComments drops the files' leading comment lines (the docs of the
// function, not needed in the page).
func stripComments(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "//") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// globals caches the remote object of each tab's window, which calls not
// bound to an element run on (dropped with the tab: tabs.go).
var globals sync.Map // *chromedp.Target → runtime.RemoteObjectID

func global(ctx context.Context, fresh bool) (runtime.RemoteObjectID, error) {
	c := chromedp.FromContext(ctx)
	if c == nil {
		return "", chromedp.ErrInvalidContext
	}
	if !fresh && c.Target != nil {
		if id, ok := globals.Load(c.Target); ok {
			return id.(runtime.RemoteObjectID), nil
		}
	}
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: "globalThis", ObjectGroup: "autofill"})
	if err != nil {
		return "", classify("window", err)
	}
	if res.ExceptionDetails != nil || res.Result == nil || res.Result.ObjectID == "" {
		return "", &NavigationError{Op: "window", Err: errors.New("the page has no window yet")}
	}
	globals.Store(c.Target, res.Result.ObjectID)
	dropWithTab(ctx, &globals, res.Result.ObjectID)
	return res.Result.ObjectID, nil
}

// invoke calls page function name on this (an element, or the window when
// this is ""), with args as JSON (an Element argument is passed as the
// element itself).
func invoke(ctx context.Context, this Element, name, decl string, locate bool, args []any) (*runtime.RemoteObject, error) {
	cargs, err := argsOf(args)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t := true
	p := runtime.CallFunctionOnParams{
		FunctionDeclaration: decl, Arguments: cargs, Silent: &t, AwaitPromise: &t, ObjectGroup: "autofill",
	}
	if !locate {
		p.ReturnByValue = &t
	}
	for attempt := 0; ; attempt++ {
		p.ObjectID = runtime.RemoteObjectID(this)
		if this == "" {
			var err error
			if p.ObjectID, err = global(ctx, attempt > 0); err != nil {
				return nil, err
			}
		}
		var res runtime.CallFunctionOnResult
		err := Bounded(ctx, CallTimeout, name, func(ctx context.Context) error {
			var err error
			res, err = chromedp.Call(ctx, runtime.CallFunctionOn, p)
			return err
		})
		if err == nil && res.ExceptionDetails != nil {
			se := &ScriptError{Func: strings.TrimPrefix(name, "func:"), Text: exception(res.ExceptionDetails)}
			fault(ctx, se)
			return nil, se
		}
		if err = classify(name, err); err == nil {
			return res.Result, nil
		}
		// The cached window belonged to a document that is gone: once more
		// on the current one.
		if this != "" || attempt > 0 || !Transient(err) {
			return nil, err
		}
	}
}

// exception is what a page function threw, in one line ("TypeError: x is
// not iterable"): the stack's positions are in the wrapped declaration,
// not in the js/ file.
func exception(d *runtime.ExceptionDetails) string {
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s = d.Exception.Description
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// argsOf encodes a call's arguments as the protocol's: one JSON array
// whose items are {"v": value}, or {"el": i} for an element handle, which
// travels after the array as the call's i+2nd argument (a remote object).
// One array, not a JSON argument each: the protocol client omits an
// argument whose JSON is empty ("", [], {}, null), and the page function
// would get undefined instead ([] became undefined, which no loop can
// iterate).
func argsOf(args []any) ([]*runtime.CallArgument, error) {
	type item struct {
		V  any  `json:"v"`
		El *int `json:"el,omitempty"`
	}
	spec := make([]item, len(args))
	var cargs []*runtime.CallArgument
	for i, a := range args {
		if el, ok := a.(Element); ok {
			n := len(cargs)
			spec[i].El = &n
			cargs = append(cargs, &runtime.CallArgument{ObjectID: runtime.RemoteObjectID(el)})
			continue
		}
		spec[i].V = a
	}
	b, err := json.Marshal(spec)
	if err != nil {
		return nil, fmt.Errorf("encoding the arguments: %w", err)
	}
	return append([]*runtime.CallArgument{{Value: b}}, cargs...), nil
}

// Call runs page function name (js/<name>.js) in the document with args
// as JSON, and decodes its result into T.
func Call[T any](ctx context.Context, name string, args ...any) (T, error) {
	return CallOn[T](ctx, "", name, args...)
}

// CallOn runs page function name with this bound to el.
func CallOn[T any](ctx context.Context, el Element, name string, args ...any) (T, error) {
	decl, err := declaration(name, false)
	if err != nil {
		var zero T
		return zero, err
	}
	return decode[T](invoke(ctx, el, name, decl, false, args))
}

func decode[T any](res *runtime.RemoteObject, err error) (T, error) {
	var v T
	if err != nil {
		return v, err
	}
	if res == nil || len(res.Value) == 0 || string(res.Value) == "null" {
		return v, nil
	}
	if err := json.Unmarshal(res.Value, &v); err != nil {
		return v, fmt.Errorf("decoding %s: %w", res.Value, err)
	}
	return v, nil
}

// Locate runs a locating page function, which returns {…, el}: the element
// comes back as a handle ("" when the function found none), the rest
// decoded into T.
func Locate[T any](ctx context.Context, el Element, name string, args ...any) (T, Element, error) {
	decl, err := declaration(name, true)
	if err != nil {
		var v T
		return v, "", err
	}
	return locate[T](ctx, el, name, decl, args)
}

// LocateFunc is Locate for a page function another package keeps.
func LocateFunc[T any](ctx context.Context, el Element, f Func, args ...any) (T, Element, error) {
	return locate[T](ctx, el, "func:"+f.Name, declare("func:"+f.Name, f.Source, true), args)
}

func locate[T any](ctx context.Context, el Element, name, decl string, args []any) (T, Element, error) {
	var v T
	res, err := invoke(ctx, el, name, decl, true, args)
	if err != nil {
		return v, "", err
	}
	props, err := chromedp.Call(ctx, runtime.GetProperties, runtime.GetPropertiesParams{ObjectID: res.ObjectID, OwnProperties: ptr(true)})
	// The wrapper is not needed again (the element it holds keeps its own
	// id): released without waiting for the answer, which nothing reads.
	go func() {
		_, _ = chromedp.Call(ctx, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: res.ObjectID})
	}()
	if err = classify(name, err); err != nil {
		return v, "", err
	}
	var found Element
	for _, pd := range props.Result {
		if pd.Value == nil {
			continue
		}
		switch pd.Name {
		case "json":
			var s string
			if err := json.Unmarshal(pd.Value.Value, &s); err != nil {
				return v, "", fmt.Errorf("%s: %w", name, err)
			}
			if err := json.Unmarshal([]byte(s), &v); err != nil {
				return v, "", fmt.Errorf("%s: decoding %s: %w", name, s, err)
			}
		case "el":
			found = Element(pd.Value.ObjectID)
		}
	}
	return v, found, nil
}

func ptr[T any](v T) *T { return &v }

// Bounded runs f with a context that ends after d, and names a timeout of
// the browser as such (not as the run's own deadline). Every exchange with
// the browser outside this package goes through it too.
func Bounded(ctx context.Context, d time.Duration, what string, f func(context.Context) error) error {
	tctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	err := f(tctx)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: the browser did not answer within %s (is the tab frozen? close it and run again): %w", what, d, err)
	}
	return err
}
