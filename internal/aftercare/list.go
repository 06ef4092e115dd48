package aftercare

import (
	"fmt"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
)

// List reads the rows of 我的申请: id, institution, degree, status and the
// row actions each offers. The tab must show 我的申请.
func (s *Session) List() ([]*Application, error) {
	m := s.maps.Get(portal.ListPage)
	l := m.List
	if l == nil {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no list: section", m.File))
	}
	headers, err := page.Call[[]string](s.tab, "table_headers", l.Table)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for role, text := range l.Columns {
		col[role] = -1
		for i, h := range headers {
			if page.NormText(h) == page.NormText(text) {
				col[role] = i
			}
		}
		if col[role] < 0 {
			return nil, exitcode.With(exitcode.Drift, fmt.Errorf("%s: 我的申请 has no column %q (list.columns.%s); its columns are %v; run autofill check", m.File, text, role, headers))
		}
	}
	rows, err := page.Call[[][]string](s.tab, "table_rows", l.Rows)
	if err != nil {
		return nil, err
	}
	var out []*Application
	for i, row := range rows {
		cell := func(role string) string {
			if c := col[role]; c >= 0 && c < len(row) {
				return orEmpty(row[c])
			}
			return ""
		}
		a := &Application{ID: cell("id"), Institution: cell("institution"), Degree: cell("degree"), Status: cell("status"), row: i}
		for _, act := range []struct {
			name string
			t    pagemap.Target
		}{{"continue", l.Continue}, {"view", l.View}, {"supplement", l.Supplement}, {"review", l.Review}} {
			if act.t.CSS == "" {
				continue
			}
			b, err := s.rowButton(i, act.t)
			if err != nil {
				return nil, err
			}
			if b != "" {
				a.Actions = append(a.Actions, act.name)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// rowAction clicks a row action (view, supplement, review) of a and waits
// for the page it opens.
func (s *Session) rowAction(a *Application, action, opens string) error {
	l := s.maps.Get(portal.ListPage).List
	t := map[string]pagemap.Target{"view": l.View, "supplement": l.Supplement, "review": l.Review}[action]
	if t.CSS == "" {
		return exitcode.With(exitcode.Drift, fmt.Errorf("%s: list.%s is not mapped", s.maps.Get(portal.ListPage).File, action))
	}
	err := s.clickWith(portal.ListPage, t.Text+" of "+a.ID, func() (page.Element, error) { return s.rowButton(a.row, t) })
	if err != nil {
		return err
	}
	return s.waitPage(opens)
}

// rowButton finds the button t in row i of 我的申请 ("" when the row has
// none).
func (s *Session) rowButton(i int, t pagemap.Target) (page.Element, error) {
	_, b, err := page.Locate[struct{}](s.tab, "", "row_button", s.maps.Get(portal.ListPage).List.Rows, i, t.CSS, t.Text)
	return b, err
}

// Detail opens the 查看 page of a (a row of List), reads it into a, and
// returns to 我的申请. Rows without 查看 (drafts) are left as they are.
func (s *Session) Detail(a *Application) error {
	if !a.has("view") {
		return nil
	}
	if err := s.rowAction(a, "view", DetailPage); err != nil {
		return err
	}
	if err := s.readDetail(a); err != nil {
		return err
	}
	return s.backToList()
}

// readDetail reads the 查看 page the tab shows.
func (s *Session) readDetail(a *Application) error {
	p := DetailPage
	get := func(name string) string {
		v, _ := s.value(p, name)
		return v
	}
	if st := get("status"); st != "" {
		a.Status = st
	}
	a.Expected, a.Completed, a.Certificate, a.Review = get("expected"), get("completed"), get("certificate"), get("review")
	notices, err := s.values(p, "notices")
	if err != nil {
		return err
	}
	a.Notices = notices
	a.Request = nil
	if text := get("request_text"); text != "" {
		kv, _ := s.maps.Get(p).Value("request_kind")
		word := get("request_kind")
		kind, ok := kv.Word(word)
		if !ok {
			return exitcode.With(exitcode.Drift, fmt.Errorf("%s: request kind %q is none of values.request_kind.words (%v); the portal has a new kind: add it", s.maps.Get(p).File, word, kv.Words))
		}
		q := &Request{Kind: Kind(kind), Text: text, Deadline: get("request_deadline"), State: get("request_state")}
		if f := get("request_files"); f != "" {
			q.Files = splitList(f)
		}
		q.DaysLeft = daysLeft(q.Deadline, s.now())
		a.Request = q
	}
	return nil
}

// Status reads every application of the account: the rows of 我的申请 and
// each one's 查看 page. It clicks nothing but navigation.
func (s *Session) Status() ([]*Application, error) {
	apps, err := s.List()
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		if err := s.Detail(a); err != nil {
			return apps, fmt.Errorf("application %s: %w", a.ID, err)
		}
	}
	return apps, nil
}
