package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/portalsim/simtest"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// afterEnv is one simulator (captcha off: the tests play no person) and one
// browser shared by the after-submission tests; each applicant gets an
// isolated tab.
type afterEnv struct {
	sim  *simtest.Sim
	b    *browser.Browser
	maps *pagemap.Set
}

func newAfterEnv(t *testing.T) *afterEnv {
	off := false
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	return &afterEnv{sim: simtest.Start(t, portalsim.Options{Captcha: &off}), b: browsertest.Start(t), maps: maps}
}

// edinburgh is the degree of examples/me.yaml, as a seeded application.
var edinburgh = &portalsim.AdvanceDegree{Country: "英国", Institution: "The University of Edinburgh", DegreeName: "Master of Science", Level: "硕士", Major: "Artificial Intelligence"}

// applicant writes a copy of examples/me.yaml logging in as user, registers
// it on the simulator and returns the profile's path and the password.
func (e *afterEnv) applicant(t *testing.T, user string, edits ...string) (string, string) {
	t.Helper()
	path := exampleCopy(t, append([]string{`username: "13800138000"`, `username: "` + user + `"`}, edits...)...)
	p, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	_, pw, err := dryrun.Register(e.sim.Server, p, e.maps)
	if err != nil {
		t.Fatal(err)
	}
	return path, pw
}

// options are the command options for one applicant, in an isolated tab.
func (e *afterEnv) options(t *testing.T, path, pw string) (*afterOptions, *bytes.Buffer) {
	t.Helper()
	tab, cancel := e.b.NewIsolatedTab()
	t.Cleanup(cancel)
	ios, _, out, errOut := iostreams.Test()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("stderr:\n%s", errOut)
		}
	})
	o := &afterOptions{io: ios, ProfilePath: path, BaseURL: e.sim.URL + "/", RunDir: t.TempDir(), Wait: time.Minute,
		JSON: true, tab: tab, password: func(context.Context) (string, error) { return pw, nil }}
	return o, out
}

// unchanged fails the test when the simulator's record of user changed
// while f ran: status and certificate only read.
func (e *afterEnv) unchanged(t *testing.T, user string, f func()) {
	t.Helper()
	before := e.sim.State(user)
	f()
	if after := e.sim.State(user); !reflect.DeepEqual(before, after) {
		b1, _ := json.Marshal(before)
		b2, _ := json.Marshal(after)
		t.Errorf("the portal changed:\nbefore %s\nafter  %s", b1, b2)
	}
}

