package portal

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/steps"
)

// applications checks who is logged in, then picks this degree's row on
// 我的申请 (chooseRow) and continues it, or starts one. It never creates a
// second application for a degree and never touches another degree's row.
func (r *runner) applications(ctx context.Context, m *pagemap.Map) error {
	l := m.List
	if err := r.whoAmI(ctx, m); err != nil {
		return err
	}
	var headers []string
	if err := waitFor(ctx, r.opts.StepTimeout, "the list of applications", func() (bool, error) {
		var err error
		headers, err = tableHeaders(ctx, l.Table)
		return len(headers) > 0, err
	}); err != nil {
		return drift(&DriftError{Page: m.Page, Key: "list.table", Label: l.Table,
			Detail: fmt.Sprintf("no table %q with column headers on the page (%v)", l.Table, err)})
	}
	col := map[string]int{}
	for role, text := range l.Columns {
		col[role] = -1
		for i, h := range headers {
			if normText(h) == normText(text) {
				col[role] = i
			}
		}
		if col[role] < 0 {
			return drift(&DriftError{Page: m.Page, Key: "list.columns." + role, Label: text,
				Detail: fmt.Sprintf("the table has no column %q; its columns are %v", text, headers)})
		}
	}
	cells, err := tableRows(ctx, l.Rows)
	if err != nil {
		return err
	}
	cell := func(row []string, role string) string {
		if i, ok := col[role]; ok && i >= 0 && i < len(row) {
			return row[i]
		}
		return ""
	}
	rows := make([]appRow, len(cells))
	for i, c := range cells {
		rows[i] = appRow{ID: cell(c, "id"), Type: cell(c, "type"), Institution: cell(c, "institution"),
			Degree: cell(c, "degree"), Status: cell(c, "status")}
		if l.Pay.CSS != "" && rows[i].Status == l.Draft {
			bid, err := rowButton(ctx, l.Rows, i, l.Pay.CSS, l.Pay.Text)
			if err != nil {
				return err
			}
			rows[i].Pay = bid != ""
		}
	}
	d := r.vals.d
	deg := r.acct.Degree(d.ID)
	ch := chooseRow(rows, rowWant{Type: r.applyType(), Institution: d.AwardingInstitution, Degree: d.DegreeName,
		Remembered: deg.App, Others: r.acct.Others(d.ID), Draft: l.Draft})
	switch ch.Action {
	case rowPay, rowSubmitted:
		r.res.Submitted = true
		r.res.Left = steps.Submitted(ch.Why)
		return errSubmitted
	case rowContinue:
		id := rows[ch.Index].ID
		r.emit(Event{Type: EvInfo, Message: "continuing " + ch.Why})
		if deg.App != id {
			// Another application than the one remembered: what was filled
			// into the old one says nothing about this one.
			deg.App, deg.Pages = id, map[string]string{}
			if err := r.saveAccount(); err != nil {
				return err
			}
		}
		bid, err := rowButton(ctx, l.Rows, ch.Index, l.Continue.CSS, l.Continue.Text)
		if err != nil {
			return err
		}
		if bid == "" {
			return drift(&DriftError{Page: m.Page, Key: "list.continue", Label: l.Continue.Text,
				Detail: fmt.Sprintf("row %s has no %q button (%s)", id, l.Continue.Text, l.Continue.CSS)})
		}
		if err := r.clickID(ctx, bid, l.Continue.Text); err != nil {
			return err
		}
	default:
		r.emit(Event{Type: EvInfo, Message: "starting a new application (" + ch.Why + ")"})
		if deg.App != "" || len(deg.Pages) > 0 {
			deg.App, deg.Pages = "", map[string]string{}
			if err := r.saveAccount(); err != nil {
				return err
			}
		}
		if err := r.clickTarget(ctx, m, "list.new", l.New); err != nil {
			return err
		}
	}
	return waitFor(ctx, r.opts.StepTimeout, "the application to open", r.left(ctx, m.Page))
}

