package capture

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
)

// preparer brings a page into the state worth recording: every select of
// the map opened once (Element UI renders options only then), each table's
// add dialog open, and with Reveal the conditional controls shown. It only
// clicks controls of the map, never a never_click target nor anything that
// says 提交 or 支付, and it never saves.
type preparer struct {
	o        *Options
	m        *pagemap.Map
	warnings []string
	dialogs  []*pagemap.TableSpec // opened here, closed by restore
}

func (p *preparer) warn(format string, a ...any) {
	p.warnings = append(p.warnings, p.m.Page+": "+fmt.Sprintf(format, a...))
}

func (p *preparer) prepare(ctx context.Context) {
	// Dropdowns and dialogs animate for ~0.3 s each way; without the
	// animations the page reaches the same states at once.
	_, _ = call[bool](ctx, "__afRec.still", true)
	if p.o.Reveal {
		p.reveal(ctx)
	}
	for _, f := range p.m.Fields {
		if f.Kind == pagemap.Select {
			p.openSelect(ctx, f, p.m.Scope())
		}
	}
	for _, f := range p.m.Fields {
		if f.Table == nil || !p.openDialog(ctx, f.Table) {
			continue
		}
		for _, df := range f.Table.Fields {
			if df.Kind == pagemap.Select {
				p.openSelect(ctx, df, f.Table.Dialog)
			}
		}
	}
}

// restore closes the dialogs prepare opened and lets the page animate again.
func (p *preparer) restore(ctx context.Context) {
	defer func() { _, _ = call[bool](ctx, "__afRec.still", false) }()
	for _, t := range p.dialogs {
		if err := p.click(ctx, "target", t.Cancel.CSS); err != nil {
			p.warn("closing the dialog %s: %v", t.Dialog, err)
			continue
		}
		_ = portal.WaitFor(ctx, p.o.timeout(), "the dialog to close", func() (bool, error) {
			n, err := call[int](ctx, "visibleCount", t.Dialog)
			return n == 0, err
		})
	}
}

type resolved struct {
	How string `json:"how"`
	ID  string `json:"id"`
}

// find returns the helpers' id of a field's control, or "".
func (p *preparer) find(ctx context.Context, f pagemap.Field, scope string) string {
	r, err := call[resolved](ctx, "resolve", f.CSS, f.Label, string(f.Kind), scope)
	if err != nil || (r.How != "css" && r.How != "label") {
		return ""
	}
	return r.ID
}

// point is where a click would land: the engine's type.
type point = portal.Point

// click clicks what a helpers locator (target by css, targetId by id)
// finds, with a real mouse event, through the engine's click policy (page
// "": 提交 and 支付 are refused everywhere while recording).
func (p *preparer) click(ctx context.Context, locator string, arg string) error {
	var pt point
	var err error
	if locator == "targetId" {
		pt, err = call[point](ctx, locator, arg, p.m.Never(), false)
	} else {
		pt, err = call[point](ctx, locator, arg, p.m.Never())
	}
	switch {
	case err != nil:
		return err
	case !pt.Found:
		return fmt.Errorf("not on the page (%d visible matches)", pt.Count)
	case pt.Disabled:
		return fmt.Errorf("disabled")
	case pt.Covered:
		return fmt.Errorf("covered by %s", pt.By)
	}
	return portal.Click(ctx, "", pt)
}

type popperState struct {
	Open      bool     `json:"open"`
	Animating bool     `json:"animating"`
	Loading   bool     `json:"loading"`
	Offered   []string `json:"offered"`
	point
}

// openSelect opens a select until its options have loaded, then closes it:
// the options stay in the document, hidden, for the snapshot.
func (p *preparer) openSelect(ctx context.Context, f pagemap.Field, scope string) {
	id := p.find(ctx, f, scope)
	if id == "" {
		return // not shown here (a condition); the check says so
	}
	if err := p.open(ctx, id); err != nil {
		p.warn("%s: the dropdown did not open: %v", f.Label, err)
		return
	}
	// Remote lists load after opening: wait for options, not for a time.
	_ = portal.WaitFor(ctx, p.o.timeout()/3, f.Label+" options", func() (bool, error) {
		st, err := call[popperState](ctx, "option", id, "", p.m.Never())
		return !st.Loading && len(st.Offered) > 0, err
	})
	p.close(ctx, id, f.Label)
}

// open clicks a control until its dropdown is open and still. A click that
// lands while another dropdown is closing can be swallowed, so it tries
// again once the page is still.
func (p *preparer) open(ctx context.Context, id string) error {
	opened := func() (bool, error) {
		st, err := call[popperState](ctx, "popperState", id)
		return st.Open && !st.Animating, err
	}
	var err error
	for try := 0; try < 3; try++ {
		if err = p.still(ctx); err != nil {
			return err
		}
		if ok, _ := opened(); ok {
			return nil
		}
		if err = p.click(ctx, "targetId", id); err != nil {
			return err
		}
		if err = portal.WaitFor(ctx, p.o.timeout()/3, "the dropdown to open", opened); err == nil {
			return nil
		}
	}
	return err
}

// still waits until no transition runs (a dropdown or dialog opening or
// closing), so the next click lands where it is aimed.
func (p *preparer) still(ctx context.Context) error {
	return portal.WaitFor(ctx, p.o.timeout(), "the page to be still", func() (bool, error) {
		busy, err := eval[bool](ctx, "window.__afRec.busy()")
		return !busy, err
	})
}

