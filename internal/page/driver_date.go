package page

import (
	"context"
	"fmt"
)

// dateDriver types a date (or month) in the picker's display format into
// el-date-picker and presses Enter, which makes the component parse it,
// commit it and close its panel. It waits in the page only until the
// component has taken the text (or refused it), not for the panel's closing
// animation: the next click waits until nothing covers its target. Reads
// the component's committed value in its display format.
type dateDriver struct{}

type dateState struct {
	OK     bool   `json:"ok"`
	Known  bool   `json:"known"`
	Typed  string `json:"typed"`
	Taken  bool   `json:"taken"`
	Parses bool   `json:"parses"`
	Format string `json:"format"`
	Value  string `json:"value"`
}

func (dateDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	if err := focus(ctx, el, "the date box"); err != nil {
		return err
	}
	if err := InsertText(ctx, w.Text); err != nil {
		return err
	}
	if err := Enter(ctx); err != nil {
		return err
	}
	st, err := CallOn[dateState](ctx, el, "date_state", env.timeout().Milliseconds())
	switch {
	case err != nil:
		return err
	case !st.Known || st.Taken:
		return nil
	case !st.Parses:
		// The portal changed its date format, which waiting would not fix.
		_ = Escape(ctx)
		return &FormatError{Typed: w.Text, Format: st.Format}
	}
	_ = Escape(ctx)
	return fmt.Errorf("the date picker did not take %q: %w", w.Text, &TimeoutError{What: "the " + f.Label + " date picker", After: env.timeout()})
}

func (dateDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "date_read")
}

func init() {
	Register(ElementUI, "date", dateDriver{})
	Register(ElementUI, "month", dateDriver{})
}
