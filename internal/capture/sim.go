package capture

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
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
	return "/apply/" + dryrun.DemoAppID + "/" + page
}

// SimValues are the demo account's personal texts, scrubbed like anyone's.
func SimValues() []string {
	a := dryrun.DemoAccount
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
	if err := page.Install(ctx); err != nil {
		return nil, err
	}
	var out []*Snapshot
	var after map[string]string // the pages after 提交, once seeded
	for _, pageID := range o.Maps.Pages() {
		path := SimPath(pageID)
		if slices.Contains(pagemap.AfterPages, pageID) {
			if after == nil {
				var err error
				if after, err = seedAfter(ctx); err != nil {
					return out, err
				}
			}
			path = after[pageID]
		}
		if err := page.Navigate(ctx, base+path); err != nil {
			return out, fmt.Errorf("opening %s: %w", path, err)
		}
		if err := waitPage(ctx, o.Maps, pageID, o.timeout()); err != nil {
			return out, fmt.Errorf("simulator pageID %s (%s): %w", pageID, path, err)
		}
		snap, err := Take(ctx, pageID, o)
		if err != nil {
			return out, err
		}
		o.Values = append(o.Values, snap.Typed...)
		out = append(out, snap)
		if pageID == "login" {
			if err := simLogin(ctx); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

var (
	//go:embed js/seed_after.js
	seedAfterJS string
	//go:embed js/sim_login.js
	simLoginJS string

	seedAfterFunc = page.Func{Name: "capture.seed_after", Source: seedAfterJS}
	simLoginFunc  = page.Func{Name: "capture.sim_login", Source: simLoginJS}
)

// seedAfter moves two applications of the demo account on through the
// simulator's hook, for the pages after 提交: one waits for a re-upload
// (补交材料), one is 认证完成 (查看 with its 认证书, and 复核). It returns
// each page's path.
func seedAfter(ctx context.Context) (map[string]string, error) {
	a := dryrun.DemoAccount
	ids, err := page.CallFunc[[]string](ctx, "", seedAfterFunc, a.Username)
	if err != nil || len(ids) != 2 || ids[0] == "" || ids[1] == "" {
		return nil, fmt.Errorf("seeding the pages after 提交 through /__sim/advance: %v %v", ids, err)
	}
	return map[string]string{
		"app-detail": "/user/applications/" + ids[1],
		"supplement": "/user/applications/" + ids[0] + "/supplement",
		"review":     "/user/applications/" + ids[1] + "/review",
	}, nil
}

// simLogin logs the tab in as the demo account through the simulator's API,
// reading the captcha's answer from its test hook. On the SSO (a variant:
// the tab is on the other origin, with lookBackAddr) it slides, logs in
// there and follows the redirect back with the token.
func simLogin(ctx context.Context) error {
	a := dryrun.DemoAccount
	status, err := page.CallFunc[int](ctx, "", simLoginFunc, a.Username, a.Password)
	if err != nil {
		return fmt.Errorf("logging in to the simulator: %w", err)
	}
	if status != 200 {
		return fmt.Errorf("logging in to the simulator as %s: HTTP %d", a.Username, status)
	}
	return nil
}

// waitPage waits until the tab shows page and no other known page.
func waitPage(ctx context.Context, maps *pagemap.Set, pageID string, timeout time.Duration) error {
	rules := maps.DetectRules()
	var found []string
	err := page.WaitFor(ctx, timeout, "page "+pageID, func() (bool, error) {
		var err error
		found, err = page.Call[[]string](ctx, "detect", rules)
		return len(found) == 1 && found[0] == pageID, err
	})
	if err != nil && len(found) > 0 {
		return fmt.Errorf("%w (the page matches %v)", err, found)
	}
	return err
}
