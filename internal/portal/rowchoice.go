package portal

import (
	"fmt"
	"strings"
	"unicode"
)

// appRow is one row of 我的申请 as the page shows it.
type appRow struct {
	ID, Type, Institution, Degree, Status string
	Pay                                   bool // the row offers payment: past 提交, waiting on 在线支付
}

// rowWant is what identifies this degree's application.
type rowWant struct {
	Type, Institution, Degree string
	Remembered                string   // the application id remembered for this degree, if any
	Others                    []string // ids remembered for the account's other degrees: never theirs
	Draft                     string   // the status of a row that can still be filled (the map's list.draft)
}

// rowAction is what to do on 我的申请.
type rowAction int

const (
	rowNew       rowAction = iota // no draft of this degree: start one
	rowContinue                   // continue the draft at Index
	rowPay                        // the draft at Index was submitted and waits on payment: stop, the person pays
	rowSubmitted                  // this degree's application is past the draft (认证中 …): nothing to fill
)

// rowChoice is chooseRow's answer; Index is -1 for rowNew.
type rowChoice struct {
	Action rowAction
	Index  int
	Why    string
}

// chooseRow picks this degree's row of 我的申请 and never another one: the
// remembered application first (its values may be an older version of the
// profile), then a row with the same type, school and degree name, then a
// blank draft (an earlier run stopped before 申请信息) nobody else claims.
// Rows of other degrees and other statuses are never continued.
func chooseRow(rows []appRow, w rowWant) rowChoice {
	decide := func(i int, why string) rowChoice {
		r := rows[i]
		switch {
		case r.Status != w.Draft:
			return rowChoice{rowSubmitted, i, fmt.Sprintf("application %s (%s) is %s", r.ID, why, r.Status)}
		case r.Pay:
			return rowChoice{rowPay, i, fmt.Sprintf("application %s (%s) was submitted and waits for payment", r.ID, why)}
		}
		return rowChoice{rowContinue, i, fmt.Sprintf("application %s (%s)", r.ID, why)}
	}
	if w.Remembered != "" {
		for i, r := range rows {
			if normText(r.ID) == normText(w.Remembered) {
				return decide(i, "remembered for this degree")
			}
		}
	}
	other := map[string]bool{}
	for _, id := range w.Others {
		other[normText(id)] = true
	}
	sameType := func(r appRow) bool {
		return blankCell(r.Type) || w.Type == "" || normText(r.Type) == normText(w.Type)
	}
	submitted := -1
	for i, r := range rows {
		if other[normText(r.ID)] || !sameType(r) ||
			normText(r.Institution) != normText(w.Institution) || normText(r.Degree) != normText(w.Degree) {
			continue
		}
		if r.Status == w.Draft {
			return decide(i, "same school and degree")
		}
		if submitted < 0 {
			submitted = i
		}
	}
	for i, r := range rows {
		if r.Status == w.Draft && !r.Pay && !other[normText(r.ID)] && sameType(r) &&
			blankCell(r.Institution) && blankCell(r.Degree) {
			return decide(i, "a blank draft")
		}
	}
	if submitted >= 0 {
		return decide(submitted, "same school and degree")
	}
	return rowChoice{Action: rowNew, Index: -1, Why: "no draft of this degree"}
}

// blankCell reports whether a table cell shows nothing, however the page
// spells nothing: ”, '—', '-', '--', '－', '/'.
func blankCell(s string) bool {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if !unicode.Is(unicode.Pd, r) && r != '/' && r != '－' && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