func TestAftercareCommands(t *testing.T) {
	e := newAfterEnv(t)

	t.Run("status", func(t *testing.T) {
		path, pw := e.applicant(t, "13800000001")
		user := "13800000001"
		inProgress := e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusReviewing, Expected: "2027-02-01"})
		deadline := time.Now().AddDate(0, 0, 4).Format(time.DateOnly)
		supp := e.sim.Advance(portalsim.Advance{Account: user, Degree: &portalsim.AdvanceDegree{Country: "美国", Institution: "Stanford University", DegreeName: "Master of Arts", Level: "硕士"},
			To: portalsim.StatusSupplement, Request: &portalsim.Request{Kind: portalsim.RequestReupload, Text: "护照照片不清晰，请重新上传", Files: []string{"scan-passport.jpg"}, Deadline: deadline}})
		done := e.sim.Advance(portalsim.Advance{Account: user, Degree: &portalsim.AdvanceDegree{Country: "英国", Institution: "University of Oxford", DegreeName: "Doctor of Philosophy", Level: "博士"}, To: portalsim.StatusDone})
		o, stdout := e.options(t, path, pw)
		var err error
		e.unchanged(t, user, func() { err = runStatus(context.Background(), o) })
		if err != nil {
			t.Fatal(err)
		}
		var got struct{ Applications []statusRow }
		out := stdout.String()
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		byID := map[string]statusRow{}
		for _, r := range got.Applications {
			byID[r.App] = r
		}
		if r := byID[inProgress]; r.Status != "认证中" || r.Expected != "2027-02-01" || r.Degree != "msc" || r.Request != "" {
			t.Errorf("认证中: %+v", r)
		}
		if r := byID[supp]; r.Status != "补交材料" || r.Request != "reupload" || r.Deadline != deadline || r.DaysLeft == nil || *r.DaysLeft != 4 || r.Files != "scan-passport.jpg" {
			t.Errorf("补交材料: %+v", r)
		}
		if r := byID[done]; r.Status != "认证完成" || !r.CertificateReady || len(r.Certificate) != 12 {
			t.Errorf("认证完成: %+v", r)
		}
		if _, err := os.Stat(filepath.Join(o.RunDir, "report.json")); err != nil {
			t.Error(err)
		}
	})

	t.Run("certificate", func(t *testing.T) {
		user := "13800000002"
		path, pw := e.applicant(t, user)
		e.sim.Advance(portalsim.Advance{Account: user, Degree: &portalsim.AdvanceDegree{Country: "美国", Institution: "MIT", DegreeName: "Master of Engineering", Level: "硕士"}, To: portalsim.StatusReviewing})
		id := e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusDone})
		num := e.sim.State(user).Applications[1].After.Certificate
		o, _ := e.options(t, path, pw)
		co := &certificateOptions{afterOptions: *o, Out: filepath.Join(t.TempDir(), "certs")}
		var err error
		e.unchanged(t, user, func() { err = runCertificate(context.Background(), co) })
		if err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(co.Out, "msc-"+num+".pdf")
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatalf("application %s: %v", id, err)
		}
		if n, err := materials.ReadablePDF(data); err != nil || n != 1 {
			t.Errorf("%s: %d pages, %v", pdf, n, err)
		}

		// Not ready yet: run again later.
		user2 := "13800000003"
		path2, pw2 := e.applicant(t, user2)
		e.sim.Advance(portalsim.Advance{Account: user2, Degree: edinburgh, To: portalsim.StatusReviewing})
		o2, _ := e.options(t, path2, pw2)
		err = runCertificate(context.Background(), &certificateOptions{afterOptions: *o2, Out: t.TempDir()})
		if exitcode.Of(err) != exitcode.Parked {
			t.Errorf("no certificate yet: %v (exit %d), want exit 4", err, exitcode.Of(err))
		}
	})

	// 补交材料 of each kind: what is asked is uploaded, nothing else is
	// touched, and the final 提交 is never clicked.
	mats, _ := filepath.Abs("../../examples/materials")
	newPassport := filepath.Join(t.TempDir(), "passport-new.jpg")
	copyFile(t, filepath.Join(mats, "passport-bio.jpg"), newPassport, 0o600)
	for i, tc := range []struct {
		kind  string
		files []string
		args  []string
		extra string // appended to the profile
		check func(t *testing.T, a portalsim.AppState, out string)
	}{
		{kind: portalsim.RequestAdd, args: []string{filepath.Join(mats, "transcript-1.jpg"), filepath.Join(mats, "visa.jpg")},
			check: func(t *testing.T, a portalsim.AppState, _ string) {
				if got := a.After.Added; !reflect.DeepEqual(got, []string{"transcript-1.jpg", "visa.jpg"}) {
					t.Errorf("added %v", got)
				}
				if got := a.Accepted.Materials["护照/通行证"]; !reflect.DeepEqual(got, []string{"scan-passport.jpg"}) {
					t.Errorf("the files on record changed: %v", a.Accepted.Materials)
				}
			}},
		// The files come from the profile's supplements: list here.
		{kind: portalsim.RequestReupload, files: []string{"scan-passport.jpg"},
			extra: "\nsupplements:\n  - degree: msc\n    files: [" + newPassport + "]\n",
			check: func(t *testing.T, a portalsim.AppState, _ string) {
				if got := a.Accepted.Materials["护照/通行证"]; !reflect.DeepEqual(got, []string{"passport-new.jpg"}) {
					t.Errorf("passport after re-upload: %v", got)
				}
				if got := a.Accepted.Materials["签证/居留许可"]; !reflect.DeepEqual(got, []string{"scan-visa.jpg"}) {
					t.Errorf("another file changed: %v", a.Accepted.Materials)
				}
				if !reflect.DeepEqual(a.After.Replaced, []string{"scan-passport.jpg"}) {
					t.Errorf("replaced %v", a.After.Replaced)
				}
			}},
		{kind: portalsim.RequestOffline, check: func(t *testing.T, a portalsim.AppState, out string) {
			if !strings.Contains(out, "offline") || len(a.After.Added)+len(a.After.Replaced) > 0 {
				t.Errorf("offline: %s %+v", out, a.After)
			}
		}},
		{kind: portalsim.RequestNotice, check: func(t *testing.T, a portalsim.AppState, out string) {
			if !strings.Contains(out, "notice") || len(a.After.Added)+len(a.After.Replaced) > 0 {
				t.Errorf("notice: %s %+v", out, a.After)
			}
		}},
	} {
		t.Run("supplement "+tc.kind, func(t *testing.T) {
			user := fmt.Sprintf("1380000010%d", i)
			path, pw := e.applicant(t, user)
			if tc.extra != "" {
				appendFile(t, path, tc.extra)
			}
			id := e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusSupplement,
				Request: &portalsim.Request{Kind: tc.kind, Text: "请按要求补交材料（" + tc.kind + "）", Files: tc.files}})
			t.Cleanup(func() { e.neverSubmitted(t, user) })
			o, stdout := e.options(t, path, pw)
			so := &supplementOptions{afterOptions: *o, Files: tc.args}
			if err := runSupplement(context.Background(), so); err != nil {
				t.Fatal(err)
			}
			st := e.sim.State(user)
			if st.Applications[0].ID != id || st.Applications[0].Status != portalsim.StatusSupplement {
				t.Fatalf("state %+v", st.Applications[0])
			}
			tc.check(t, st.Applications[0], stdout.String())
		})
	}

	t.Run("review", func(t *testing.T) {
		user := "13800000200"
		path, pw := e.applicant(t, user)
		e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusDone,
			Completed: time.Now().AddDate(0, -3, 0).Format(time.DateOnly)})
		t.Cleanup(func() { e.neverSubmitted(t, user) })
		o, _ := e.options(t, path, pw)
		reason := "专业领域应为人工智能，请复核"
		ro := &reviewOptions{afterOptions: *o, Reason: reason, Files: []string{filepath.Join(mats, "transcript-1.jpg"), filepath.Join(mats, "visa.jpg")}}
		if err := runReview(context.Background(), ro); err != nil {
			t.Fatal(err)
		}
		a := e.sim.State(user).Applications[0].After
		if a.ReviewReason != reason || len(a.ReviewFiles) != 2 || a.ReviewSubmitted {
			t.Errorf("review: %+v", a)
		}
	})

	t.Run("review already asked", func(t *testing.T) {
		user := "13800000202"
		path, pw := e.applicant(t, user)
		e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusDone, Reviewed: true})
		o, _ := e.options(t, path, pw)
		var err error
		e.unchanged(t, user, func() {
			err = runReview(context.Background(), &reviewOptions{afterOptions: *o, Reason: "x"})
		})
		if exitcode.Of(err) != exitcode.BadInput || !strings.Contains(err.Error(), "once") {
			t.Errorf("second 复核: %v (exit %d), want exit 2", err, exitcode.Of(err))
		}
	})

	t.Run("review window closed", func(t *testing.T) {
		user := "13800000201"
		path, pw := e.applicant(t, user)
		e.sim.Advance(portalsim.Advance{Account: user, Degree: edinburgh, To: portalsim.StatusDone,
			Completed: time.Now().AddDate(-1, -1, 0).Format(time.DateOnly)})
		o, _ := e.options(t, path, pw)
		var err error
		e.unchanged(t, user, func() {
			err = runReview(context.Background(), &reviewOptions{afterOptions: *o, Reason: "x", Files: []string{filepath.Join(mats, "visa.jpg")}})
		})
		if exitcode.Of(err) != exitcode.BadInput || !strings.Contains(err.Error(), "window closed") {
			t.Errorf("13 months after: %v (exit %d), want exit 2 naming the window", err, exitcode.Of(err))
		}
	})
}

// neverSubmitted fails the test when user's final 提交 (of the application,
// a 补交材料 answer or a 复核) or a payment reached the simulator.
func (e *afterEnv) neverSubmitted(t *testing.T, user string) {
	st := e.sim.State(user)
	n := st.SubmitAttempts + st.PaymentAttempts
	for _, a := range st.Applications {
		if a.After != nil {
			n += a.After.SupplementSubmit + a.After.ReviewSubmit
		}
	}
	if n != 0 {
		t.Errorf("SAFETY: %s saw %d submit or payment attempts", user, n)
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
