package aftercare

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
)

// Pages a session needs besides the fill flow's login and 我的申请.
const (
	DetailPage     = "app-detail"
	SupplementPage = "supplement"
	ReviewPage     = "review"
)

// Session is a logged-in tab on 我的申请 (after portal.Open).
type Session struct {
	tab     context.Context
	maps    *pagemap.Set
	timeout time.Duration
	never   []string
	listURL string
	now     func() time.Time
}

// NewSession takes over a tab that portal.Open left on 我的申请. timeout
// bounds each wait for the page (0: 20 s).
func NewSession(tab context.Context, maps *pagemap.Set, timeout time.Duration) (*Session, error) {
	if err := maps.Require(portal.ListPage, DetailPage); err != nil {
		return nil, exitcode.With(exitcode.Drift, err)
	}
	if timeout == 0 {
		timeout = 20 * time.Second
	}
	s := &Session{tab: tab, maps: maps, timeout: timeout, now: time.Now}
	for _, p := range maps.Pages() {
		s.never = append(s.never, maps.Get(p).NeverClick...)
	}
	// The session reads pages with the old helper script (window.__af),
	// which the engine no longer installs.
	if err := portal.InstallHelpers(tab); err != nil {
		return nil, err
	}
	if err := s.waitPage(portal.ListPage); err != nil {
		return nil, err
	}
	var err error
	s.listURL, err = run(s.tab, chromedp.Location())
	return s, err
}

// SetClock replaces the clock that counts the days left (tests).
func (s *Session) SetClock(now func() time.Time) { s.now = now }

// run runs one chromedp action, bounded.
func run[T any](ctx context.Context, a chromedp.Action[T]) (T, error) {
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	return chromedp.Run(tctx, a)
}

// js calls a page helper (window.__af.fn).
func js[T any](s *Session, fn string, args ...any) (T, error) {
	return portal.CallJS[T](s.tab, "__af."+fn, args...)
}

// detect returns the known pages the tab shows.
func (s *Session) detect() ([]string, error) {
	return js[[]string](s, "detect", s.maps.DetectRules())
}

// waitPage waits until the tab shows page, rendered (no template
// placeholder {{ }} left in view) and settled twice in a row.
func (s *Session) waitPage(page string) error {
	var found []string
	quiet := 0
	err := portal.WaitFor(s.tab, s.timeout, "page "+page, func() (bool, error) {
		var err error
		if found, err = s.detect(); err != nil || len(found) != 1 || found[0] != page {
			quiet = 0
			return false, err
		}
		ok, err := run(s.tab, chromedp.Evaluate[bool](`__af.idle() && !document.body.innerText.includes("{{")`))
		if err != nil || !ok {
			quiet = 0
			return false, err
		}
		quiet++
		return quiet >= 2, nil
	})
	if err != nil {
		if errors.Is(err, portal.ErrTimeout) {
			m := s.maps.Get(page)
			return exitcode.With(exitcode.Drift, fmt.Errorf("waiting for %s (%s): the browser shows %v instead (%w); if the portal changed, run autofill check", page, m.Title, found, err))
		}
		return err
	}
	return nil
}

// backToList returns to 我的申请 by its address (navigation, no click).
func (s *Session) backToList() error {
	if _, err := run(s.tab, chromedp.Navigate(s.listURL)); err != nil {
		return fmt.Errorf("opening 我的申请 again: %w", err)
	}
	return s.waitPage(portal.ListPage)
}

// reload loads the current page again, to read what the server kept.
func (s *Session) reload(page string) error {
	if _, err := run(s.tab, chromedp.Reload()); err != nil {
		return err
	}
	return s.waitPage(page)
}

// click clicks the one visible element of css through the click guard.
func (s *Session) click(page, css, why string) error {
	return s.clickWith(page, why, func() (portal.Point, error) {
		return js[portal.Point](s, "target", css, s.never)
	})
}

// clickWith waits until the target is there, enabled and uncovered, then
// clicks it through portal.Click (which refuses 提交 and 支付).
func (s *Session) clickWith(page, why string, locate func() (portal.Point, error)) error {
	var p portal.Point
	err := portal.WaitFor(s.tab, s.timeout, "click "+why, func() (bool, error) {
		var err error
		p, err = locate()
		return err == nil && p.Found && !p.Covered && !p.Disabled, err
	})
	if err != nil {
		if !p.Found {
			return exitcode.With(exitcode.Drift, fmt.Errorf("click %s on %s: not on the page (%w); run autofill check", why, page, err))
		}
		return fmt.Errorf("click %s on %s: %w", why, page, err)
	}
	return portal.Click(s.tab, page, p)
}

// value reads a map value's text ("" when the page does not show it).
func (s *Session) value(page, name string) (string, error) {
	v, ok := s.maps.Get(page).Value(name)
	if !ok {
		return "", nil
	}
	if v.Many {
		return "", fmt.Errorf("%s value %s is a list", page, name)
	}
	t, err := js[string](s, "text", v.CSS)
	return orEmpty(t), err
}

// values reads a list value: every visible match's text.
func (s *Session) values(page, name string) ([]string, error) {
	v, ok := s.maps.Get(page).Value(name)
	if !ok {
		return nil, nil
	}
	expr := fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).filter(__af.visible).map((e) => __af.norm(e.innerText))`, v.CSS)
	tctx, cancel := context.WithTimeout(s.tab, 30*time.Second)
	defer cancel()
	return chromedp.Run(tctx, chromedp.Evaluate[[]string](expr))
}

// screenshot saves the page as the run directory's screenshot of page.
func (s *Session) screenshot(runDir, page string) (string, error) {
	png, err := run(s.tab, chromedp.FullScreenshot(100))
	if err != nil {
		return "", err
	}
	return portal.SaveScreenshot(runDir, page, "", png)
}

// waitFor is portal.WaitFor on the session's tab with its timeout.
func waitFor(s *Session, what string, cond func() (bool, error)) error {
	return portal.WaitFor(s.tab, s.timeout, what, cond)
}

// Screenshot saves the page the tab shows into runDir's screenshots and
// returns its path relative to runDir.
func (s *Session) Screenshot(runDir string) (string, error) {
	found, err := s.detect()
	if err != nil || len(found) != 1 {
		return "", err
	}
	return s.screenshot(runDir, found[0])
}
