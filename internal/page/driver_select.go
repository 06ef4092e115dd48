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
	Box     *Box     `json:"box"`    // the option's, seen standing still
	Manual  bool     `json:"manual"` // the option is the manual-entry one
}

func (selectDriver) Fill(ctx context.Context, env *Env, el Element, f Field, w Want) error {
	// A remote select shows no dropdown until a search has answered:
	// typing into it is what opens it. Typing need not wait for the
	// dropdown to finish opening; choosing waits for it (waitOption).
	if !f.Remote {
		if err := openDropdown(ctx, env, el, f.Label); err != nil {
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
	st, opt, err := waitOption(ctx, env, el, text, f.Manual, f.Remote)
	if err != nil {
		return err
	}
	if st.Manual {
		// The list does not offer the name but offers 其他（手动输入）: no
		// list is complete; the engine types the name into the field the
		// option reveals.
		env.ManualUsed = true
		text = f.Manual
	}
	if opt == "" && f.Manual != "" {
		// Several options read the name, or the manual-entry option shows
		// only once searched for.
		if search && !slices.ContainsFunc(st.Offered, func(o string) bool { return NormText(o) == NormText(f.Manual) }) {
			if err := query(ctx, el, f.Manual); err != nil {
				return err
			}
		}
		env.ManualUsed = true
		text = f.Manual
		if st, opt, err = waitOption(ctx, env, el, text, "", f.Remote); err != nil {
			return err
		}
	}
	if opt == "" {
		_ = Escape(ctx)
		switch {
		case st.Count > 1:
			return fmt.Errorf("%d options read %q; cannot tell which is meant", st.Count, text)
		case !st.Open:
			return fmt.Errorf("the %s dropdown was not open to choose %q (it closed, or a click did not open it)", f.Label, text)
		case f.Remote && len(st.Offered) == 0:
			return fmt.Errorf("the search for %q found nothing", text)
		}
		return &OfferError{Want: text, Offered: st.Offered, Filtered: search}
	}
	// No wait for the dropdown's closing animation: the read-back confirms
	// the choice, and the next click waits until nothing covers its target.
	return env.Click.ClickNearest(ctx, opt, fmt.Sprintf("option %q", text), st.Box)
}

func (selectDriver) Read(ctx context.Context, el Element) (Reading, error) {
	return readWith(ctx, el, "select_read")
}

// openDropdown clicks a select or cascader open unless its dropdown shows.
// It does not wait for the dropdown to finish opening: the page function
// that finds the option to click waits for that, in the same frames as it
// waits for the option to stand still.
func openDropdown(ctx context.Context, env *Env, el Element, label string) error {
	st, err := CallOn[optionState](ctx, el, "popper_state")
	if err != nil || st.Open {
		return err
	}
	return env.Click.Click(ctx, el, "open "+label)
}

// query types a search into a filterable select's own input.
func query(ctx context.Context, el Element, text string) error {
	if err := focus(ctx, el, "the search box"); err != nil {
		return err
	}
	return InsertText(ctx, text)
}

// waitOption waits in the page until the dropdown settles and returns the
// option reading text ("" when there is none or several), or, when no
// option reads text, the one reading manual (st.Manual).
func waitOption(ctx context.Context, env *Env, el Element, text, manual string, remote bool) (optionState, Element, error) {
	quiet := time.Duration(0)
	if remote {
		quiet = remoteQuiet
	}
	st, opt, err := Locate[optionState](ctx, el, "select_option", text, quiet.Milliseconds(), env.timeout().Milliseconds(), manual)
	if err != nil {
		return st, "", err
	}
	if st.Loading {
		return st, "", &TimeoutError{What: fmt.Sprintf("option %q", text), After: env.timeout(), Last: "the list is still loading"}
	}
	return st, opt, nil
}

func init() { Register(ElementUI, "select", selectDriver{}) }
