package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portalsim"
)

// An agency's 20 applicants in mixed states: status.csv lists every
// application with its status, open 补交材料 requests first (soonest
// deadline first), and the portal is left as it was.
func TestBatchStatusOfTwentyApplicants(t *testing.T) {
	e := newAfterEnv(t)
	var profiles, pwLines []string
	type want struct{ status, request string }
	wants := map[string]want{} // app id → what the row must say
	today := time.Now()
	for i := 0; i < 20; i++ {
		user := fmt.Sprintf("139000000%02d", i)
		path, pw := e.applicant(t, user)
		profiles = append(profiles, path)
		pwLines = append(pwLines, fmt.Sprintf("%q: %q", user, pw))
		adv := portalsim.Advance{Account: user, Degree: edinburgh}
		switch i % 5 {
		case 0:
			adv.To, adv.Expected = portalsim.StatusReviewing, "2027-03-01"
		case 1:
			adv.To = portalsim.StatusSupplement
			adv.Request = &portalsim.Request{Kind: portalsim.RequestAdd, Text: "请补充成绩单", Deadline: today.AddDate(0, 0, 10-i/5).Format(time.DateOnly)}
		case 2:
			adv.To = portalsim.StatusDone
		case 3:
			adv.To = portalsim.StatusNotCertified
		case 4:
			adv.To = portalsim.StatusAwaitingPayment
			id := e.sim.Advance(portalsim.Advance{Account: user, To: portalsim.StatusSupplement,
				Degree:  &portalsim.AdvanceDegree{Country: "美国", Institution: "Stanford University", DegreeName: "Master of Arts", Level: "硕士"},
				Request: &portalsim.Request{Kind: portalsim.RequestReupload, Text: "护照照片不清晰", Files: []string{"scan-passport.jpg"}, Deadline: today.AddDate(0, 0, 2).Format(time.DateOnly)}})
			wants[id] = want{portalsim.StatusSupplement, "reupload"}
		}
		id := e.sim.Advance(adv)
		w := want{status: adv.To}
		switch adv.To {
		case portalsim.StatusAwaitingPayment:
			w.status = portalsim.StatusDraft
		case portalsim.StatusSupplement:
			w.request = "add"
		}
		wants[id] = w
	}
	before := map[string]portalsim.State{}
	for i := 0; i < 20; i++ {
		u := fmt.Sprintf("139000000%02d", i)
		before[u] = e.sim.State(u)
	}
	pwFile := filepath.Join(t.TempDir(), "passwords.yaml")
	if err := os.WriteFile(pwFile, []byte(strings.Join(pwLines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, errOut := iostreams.Test()
	o := &batchAfterOptions{afterOptions: afterOptions{io: ios, BaseURL: e.sim.URL + "/", RunDir: t.TempDir(), Wait: time.Minute, JSON: true},
		Profiles: profiles, Passwords: pwFile, Parallel: 4, b: e.b}
	if err := runBatchStatus(context.Background(), o); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	f, err := os.Open(filepath.Join(o.RunDir, StatusCSV))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, rows := recs[0], recs[1:]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	if len(rows) != len(wants) {
		t.Fatalf("status.csv has %d rows, want %d:\n%v", len(rows), len(wants), recs)
	}
	lastDays, inRequests := -1000, true
	for n, r := range rows {
		id := r[col["app"]]
		w, ok := wants[id]
		if !ok {
			t.Errorf("row %d: unknown application %q: %v", n, id, r)
			continue
		}
		if r[col["status"]] != w.status || r[col["request"]] != w.request || r[col["error"]] != "" {
			t.Errorf("row %d (%s): %v; want status %s, request %q", n, id, r, w.status, w.request)
		}
		if w.status == portalsim.StatusDone && (r[col["certificate_ready"]] != "true" || len(r[col["certificate"]]) != 12) {
			t.Errorf("row %d (%s): no certificate: %v", n, id, r)
		}
		open := w.request != ""
		if open && !inRequests {
			t.Errorf("row %d (%s): an open request after rows without one", n, id)
		}
		if open {
			d, err := strconv.Atoi(r[col["days_left"]])
			if err != nil || d < lastDays {
				t.Errorf("row %d (%s): days_left %q after %d: not soonest first", n, id, r[col["days_left"]], lastDays)
			}
			lastDays = d
		}
		inRequests = open
	}
	for u, st := range before {
		if after := e.sim.State(u); !reflect.DeepEqual(after, st) {
			t.Errorf("%s: the portal changed", u)
		}
	}
}

// A person reads the table: days left in words, open requests on top.
func TestStatusTableAndOrder(t *testing.T) {
	three, late := 3, -1
	rows := []statusRow{
		{Profile: "a.yaml", Degree: "msc", App: "A1", Status: "认证中", Expected: "2027-01-01"},
		{Profile: "b.yaml", Degree: "bsc", App: "A2", Status: "补交材料", Request: "add", Deadline: "2026-12-09", DaysLeft: &three},
		{Profile: "a.yaml", Degree: "phd", App: "A3", Status: "补交材料", Request: "reupload", Deadline: "2026-12-05", DaysLeft: &late},
		{Profile: "c.yaml", Degree: "ma", App: "A4", Status: "认证完成", CertificateReady: true, Certificate: "123456789012"},
	}
	sortStatusRows(rows, []string{"a.yaml", "b.yaml", "c.yaml"})
	var order []string
	for _, r := range rows {
		order = append(order, r.App)
	}
	if !reflect.DeepEqual(order, []string{"A3", "A2", "A1", "A4"}) {
		t.Errorf("order %v", order)
	}
	var b bytes.Buffer
	writeStatusTable(&b, rows, true)
	for _, want := range []string{"PROFILE", "1 day late", "3 days left", "123456789012"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}
