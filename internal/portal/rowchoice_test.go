package portal

import "testing"

func TestChooseRowContinuesOnlyThisDegreesDraft(t *testing.T) {
	const typ = "国(境)外学历学位认证"
	want := rowWant{Type: typ, Institution: "University of Leeds", Degree: "Master of Science", Draft: "未提交"}
	mine := appRow{ID: "A2", Type: typ, Institution: "University of Leeds", Degree: "Master of Science", Status: "未提交"}
	other := appRow{ID: "A1", Type: typ, Institution: "University of Oxford", Degree: "Bachelor of Arts", Status: "未提交"}
	blank := func(id, cell string) appRow {
		return appRow{ID: id, Type: cell, Institution: cell, Degree: cell, Status: "未提交"}
	}
	with := func(r appRow, f func(*appRow)) appRow { f(&r); return r }
	remember := func(w rowWant, id string, others ...string) rowWant {
		w.Remembered, w.Others = id, others
		return w
	}
	for _, c := range []struct {
		name   string
		rows   []appRow
		want   rowWant
		action rowAction
		index  int
	}{
		{"empty list", nil, want, rowNew, -1},
		{"only another degree", []appRow{other}, want, rowNew, -1},
		{"this degree's draft among others", []appRow{other, mine}, want, rowContinue, 1},
		{"matching ignores full-width and spaces", []appRow{with(mine, func(r *appRow) { r.Degree = " Master  of Science " })}, want, rowContinue, 0},
		{"another type is another application", []appRow{with(mine, func(r *appRow) { r.Type = "中外合作办学学历学位认证" })}, want, rowNew, -1},
		{"blank draft, empty cells", []appRow{other, blank("A3", "")}, want, rowContinue, 1},
		{"blank draft, em dash", []appRow{blank("A3", "—")}, want, rowContinue, 0},
		{"blank draft, hyphen", []appRow{blank("A3", "-")}, want, rowContinue, 0},
		{"blank draft, double hyphen", []appRow{blank("A3", "--")}, want, rowContinue, 0},
		{"blank draft with the type saved", []appRow{with(blank("A3", "—"), func(r *appRow) { r.Type = typ })}, want, rowContinue, 0},
		{"the matching draft before a blank one", []appRow{blank("A3", "—"), mine}, want, rowContinue, 1},
		{"a blank draft another degree remembers is not ours", []appRow{blank("A3", "—")}, remember(want, "", "A3"), rowNew, -1},
		{"the remembered draft although the profile changed its degree name", []appRow{other, with(mine, func(r *appRow) { r.Degree = "Master of Sceince" })}, remember(want, "A2"), rowContinue, 1},
		{"a remembered id that is gone falls back to matching", []appRow{mine}, remember(want, "A9"), rowContinue, 0},
		{"submitted and waiting on payment", []appRow{with(mine, func(r *appRow) { r.Pay = true })}, want, rowPay, 0},
		{"remembered and waiting on payment", []appRow{with(mine, func(r *appRow) { r.Pay = true })}, remember(want, "A2"), rowPay, 0},
		{"a blank row waiting on payment is not a blank draft", []appRow{with(blank("A3", "—"), func(r *appRow) { r.Pay = true })}, want, rowNew, -1},
		{"already 认证中", []appRow{with(mine, func(r *appRow) { r.Status = "认证中" })}, want, rowSubmitted, 0},
		{"a draft wins over a finished one of the same degree", []appRow{with(mine, func(r *appRow) { r.Status = "认证完成"; r.ID = "A0" }), mine}, want, rowContinue, 1},
		{"other rows' statuses are never touched", []appRow{with(other, func(r *appRow) { r.Status = "补交材料" })}, want, rowNew, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := chooseRow(c.rows, c.want)
			if got.Action != c.action || got.Index != c.index {
				t.Errorf("chooseRow = %+v, want action %d index %d", got, c.action, c.index)
			}
		})
	}
}

func TestBlankCell(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{{"", true}, {" ", true}, {"—", true}, {"-", true}, {"--", true}, {"－", true}, {"/", true}, {"——", true},
		{"A", false}, {"Master", false}, {"-A-", false}} {
		if got := blankCell(c.in); got != c.want {
			t.Errorf("blankCell(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
