package capture

import (
	"context"
	"fmt"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
)

// Watch records the pages a person walks through in the tab: each known
// page once it shows and has settled, again when its address changes, and
// whatever the tab shows when a value arrives on enter (a page no map knows
// is saved as unknown-N). save receives every snapshot; say reports what
// happens. It returns when ctx ends or enter is closed.
func Watch(ctx context.Context, o Options, enter <-chan struct{}, save func(*Snapshot) error, say func(format string, a ...any)) error {
	if err := page.Install(ctx); err != nil {
		return err
	}
	type state struct {
		URL   string   `json:"url"`
		Found []string `json:"found"`
		Ready bool     `json:"ready"`
	}
	rules := o.Maps.DetectRules()
	look := func() (state, error) {
		var st state
		var err error
		if st.Found, err = page.Call[[]string](ctx, "detect", rules); err != nil {
			return st, err
		}
		st.URL = page.Location(ctx)
		ready, err := page.Call[struct {
			OK bool `json:"ok"`
		}](ctx, "settled", 100)
		busy, berr := page.CallFunc[bool](ctx, "", busyFunc)
		st.Ready = err == nil && berr == nil && ready.OK && !busy && page.Idle(ctx)
		return st, nil
	}
	take := func(page string) {
		say("recording %s … (leave the page alone for a moment)", page)
		snap, err := Take(ctx, page, o)
		if err != nil {
			say("could not record %s: %v", page, err)
			return
		}
		o.Values = append(o.Values, snap.Typed...)
		for _, w := range snap.Warnings {
			say("warning: %s", w)
		}
		if err := save(snap); err != nil {
			say("could not save %s: %v", page, err)
		}
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	last, unknown, quiet := "", 0, 0
	for {
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-enter:
			if !ok {
				return nil
			}
			st, err := look()
			page := ""
			if err == nil && len(st.Found) == 1 {
				page = st.Found[0]
			} else {
				unknown++
				page = fmt.Sprintf("unknown-%d", unknown)
			}
			take(page)
			last = page + " " + st.URL
			continue
		case <-tick.C:
		}
		st, err := look()
		if err != nil || len(st.Found) != 1 {
			quiet = 0
			continue
		}
		key := st.Found[0] + " " + st.URL
		if key == last {
			continue
		}
		if !st.Ready {
			quiet = 0
			continue
		}
		if quiet++; quiet < 2 {
			continue
		}
		quiet = 0
		take(st.Found[0])
		last = key
	}
}
