package pagecheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/recording"
)

// Values answers the page maps' profile keys; portal.Lookup(profile,
// degree) gives the one a run uses.
type Values func(key string) (any, bool)

// How a field's control was found in a saved page.
const (
	Found     = "found"     // by its selector
	Healed    = "healed"    // by its label: the selector found nothing
	Missing   = "missing"   // neither selector nor label finds it
	Ambiguous = "ambiguous" // several controls match; a run would stop
	Skipped   = "skipped"   // a run would not fill it (condition false, nothing to enter)
	NotShown  = "not shown" // the saved page does not show it (a dialog, a condition)
)

// FieldCheck is what the static check found for one field.
type FieldCheck struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Kind    string `json:"kind"`
	Status  string `json:"status"`
	Detail  string `json:"detail,omitempty"`
	Option  string `json:"option,omitempty"`  // the option text the profile asks for (select, radio)
	Offered *bool  `json:"offered,omitempty"` // whether the saved page offers it; nil when unknown
	Problem bool   `json:"problem"`           // a run would stop here
}

// PageFields is the static check of one saved page.
type PageFields struct {
	Page   string       `json:"page"`
	Title  string       `json:"title"`
	File   string       `json:"file"`
	Fields []FieldCheck `json:"fields"`
}

// ProfileReport is the outcome of Profile.
type ProfileReport struct {
	Pages []PageFields `json:"pages"`
	Notes []string     `json:"notes,omitempty"`
}

// Problems counts the fields where a run would stop.
func (r *ProfileReport) Problems() int {
	n := 0
	for _, p := range r.Pages {
		for _, f := range p.Fields {
			if f.Problem {
				n++
			}
		}
	}
	return n
}

// Err is nil when a run would find every field and every choice, else an
// error with exit code 3 (a control is gone) or 2 (a profile value is not
// offered).
func (r *ProfileReport) Err() error {
	drift, value := 0, 0
	for _, p := range r.Pages {
		for _, f := range p.Fields {
			switch {
			case !f.Problem:
			case f.Status == Missing || f.Status == Ambiguous:
				drift++
			default:
				value++
			}
		}
	}
	switch {
	case drift > 0:
		return exitcode.Errorf(exitcode.Drift, "%d field(s) would not be found in the saved pages; run `autofill check --recordings DIR` for proposed selectors", drift)
	case value > 0:
		return exitcode.Errorf(exitcode.BadInput, "%d profile value(s) are not offered by the saved pages; correct the profile (or the map's options)", value)
	}
	return nil
}

