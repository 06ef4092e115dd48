// Package probe is a person's first contact with a portal the page maps may
// not fit: it walks read-only through every page of a draft it can reach,
// records each page scrubbed, checks every map against the recordings,
// turns what no longer fits into proposals a person would agree with (the
// exact label, the button's text, the page's heading), writes those as an
// override set for the next run, and packs a bundle for the maintainers.
// It never types, ticks, uploads or saves.
package probe

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/capture"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/recording"
)

// Options say where and how to walk.
type Options struct {
	Maps    *pagemap.Set
	BaseURL string // the portal's address, opened first
	// Recordings is the directory the scrubbed pages are saved in.
	Recordings string
	// Values are the person's texts no recording may show (their name, ID,
	// phone, e-mail…).
	Values []string
	// Wait bounds how long the person may take to log in; default 15m.
	Wait time.Duration
	// Timeout bounds each page's loading; default 20s.
	Timeout time.Duration
	// Say tells the person what is going on; nil is quiet.
	Say func(format string, a ...any)
	// Done, when set, ends a last phase in which the person opens other
	// pages themselves (a portal whose step pages have no address of their
	// own): each new page is recorded once it has loaded, until Done is
	// closed or receives.
	Done <-chan struct{}
	Tool string // the tool's version, for the recordings' manifest
	Now  func() time.Time
}

// Visit is one page the walk saw.
type Visit struct {
	Page     string           `json:"page"`               // the map that placed it, or unknown-N
	Expected string           `json:"expected,omitempty"` // the page its address names, when it names one
	Detected []string         `json:"detected"`           // what the maps' detect rules said
	Seen     portal.Seen      `json:"seen"`
	File     string           `json:"file,omitempty"` // the recording
	Warnings []string         `json:"warnings,omitempty"`
	Unknown  bool             `json:"unknown,omitempty"`
	Source   recording.Source `json:"-"`
}

// stepPages are the pages of a draft with their own address; agreement
// (only for a new application) and payment (only after submitting) are not
// reached from a draft without acting.
var stepPages = []string{"verify", "basic-info", "apply-type", "degree", "study-history", "materials", "confirm"}

