package page

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// selectDriver picks an el-select's option: open the dropdown, type the
// query when it filters or searches remotely, wait in the page until the
// list settles, click the option. A search that does not offer the value
// falls back to the field's manual-entry option. Reads the component's
// chosen option (remote selects included).
type selectDriver struct{}

// remoteQuiet is how long a remote list must stay unchanged before its
// option is clicked: longer than the search's debounce, so that the list is
// the answer to what was typed.
const remoteQuiet = 400 * time.Millisecond

type optionState struct {
	Open    bool     `json:"open"`
	Loading bool     `json:"loading"`
	Offered []string `json:"offered"`
	Count   int      `json:"count"`
	Menus   int      `json:"menus"`
}

func (selectDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	// A remote select shows no dropdown until a search has answered:
	// typing into it is what opens it.
	if !f.Remote {
		if err := openPopper(ctx, env, el, f.Label); err != nil {
			return err
		}
	}
	search := f.Filterable || f.Remote
	text := w.Text
	if search {
		if err := query(ctx, el, text); err != nil {
			return err
		}
	}
	st, opt, err := waitOption(ctx, env, el, text, f.Remote)
	if err != nil {
		return err
	}
	if opt == "" && f.Manual != "" {
		// No list is complete: choose 其他（手动输入）; the engine types the
		// name into the field it reveals.
		if search && !slices.ContainsFunc(st.Offered, func(o string) bool { return NormText(o) == NormText(f.Manual) }) {
			if err := query(ctx, el, f.Manual); err != nil {
				return err
			}
		}
		env.ManualUsed = true
		text = f.Manual
		if st, opt, err = waitOption(ctx, env, el, text, f.Remote); err != nil {
			return err
		}
	}
	if opt == "" {
		_ = Escape(ctx)
		switch {
		case st.Count > 1:
			return fmt.Errorf("%d options read %q; cannot tell which is meant", st.Count, text)
		case !st.Open:
			return fmt.Errorf("the %s dropdown closed before %q was chosen", f.Label, text)
		case f.Remote && len(st.Offered) == 0:
			return fmt.Errorf("the search for %q found nothing", text)
		}
		return &OfferError{Want: text, Offered: st.Offered, Filtered: search}
	}
	// No wait for the dropdown's closing animation: the read-back confirms
	// the choice, and the next click waits until nothing covers its target.
	return env.Click.ClickNearest(ctx, opt, fmt.Sprintf("option %q", text))
}

func (selectDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "select_read")
}

// openPopper opens the dropdown of a select, cascader or date picker and
// waits in the page until it has finished opening.
func openPopper(ctx context.Context, env *Env, el Element, label string) error {
	st, err := CallOn[optionState](ctx, el, "popper_state")
	if err != nil {
		return err
	}
	if !st.Open {
		if err := env.Click.Click(ctx, el, "open "+label); err != nil {
			return err
		}
	}
	r, err := CallOn[struct {
		OK bool `json:"ok"`
	}](ctx, el, "popper_wait", true, env.timeout().Milliseconds())
	if err == nil && !r.OK {
		err = &TimeoutError{What: "the " + label + " dropdown to open", After: env.timeout()}
	}
	return err
}

// query types a search into a filterable select's own input.
func query(ctx context.Context, el Element, text string) error {
	if err := focus(ctx, el, "the search box"); err != nil {
		return err
	}
	return InsertText(ctx, text)
}

// waitOption waits in the page until the dropdown settles and returns the
// option reading text ("" when there is none or several).
func waitOption(ctx context.Context, env *Env, el Element, text string, remote bool) (optionState, Element, error) {
	quiet := time.Duration(0)
	if remote {
		quiet = remoteQuiet
	}
	st, opt, err := Locate[optionState](ctx, el, "select_option", text, quiet.Milliseconds(), env.timeout().Milliseconds())
	if err != nil {
		return st, "", err
	}
	if st.Loading {
		return st, "", &TimeoutError{What: fmt.Sprintf("option %q", text), After: env.timeout(), Last: "the list is still loading"}
	}
	return st, opt, nil
}

func init() { Register(ElementUI, "select", selectDriver{}) }
