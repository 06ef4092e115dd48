package page

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// A Driver fills one kind of widget of one widget library and reads back
// the value the widget committed (its component's value, not the typed
// text). Fill only enters; the caller reads back and compares.
type Driver interface {
	Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error
	Read(ctx context.Context, el Element) (Reading, error)
}

// Field is what a driver knows of the field it fills.
type Field struct {
	Label      string
	Kind       string
	Filterable bool   // select: typing narrows the options
	Remote     bool   // select: the options come from a search as you type
	Manual     string // select: the option that reveals a manual-entry field, used when the value is not offered
}

// Want is the value to enter, as a person sees it.
type Want struct {
	Text string   // option text, date, text
	List []string // cascader path, upload files
}

// Env is what drivers share while filling one page: the click policy and
// the deadline of each wait. A driver notes in it what the engine must know.
type Env struct {
	Click      Clicker
	Timeout    time.Duration
	ManualUsed bool // a select chose its manual-entry option
}

func (e *Env) timeout() time.Duration {
	if e.Timeout <= 0 {
		return 10 * time.Second
	}
	return e.Timeout
}

// Reading is what a control shows, read from its component.
type Reading struct {
	Gone     bool     `json:"gone"`
	Value    string   `json:"value"`
	Shown    string   `json:"shown"` // the input's text, where it differs from the committed value
	Disabled bool     `json:"disabled"`
	List     []string `json:"list"`
	Pending  []string `json:"pending"`
	Failed   []string `json:"failed"`
}

// Libraries of widgets. A control's library is told by the control itself
// (js/library.js): Element UI's controls sit in el-* elements, anything
// else is plain HTML. A third library registers its drivers under its own
// name and teaches library.js to recognise it; the engine is not touched.
const (
	ElementUI = "element"
	Native    = "native"
)

var (
	regMu    sync.RWMutex
	registry = map[string]map[string]Driver{}
)

// Register makes d the driver of kind in library.
func Register(library, kind string, d Driver) {
	regMu.Lock()
	defer regMu.Unlock()
	if registry[library] == nil {
		registry[library] = map[string]Driver{}
	}
	registry[library][kind] = d
}

// DriverFor returns the driver of kind in library.
func DriverFor(library, kind string) (Driver, error) {
	regMu.RLock()
	defer regMu.RUnlock()
	if d, ok := registry[library][kind]; ok {
		return d, nil
	}
	var kinds []string
	for k := range registry[library] {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return nil, fmt.Errorf("no driver fills %s fields of the %s widget library (it has %s)", kind, library, strings.Join(kinds, ", "))
}

// LibraryOf names the widget library of a control. The answer is kept for
// the element's handle (per tab: handles of two tabs may read alike), as a
// control does not change library; the engine asks before every read.
func LibraryOf(ctx context.Context, el Element) (string, error) {
	key := libKey{tab: chromedp.FromContext(ctx), el: el}
	libMu.Lock()
	lib, ok := libs[key]
	libMu.Unlock()
	if ok {
		return lib, nil
	}
	lib, err := CallOn[string](ctx, el, "library")
	if err != nil || el == "" {
		return lib, err
	}
	keepLibrary(ctx, el, lib)
	return lib, nil
}

// keepLibrary remembers el's library for LibraryOf.
func keepLibrary(ctx context.Context, el Element, lib string) {
	key := libKey{tab: chromedp.FromContext(ctx), el: el}
	if key.tab == nil {
		return
	}
	libMu.Lock()
	if len(libs) >= maxLibs { // handles of pages long gone
		clear(libs)
	}
	libs[key] = lib
	libMu.Unlock()
}

type libKey struct {
	tab *chromedp.Context
	el  Element
}

const maxLibs = 4096

var (
	libMu sync.Mutex
	libs  = map[libKey]string{}
)

// Drive returns the driver for a control of kind, by the control's library.
func Drive(ctx context.Context, el Element, kind string) (Driver, error) {
	lib, err := LibraryOf(ctx, el)
	if err != nil {
		return nil, err
	}
	return DriverFor(lib, kind)
}

// OfferError says a list (select or radio group) does not offer the value:
// a portal change unless the profile's value is wrong.
type OfferError struct {
	Want     string
	Offered  []string
	Filtered bool // the list was narrowed by typing: Offered is not all of it
}

func (e *OfferError) Error() string {
	return fmt.Sprintf("the list does not offer %q; it offers: %s", e.Want, Offered(e.Offered))
}

// Offered lists options for a message, the first dozen of them.
func Offered(list []string) string {
	if len(list) == 0 {
		return "nothing"
	}
	if len(list) > 12 {
		return strings.Join(list[:12], ", ") + fmt.Sprintf(" … (%d more)", len(list)-12)
	}
	return strings.Join(list, ", ")
}

// FormatError says a date picker did not take a date in the given format.
type FormatError struct {
	Typed, Format string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("the date picker did not take %q; it shows dates as %q", e.Typed, e.Format)
}

// ErrReadOnly is returned by the drivers of controls nobody types into.
var ErrReadOnly = errors.New("the control is read-only; the portal fills it")

// readWith reads a control with page function name.
func readWith(ctx context.Context, el Element, name string) (Reading, error) {
	r, err := CallOn[Reading](ctx, el, name)
	if err == nil && r.Gone {
		err = &NavigationError{Op: name, Err: ErrDetached}
	}
	return r, err
}

// ReadAll reads many controls, each with its kind's driver.
func ReadAll(ctx context.Context, els []Element, kinds []string) ([]Reading, error) {
	out := make([]Reading, len(els))
	for i, el := range els {
		d, err := Drive(ctx, el, kinds[i])
		if err != nil {
			return nil, err
		}
		if out[i], err = d.Read(ctx, el); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// focus focuses a control's text input, selecting its text.
func focus(ctx context.Context, el Element, what string) error {
	ok, err := CallOn[bool](ctx, el, "focus")
	if err == nil && !ok {
		err = fmt.Errorf("%s does not take focus (disabled or covered)", what)
	}
	return err
}
