package capture

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
)

// SimPath is where a demo-mode simulator shows a page: the seeded demo
// draft's step URLs open directly once logged in.
func SimPath(page string) string {
	switch page {
	case "login":
		return "/login"
	case "applications":
		return "/user/applications"
	case "agreement":
		return "/apply/new/agreement"
	}
	return "/apply/" + portalsim.DemoAppID + "/" + page
}

// SimValues are the demo account's personal texts, scrubbed like anyone's.
func SimValues() []string {
	a := portalsim.DemoAccount
	return []string{a.Username, a.Password, a.Name, a.IDNumber}
}

// Sim records every mapped page of a demo-mode simulator at base (start it
// with the captcha on, so the login page shows every field): the login page
// first, then it logs in as the demo account and opens each page's URL.
// Conditional controls are revealed. Snapshots come in flow order.
func Sim(ctx context.Context, base string, o Options) ([]*Snapshot, error) {
	base = strings.TrimRight(base, "/")
	o.Reveal = true
	o.Values = append(append([]string(nil), o.Values...), SimValues()...)
	if err := portal.InstallHelpers(ctx); err != nil {
		return nil, err
	}
	var out []*Snapshot
	for _, page := range o.Maps.Pages() {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+SimPath(page))); err != nil {
			return out, fmt.Errorf("opening %s: %w", SimPath(page), err)
		}
		if err := waitPage(ctx, o.Maps, page, o.timeout()); err != nil {
			return out, fmt.Errorf("simulator page %s (%s): %w", page, SimPath(page), err)
		}
		snap, err := Take(ctx, page, o)
		if err != nil {
			return out, err
		}
		o.Values = append(o.Values, snap.Typed...)
		out = append(out, snap)
		if page == "login" {
			if err := simLogin(ctx); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// simLogin logs the tab in as the demo account through the simulator's API,
// reading the captcha's answer from its test hook. On the SSO (a variant:
// the tab is on the other origin, with lookBackAddr) it slides, logs in
// there and follows the redirect back with the token.
func simLogin(ctx context.Context) error {
	a := portalsim.DemoAccount
	js := fmt.Sprintf(`(async () => {
  const back = new URLSearchParams(location.search).get("lookBackAddr");
  if (back) {
    const post = (u, b) => fetch(u, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(b)});
    const slider = (await (await post("/api/slider", {})).json()).token;
    const r = await post("/api/login", {username: %[1]q, password: %[2]q, slider, lookBackAddr: back});
    if (r.ok) { const j = await r.json(); await fetch(j.redirect, {credentials: "include", mode: "no-cors"}); }
    return r.status;
  }
  let captcha = "";
  try { captcha = (await (await fetch("/__sim/captcha")).json()).answer || ""; } catch (e) {}
  const r = await fetch("/api/login", {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({username: %[1]q, password: %[2]q, captcha})});
  return r.status;
})()`, a.Username, a.Password)
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("logging in to the simulator: %w", err)
	}
	if status != 200 {
		return fmt.Errorf("logging in to the simulator as %s: HTTP %d", a.Username, status)
	}
	return nil
}

// waitPage waits until the tab shows page and no other known page.
func waitPage(ctx context.Context, maps *pagemap.Set, page string, timeout time.Duration) error {
	rules := maps.DetectRules()
	var found []string
	err := portal.WaitFor(ctx, timeout, "page "+page, func() (bool, error) {
		var err error
		found, err = call[[]string](ctx, "detect", rules)
		return len(found) == 1 && found[0] == page, err
	})
	if err != nil && len(found) > 0 {
		return fmt.Errorf("%w (the page matches %v)", err, found)
	}
	return err
}
