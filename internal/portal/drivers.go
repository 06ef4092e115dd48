package portal

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// readResult is what helpers.js read() returns.
type readResult struct {
	Gone     bool     `json:"gone"`
	Value    string   `json:"value"`
	Disabled bool     `json:"disabled"`
	List     []string `json:"list"`
	Pending  []string `json:"pending"`
	Failed   []string `json:"failed"`
}

func read(ctx context.Context, id string, kind pagemap.Kind) (readResult, error) {
	return call[readResult](ctx, "read", id, string(kind))
}

// fill enters w into the control id of field f with the driver of its kind.
// Drivers only enter; the caller reads back and compares.
func (r *runner) fill(ctx context.Context, id string, f pagemap.Field, w want) error {
	switch f.Kind {
	case pagemap.Text, pagemap.Textarea:
		return r.typeInto(ctx, id, w.text)
	case pagemap.Select:
		return r.pickOption(ctx, id, f, w.text)
	case pagemap.Cascader:
		return r.pickPath(ctx, id, f, w.list)
	case pagemap.Date, pagemap.Month:
		return r.typeDate(ctx, id, f, w.text)
	case pagemap.Radio:
		return r.pickRadio(ctx, id, f, w.text)
	case pagemap.Checkbox:
		return r.clickID(ctx, id, f.Label)
	}
	return fmt.Errorf("no driver fills %s fields", f.Kind)
}

// typeInto replaces a text control's content in one insertText.
func (r *runner) typeInto(ctx context.Context, id, text string) error {
	ok, err := call[bool](ctx, "focusInput", id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the control does not take focus (disabled or covered)")
	}
	if text == "" {
		_, err = call[bool](ctx, "clearInput", id)
	} else {
		err = insertText(ctx, text)
	}
	if err != nil {
		return err
	}
	_, err = call[bool](ctx, "blur", id)
	return err
}

// optionState is helpers.js option().
type optionState struct {
	Point
	Open      bool     `json:"open"`
	Loading   bool     `json:"loading"`
	Animating bool     `json:"animating"`
	Offered   []string `json:"offered"`
	Menus     int      `json:"menus"`
}

// pickOption opens an el-select, narrows it by typing when it is filterable
// or searches remotely, waits until the wanted option is there and still,
// and clicks it. A remote search that does not offer the value falls back
// to the map's manual-entry option.
func (r *runner) pickOption(ctx context.Context, id string, f pagemap.Field, text string) error {
	if err := r.openPopper(ctx, id, f); err != nil {
		return err
	}
	if f.Filterable || f.Remote {
		if err := r.typeQuery(ctx, id, text); err != nil {
			return err
		}
	}
	opt, err := r.waitOption(ctx, id, text, f.Remote)
	if err != nil {
		return err
	}
	if opt.Count != 1 && f.Manual != nil {
		// No list is complete: choose 其他（手动输入） and type the name.
		if !contains(opt.Offered, f.Manual.Option) && (f.Filterable || f.Remote) {
			if err := r.typeQuery(ctx, id, f.Manual.Option); err != nil {
				return err
			}
		}
		r.manualUsed = true
		if opt, err = r.waitOption(ctx, id, f.Manual.Option, f.Remote); err != nil {
			return err
		}
		text = f.Manual.Option
	}
	if opt.Count != 1 {
		_ = pressEscape(ctx)
		if opt.Count > 1 {
			return fmt.Errorf("%d options read %q; cannot tell which is meant", opt.Count, text)
		}
		if f.Remote && len(opt.Offered) == 0 {
			return fmt.Errorf("the search for %q found nothing", text)
		}
		return &offerError{Want: text, Offered: opt.Offered, Filtered: f.Filterable || f.Remote}
	}
	// No need to wait for the dropdown's closing animation: the read-back
	// confirms the choice, and the next click waits until nothing covers
	// its target.
	return Click(ctx, r.page, opt.Point)
}

