package capture

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
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

// clicker clicks through the engine's click policy (page "": 提交 and 支付
// are refused everywhere while recording), after page's actionability
// checks.
func (p *preparer) clicker() page.Clicker {
	return page.Clicker{Never: p.m.Never(), Timeout: p.o.timeout() / 3, Guard: func(pt page.Point) error {
		return portal.CheckClick("", portal.Point{Found: true, X: pt.X, Y: pt.Y, Text: pt.Text, Disabled: pt.Disabled, Never: pt.Never})
	}}
}

func (p *preparer) prepare(ctx context.Context) {
	// Dropdowns and dialogs animate for ~0.3 s each way; without the
	// animations the page reaches the same states at once.
	_, _ = page.CallFunc[bool](ctx, "", stillFunc, true)
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
	defer func() { _, _ = page.CallFunc[bool](ctx, "", stillFunc, false) }()
	for _, t := range p.dialogs {
		if err := p.clickCSS(ctx, t.Cancel.CSS); err != nil {
			p.warn("closing the dialog %s: %v", t.Dialog, err)
			continue
		}
		_ = page.UntilCount(ctx, p.o.timeout(), "the dialog to close", t.Dialog, 0)
	}
}

// find returns the page layer's handle on a field's control, or "".
func (p *preparer) find(ctx context.Context, f pagemap.Field, scope string) page.Element {
	r, err := page.Resolve(ctx, f.CSS, f.Label, string(f.Kind), scope)
	if err != nil || !r.How.Found() {
		return ""
	}
	return r.El
}

// clickCSS clicks the one visible element of css.
func (p *preparer) clickCSS(ctx context.Context, css string) error {
	el, err := page.Query(ctx, css)
	if err != nil {
		return err
	}
	return p.clicker().Click(ctx, el, css)
}

type popperState struct {
	Open      bool     `json:"open"`
	Animating bool     `json:"animating"`
	Loading   bool     `json:"loading"`
	Offered   []string `json:"offered"`
	Count     int      `json:"count"`
}

// openSelect opens a select until its options have loaded, then closes it:
// the options stay in the document, hidden, for the snapshot.
func (p *preparer) openSelect(ctx context.Context, f pagemap.Field, scope string) {
	el := p.find(ctx, f, scope)
	if el == "" {
		return // not shown here (a condition); the check says so
	}
	if err := p.open(ctx, el); err != nil {
		p.warn("%s: the dropdown did not open: %v", f.Label, err)
		return
	}
	// Remote lists load after opening: wait in the page for the list to
	// settle, not for a time.
	_, _, _ = page.Locate[popperState](ctx, el, "select_option", "", 0, (p.o.timeout() / 3).Milliseconds())
	p.close(ctx, el, f.Label)
}

// open clicks a control until its dropdown is open and still. A click that
// lands while another dropdown is closing can be swallowed, so it tries
// again once the page is still.
func (p *preparer) open(ctx context.Context, el page.Element) error {
	var err error
	for try := 0; try < 3; try++ {
		if err = p.still(ctx); err != nil {
			return err
		}
		if st, _ := page.CallOn[popperState](ctx, el, "popper_state"); st.Open && !st.Animating {
			return nil
		}
		if err = p.clicker().Click(ctx, el, "the dropdown"); err != nil {
			return err
		}
		if err = p.popper(ctx, el, true, p.o.timeout()/3); err == nil {
			return nil
		}
	}
	return err
}

// popper waits in the page until el's dropdown is open (or closed).
func (p *preparer) popper(ctx context.Context, el page.Element, open bool, timeout time.Duration) error {
	r, err := page.CallOn[struct {
		OK bool `json:"ok"`
	}](ctx, el, "popper_wait", open, timeout.Milliseconds())
	if err == nil && !r.OK {
		err = &page.TimeoutError{What: "the dropdown", After: timeout}
	}
	return err
}

// still waits until no transition runs (a dropdown or dialog opening or
// closing), so the next click lands where it is aimed.
func (p *preparer) still(ctx context.Context) error {
	return page.WaitFor(ctx, p.o.timeout(), "the page to be still", func() (bool, error) {
		busy, err := page.CallFunc[bool](ctx, "", busyFunc)
		return !busy, err
	})
}

