package portal

import (
	"slices"
	"testing"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// How a save ended, from what the page showed: no browser needed.
func TestClassifySave(t *testing.T) {
	ok := []response{{Seq: 1, Method: "POST", URL: "/api/x", Status: 200}}
	r5 := []response{{Seq: 1, Method: "POST", URL: "/api/x", Status: 503}}
	r4 := []response{{Seq: 1, Method: "POST", URL: "/api/x", Status: 400}}
	r401 := []response{{Seq: 1, Method: "POST", URL: "/api/x", Status: 401}}
	r0 := []response{{Seq: 1, Method: "POST", URL: "/api/x", Status: 0}} // the network failed
	ferr := []FormError{{Label: "学位名称", Text: "请输入学位名称"}}
	busy := []toast{{Seq: 2, Type: "error", Text: "系统繁忙，请稍后再试"}}
	done := []toast{{Seq: 2, Type: "success", Text: "上传成功"}}
	stray := []dialog{{Title: "提示", Text: "确定离开？", Buttons: []string{"确定"}}}
	for _, c := range []struct {
		name string
		s    saveSignals
		want saveOutcome
	}{
		{"nothing yet", saveSignals{}, savePending},
		{"busy: errors are not final while requests run", saveSignals{Responses: r5, FormErrors: ferr}, savePending},
		{"settled, nothing failed, still on the page", saveSignals{Settled: true, Responses: ok, Toasts: done}, savePending},
		{"left the page", saveSignals{Left: true}, saveMoved},
		{"left the page after a 5xx the page retried", saveSignals{Left: true, Settled: true, Responses: r5}, saveMoved},
		{"the dialog closed", saveSignals{Done: true}, saveDone},
		{"listed despite an earlier error toast", saveSignals{Done: true, Settled: true, Toasts: busy}, saveDone},
		{"an unknown dialog", saveSignals{Dialogs: stray, Settled: true, Responses: r5}, saveStrayDialog},
		{"form errors", saveSignals{Settled: true, FormErrors: ferr, Responses: r4}, saveRejected},
		{"form errors without a response", saveSignals{Settled: true, FormErrors: ferr}, saveRejected},
		{"a 4xx", saveSignals{Settled: true, Responses: r4}, saveRejected},
		{"an error toast only (refused before sending)", saveSignals{Settled: true, Toasts: busy}, saveRejected},
		{"5xx", saveSignals{Settled: true, Responses: r5, Toasts: busy}, saveServerError},
		{"5xx with form errors is the form's fault", saveSignals{Settled: true, Responses: r5, FormErrors: ferr}, saveRejected},
		{"401: the session expired", saveSignals{Settled: true, Responses: r401}, saveExpired},
		{"401 at the login: a wrong password", saveSignals{Settled: true, Responses: r401, AtLogin: true}, saveRejected},
		{"the network failed", saveSignals{Settled: true, Responses: r0}, saveRejected},
		{"the first failure counts", saveSignals{Settled: true, Responses: append(append([]response{}, r401...), r5...)}, saveExpired},
	} {
		if got := classifySave(c.s); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Which 学习经历 rows the table lacks, and which rows the profile lacks.
func TestMatchRows(t *testing.T) {
	m := func(s string) profile.Month { v, _ := profile.ParseMonth(s); return v }
	hs := profile.Study{From: m("2010-09"), To: m("2013-06"), Country: "中国", School: "北京四中", Major: "—", Level: "high_school"}
	ba := profile.Study{From: m("2013-09"), To: m("2017-06"), Country: "中国", School: "北京大学", Major: "数学", Level: "bachelor"}
	ms := profile.Study{From: m("2018-09"), To: m("2019-09"), Country: "英国", School: "University of Leeds", Major: "Data Science", Level: "master"}
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	var table *pagemap.TableSpec
	for _, f := range maps.Get("study-history").Fields {
		if f.Table != nil {
			table = f.Table
		}
	}
	columns := table.Headers()
	level := dialogField(table, "study.level")
	row := func(s profile.Study) []string {
		return []string{s.From.String() + " 至 " + s.To.String(), s.Country, s.School, s.Major, rowLevel(s, level), "编辑 删除"}
	}
	cols := map[string]int{}
	for i, c := range columns {
		cols[normText(c)] = i
	}
	other := profile.Study{From: m("2017-07"), To: m("2017-08"), Country: "英国", School: "Summer School", Major: "English", Level: "other"}
	reordered := map[string]int{}
	for i, c := range []string{"学校名称", "起止时间", "国家/地区", "专业", "学历/学位", "操作"} {
		reordered[normText(c)] = i
	}
	for _, c := range []struct {
		name    string
		rows    [][]string
		cols    map[string]int
		history []profile.Study
		at      []int
		used    []bool
	}{
		{"empty table", nil, cols, []profile.Study{hs, ba}, []int{-1, -1}, []bool{}},
		{"the portal's own degree row only", [][]string{row(ms)}, cols, []profile.Study{hs, ba, ms}, []int{-1, -1, 0}, []bool{true}},
		{"all there, other order", [][]string{row(ms), row(hs), row(ba)}, cols, []profile.Study{hs, ba, ms}, []int{1, 2, 0}, []bool{true, true, true}},
		{"a row the profile lacks", [][]string{row(hs), row(other)}, cols, []profile.Study{hs}, []int{0}, []bool{true, false}},
		{"one row never serves two entries", [][]string{row(hs)}, cols, []profile.Study{hs, hs}, []int{0, -1}, []bool{true}},
		{"a different school is another row", [][]string{row(profile.Study{From: hs.From, To: hs.To, Country: hs.Country, School: "北京五中", Major: hs.Major, Level: hs.Level})}, cols, []profile.Study{hs}, []int{-1}, []bool{false}},
		{"the period may say more", [][]string{{"2010-09 至 2013-06（3 年）", "中国", "北京四中", "—", rowLevel(hs, level), ""}}, cols, []profile.Study{hs}, []int{0}, []bool{true}},
		{"columns found by header", [][]string{{"北京四中", "2010-09 至 2013-06", "中国", "—", rowLevel(hs, level)}}, reordered, []profile.Study{hs}, []int{0}, []bool{true}},
	} {
		at, used := matchRows(c.rows, c.cols, table, c.history)
		if !slices.Equal(at, c.at) || !slices.Equal(used, c.used) {
			t.Errorf("%s: at %v used %v, want %v %v", c.name, at, used, c.at, c.used)
		}
	}
}

func rowLevel(s profile.Study, level pagemap.Field) string {
	if w, err := wantFor(level, s.Level); err == nil {
		return w.text
	}
	return s.Level
}

// Which of a slot's files the page does not list yet, in the profile's order.
func TestMissingFiles(t *testing.T) {
	for _, c := range []struct {
		names, listed []string
		want          []int
	}{
		{[]string{"a.jpg", "b.jpg"}, nil, []int{0, 1}},
		{[]string{"a.jpg", "b.jpg"}, []string{"b.jpg"}, []int{0}},
		{[]string{"a.jpg"}, []string{"a.jpg", "old.jpg"}, nil},
		{[]string{"ａ.jpg"}, []string{"a.jpg"}, nil}, // the page may show full-width as ASCII
	} {
		if got := missingFiles(c.names, c.listed); !slices.Equal(got, c.want) {
			t.Errorf("missingFiles(%v, %v) = %v, want %v", c.names, c.listed, got, c.want)
		}
	}
}
