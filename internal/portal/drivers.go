package portal

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// readResult is what a widget driver reads back: the value the widget
// committed.
type readResult = page.Reading

// read reads control id with the driver of its kind (and of its widget
// library, which the control tells).
func read(ctx context.Context, id string, kind pagemap.Kind) (readResult, error) {
	d, err := page.Drive(ctx, page.Element(id), string(kind))
	if err != nil {
		return readResult{}, err
	}
	return d.Read(ctx, page.Element(id))
}

// fill enters w into the control id of field f with the driver of its kind.
// Drivers only enter; the caller reads back and compares.
func (r *runner) fill(ctx context.Context, id string, f pagemap.Field, w want) error {
	el := page.Element(id)
	d, err := page.Drive(ctx, el, string(f.Kind))
	if err != nil {
		return err
	}
	pf := page.Field{Label: f.Label, Kind: string(f.Kind), Filterable: f.Filterable, Remote: f.Remote}
	if f.Manual != nil {
		pf.Manual = f.Manual.Option
	}
	env := r.env()
	err = d.Fill(ctx, env, el, pf, page.Want{Text: w.text, List: w.list})
	if env.ManualUsed {
		r.manualUsed = true
	}
	return err
}

func offered(list []string) string { return page.Offered(list) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if normText(x) == normText(s) {
			return true
		}
	}
	return false
}

// offerError says a list (select or radio group) does not offer the value
// the map names: a portal change unless the profile's value is wrong, which
// validate checks against the same reference lists.
type offerError = page.OfferError

// formatError says a date picker did not take a date in the map's format.
type formatError = page.FormatError

// proposal is the one offered option that could be the wanted one (one
// contains the other), or "" when none or several could: never a guess
// that gets filled, only a suggestion for the page map.
func proposal(e *offerError) string {
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

// driftOf names a driver's error that means the portal changed, with what
// the map expected and what the page shows; nil for other errors.
func driftOf(m *pagemap.Map, f pagemap.Field, err error) error {
	d := &DriftError{Page: m.Page, Key: f.Key, Label: f.Label}
	var oe *offerError
	var fe *formatError
	switch {
	case errors.As(err, &oe):
		d.Detail = fmt.Sprintf("the map expects the option %q, the list offers %s; nothing was chosen", oe.Want, offered(oe.Offered))
		if p := proposal(oe); p != "" {
			d.Detail += fmt.Sprintf(" — the list offers %q, not %q: if that is the same, set options in selectors/%s.yaml", p, oe.Want, m.Page)
		}
	case errors.As(err, &fe):
		d.Detail = fmt.Sprintf("the map enters dates as %q, the page's date picker shows them as %q and did not take it; change the profile key's format in the engine or the map", fe.Typed, fe.Format)
	default:
		return nil
	}
	return drift(d)
}

// typeInto replaces a text control's content (the text driver).
func (r *runner) typeInto(ctx context.Context, id, text string) error {
	d, err := page.DriverFor(page.ElementUI, string(pagemap.Text))
	if err != nil {
		return err
	}
	return d.Fill(ctx, r.env(), page.Element(id), page.Field{Kind: string(pagemap.Text)}, page.Want{Text: text})
}

// setFiles hands files to the file input of upload control id, as choosing
// them in the file dialog does (the upload driver's fill).
func setFiles(ctx context.Context, id string, files ...string) error {
	d, err := page.DriverFor(page.ElementUI, string(pagemap.Upload))
	if err != nil {
		return err
	}
	return d.Fill(ctx, nil, page.Element(id), page.Field{Kind: string(pagemap.Upload)}, page.Want{List: files})
}