func (o *Options) defaults() {
	if o.Wait <= 0 {
		o.Wait = 15 * time.Minute
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.Say == nil {
		o.Say = func(string, ...any) {}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Walk opens the portal in the tab of ctx, waits for the person to log in,
// opens the draft from 我的申请 and then each step page by its own address,
// and records every page it sees. It only clicks 继续填写 (which opens a
// draft and saves nothing) and what capture opens to read options (a
// dropdown, the add dialog, closed again).
func Walk(ctx context.Context, o Options) ([]Visit, error) {
	o.defaults()
	w, err := recording.NewWriter(o.Recordings, pagemap.FlowOrder)
	if err != nil {
		return nil, err
	}
	if err := page.Install(ctx); err != nil {
		return nil, err
	}
	wk := &walker{o: o, w: w, rules: o.Maps.DetectRules()}
	if err := page.Navigate(ctx, o.BaseURL); err != nil {
		return nil, fmt.Errorf("opening %s: %w", o.BaseURL, err)
	}
	found, err := wk.settle(ctx, nil)
	if err != nil {
		return wk.visits, err
	}
	if slices.Contains(found, "login") {
		if err := wk.record(ctx, "", found); err != nil {
			return wk.visits, err
		}
		o.Say("Log in in the browser window (password, slider, code) as you always do; probe waits up to %s and then only looks.", o.Wait)
		err := page.WaitFor(ctx, o.Wait, "you to log in", func() (bool, error) {
			f, err := page.Call[[]string](ctx, "detect", wk.rules)
			found = f
			return len(f) > 0 && !slices.Contains(f, "login"), err
		})
		if err != nil {
			return wk.visits, fmt.Errorf("waiting for the login: %w", err)
		}
		if found, err = wk.settle(ctx, nil); err != nil {
			return wk.visits, err
		}
	}
	if slices.Contains(found, "applications") {
		if err := wk.record(ctx, "", found); err != nil {
			return wk.visits, err
		}
		if err := wk.openDraft(ctx); err != nil {
			return wk.visits, err
		}
		if found, err = wk.settle(ctx, nil); err != nil {
			return wk.visits, err
		}
	}
	loc := page.Location(ctx)
	base, here := stepBase(loc)
	if base == "" {
		// Not on an address that names a step: record what is there, and
		// let the person show the rest.
		if err := wk.record(ctx, "", found); err != nil {
			return wk.visits, err
		}
		return wk.visits, wk.follow(ctx)
	}
	for _, step := range stepPages {
		if slices.ContainsFunc(wk.visits, func(v Visit) bool { return v.Page == step }) {
			continue
		}
		if step != here {
			if err := page.Navigate(ctx, base+step); err != nil {
				return wk.visits, fmt.Errorf("opening %s: %w", base+step, err)
			}
		}
		here = ""
		found, err := wk.settle(ctx, []string{step})
		if err != nil {
			return wk.visits, err
		}
		loc := page.Location(ctx)
		if _, at := stepBase(loc); at != step {
			o.Say("%s: the portal sent the browser elsewhere (%s); not recorded", step, at)
			continue
		}
		if err := wk.record(ctx, step, found); err != nil {
			return wk.visits, err
		}
	}
	return wk.visits, wk.follow(ctx)
}

// follow records the pages the person opens until Options.Done.
func (wk *walker) follow(ctx context.Context) error {
	if wk.o.Done == nil {
		return nil
	}
	last := page.Location(ctx) // before the person can move
	wk.o.Say("Open any other page of your draft yourself: the step bar, or 上一步 — NOT 下一步 or 保存, which save. Each page is recorded once it has loaded; press Enter here when you are done.")
	tick := time.NewTicker(250 * time.Millisecond) // how often the address is looked at; not a delay
	defer tick.Stop()
	for {
		select {
		case <-wk.o.Done:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		loc := page.Location(ctx)
		if loc == "" || loc == last {
			continue
		}
		last = loc
		found, err := wk.settle(ctx, nil)
		if err != nil {
			return err
		}
		if len(found) == 1 && slices.ContainsFunc(wk.visits, func(v Visit) bool { return v.Page == found[0] }) {
			continue // recorded already
		}
		if err := wk.record(ctx, "", found); err != nil {
			return err
		}
	}
}

type walker struct {
	o       Options
	w       *recording.Writer
	rules   []pagemap.DetectRule
	visits  []Visit
	unknown int
}

// settle waits for the page to load: one known page, or (an unknown or
// renamed page) the time a page needs to finish loading. It returns the
// pages the detect rules see.
func (wk *walker) settle(ctx context.Context, want []string) ([]string, error) {
	var found []string
	err := page.WaitFor(ctx, wk.o.Timeout, "the page to load", func() (bool, error) {
		f, err := page.Call[[]string](ctx, "detect", wk.rules)
		found = f
		if err != nil || !(len(want) == 0 && len(f) > 0 || slices.Equal(f, want)) || !page.Idle(ctx) {
			return false, err
		}
		settled, err := page.Call[struct {
			OK bool `json:"ok"`
		}](ctx, "settled", 100)
		return settled.OK, err
	})
	if err != nil && !errors.Is(err, page.ErrTimeout) {
		return found, err
	}
	return found, nil
}

// record saves the page the tab shows. expected is the page its address
// names ("" when it names none).
func (wk *walker) record(ctx context.Context, expected string, found []string) error {
	seen, err := portal.PageSeen(ctx)
	if err != nil {
		return err
	}
	v := Visit{Expected: expected, Detected: found, Seen: seen}
	switch {
	case expected != "":
		v.Page = expected
	case len(found) == 1:
		v.Page = found[0]
	default:
		wk.unknown++
		v.Page = fmt.Sprintf("unknown-%d", wk.unknown)
	}
	v.Unknown = wk.o.Maps.Get(v.Page) == nil || len(found) == 0
	snap, err := capture.Take(ctx, v.Page, capture.Options{Maps: wk.o.Maps, Values: wk.o.Values, Timeout: wk.o.Timeout})
	if err != nil {
		return err
	}
	wk.o.Values = append(wk.o.Values, snap.Typed...)
	v.Warnings = snap.Warnings
	v.Seen.URL = snap.URL // the path only, numbers masked, as the recording keeps it
	file, err := wk.w.Save(snap.Recording(recording.Live, wk.o.Tool, wk.o.Now()))
	if err != nil {
		return err
	}
	v.File = file
	wk.visits = append(wk.visits, v)
	switch {
	case v.Unknown:
		wk.o.Say("%s: no page map recognises this page (%s); saved as %s", v.Page, seen, file)
	case !slices.Equal(found, []string{v.Page}):
		wk.o.Say("%s: recorded; the detect rules say %v", v.Page, found)
	default:
		wk.o.Say("%s: recorded", v.Page)
	}
	return nil
}

// openDraft clicks the first 继续填写 of 我的申请: it opens a draft and
// saves nothing.
func (wk *walker) openDraft(ctx context.Context) error {
	m := wk.o.Maps.Get("applications")
	if m == nil || m.List == nil {
		return nil
	}
	sel := m.List.Rows + " " + m.List.Continue.CSS
	n, err := page.Call[int](ctx, "visible_count", sel)
	if err != nil {
		return err
	}
	if n == 0 {
		wk.o.Say("我的申请 shows no draft to continue (%s); probe records what it can reach", sel)
		return nil
	}
	before := page.Location(ctx)
	// A real click on the first draft's 继续填写, which only opens it, after
	// the page layer's actionability checks and through the engine's guard.
	_, b, err := page.Locate[struct{}](ctx, "", "row_button", m.List.Rows, 0, m.List.Continue.CSS, m.List.Continue.Text)
	if err != nil {
		return fmt.Errorf("opening the draft (继续填写): %w", err)
	}
	if b == "" {
		return fmt.Errorf("opening the draft: the first row of 我的申请 has no %s button (%s)", m.List.Continue.Text, m.List.Continue.CSS)
	}
	c := page.Clicker{Never: m.Never(), Timeout: wk.o.Timeout, Guard: func(p page.Point) error {
		return portal.CheckClick(m.Page, portal.Point{Found: true, X: p.X, Y: p.Y, Text: p.Text, Disabled: p.Disabled, Never: p.Never})
	}}
	// A notice (系统公告) covers the list until it is acknowledged, as a
	// person does with 我知道了.
	for _, t := range m.Dismiss {
		if n, _ := page.Call[int](ctx, "visible_count", t.CSS); n != 1 {
			continue
		}
		ok, err := page.Query(ctx, t.CSS)
		if err == nil {
			err = c.Click(ctx, ok, t.Text)
		}
		if err == nil {
			err = page.UntilCount(ctx, wk.o.Timeout, "the notice to close", t.CSS, 0)
		}
		if err != nil {
			return fmt.Errorf("closing the notice (%s): %w", t.Text, err)
		}
	}
	if err := c.Click(ctx, b, m.List.Continue.Text); err != nil {
		return fmt.Errorf("opening the draft (继续填写): %w", err)
	}
	return page.WaitFor(ctx, wk.o.Timeout, "the draft to open", func() (bool, error) {
		loc := page.Location(ctx)
		return loc != "" && loc != before, nil
	})
}

// stepBase splits an address such as …/apply/123/basic-info into the part
// before the step ("…/apply/123/") and the step, when the last segment is a
// step page's id.
func stepBase(loc string) (base, step string) {
	u, err := url.Parse(loc)
	if err != nil {
		return "", ""
	}
	last := path.Base(u.Path)
	if !slices.Contains(stepPages, last) {
		return "", ""
	}
	u.RawQuery, u.Fragment = "", ""
	u.Path = strings.TrimSuffix(u.Path, last)
	return u.String(), last
}
