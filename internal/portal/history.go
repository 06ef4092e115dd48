package portal

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
)

// history reconciles the 学习经历 table with the profile: rows the page
// already has (the degree's own row is added by the portal) are left alone,
// missing ones are added through the dialog, and rows the profile lacks are
// reported, never deleted. Re-running adds nothing twice.
func (r *runner) history(ctx context.Context, m *pagemap.Map, f pagemap.Field) error {
	t := f.Table
	if _, _, err := r.resolve(ctx, m, f, ""); err != nil {
		return err
	}
	var headers []string
	if err := waitFor(ctx, r.opts.StepTimeout, "the "+f.Label+" table", func() (bool, error) {
		var err error
		headers, err = tableHeaders(ctx, f.CSS)
		return len(headers) > 0, err
	}); err != nil {
		return err
	}
	cols := map[string]int{}
	for i, h := range headers {
		cols[normText(h)] = i
	}
	for _, c := range t.Headers() {
		if _, ok := cols[normText(c)]; !ok {
			return drift(&DriftError{Page: m.Page, Key: f.Key, Label: c,
				Detail: fmt.Sprintf("the table has no column %q; its columns are %v", c, headers)})
		}
	}
	level := dialogField(t, "study.level")
	// Reconcile until every profile row is on the page: add the first one
	// missing, read the table again, repeat. Reading afresh each time keeps
	// this right even when the portal re-sorts or reloads the table.
	pruned := 0
reconcile:
	for added := 0; ; added++ {
		rows, err := tableRows(ctx, t.Rows)
		if err != nil {
			return err
		}
		at, used := matchRows(rows, cols, t, r.vals.p.StudyHistory)
		missing := -1
		var reports []FieldReport
		for i := range r.vals.p.StudyHistory {
			s := &r.vals.p.StudyHistory[i]
			rep := FieldReport{Key: fmt.Sprintf("study_history[%d]", i), Label: f.Label, Kind: string(f.Kind), Value: rowText(s, level), Status: Already}
			if j := at[i]; j >= 0 {
				rep.Found = strings.Join(rows[j], " | ")
				if r.addedRows[i] {
					rep.Status = Filled
				}
			} else if missing < 0 {
				missing = i
			}
			reports = append(reports, rep)
		}
		if missing < 0 {
			for i := range reports {
				r.emit(Event{Type: EvField, Field: &reports[i]})
			}
			for j, row := range rows {
				if !used[j] && !r.degreeRow(row) {
					text := rowCells(row, len(t.DataColumns()))
					r.extra(m, f.Label, text)
					if r.opts.Prune && pruned < len(rows) {
						// One at a time: the table changes, so read it again.
						if err := r.pruneRow(ctx, m, f, j, text); err != nil {
							return err
						}
						pruned++
						added-- // a deletion, not an addition
						continue reconcile
					}
				}
			}
			return nil
		}
		if added >= len(r.vals.p.StudyHistory) {
			rep := reports[missing]
			rep.Status, rep.Error = Failed, "added, but no row of the table shows it"
			r.emit(Event{Type: EvField, Field: &rep})
			return failure(&MismatchError{Page: m.Page, Label: f.Label + " " + rep.Key, Want: rep.Value, Got: fmt.Sprint(rows)})
		}
		if err := r.addRow(ctx, m, f, &r.vals.p.StudyHistory[missing]); err != nil {
			return err
		}
		r.addedRows[missing] = true
		if gone, _ := r.left(ctx, m.Page)(); gone {
			return errLeftPage
		}
	}
}

// rowCells is a row's text without its trailing action cells (编辑 删除).
func rowCells(row []string, n int) string {
	if n > 0 && n < len(row) {
		row = row[:n]
	}
	return strings.Join(row, " | ")
}

// degreeRow reports whether a row is the one the portal adds for the
// degree itself: it spans the degree's start and end months.
func (r *runner) degreeRow(row []string) bool {
	d := r.vals.d
	s, e := d.Start.String(), d.End.String()
	if len(s) < 7 || len(e) < 7 {
		return false
	}
	text := strings.Join(row, " ")
	return strings.Contains(text, s[:7]) && strings.Contains(text, e[:7])
}

func dialogField(t *pagemap.TableSpec, key string) pagemap.Field {
	for _, f := range t.Fields {
		if f.Key == key {
			return f
		}
	}
	return pagemap.Field{Key: key}
}

