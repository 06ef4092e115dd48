package portal

import (
	"context"
	"fmt"
	"time"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
)

// ListPage is the page id of 我的申请 in the built-in flow (aftercare
// names it); Open stops on the list page of the loaded maps' flow.
const ListPage = "applications"

// Open logs the tab in exactly as Run does (the user name and password
// typed, the captcha handed to the person) and stops on 我的申请, for the
// commands that read or answer an application after 提交. It fills
// nothing: a page other than the login and 我的申请 is an error.
// Options.DegreeID may be empty when the profile has several degrees.
func Open(ctx context.Context, o Options) error {
	if err := o.defaults(); err != nil {
		return err
	}
	var d *profile.Degree
	if len(o.Profile.Degrees) > 0 {
		d = &o.Profile.Degrees[0]
	}
	if o.DegreeID != "" {
		var err error
		if d, err = o.Profile.Degree(o.DegreeID); err != nil {
			return err
		}
	}
	r := &runner{
		opts:      o,
		vals:      &values{p: o.Profile, d: d},
		maps:      o.Maps,
		state:     &State{Pages: map[string]time.Time{}},
		red:       profile.NewRedactor(o.Profile),
		res:       &Result{RunDir: o.RunDir},
		visits:    map[string]int{},
		addedRows: map[int]bool{},
		stopAt:    o.Maps.PageOf(pagemap.StepList), // 我的申请, by flow.yaml
	}
	for _, p := range o.Maps.Pages() {
		r.never = append(r.never, o.Maps.Get(p).NeverClick...)
	}
	if err := r.loop(ctx); err != nil {
		r.emit(Event{Type: EvError, Page: r.page, Message: err.Error()})
		return err
	}
	return nil
}

// stopped ends an Open run on the page it reached.
func (r *runner) stopped(m *pagemap.Map) error {
	if m.Page != r.stopAt {
		return failure(fmt.Errorf("after logging in the portal shows %s (%s), not %s; open %s in the browser and run again", m.Page, m.Title, r.maps.Get(r.stopAt).Title, r.maps.Get(r.stopAt).Title))
	}
	r.emit(Event{Type: EvInfo, Message: "logged in: " + m.Title})
	return nil
}