// applyType is the 申请类型 text this degree's row shows, from the map's options.
func (r *runner) applyType() string {
	m := r.maps.Get("apply-type")
	if m == nil {
		return ""
	}
	for _, f := range m.Fields {
		if f.Key == "application.type" {
			v, _ := r.vals.get(f.Key)
			if w, err := wantFor(f, v); err == nil {
				return w.text
			}
		}
	}
	return ""
}

// rememberApp notes the application id in the address of a step page (the
// map's list.id_in_url), so a re-run from any directory continues this
// degree's draft even after its school or degree name changed.
func (r *runner) rememberApp(ctx context.Context) error {
	lm := r.listMap()
	if lm == nil || lm.List.IDInURL == "" {
		return nil
	}
	re, err := regexp.Compile(lm.List.IDInURL)
	if err != nil {
		return drift(&DriftError{Page: lm.Page, Key: "list.id_in_url", Label: lm.List.IDInURL, Detail: "not a valid regular expression: " + err.Error()})
	}
	sm := re.FindStringSubmatch(location(ctx))
	if len(sm) < 2 || sm[1] == "" {
		return nil
	}
	deg := r.acct.Degree(r.vals.d.ID)
	if deg.App == sm[1] {
		return nil
	}
	if deg.App != "" {
		deg.Pages = map[string]string{} // fingerprints of another application
	}
	deg.App = sm[1]
	return r.saveAccount()
}

func (r *runner) listMap() *pagemap.Map {
	for _, p := range r.maps.Pages() {
		if m := r.maps.Get(p); m.List != nil {
			return m
		}
	}
	return nil
}

// whoAmI compares the user centre's name and masked ID with the profile
// before anything is created or accepted: on someone else's account the run
// stops having changed nothing.
func (r *runner) whoAmI(ctx context.Context, m *pagemap.Map) error {
	u := m.List.User
	if u.Name == "" {
		return nil
	}
	var name, id string
	_ = waitFor(ctx, r.opts.StepTimeout, "the user centre's name", func() (bool, error) {
		var err error
		name, err = textOf(ctx, u.Name)
		return name != "", err
	})
	if name == "" {
		return drift(&DriftError{Page: m.Page, Key: "list.user.name", Label: u.Name,
			Detail: "the page shows no logged-in user's name; autofill checks it before creating or continuing an application"})
	}
	if u.ID != "" {
		id, _ = textOf(ctx, u.ID)
	}
	a := r.vals.p.Applicant
	var diffs []string
	formOnly := true // the same rule as the basic-info guard (step.go)
	switch {
	case normText(name) == normText(a.Name):
	case SameNameForm(a.Name, name) && a.AcceptNameForm:
	case SameNameForm(a.Name, name):
		diffs = append(diffs, r.red.String(nameFormDiff("姓名", name, a.Name)))
	default:
		formOnly = false
		diffs = append(diffs, r.red.String(fmt.Sprintf("姓名: the portal shows %q, the profile has %q", name, a.Name)))
	}
	if id != "" && !maskedMatch(id, a.IDNumber) {
		formOnly = false
		diffs = append(diffs, fmt.Sprintf("证件号码: the portal shows %s, the profile's does not fit it", id))
	}
	if len(diffs) > 0 {
		return failure(&IdentityError{Diffs: diffs, FormOnly: formOnly})
	}
	return nil
}

// maskedMatch reports whether a masked ID (1101**********1234) fits the
// full one: same length, same characters wherever the mask shows one.
func maskedMatch(masked, full string) bool {
	m, f := []rune(strings.ToUpper(strings.TrimSpace(masked))), []rune(strings.ToUpper(strings.TrimSpace(full)))
	if len(m) != len(f) {
		return false
	}
	for i := range m {
		if m[i] != '*' && m[i] != '•' && m[i] != f[i] {
			return false
		}
	}
	return true
}
