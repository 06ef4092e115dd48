package portalsim

import (
	"sort"
)

// State is what the server holds for one user, in portal terms: labels as
// PORTAL.md names them and values as the person sees them. It marshals to
// the JSON of GET /__sim/state.
type State struct {
	Applications    []AppState `json:"applications"`
	SubmitAttempts  int        `json:"submit_attempts"`
	PaymentAttempts int        `json:"payment_attempts"`
	// SkipClicks counts clicks in the page on 无法获取出入境记录 or
	// 跳过实人认证程序… (a tool must never make one).
	SkipClicks int `json:"skip_clicks"`
}

// AppState is one application and what the server accepted for it.
type AppState struct {
	ID       string      `json:"id"`
	Status   string      `json:"status"`
	Accepted Accepted    `json:"accepted"`
	After    *AfterState `json:"after,omitempty"` // life after 提交 (status.go)
	// RecordsRequired: verification fetched no entry/exit records, so the
	// 出入境记录 slot was shown and required.
	RecordsRequired bool `json:"records_required,omitempty"`
	// Signed: 授权声明 was signed online.
	Signed bool `json:"signed,omitempty"`
}

// Accepted holds the saved pages. A page never saved is absent; fields
// hidden by a condition (就读地点 while 就读学校与颁证学校相同 is ticked,
// 远程修读说明 while 否) are omitted.
type Accepted struct {
	BasicInfo    map[string]string   `json:"basic-info,omitempty"`
	ApplyType    map[string]string   `json:"apply-type,omitempty"`
	Degree       map[string]string   `json:"degree,omitempty"`
	StudyHistory []map[string]string `json:"study-history,omitempty"`
	Materials    map[string][]string `json:"materials,omitempty"`
}

// state builds the State of one account; the caller holds s.mu.
func (s *Server) state(acc *account) State {
	st := State{Applications: []AppState{}, SubmitAttempts: acc.submitAttempts, PaymentAttempts: acc.paymentAttempts, SkipClicks: acc.skipClicks}
	for _, a := range acc.apps {
		s.refreshVerify(a)
		as := AppState{ID: a.id, Status: a.status, After: afterView(a), RecordsRequired: a.recordsRequired(), Signed: a.signed}
		if a.basic != nil {
			as.Accepted.BasicInfo = kvMap(a.basic.view(acc.Account, s.o.Variant))
		}
		if a.applyType != "" {
			as.Accepted.ApplyType = map[string]string{"申请类型": a.applyType}
		}
		if a.degree != nil {
			as.Accepted.Degree = kvMap(a.degree.view())
		}
		for _, r := range a.historyRows() {
			as.Accepted.StudyHistory = append(as.Accepted.StudyHistory, kvMap(r.view()))
		}
		for _, slot := range slots {
			for _, f := range a.files[slot.Key] {
				if as.Accepted.Materials == nil {
					as.Accepted.Materials = map[string][]string{}
				}
				as.Accepted.Materials[slot.Label] = append(as.Accepted.Materials[slot.Label], f.Name)
			}
		}
		st.Applications = append(st.Applications, as)
	}
	return st
}

// historyRows lists every row, the automatic one included, oldest first.
func (a *application) historyRows() []*historyRow {
	rows := make([]*historyRow, 0, len(a.history)+1)
	if a.degree != nil {
		rows = append(rows, a.degree.autoRow())
	}
	rows = append(rows, a.history...)
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].From != rows[j].From {
			return rows[i].From < rows[j].From
		}
		return rows[i].To < rows[j].To
	})
	return rows
}
