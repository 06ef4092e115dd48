package portal

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// The label is a field's identity; a CSS selector is only the fast way to
// its control. A selector that finds a control under another label (two
// items swapped their classes, a label was renamed) must stop the page
// before anything is typed: filling it would put one value into another
// field and read it back as a success.

// LabelKey is a label's identity (page.LabelKey): full- and half-width
// forms alike (（）/(), ：/:, Ａ/A), no white space, no leading * and no
// trailing colon.
func LabelKey(s string) string { return page.LabelKey(s) }

// sameLabel compares two labels (or button texts) by identity.
func sameLabel(a, b string) bool { return LabelKey(a) == LabelKey(b) }

func wrongLabel(f pagemap.Field, found string) string {
	return fmt.Sprintf("selector %q finds the control of the item labelled %q, not %q; nothing was entered into it", f.CSS, found, f.Label)
}

// knownLabels are every label the map names on a page: its fields, the
// manual-entry fields and the table dialog's fields.
func knownLabels(m *pagemap.Map) []string {
	var out []string
	for _, f := range m.AllFields() {
		out = append(out, f.Label)
		out = append(out, f.Aliases...)
		if f.Manual != nil {
			out = append(out, f.Manual.Label)
		}
	}
	return out
}

// checkLabels is the page's identity check before anything is typed: every
// control a selector finds sits under its field's label, and the page asks
// for nothing the map does not know. One call to the page.
func (r *runner) checkLabels(ctx context.Context, m *pagemap.Map) error {
	var specs []page.FieldSpec
	for _, f := range m.Fields {
		// Aliases: the same item's label on other forms of the portal.
		specs = append(specs, page.FieldSpec{CSS: f.CSS, Label: f.Label, Aliases: f.Aliases})
		if f.Manual != nil {
			specs = append(specs, page.FieldSpec{CSS: f.Manual.CSS, Label: f.Manual.Label})
		}
	}
	got, err := page.Identify(ctx, specs, knownLabels(m), m.Scope())
	if err != nil {
		return err
	}
	if len(got.Wrong) > 0 {
		var parts []string
		for _, w := range got.Wrong {
			parts = append(parts, fmt.Sprintf("the selector of %q finds the item labelled %q", w.Label, w.Found))
		}
		first := got.Wrong[0]
		f := fieldByLabel(m, first.Label)
		return drift(&DriftError{Page: m.Page, Key: f.Key, Label: first.Label,
			Detail: strings.Join(parts, "; ") + "; nothing was entered on this page"})
	}
	return r.unknownRequired(m, got.Unknown)
}

// unknownRequired stops on required form items the map does not know: the
// portal asks for something new, and the profile cannot be blamed for it.
func (r *runner) unknownRequired(m *pagemap.Map, labels []string) error {
	if len(labels) == 0 {
		return nil
	}
	return drift(&DriftError{Page: m.Page, Key: "fields", Label: labels[0],
		Detail: fmt.Sprintf("the page requires %s, which selectors/%s.yaml does not map; nothing of this page was saved",
			quoteAll(labels), m.Page)})
}

func fieldByLabel(m *pagemap.Map, label string) pagemap.Field {
	for _, f := range m.AllFields() {
		if f.Label == label || (f.Manual != nil && f.Manual.Label == label) {
			return f
		}
	}
	return pagemap.Field{Label: label}
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// clickTarget clicks a map's button (下一步, 登录, 新增, 确定) after checking
// it still reads as the map says: a button whose text changed is a changed
// portal (exit 3), not something to click on a guess or wait out. name is
// the action's name (next), or the map key of a button outside actions
// (list.new, dismiss).
func (r *runner) clickTarget(ctx context.Context, m *pagemap.Map, name string, t pagemap.Target) error {
	key := name
	if !strings.Contains(name, ".") && name != "dismiss" {
		key = "actions." + name
	}
	var reads string
	// The guard sees the control under the pointer: its text is checked
	// there, after every wait, right before the click.
	guard := func(p page.Point) error {
		if t.Text != "" && p.Text != "" && !sameLabel(p.Text, t.Text) {
			reads = p.Text
			return errRenamed
		}
		return r.guard(p)
	}
	err := r.clickWhen(ctx, t.Text, guard, func() (page.Element, error) { return page.Query(ctx, t.CSS) })
	switch {
	case reads != "":
		return drift(&DriftError{Page: m.Page, Key: key, Label: t.Text,
			Detail: fmt.Sprintf("button %q reads %q, the map expects %q; nothing was clicked", t.CSS, reads, t.Text)})
	case err == nil || t.Text == "":
		return err
	}
	// The button is not there as mapped: say what buttons the page has.
	var se *page.StrictError
	if _, qerr := page.Query(ctx, t.CSS); errors.As(qerr, &se) && se.Count == 0 {
		buttons, _ := buttonTexts(ctx, m.Scope())
		return drift(&DriftError{Page: m.Page, Key: key, Label: t.Text,
			Detail: fmt.Sprintf("no button %q (%s) on the page; its buttons read %s", t.CSS, t.Text, quoteAll(buttons))})
	}
	return err
}

// errRenamed ends the wait for a button that reads otherwise than mapped.
var errRenamed = errors.New("the button reads otherwise")

// dialog is one message box or dialog the page shows (page js/dialogs.js).
type dialog struct {
	Title   string   `json:"title"`
	Text    string   `json:"text"`
	Buttons []string `json:"buttons"`
}

// strayDialog names a dialog the map does not know, which appeared after a
// click: waiting for the page to move on would only wait it out.
func strayDialog(m *pagemap.Map, after string, ds []dialog) error {
	d := ds[0]
	return drift(&DriftError{Page: m.Page, Key: "dialog", Label: after,
		Detail: fmt.Sprintf("after %s the portal shows a dialog the map does not know: %q %q (buttons %s); nothing was clicked in it",
			after, d.Title, d.Text, quoteAll(d.Buttons))})
}

// knownDialogs are the dialogs a page map expects: its table dialog and
// the notices any page of the flow dismisses.
func knownDialogs(m *pagemap.Map, all *pagemap.Set) []string {
	var out []string
	for _, f := range m.Fields {
		if f.Table != nil {
			out = append(out, f.Table.Dialog)
		}
	}
	// A notice any page dismisses (系统公告) may open on the next page
	// while this one is still on its way out: it is the flow's, not a change.
	for _, p := range all.Pages() {
		for _, t := range all.Get(p).Dismiss {
			out = append(out, t.CSS)
		}
	}
	return out
}
