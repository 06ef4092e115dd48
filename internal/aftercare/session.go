package aftercare

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
)

// Pages a session needs besides the fill flow's login and 我的申请.
const (
	DetailPage     = "app-detail"
	SupplementPage = "supplement"
	ReviewPage     = "review"
)

// Session is a logged-in tab on 我的申请 (after portal.Open, which
// prepared the tab for internal/page).
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
	if err := s.waitPage(portal.ListPage); err != nil {
		return nil, err
	}
	s.listURL = page.Location(tab)
	return s, nil
}

// SetClock replaces the clock that counts the days left (tests).
func (s *Session) SetClock(now func() time.Time) { s.now = now }

// navTimeout bounds a navigation of the session's tab.
const navTimeout = 60 * time.Second

// detect returns the known pages the tab shows.
func (s *Session) detect() ([]string, error) {
	return page.Call[[]string](s.tab, "detect", s.maps.DetectRules())
}

// waitPage waits, in the page, until the tab shows page rendered (no
// template placeholder {{ }} left in view), then until it has settled.
func (s *Session) waitPage(id string) error {
	deadline := time.Now().Add(s.timeout)
	_, err := page.UntilFunc[bool](s.tab, s.timeout, "page "+id, page.OnMutation, shownFunc, s.maps.DetectRules(), id)
	if err == nil {
		err = page.Settled(s.tab, max(time.Until(deadline), time.Second))
	}
	if errors.Is(err, page.ErrTimeout) {
		found, _ := s.detect()
		m := s.maps.Get(id)
		return exitcode.With(exitcode.Drift, fmt.Errorf("waiting for %s (%s): the browser shows %v instead (%w); if the portal changed, run autofill check", id, m.Title, found, err))
	}
	return err
}

// backToList returns to 我的申请 by its address (navigation, no click).
func (s *Session) backToList() error {
	if err := page.Bounded(s.tab, navTimeout, "opening 我的申请", func(ctx context.Context) error { return page.Navigate(ctx, s.listURL) }); err != nil {
		return fmt.Errorf("opening 我的申请 again: %w", err)
	}
	return s.waitPage(portal.ListPage)
}

// reload loads the current page again, to read what the server kept.
func (s *Session) reload(id string) error {
	if err := page.Bounded(s.tab, navTimeout, "reloading "+id, page.Reload); err != nil {
		return err
	}
	return s.waitPage(id)
}

// clicker clicks on page id through the one click guard (portal.CheckClick,
// which refuses 提交 and 支付) after the page layer's actionability checks.
func (s *Session) clicker(id string) page.Clicker {
	return page.Clicker{Guard: portal.Guard(id), Never: s.never, Timeout: s.timeout}
}

// click clicks the one visible element of css.
func (s *Session) click(id, css, why string) error {
	return s.clickWith(id, why, func() (page.Element, error) { return page.Query(s.tab, css) })
}

// clickWith waits until locate finds the target, then clicks it once it is
// actionable.
func (s *Session) clickWith(id, why string, locate func() (page.Element, error)) error {
	var el page.Element
	err := waitFor(s, "click "+why, func() (bool, error) {
		var err error
		el, err = locate()
		var se *page.StrictError
		if errors.As(err, &se) {
			return false, nil
		}
		return el != "", err
	})
	if err != nil {
		if errors.Is(err, page.ErrTimeout) {
			return exitcode.With(exitcode.Drift, fmt.Errorf("click %s on %s: not on the page (%w); run autofill check", why, id, err))
		}
		return fmt.Errorf("click %s on %s: %w", why, id, err)
	}
	if err := s.clicker(id).Click(s.tab, el, why); err != nil {
		return fmt.Errorf("on %s: %w", id, err)
	}
	return nil
}

// value reads a map value's text ("" when the page does not show it).
func (s *Session) value(id, name string) (string, error) {
	v, ok := s.maps.Get(id).Value(name)
	if !ok {
		return "", nil
	}
	if v.Many {
		return "", fmt.Errorf("%s value %s is a list", id, name)
	}
	t, err := page.Call[string](s.tab, "text", v.CSS)
	return orEmpty(t), err
}

// values reads a list value: every visible match's text.
func (s *Session) values(id, name string) ([]string, error) {
	v, ok := s.maps.Get(id).Value(name)
	if !ok {
		return nil, nil
	}
	return page.CallFunc[[]string](s.tab, "", textsFunc, v.CSS)
}

// screenshot saves the page as the run directory's screenshot of page.
func (s *Session) screenshot(runDir, id string) (string, error) {
	png, err := page.FullPNG(s.tab)
	if err != nil {
		return "", err
	}
	return portal.SaveScreenshot(runDir, id, "", png)
}

// waitFor is page.WaitFor on the session's tab with its timeout, for
// conditions that combine several page facts (an upload's list and the
// toasts).
func waitFor(s *Session, what string, cond func() (bool, error)) error {
	return page.WaitFor(s.tab, s.timeout, what, cond)
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
