package page

import (
	"context"
	"fmt"
)

// Resolution is how a field's control was found, or why not (js/resolve.js).
type Resolution int

const (
	ByCSS          Resolution = iota + 1 // the map's selector found one control under the map's label
	ByLabel                              // healed: the selector found none, the exact label one
	WrongLabel                           // the selector found a control under another label
	AmbiguousCSS                         // the selector found several
	AmbiguousLabel                       // several form items have the label
	OtherWidget                          // the label's item holds a widget of another kind
	MissingWidget                        // the label's item holds no control
	Missing                              // neither the selector nor the label finds anything
	BadCSS                               // the selector does not parse
)

var resolutionNames = map[string]Resolution{
	"css": ByCSS, "label": ByLabel, "wrong-label": WrongLabel, "ambiguous-css": AmbiguousCSS,
	"ambiguous-label": AmbiguousLabel, "other-widget": OtherWidget, "missing-widget": MissingWidget,
	"missing": Missing, "bad-css": BadCSS,
}

func (r Resolution) String() string {
	for k, v := range resolutionNames {
		if v == r {
			return k
		}
	}
	return fmt.Sprintf("Resolution(%d)", int(r))
}

// UnmarshalText decodes the page function's word; an unknown one is an
// error, not a silent zero.
func (r *Resolution) UnmarshalText(b []byte) error {
	v, ok := resolutionNames[string(b)]
	if !ok {
		return fmt.Errorf("unknown resolution %q", b)
	}
	*r = v
	return nil
}

// Found reports a resolution that gives a control to fill.
func (r Resolution) Found() bool { return r == ByCSS || r == ByLabel }

// Resolved is a field's control, or why there is none.
type Resolved struct {
	How      Resolution `json:"how"`
	Count    int        `json:"count"`    // AmbiguousCSS, AmbiguousLabel
	Found    string     `json:"found"`    // WrongLabel: the label; OtherWidget: the kinds
	Detail   string     `json:"detail"`   // BadCSS
	Proposal string     `json:"proposal"` // ByLabel: a selector for the map
	Library  string     `json:"lib"`      // Found: the control's widget library
	El       Element    `json:"-"`
}

// Resolve finds the one control of a field: by its selector (which must sit
// under the label), else by its exact, unique label within scope. The
// control's widget library comes with it, so that choosing its driver
// costs no second call.
func Resolve(ctx context.Context, css, label, kind, scope string) (Resolved, error) {
	r, el, err := Locate[Resolved](ctx, "", "resolve", css, label, kind, scope)
	r.El = el
	if err == nil && el != "" && r.Library != "" {
		keepLibrary(ctx, el, r.Library)
	}
	return r, err
}

// Identity is the identity check of a page (js/identify.js).
type Identity struct {
	Wrong []struct {
		Label string `json:"label"`
		Found string `json:"found"`
	} `json:"wrong"`
	Unknown []string `json:"unknown"`
}

// FieldSpec is what the identity check needs of a field.
type FieldSpec struct {
	CSS     string   `json:"css"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases,omitempty"`
}

// Identify checks every field at once: each selector's control sits under
// its label, and no required item is unknown. No fields (nil) checks only
// for unknown required items.
func Identify(ctx context.Context, fields []FieldSpec, known []string, scope string) (Identity, error) {
	return Call[Identity](ctx, "identify", fields, known, scope)
}