// WriteText prints the report, one line per field, problems marked.
func (r *ProfileReport) WriteText(w io.Writer) {
	for _, p := range r.Pages {
		fmt.Fprintf(w, "%s (%s) — %s\n", p.Page, p.Title, p.File)
		for _, f := range p.Fields {
			mark := "  "
			switch {
			case f.Problem:
				mark = "✗ "
			case f.Status == Found || f.Status == Healed:
				mark = "✓ "
			}
			line := fmt.Sprintf("  %s%s (%s): %s", mark, f.Label, f.Key, f.Status)
			if f.Option != "" && f.Offered != nil {
				if *f.Offered {
					line += fmt.Sprintf("; offers %q", f.Option)
				} else {
					line += fmt.Sprintf("; does not offer %q", f.Option)
				}
			}
			if f.Detail != "" {
				line += "; " + f.Detail
			}
			fmt.Fprintln(w, line)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note: "+n)
	}
	if n := r.Problems(); n > 0 {
		fmt.Fprintf(w, "✗ %d field(s) a run would stop at\n", n)
	} else {
		fmt.Fprintln(w, "✓ a run would find every field and every choice in the saved pages")
	}
}

// Profile is the static check of saved pages (recordings, live ones
// included) for one applicant: for each page in pages it says, per field,
// whether a run would find the control (by its selector, or healed by its
// label) and, for select and radio fields, whether the profile's value
// (mapped through the field's options) is among the options the page
// offers. pages is a recordings directory (manifest.yaml), or any directory
// of saved *.html pages, each recognised by the maps' detect rules. ctx is
// a browser tab (chromedp); the pages are served on 127.0.0.1 for the call.
// Values come from degree d of p as a run reads them (portal.Lookup).
func Profile(ctx context.Context, maps *pagemap.Set, pages fs.FS, p *profile.Profile, d *profile.Degree) (*ProfileReport, error) {
	values := Values(portal.Lookup(p, d))
	rep := &ProfileReport{}
	files, err := savedPages(pages)
	if err != nil {
		return nil, err
	}
	srv, err := serve(ctx, pages)
	if err != nil {
		return nil, err
	}
	defer srv.close()
	rules := maps.DetectRules()
	for _, sp := range files {
		if err := open(ctx, srv.url(sp.file)); err != nil {
			return nil, fmt.Errorf("%s: %w", sp.file, err)
		}
		pageID := sp.page
		if pageID == "" {
			found, err := page.Call[[]string](ctx, "detect", rules)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", sp.file, err)
			}
			if len(found) != 1 {
				rep.Notes = append(rep.Notes, fmt.Sprintf("%s: recognised as %d pages (%s); skipped", sp.file, len(found), strings.Join(found, ", ")))
				continue
			}
			pageID = found[0]
		}
		m := maps.Get(pageID)
		if m == nil {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: page %s has no map; skipped", sp.file, pageID))
			continue
		}
		pf := PageFields{Page: pageID, Title: m.Title, File: sp.file}
		scope := m.Scope()
		for _, f := range m.Fields {
			if f.Table == nil {
				fc, err := checkField(ctx, f, scope, values, f.Key)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", sp.file, err)
				}
				pf.Fields = append(pf.Fields, fc)
				continue
			}
			// The one table is the study history, filled row by row.
			for i := range p.StudyHistory {
				rowValues := Values(portal.LookupRow(p, d, &p.StudyHistory[i]))
				for _, df := range f.Table.Fields {
					fc, err := checkField(ctx, df, f.Table.Dialog, rowValues, fmt.Sprintf("%s[%d].%s", f.Key, i, afterDot(df.Key)))
					if err != nil {
						return nil, fmt.Errorf("%s: %w", sp.file, err)
					}
					pf.Fields = append(pf.Fields, fc)
				}
			}
		}
		rep.Pages = append(rep.Pages, pf)
	}
	return rep, nil
}

type savedPage struct{ page, file string }

// savedPages lists the pages of a directory: from its manifest, else every
// *.html file (page ids found by detection).
func savedPages(fsys fs.FS) ([]savedPage, error) {
	man, err := recording.Read(fsys, ".")
	if err == nil {
		var out []savedPage
		for _, e := range man.Pages {
			out = append(out, savedPage{e.Page, e.File})
		}
		return out, nil
	}
	if _, serr := fs.Stat(fsys, recording.ManifestFile); serr == nil {
		return nil, err // a manifest with problems
	}
	names, gerr := fs.Glob(fsys, "*.html")
	if gerr != nil {
		return nil, gerr
	}
	if len(names) == 0 {
		return nil, errors.New("no saved pages: the directory has neither manifest.yaml nor *.html files (`autofill record` makes them)")
	}
	slices.Sort(names)
	out := make([]savedPage, len(names))
	for i, n := range names {
		out[i] = savedPage{file: n}
	}
	return out, nil
}

