package page

import (
	"context"
	"fmt"
)

// radioDriver clicks the radio of an el-radio-group labelled with the
// wanted text; reads the checked radio's label.
type radioDriver struct{}

func (radioDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	return clickRadio(ctx, env, el, "radio_option", w.Text)
}

func (radioDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "radio_read")
}

// clickRadio finds the radio labelled text with page function name and
// clicks it.
func clickRadio(ctx context.Context, env *Env, el Element, name, text string) error {
	st, radio, err := Locate[struct {
		Count   int      `json:"count"`
		Offered []string `json:"offered"`
	}](ctx, el, name, text)
	switch {
	case err != nil:
		return err
	case st.Count > 1:
		return fmt.Errorf("%d radios read %q; cannot tell which is meant", st.Count, text)
	case radio == "":
		return &OfferError{Want: text, Offered: st.Offered}
	}
	return env.Click.Click(ctx, radio, "radio "+text)
}

func init() { Register(ElementUI, "radio", radioDriver{}) }