func rowText(s *profile.Study, level pagemap.Field) string {
	lv := s.Level
	if w, err := wantFor(level, s.Level); err == nil {
		lv = w.text
	}
	return fmt.Sprintf("%s–%s %s %s %s %s", s.From, s.To, s.Country, s.School, s.Major, lv)
}

// matchRows pairs each profile entry with the first unused table row that
// shows it: at[i] is entry i's row, -1 when the table lacks it (the rows
// to add); used marks the rows some entry claimed (the others are extras).
func matchRows(rows [][]string, cols map[string]int, t *pagemap.TableSpec, history []profile.Study) (at []int, used []bool) {
	used = make([]bool, len(rows))
	at = make([]int, len(history))
	for i := range history {
		at[i] = findRow(rows, used, cols, t, &history[i])
		if at[i] >= 0 {
			used[at[i]] = true
		}
	}
	return at, used
}

// findRow returns the first unused row showing entry s: each of the map's
// data columns reads the row's value of its key, and a column of several
// keys (the period) shows each of them.
func findRow(rows [][]string, used []bool, cols map[string]int, t *pagemap.TableSpec, s *profile.Study) int {
	data := t.DataColumns()
	want := make([][]string, len(data))
	for k, c := range data {
		for _, key := range c.AllKeys() {
			want[k] = append(want[k], studyText(t, s, key))
		}
	}
	for j, row := range rows {
		if used[j] {
			continue
		}
		ok := true
		for k, c := range data {
			cell := ""
			if i, found := cols[normText(c.Header)]; found && i < len(row) {
				cell = row[i]
			}
			if len(want[k]) == 1 {
				ok = ok && normText(cell) == normText(want[k][0])
				continue
			}
			for _, w := range want[k] {
				ok = ok && strings.Contains(cell, w)
			}
		}
		if ok {
			return j
		}
	}
	return -1
}

// studyText is how a table shows key of row s: the dialog's option text
// for the value (学历/学位), else the value as the profile writes it.
func studyText(t *pagemap.TableSpec, s *profile.Study, key string) string {
	v, _ := lookup(reflect.ValueOf(s).Elem(), strings.TrimPrefix(key, "study."))
	if w, err := wantFor(dialogField(t, key), v); err == nil {
		return w.text
	}
	return fmt.Sprint(v)
}

// addRow opens the 新增 dialog, fills it, confirms, and waits for it to
// close (retrying a 5xx like a page save).
func (r *runner) addRow(ctx context.Context, m *pagemap.Map, f pagemap.Field, s *profile.Study) error {
	t := f.Table
	r.vals.study = s
	defer func() { r.vals.study = nil }()
	if err := r.clickTarget(ctx, m, "table.add", t.Add); err != nil {
		return err
	}
	if err := page.UntilCount(ctx, r.opts.StepTimeout, "the "+t.Add.Text+" dialog", t.Dialog, 1); err != nil {
		return err
	}
	for _, df := range t.Fields {
		if _, err := r.fillField(ctx, m, df, t.Dialog); err != nil {
			return err
		}
	}
	out, sig, err := r.save(ctx, saveOp{
		what: "学习经历: " + t.OK.Text,
		act:  func(ctx context.Context) error { return r.clickTarget(ctx, m, "table.ok", t.OK) },
		observe: func(ctx context.Context, seq mark) (saveSignals, error) {
			var s saveSignals
			n, err := visibleCount(ctx, t.Dialog)
			if s.Done = n == 0; err != nil || s.Done {
				return s, err
			}
			if s.Settled, err = idle(ctx); err != nil || !s.Settled {
				return s, err
			}
			s.FormErrors, _ = formErrors(ctx, t.Dialog)
			s.Responses = responsesSince(ctx, seq)
			s.Toasts = r.toastsSince(ctx, seq)
			return s, nil
		},
	})
	switch {
	case errors.Is(err, errSaveTimeout):
		return failure(fmt.Errorf("page %s: clicked %s in the %s dialog but it did not close (%w)", m.Page, t.OK.Text, t.Add.Text, err))
	case err != nil:
		return err
	}
	switch out {
	case saveDone:
		return r.waitIdle(ctx)
	case saveExpired, saveMoved:
		return errLeftPage // the session expired: the loop logs in again and comes back
	case saveServerError:
		return serverFailed(m.Page, r.opts.Retries, sig)
	}
	return failure(&ValidationError{Page: m.Page, Fields: sig.FormErrors, Toast: toastText(sig.Toasts)})
}