// checkField finds one field's control as a run would and checks the
// profile's choice against the options on the page.
func checkField(ctx context.Context, f pagemap.Field, scope string, values Values, name string) (FieldCheck, error) {
	fc := FieldCheck{Key: name, Label: f.Label, Kind: string(f.Kind)}
	v, ok := values(f.Key)
	switch {
	case f.Role == pagemap.CaptchaRole:
		fc.Status, fc.Detail = Skipped, "the person enters it"
		return fc, nil
	case !ok:
		fc.Status, fc.Detail = Skipped, "not in the profile (a run asks for it or leaves it to you)"
		return fc, nil
	case !pagemap.Truthy(f.When, values):
		fc.Status, fc.Detail = Skipped, fmt.Sprintf("not filled: its condition %q does not hold", f.When)
		return fc, nil
	}
	text, empty, err := f.OptionText(v)
	if err != nil {
		fc.Status, fc.Detail, fc.Problem = Skipped, err.Error(), true
		return fc, nil
	}
	if empty && f.Optional {
		fc.Status, fc.Detail = Skipped, "nothing to enter"
		return fc, nil
	}
	if empty && f.Fallback != "" {
		fc.Status, fc.Detail = Skipped, "nothing to enter; where the page always shows it, a run enters "+f.Fallback
		return fc, nil
	}
	r, err := page.Resolve(ctx, f.CSS, f.Label, string(f.Kind), scope)
	if err != nil {
		return fc, err
	}
	if f.MayBeAbsent && !r.How.Found() {
		fc.Status, fc.Detail = Skipped, "not on this form of the page"
		return fc, nil
	}
	switch r.How {
	case page.ByCSS:
		fc.Status = Found
	case page.ByLabel:
		fc.Status, fc.Detail = Healed, fmt.Sprintf("selector %q finds nothing; found by its label", f.CSS)
		if r.Proposal != "" {
			fc.Detail += "; proposed selector: " + r.Proposal
		}
	case page.AmbiguousCSS, page.AmbiguousLabel:
		fc.Status, fc.Problem = Ambiguous, true
		fc.Detail = fmt.Sprintf("%d controls match; a run would stop rather than guess", r.Count)
	case page.BadCSS:
		fc.Status, fc.Problem = Missing, true
		fc.Detail = fmt.Sprintf("selector %q is not valid CSS: %s", f.CSS, r.Detail)
	case page.WrongLabel:
		fc.Status, fc.Problem = Missing, true
		fc.Detail = fmt.Sprintf("selector %q finds the control labelled %q, not %q; a run would stop before typing", f.CSS, r.Found, f.Label)
	case page.OtherWidget:
		fc.Status, fc.Problem = Missing, true
		fc.Detail = fmt.Sprintf("the item labelled %q holds a %s, the map expects a %s", f.Label, r.Found, f.Kind)
	default:
		// A field of a dialog or tab (the map's scope) the saved page does
		// not show is not missing; an unscoped one is.
		if scope != "" {
			if n, _ := page.Call[int](ctx, "visible_count", scope); n == 0 {
				fc.Status, fc.Detail = NotShown, "the saved page does not show "+scope
				return fc, nil
			}
		}
		fc.Status, fc.Problem = Missing, true
		fc.Detail = fmt.Sprintf("neither selector %q nor a form item labelled %q is on the page", f.CSS, f.Label)
		return fc, nil
	}
	if fc.Problem || text == "" || (f.Kind != pagemap.Select && f.Kind != pagemap.Radio) {
		return fc, nil
	}
	fc.Option = text
	opts, err := page.CallFunc[*[]string](ctx, r.El, checkOptions, string(f.Kind))
	if err != nil {
		return fc, err
	}
	if opts == nil {
		fc.Detail = join(fc.Detail, "its options were not saved with the page (record it with `autofill record`)")
		return fc, nil
	}
	offered := slices.ContainsFunc(*opts, func(o string) bool { return page.NormText(o) == page.NormText(text) })
	fc.Offered = &offered
	switch {
	case offered:
	case f.Manual != nil:
		fc.Detail = join(fc.Detail, fmt.Sprintf("a run would choose %s and type it", f.Manual.Option))
	case f.Remote:
		fc.Detail = join(fc.Detail, "not among the saved search results; the live search may offer it")
	default:
		fc.Problem = true
		fc.Detail = join(fc.Detail, "the page offers "+sample(*opts))
	}
	return fc, nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func afterDot(key string) string {
	if _, rest, ok := strings.Cut(key, "."); ok {
		return rest
	}
	return key
}
