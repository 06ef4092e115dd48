package portal

import (
	"context"
	"errors"
	"fmt"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// resolve finds a field's control: by its selector, or by its exact, unique
// label when the selector finds nothing (a healed selector, reported). Any
// ambiguity stops the run (exit 3): guessing is how wrong values get typed.
// The one switch on page.Resolution.
func (r *runner) resolve(ctx context.Context, m *pagemap.Map, f pagemap.Field, scope string) (id, healed string, err error) {
	if scope == "" {
		scope = m.Scope()
	}
	var got page.Resolved
	werr := waitFor(ctx, r.opts.StepTimeout, "field "+f.Label, func() (bool, error) {
		var err error
		var wrong *page.Resolved // the first label the control is not under; an alias may still fit
		for _, label := range append([]string{f.Label}, f.Aliases...) {
			got, err = page.Resolve(ctx, f.CSS, label, string(f.Kind), scope)
			if err == nil && got.How == page.WrongLabel {
				if wrong == nil {
					w := got
					wrong = &w
				}
				continue
			}
			if err != nil || got.How != page.Missing {
				break
			}
		}
		if err == nil && wrong != nil && (got.How == page.Missing || got.How == page.WrongLabel) {
			got = *wrong
		}
		if err != nil {
			return false, err
		}
		switch got.How {
		case page.Missing, page.MissingWidget:
			return false, nil // not yet: Vue may still render it
		}
		return true, nil
	})
	d := &DriftError{Page: m.Page, Key: f.Key, Label: f.Label}
	switch got.How {
	case page.ByCSS:
		return string(got.El), "", nil
	case page.ByLabel:
		healed = fmt.Sprintf("selector %q found nothing; found by its label %q", f.CSS, f.Label)
		if got.Proposal != "" {
			healed += "; proposed selector: " + got.Proposal
		}
		r.res.Healed = append(r.res.Healed, m.Page+": "+f.Label)
		r.emit(Event{Type: EvWarning, Message: fmt.Sprintf("%s: %s", m.Page, healed)})
		return string(got.El), healed, nil
	case page.WrongLabel:
		d.Detail = wrongLabel(f, got.Found)
	case page.OtherWidget:
		d.Detail = fmt.Sprintf("the item labelled %q holds a %s, the map expects a %s; nothing was entered", f.Label, got.Found, f.Kind)
	case page.AmbiguousCSS:
		d.Detail = fmt.Sprintf("selector %q matches %d visible elements; expected one", f.CSS, got.Count)
	case page.AmbiguousLabel:
		d.Detail = fmt.Sprintf("selector %q found nothing and %d fields are labelled %q; cannot tell which is meant, so nothing was typed", f.CSS, got.Count, f.Label)
	case page.BadCSS:
		d.Detail = fmt.Sprintf("selector %q is not valid CSS: %s", f.CSS, got.Detail)
	default: // Missing, MissingWidget
		d.Detail = fmt.Sprintf("neither selector %q nor a field labelled %q is on the page", f.CSS, f.Label)
		if werr != nil && !errors.Is(werr, errTimeout) {
			return "", "", werr
		}
	}
	return "", "", drift(d)
}

// present reports, without waiting, whether a field's control is on the page
// (by selector or by label), for controls that only sometimes exist.
func (r *runner) present(ctx context.Context, m *pagemap.Map, f pagemap.Field) bool {
	for _, label := range append([]string{f.Label}, f.Aliases...) {
		res, err := page.Resolve(ctx, f.CSS, label, string(f.Kind), m.Scope())
		if err == nil && res.How.Found() {
			return true
		}
	}
	return false
}
