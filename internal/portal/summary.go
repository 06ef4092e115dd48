package portal

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// The draft is verified where the portal saved it: 确认提交 shows the
// portal's own record of every page, and a draft is ready only when that
// record equals the profile. A value the pages showed correctly but the
// portal saved differently is caught here, before the person signs.

// summaryPair is one label and value of the summary (js/pairs.js of internal/page).
type summaryPair struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// verifySummary compares the confirm page's summary with the profile and
// reports each value compared. It returns the number of values that are
// equal, or a SummaryError naming every difference.
func (r *runner) verifySummary(ctx context.Context, m *pagemap.Map) (int, error) {
	s := m.Summary
	var diffs []SummaryDiff
	equal := 0
	check := func(page string, f pagemap.Field, want, got string, kind pagemap.Kind) {
		rep := FieldReport{Key: f.Key, Label: f.Label, Kind: string(kind), Value: want, Found: got, Status: Already, Note: "verified on 确认提交"}
		nameForm := f.Key == "applicant.name" && r.vals.p.Applicant.AcceptNameForm && SameNameForm(want, got)
		if same(kind, want, got) || nameForm { // the registered form the person confirmed
			equal++
		} else {
			rep.Status, rep.Error, rep.Note = Failed, "the portal saved a different value", ""
			diffs = append(diffs, SummaryDiff{Page: page, Label: f.Label, Want: want, Got: got})
		}
		r.emit(Event{Type: EvField, Field: &rep})
	}
	for _, sec := range s.Sections {
		pm := r.maps.Get(sec.Page)
		if pm == nil {
			return 0, drift(&DriftError{Page: m.Page, Key: "summary.sections", Label: sec.Page, Detail: "the summary names page " + sec.Page + ", which has no map"})
		}
		pairs, err := summaryPairs(ctx, sec.CSS, s.Pairs.Label, s.Pairs.Value)
		if err != nil {
			return 0, err
		}
		if len(pairs) == 0 {
			return 0, drift(&DriftError{Page: m.Page, Key: "summary.sections", Label: pm.Title,
				Detail: fmt.Sprintf("the summary of %s (%q) is not on the page", pm.Title, sec.CSS)})
		}
		shown := map[string]string{}
		for _, p := range pairs {
			shown[LabelKey(p.Label)] = p.Value
		}
		empty := s.Empty
		if sec.Empty != "" {
			empty = sec.Empty
		}
		for _, f := range pm.Fields {
			// A field with an engine role (login, captcha) holds no value of
			// the application, so no summary shows it.
			if f.Kind == pagemap.Table || f.Role != pagemap.NoRole ||
				slices.Contains(s.Skip, f.Key) || !pagemap.Truthy(f.When, r.vals.get) {
				continue
			}
			label := f.Label
			if l, ok := s.Labels[f.Key]; ok {
				label = l
			}
			got, ok := shown[LabelKey(label)]
			for _, a := range f.Aliases { // the item's label on other forms of the portal
				if !ok {
					got, ok = shown[LabelKey(a)]
				}
			}
			if f.MayBeAbsent && (!ok || r.absentKeys[f.Key]) {
				continue // not on this form of the portal, so not in its summary either
			}
			if !ok {
				got = ""
			}
			if got == empty {
				got = ""
			}
			if f.Kind == pagemap.Upload {
				want, found := r.summaryFiles(f, got, sec.Separator)
				check(pm.Title, f, want, found, f.Kind)
				continue
			}
			v, _ := r.vals.get(f.Key)
			w, err := wantFor(f, v)
			if err == nil && w.empty && f.Fallback != "" { // as the fill entered it
				v, _ = r.vals.get(f.Fallback)
				w, err = wantFor(f, v)
			}
			if err != nil {
				return 0, badInput("%v", err)
			}
			want := w.text
			if words, ok := s.Values[f.Key]; ok {
				if t, ok := words[fmt.Sprint(v)]; ok {
					want = t
				}
			}
			if w.empty {
				want = ""
			}
			check(pm.Title, f, want, got, f.Kind)
		}
	}
	if s.History != nil {
		n, d, err := r.summaryHistory(ctx, m, s.History)
		if err != nil {
			return 0, err
		}
		equal += n
		diffs = append(diffs, d...)
	}
	if len(diffs) > 0 {
		return equal, failure(&SummaryError{Diffs: diffs})
	}
	return equal, nil
}

// summaryFiles compares an upload slot's file names, in any order.
func (r *runner) summaryFiles(f pagemap.Field, got, sep string) (want, found string) {
	slot := strings.TrimPrefix(f.Key, "degree.materials.")
	var names []string
	for _, p := range r.vals.d.Materials.Files(slot) {
		names = append(names, filepath.Base(p))
	}
	var shown []string
	if sep == "" {
		sep = ","
	}
	for _, n := range strings.Split(got, sep) {
		if n = strings.TrimSpace(n); n != "" {
			shown = append(shown, n)
		}
	}
	slices.Sort(names)
	slices.Sort(shown)
	return strings.Join(names, ", "), strings.Join(shown, ", ")
}

// summaryHistory checks the summary's study-history table: one row per
// profile entry, and no other row.
func (r *runner) summaryHistory(ctx context.Context, m *pagemap.Map, h *pagemap.SummaryTable) (int, []SummaryDiff, error) {
	pm := r.maps.Get(h.Page)
	var tf *pagemap.Field
	if pm != nil {
		for i := range pm.Fields {
			if pm.Fields[i].Table != nil {
				tf = &pm.Fields[i]
			}
		}
	}
	if tf == nil {
		return 0, nil, drift(&DriftError{Page: m.Page, Key: "summary.history", Label: h.Page, Detail: "the summary's history names page " + h.Page + ", which maps no table"})
	}
	t := tf.Table
	headers, err := tableHeaders(ctx, h.Table)
	if err != nil {
		return 0, nil, err
	}
	cols := map[string]int{}
	for i, c := range headers {
		cols[normText(c)] = i
	}
	for _, dc := range t.DataColumns() {
		if _, ok := cols[normText(dc.Header)]; !ok {
			c := dc.Header
			return 0, nil, drift(&DriftError{Page: m.Page, Key: "summary.history", Label: c,
				Detail: fmt.Sprintf("the summary's study-history table has no column %q; its columns are %v", c, headers)})
		}
	}
	rows, err := tableRows(ctx, h.Rows)
	if err != nil {
		return 0, nil, err
	}
	level := dialogField(t, "study.level")
	used := make([]bool, len(rows))
	var diffs []SummaryDiff
	equal := 0
	for i := range r.vals.p.StudyHistory {
		s := &r.vals.p.StudyHistory[i]
		rep := FieldReport{Key: fmt.Sprintf("study_history[%d]", i), Label: tf.Label, Kind: string(tf.Kind), Value: rowText(s, level), Status: Already, Note: "verified on 确认提交"}
		if j := findRow(rows, used, cols, t, s); j >= 0 {
			used[j] = true
			rep.Found = strings.Join(rows[j], " | ")
			equal++
		} else {
			rep.Status, rep.Error, rep.Note = Failed, "no row of the portal's record shows it", ""
			diffs = append(diffs, SummaryDiff{Page: pm.Title, Label: fmt.Sprintf("%s row %d", tf.Label, i+1), Want: rep.Value})
		}
		r.emit(Event{Type: EvField, Field: &rep})
	}
	for j, row := range rows {
		if !used[j] {
			diffs = append(diffs, SummaryDiff{Page: pm.Title, Label: tf.Label + " (a row the profile lacks)", Got: strings.Join(row, " | ")})
		}
	}
	return equal, diffs, nil
}