// openPopper clicks a select, cascader or date picker and waits until its
// dropdown has finished opening: clicking during the opening transition
// once picked 日本 instead of 英国.
func (r *runner) openPopper(ctx context.Context, id string, f pagemap.Field) error {
	st, err := call[optionState](ctx, "popperState", id)
	if err != nil {
		return err
	}
	if !st.Open {
		if err := r.clickID(ctx, id, "open "+f.Label); err != nil {
			return err
		}
	}
	return waitFor(ctx, r.deadline(), "the "+f.Label+" dropdown to open", func() (bool, error) {
		st, err := call[optionState](ctx, "popperState", id)
		return st.Open && !st.Animating, err
	})
}

func (r *runner) waitClosed(ctx context.Context, id, label string) error {
	return waitFor(ctx, r.deadline(), "the "+label+" dropdown to close", func() (bool, error) {
		st, err := call[optionState](ctx, "popperState", id)
		return !st.Open, err
	})
}

// typeQuery types a search into a filterable select's own input.
func (r *runner) typeQuery(ctx context.Context, id, text string) error {
	ok, err := call[bool](ctx, "focusInput", id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the search box does not take focus")
	}
	return insertText(ctx, text)
}

// waitOption waits until the dropdown has settled: not loading, not
// animating, and the same answer twice in a row (a remote search starts
// after a debounce, so one quiet look is not enough). It returns the final
// state whether or not the option is there.
func (r *runner) waitOption(ctx context.Context, id, text string, remote bool) (optionState, error) {
	var cur, prev optionState
	seen := 0
	err := waitFor(ctx, r.deadline(), fmt.Sprintf("option %q", text), func() (bool, error) {
		var err error
		cur, err = call[optionState](ctx, "option", id, text, r.never)
		if err != nil {
			return false, err
		}
		if !cur.Open || cur.Loading || cur.Animating {
			seen = 0
			return false, nil
		}
		if cur.Count == prev.Count && cur.X == prev.X && cur.Y == prev.Y && strings.Join(cur.Offered, "\n") == strings.Join(prev.Offered, "\n") {
			seen++
		} else {
			seen = 0
		}
		prev = cur
		// A found option needs one repeat to prove it stopped moving; a
		// remote list needs a few, to outlast the search's debounce: the
		// list shown right after typing is the previous search's, and an
		// option clicked in it vanishes under the pointer when the new
		// answer arrives (on a busy machine the choice then does not take).
		need := 1
		if remote {
			need = 10
		}
		return seen >= need, nil
	})
	return cur, err
}

func offered(list []string) string {
	if len(list) == 0 {
		return "nothing"
	}
	if len(list) > 12 {
		return strings.Join(list[:12], ", ") + fmt.Sprintf(" … (%d more)", len(list)-12)
	}
	return strings.Join(list, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if normText(x) == normText(s) {
			return true
		}
	}
	return false
}

// pickPath walks an el-cascader: one menu per level, click the node, wait
// for the next menu.
func (r *runner) pickPath(ctx context.Context, id string, f pagemap.Field, path []string) error {
	if err := r.openPopper(ctx, id, f); err != nil {
		return err
	}
	for level, name := range path {
		var cur, prev optionState
		err := waitFor(ctx, r.deadline(), fmt.Sprintf("%s level %d %q", f.Label, level+1, name), func() (bool, error) {
			var err error
			cur, err = call[optionState](ctx, "cascaderNode", id, level, name)
			if err != nil || !cur.Open || cur.Animating || cur.Count != 1 {
				prev = optionState{}
				return false, err
			}
			stable := prev.Count == 1 && prev.X == cur.X && prev.Y == cur.Y
			prev = cur
			return stable, nil
		})
		if err != nil {
			_ = pressEscape(ctx)
			if cur.Open && cur.Count == 0 && level < cur.Menus {
				return fmt.Errorf("%q is not offered at level %d; it offers: %s", name, level+1, offered(cur.Offered))
			}
			return err
		}
		if err := Click(ctx, r.page, cur.Point); err != nil {
			return err
		}
	}
	return nil
}

