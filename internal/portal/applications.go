package portal

import (
	"context"
	"fmt"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// Draft status on 我的申请 (PORTAL.md): only these can be filled.
const statusDraft = "未提交"

// applications picks this degree's draft on 我的申请 and continues it, or
// starts one. It never creates a second application for a degree: a draft
// with the same awarding institution and degree name is this degree's, and a
// blank draft (created by an earlier run that stopped before 申请信息) is
// reused before a new one is made.
func (r *runner) applications(ctx context.Context, m *pagemap.Map) error {
	l := m.List
	var headers []string
	if err := waitFor(ctx, r.opts.StepTimeout, "the list of applications", func() (bool, error) {
		var err error
		headers, err = call[[]string](ctx, "tableHeaders", l.Table)
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
	rows, err := call[[][]string](ctx, "tableRows", l.Rows)
	if err != nil {
		return err
	}
	cell := func(row []string, role string) string {
		if i := col[role]; i >= 0 && i < len(row) {
			return row[i]
		}
		return ""
	}
	d := r.vals.d
	match, blank := -1, -1
	for i, row := range rows {
		inst, deg, status := cell(row, "institution"), cell(row, "degree"), cell(row, "status")
		switch {
		case normText(inst) == normText(d.AwardingInstitution) && normText(deg) == normText(d.DegreeName):
			if status != statusDraft {
				r.res.Ready = true
				return failure(fmt.Errorf("the application for %s, %s is already %s (%s): there is no draft to fill", d.AwardingInstitution, d.DegreeName, status, cell(row, "id")))
			}
			if match < 0 {
				match = i
			}
		case inst == "" && deg == "" && status == statusDraft:
			blank = i
		}
	}
	pick := match
	if pick < 0 {
		pick = blank
	}
	if pick >= 0 {
		id := cell(rows[pick], "id")
		r.emit(Event{Type: EvInfo, Message: "continuing application " + id})
		bid, err := call[string](ctx, "rowButton", l.Rows, pick, l.Continue.CSS, l.Continue.Text)
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
	} else {
		r.emit(Event{Type: EvInfo, Message: "starting a new application"})
		if err := r.clickCSS(ctx, l.New.CSS, l.New.Text); err != nil {
			return err
		}
	}
	return waitFor(ctx, r.opts.StepTimeout, "the application to open", r.left(ctx, m.Page))
}
