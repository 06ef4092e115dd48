package page

import (
	"context"
	"fmt"
)

// The native drivers fill plain HTML controls as the browser's own pickers
// do: a <select>'s option, an <input type=date> or type=month's value (set,
// then input and change events, as Playwright's selectOption and fill do;
// the browser's native pickers cannot be clicked through). Radios and
// checkboxes take real clicks. Each reads the control's committed value.
type nativeDriver struct{ format string }

func (d nativeDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	r, err := CallOn[struct {
		Count   int      `json:"count"`
		Refused bool     `json:"refused"`
		Offered []string `json:"offered"`
	}](ctx, el, "native_set", w.Text)
	switch {
	case err != nil:
		return err
	case r.Refused:
		return &FormatError{Typed: w.Text, Format: d.format}
	case r.Count > 1:
		return fmt.Errorf("%d options read %q; cannot tell which is meant", r.Count, w.Text)
	case r.Count == 0:
		return &OfferError{Want: w.Text, Offered: r.Offered}
	}
	return nil
}

func (nativeDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "native_read")
}

// nativeRadio clicks the radio input labelled with the wanted text.
type nativeRadio struct{}

func (nativeRadio) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	return clickRadio(ctx, env, el, "native_radio", w.Text)
}

func (nativeRadio) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "native_read")
}

func init() {
	Register(Native, "select", nativeDriver{})
	Register(Native, "date", nativeDriver{format: "yyyy-MM-dd"})
	Register(Native, "month", nativeDriver{format: "yyyy-MM"})
	Register(Native, "radio", nativeRadio{})
}