// close shuts a dropdown with Escape (Element UI stops the key there, so an
// enclosing dialog stays open), or by clicking its control again.
func (p *preparer) close(ctx context.Context, el page.Element, label string) {
	_ = page.Escape(ctx)
	if p.popper(ctx, el, false, 2*time.Second) != nil {
		_ = p.clicker().Click(ctx, el, label)
		if err := p.popper(ctx, el, false, p.o.timeout()); err != nil {
			p.warn("%s: the dropdown stays open: %v", label, err)
		}
	}
}

// openDialog opens a table's add dialog; false when it cannot.
func (p *preparer) openDialog(ctx context.Context, t *pagemap.TableSpec) bool {
	if n, _ := page.Call[int](ctx, "visible_count", t.Dialog); n > 0 {
		return true
	}
	if err := p.clickCSS(ctx, t.Add.CSS); err != nil {
		p.warn("opening the dialog with %s: %v", t.Add.Text, err)
		return false
	}
	if err := page.WaitFor(ctx, p.o.timeout(), "the dialog to open", func() (bool, error) {
		n, err := page.Call[int](ctx, "visible_count", t.Dialog)
		if err != nil || n != 1 {
			return false, err
		}
		busy, err := page.CallFunc[bool](ctx, "", busyFunc)
		return !busy, err
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

// set makes a checkbox or a yes/no radio read want, with the engine's
// drivers.
func (p *preparer) set(ctx context.Context, g pagemap.Field, want bool) {
	el := p.find(ctx, g, p.m.Scope())
	if el == "" {
		p.warn("%s: not found, so the fields shown by it stay hidden", g.Label)
		return
	}
	text := fmt.Sprint(want)
	if g.Kind == pagemap.Radio {
		if text, _, _ = g.OptionText(want); text == "" {
			return
		}
	} else if g.Kind != pagemap.Checkbox {
		return
	}
	d, err := page.Drive(ctx, el, string(g.Kind))
	if err != nil {
		p.warn("%s: %v", g.Label, err)
		return
	}
	env := &page.Env{Click: p.clicker(), Timeout: p.o.timeout()}
	if err := d.Fill(ctx, env, el, page.Field{Label: g.Label, Kind: string(g.Kind)}, page.Want{Text: text}); err != nil {
		p.warn("%s: %v", g.Label, err)
		return
	}
	_ = page.WaitFor(ctx, p.o.timeout(), g.Label, func() (bool, error) {
		r, err := d.Read(ctx, el)
		return r.Value == text, err
	})
}

// pickManual chooses a select's manual-entry option (其他（手动输入）), which
// shows the text field the map's manual.css names.
func (p *preparer) pickManual(ctx context.Context, f pagemap.Field) {
	el := p.find(ctx, f, p.m.Scope())
	if el == "" {
		return
	}
	if err := p.open(ctx, el); err != nil {
		p.warn("%s: the dropdown did not open: %v", f.Label, err)
		return
	}
	wait := func(timeout time.Duration) page.Element {
		_, opt, _ := page.Locate[popperState](ctx, el, "select_option", f.Manual.Option, 0, timeout.Milliseconds())
		return opt
	}
	opt := wait(p.o.timeout() / 3)
	if opt == "" && (f.Filterable || f.Remote) {
		// Not offered before a search: search for it, as a person would.
		_, _ = page.CallOn[bool](ctx, el, "focus")
		_ = page.InsertText(ctx, f.Manual.Option)
		opt = wait(p.o.timeout())
	}
	if opt == "" {
		p.warn("%s: option %s not offered", f.Label, f.Manual.Option)
		p.close(ctx, el, f.Label)
		return
	}
	if err := p.clicker().ClickNearest(ctx, opt, f.Manual.Option, nil); err != nil {
		var fc *portal.ForbiddenClick
		if !errors.As(err, &fc) {
			p.close(ctx, el, f.Label)
		}
		p.warn("%s: %v", f.Label, err)
		return
	}
	_ = p.popper(ctx, el, false, p.o.timeout())
	_ = page.WaitFor(ctx, p.o.timeout(), f.Manual.Label, func() (bool, error) {
		n, err := page.Call[int](ctx, "visible_count", f.Manual.CSS)
		return n > 0, err
	})
}