// close shuts a dropdown with Escape (Element UI stops the key there, so an
// enclosing dialog stays open), or by clicking its control again.
func (p *preparer) close(ctx context.Context, id, label string) {
	closed := func() (bool, error) {
		st, err := call[popperState](ctx, "popperState", id)
		return !st.Open, err
	}
	_ = chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape))
	if portal.WaitFor(ctx, 2*time.Second, "close", closed) != nil {
		_ = p.click(ctx, "targetId", id)
		if err := portal.WaitFor(ctx, p.o.timeout(), "close", closed); err != nil {
			p.warn("%s: the dropdown stays open: %v", label, err)
		}
	}
}

// openDialog opens a table's add dialog; false when it cannot.
func (p *preparer) openDialog(ctx context.Context, t *pagemap.TableSpec) bool {
	if n, _ := call[int](ctx, "visibleCount", t.Dialog); n > 0 {
		return true
	}
	if err := p.click(ctx, "target", t.Add.CSS); err != nil {
		p.warn("opening the dialog with %s: %v", t.Add.Text, err)
		return false
	}
	if err := portal.WaitFor(ctx, p.o.timeout(), "the dialog to open", func() (bool, error) {
		return eval[bool](ctx, fmt.Sprintf("window.__af.visibleCount(%q) === 1 && !window.__afRec.busy()", t.Dialog))
	}); err != nil {
		p.warn("the dialog %s did not open: %v", t.Dialog, err)
		return false
	}
	p.dialogs = append(p.dialogs, t)
	return true
}

// reveal shows the controls that depend on another: it sets each
// checkbox or radio a `when` names so the condition holds, and picks a
// select's manual-entry option.
func (p *preparer) reveal(ctx context.Context) {
	done := map[string]bool{}
	for _, f := range p.m.Fields {
		when := strings.TrimSpace(f.When)
		key := strings.TrimPrefix(when, "!")
		if when == "" || done[key] {
			continue
		}
		done[key] = true
		want := !strings.HasPrefix(when, "!")
		for _, g := range p.m.Fields {
			if g.Key == key {
				p.set(ctx, g, want)
			}
		}
	}
	for _, f := range p.m.Fields {
		if f.Manual != nil {
			p.pickManual(ctx, f)
		}
	}
}

type readBack struct {
	Value string `json:"value"`
}

// set makes a checkbox or a yes/no radio read want.
func (p *preparer) set(ctx context.Context, g pagemap.Field, want bool) {
	id := p.find(ctx, g, p.m.Scope())
	if id == "" {
		p.warn("%s: not found, so the fields shown by it stay hidden", g.Label)
		return
	}
	switch g.Kind {
	case pagemap.Checkbox:
		r, err := call[readBack](ctx, "read", id, "checkbox")
		if err != nil || (r.Value == "true") == want {
			return
		}
		if err := p.click(ctx, "targetId", id); err != nil {
			p.warn("%s: %v", g.Label, err)
			return
		}
		_ = portal.WaitFor(ctx, p.o.timeout(), g.Label, func() (bool, error) {
			r, err := call[readBack](ctx, "read", id, "checkbox")
			return (r.Value == "true") == want, err
		})
	case pagemap.Radio:
		text, _, _ := g.OptionText(want)
		if text == "" {
			return
		}
		pt, err := call[point](ctx, "radioOption", id, text)
		if err != nil || !pt.Found || pt.Covered {
			p.warn("%s: option %s not clickable", g.Label, text)
			return
		}
		if err := portal.Click(ctx, "", pt); err != nil {
			p.warn("%s: %v", g.Label, err)
			return
		}
		_ = portal.WaitFor(ctx, p.o.timeout(), g.Label, func() (bool, error) {
			r, err := call[readBack](ctx, "read", id, "radio")
			return r.Value == text, err
		})
	}
}

// pickManual chooses a select's manual-entry option (其他（手动输入）), which
// shows the text field the map's manual.css names.
func (p *preparer) pickManual(ctx context.Context, f pagemap.Field) {
	id := p.find(ctx, f, p.m.Scope())
	if id == "" {
		return
	}
	if err := p.open(ctx, id); err != nil {
		p.warn("%s: the dropdown did not open: %v", f.Label, err)
		return
	}
	var st popperState
	err := portal.WaitFor(ctx, p.o.timeout()/3, f.Manual.Option, func() (bool, error) {
		var err error
		st, err = call[popperState](ctx, "option", id, f.Manual.Option, p.m.Never())
		return !st.Loading && st.Count == 1 && !st.Animating, err
	})
	if err != nil && (f.Filterable || f.Remote) {
		// Not offered before a search: search for it, as a person would.
		_, _ = call[bool](ctx, "focusInput", id)
		_, _ = chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: f.Manual.Option})
		err = portal.WaitFor(ctx, p.o.timeout(), f.Manual.Option, func() (bool, error) {
			var err error
			st, err = call[popperState](ctx, "option", id, f.Manual.Option, p.m.Never())
			return !st.Loading && st.Count == 1 && !st.Animating, err
		})
	}
	if err != nil || st.Covered || st.Never != "" {
		p.warn("%s: option %s not offered", f.Label, f.Manual.Option)
		p.close(ctx, id, f.Label)
		return
	}
	if err := portal.Click(ctx, "", st.point); err != nil {
		p.warn("%s: %v", f.Label, err)
		return
	}
	_ = portal.WaitFor(ctx, p.o.timeout(), "the dropdown to close", func() (bool, error) {
		st, err := call[popperState](ctx, "popperState", id)
		return !st.Open, err
	})
	_ = portal.WaitFor(ctx, p.o.timeout(), f.Manual.Label, func() (bool, error) {
		n, err := call[int](ctx, "visibleCount", f.Manual.CSS)
		return n > 0, err
	})
}