// typeDate types a date in the picker's display format and presses Enter,
// which makes el-date-picker parse it and close its panel (an open panel
// once swallowed the next field's click).
func (r *runner) typeDate(ctx context.Context, id string, f pagemap.Field, text string) error {
	ok, err := call[bool](ctx, "focusInput", id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the date box does not take focus")
	}
	if err := insertText(ctx, text); err != nil {
		return err
	}
	if err := pressEnter(ctx); err != nil {
		return err
	}
	// A picker that does not parse the text keeps it and stays open: the
	// portal changed its date format, which waiting would not fix.
	var st dateState
	err = waitFor(ctx, r.deadline(), "the "+f.Label+" date picker to take "+text, func() (bool, error) {
		var err error
		st, err = call[dateState](ctx, "dateState", id)
		return err != nil || !st.Known || !st.Open || !st.Taken, err
	})
	if err == nil && st.Known && st.Open && !st.Taken {
		_ = pressEscape(ctx)
		return &formatError{Typed: text, Format: st.Format}
	}
	if err := r.waitClosed(ctx, id, f.Label); err != nil {
		_ = pressEscape(ctx)
		return fmt.Errorf("the date picker did not take %q: %w", text, err)
	}
	return nil
}

// radioState is helpers.js radioOption().
type radioState struct {
	Point
	Offered []string `json:"offered"`
}

// pickRadio clicks the radio whose label is the wanted text.
func (r *runner) pickRadio(ctx context.Context, id string, f pagemap.Field, text string) error {
	var p radioState
	err := waitFor(ctx, r.deadline(), "radio "+text, func() (bool, error) {
		var err error
		p, err = call[radioState](ctx, "radioOption", id, text)
		return p.Found && !p.Covered, err
	})
	if err != nil {
		if p.Count == 0 && len(p.Offered) > 0 {
			return &offerError{Want: text, Offered: p.Offered}
		}
		return err
	}
	return Click(ctx, r.page, p.Point)
}

// dateState is helpers.js dateState().
type dateState struct {
	Known  bool   `json:"known"`
	Open   bool   `json:"open"`
	Typed  string `json:"typed"`
	Taken  bool   `json:"taken"`
	Format string `json:"format"`
}

// offerError says a list (select or radio group) does not offer the value
// the map names: a portal change unless the profile's value is wrong, which
// validate checks against the same reference lists.
type offerError struct {
	Want     string
	Offered  []string
	Filtered bool // the list was narrowed by typing: Offered is not all of it
}

func (e *offerError) Error() string {
	return fmt.Sprintf("the list does not offer %q; it offers: %s", e.Want, offered(e.Offered))
}

// proposal is the one offered option that could be the wanted one (one
// contains the other), or "" when none or several could: never a guess
// that gets filled, only a suggestion for the page map.
func (e *offerError) proposal() string {
	want := LabelKey(e.Want)
	var hits []string
	for _, o := range e.Offered {
		k := LabelKey(o)
		if k != "" && want != "" && (strings.Contains(k, want) || strings.Contains(want, k)) {
			hits = append(hits, o)
		}
	}
	if len(hits) == 1 {
		return hits[0]
	}
	return ""
}

// formatError says a date picker did not take a date in the map's format.
type formatError struct {
	Typed, Format string
}

func (e *formatError) Error() string {
	return fmt.Sprintf("the date picker did not take %q; it shows dates as %q", e.Typed, e.Format)
}

// driftOf names a driver's error that means the portal changed, with what
// the map expected and what the page shows; nil for other errors.
func driftOf(m *pagemap.Map, f pagemap.Field, err error) error {
	d := &DriftError{Page: m.Page, Key: f.Key, Label: f.Label}
	var oe *offerError
	var fe *formatError
	switch {
	case errors.As(err, &oe):
		d.Detail = fmt.Sprintf("the map expects the option %q, the list offers %s; nothing was chosen", oe.Want, offered(oe.Offered))
		if p := oe.proposal(); p != "" {
			d.Detail += fmt.Sprintf(" — the list offers %q, not %q: if that is the same, set options in selectors/%s.yaml", p, oe.Want, m.Page)
		}
	case errors.As(err, &fe):
		d.Detail = fmt.Sprintf("the map enters dates as %q, the page's date picker shows them as %q and did not take it; change the profile key's format in the engine or the map", fe.Typed, fe.Format)
	default:
		return nil
	}
	return drift(d)
}
