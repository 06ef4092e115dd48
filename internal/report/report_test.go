package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/internal/steps"
)

const (
	rawID    = "110105199805120012"
	rawPhone = "13800138000"
	rawMail  = "zhang.san@example.com"
)

func applicant() *profile.Profile {
	p := &profile.Profile{}
	p.Applicant.Name = "张三"
	p.Applicant.IDType = "id_card"
	p.Applicant.IDNumber = rawID
	p.Applicant.Phone = rawPhone
	p.Applicant.Email = rawMail
	p.Account.Username = rawPhone
	return p
}

var pages = []report.PageInfo{
	{ID: "login", Title: "个人用户登录", Human: "captcha"},
	{ID: "verify", Title: "实人认证，获取出入境记录", Human: "face_and_code"},
	{ID: "basic-info", Title: "基本信息"},
	{ID: "degree", Title: "申请信息"},
	{ID: "confirm", Title: "确认提交", Human: "confirm"},
}

// story plays a run through a recorder: login, the face scan, 基本信息 with
// every kind of field outcome, and 申请信息 with a healed selector. It
// returns the run directory.
func story(t *testing.T, rec func(dir string) *report.Recorder, end func(r *report.Recorder)) (string, *report.Recorder) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "run")
	if err := os.MkdirAll(filepath.Join(dir, "screenshots"), 0o700); err != nil {
		t.Fatal(err)
	}
	shot(t, filepath.Join(dir, "screenshots", "04-basic-info.png"), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	shot(t, filepath.Join(dir, "screenshots", "06-degree.png"), color.RGBA{0x34, 0xa8, 0x53, 0xff})
	shot(t, filepath.Join(dir, "verify-qr.png"), color.RGBA{0, 0, 0, 0xff})
	r := rec(dir)
	t0 := time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	field := func(s int, page, key, label string, st portal.FieldStatus, v string, mod func(*portal.FieldReport)) {
		f := portal.FieldReport{Key: key, Label: label, Kind: "text", Value: v, Found: v, Status: st}
		if mod != nil {
			mod(&f)
		}
		r.Emit(portal.Event{Time: at(s), Type: portal.EvField, Page: page, Field: &f})
	}
	r.Emit(portal.Event{Time: at(0), Type: portal.EvStart, Message: "degree msc"})
	r.Emit(portal.Event{Time: at(1), Type: portal.EvPage, Page: "login", Title: "个人用户登录"})
	field(2, "login", "account.username", "用户名", portal.Filled, rawPhone, nil)
	r.Emit(portal.Event{Time: at(3), Type: portal.EvPage, Page: "verify", Title: "实人认证，获取出入境记录"})
	r.Emit(portal.Event{Time: at(4), Type: portal.EvHuman, Page: "verify", Human: "face_and_code", File: filepath.Join(dir, "verify-qr.png"),
		Message: "Open the 微留服 app and scan the QR code.", MessageZH: "请用“微留服”APP扫描二维码。"})
	r.Emit(portal.Event{Time: at(64), Type: portal.EvHumanRemind, Page: "verify", Human: "face_and_code"})
	r.Emit(portal.Event{Time: at(80), Type: portal.EvHumanStage, Page: "verify", Human: steps.FaceAndCode, Stage: steps.CodeAsked})
	r.Emit(portal.Event{Time: at(95), Type: portal.EvHumanDone, Page: "verify", Human: "face_and_code"})
	r.Emit(portal.Event{Time: at(96), Type: portal.EvPage, Page: "basic-info", Title: "基本信息"})
	field(97, "basic-info", "applicant.id_number", "证件号码", portal.Already, rawID, func(f *portal.FieldReport) { f.Kind = "readonly" })
	field(98, "basic-info", "applicant.phone", "手机号码", portal.Filled, rawPhone, nil)
	field(99, "basic-info", "applicant.email", "电子邮箱", portal.Filled, rawMail, nil)
	field(99, "basic-info", "applicant.former_name", "曾用名", portal.Skipped, "", func(f *portal.FieldReport) { f.Note = "nothing to enter" })
	r.Emit(portal.Event{Time: at(100), Type: portal.EvPageDone, Page: "basic-info", Title: "基本信息", Screenshot: "screenshots/04-basic-info.png"})
	r.Emit(portal.Event{Time: at(101), Type: portal.EvPage, Page: "degree", Title: "申请信息"})
	field(102, "degree", "degree.degree_name", "学位外文名称", portal.Filled, "Master of Science", func(f *portal.FieldReport) {
		f.Healed = `selector "#old" found nothing; found by its label "学位外文名称"`
	})
	field(103, "degree", "degree.study_country", "就读地点", portal.Skipped, "", func(f *portal.FieldReport) {
		f.Note, f.Skip = "not shown: !degree.same_school is false", portal.SkipCondition
	})
	r.Emit(portal.Event{Time: at(103), Type: portal.EvWarning, Page: "degree", Message: "degree: healed 学位外文名称"})
	end(r)
	return dir, r
}

func shot(t *testing.T, path string, c color.Color) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 320, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 320; x++ {
			if (x/20+y/20)%2 == 0 {
				img.Set(x, y, c)
			} else {
				img.Set(x, y, color.White)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func newRecorder(dir string) *report.Recorder {
	return report.New(report.Options{Profile: applicant(), Degree: &profile.Degree{ID: "msc", AwardingInstitution: "The University of Edinburgh", DegreeName: "Master of Science"},
		Pages: pages, RunDir: dir, DryRun: true})
}

func ready(r *report.Recorder) {
	r.Emit(portal.Event{Type: portal.EvPage, Page: "confirm", Title: "确认提交"})
	r.Emit(portal.Event{Type: portal.EvDone, Page: "confirm"})
	r.Finish(&portal.Result{Ready: true, Page: "confirm", Healed: []string{"degree: 学位外文名称"},
		Left: steps.Ready("runs/x")}, nil, false)
}

func TestReadyReport(t *testing.T) {
	dir, r := story(t, newRecorder, ready)
	if err := r.Write(); err != nil {
		t.Fatal(err)
	}
	rep, err := report.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Outcome != report.Ready || rep.ExitCode != 0 || len(rep.Left) != 4 {
		t.Fatalf("outcome %s, exit %d, left %v", rep.Outcome, rep.ExitCode, rep.Left)
	}
	if rep.Left[0].ZH != "请在“确认提交”页面逐项核对（也可查看 runs/x 中的运行报告）。" {
		t.Errorf("left[0] zh = %q", rep.Left[0].ZH)
	}
	want := map[string]report.PageStatus{"login": report.PageDone, "verify": report.PageDone, "basic-info": report.PageDone, "degree": report.PageDone, "confirm": report.PageWaiting}
	for _, p := range rep.Pages {
		if p.Status != want[p.ID] {
			t.Errorf("page %s: %s, want %s", p.ID, p.Status, want[p.ID])
		}
	}
	if h := rep.Humans; len(h) != 1 || h[0].Finished == nil || h[0].CodeAsked == nil || h[0].Reminders != 1 || h[0].File != "verify-qr.png" {
		t.Errorf("human steps: %+v", h)
	}
	if rep.ID != "1101**********0012" {
		t.Errorf("masked ID %q", rep.ID)
	}
	for _, f := range []string{report.JSONFile, report.HTMLFile} {
		fi, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", f, fi.Mode().Perm())
		}
		noPII(t, filepath.Join(dir, f))
	}
}

func noPII(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{rawID, rawPhone, rawMail} {
		if bytes.Contains(b, []byte(raw)) {
			t.Errorf("%s contains %s", path, raw)
		}
	}
}

// A run that stops on an error still leaves a report: what happened so
// far, the error with what to do, and the failed page.
func TestFailedReport(t *testing.T) {
	runErr := exitcode.With(exitcode.Drift, &portal.DriftError{Page: "degree", Key: "degree.level", Label: "学位层次", Detail: "gone"})
	dir, r := story(t, newRecorder, func(r *report.Recorder) {
		r.Emit(portal.Event{Type: portal.EvError, Page: "degree", Message: runErr.Error()})
		r.Finish(&portal.Result{Page: "degree"}, runErr, false)
	})
	if err := r.Write(); err != nil {
		t.Fatal(err)
	}
	rep, _ := report.Read(dir)
	if rep.Outcome != report.Failed || rep.ExitCode != exitcode.Drift {
		t.Fatalf("outcome %s exit %d", rep.Outcome, rep.ExitCode)
	}
	var errs []report.Problem
	for _, p := range rep.Problems {
		if p.Level == "error" {
			errs = append(errs, p)
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Do, "autofill check") || errs[0].DoZH == "" {
		t.Errorf("errors: %+v", errs)
	}
	if p := rep.Pages[3]; p.ID != "degree" || p.Status != report.PageFailed {
		t.Errorf("degree page: %+v", p)
	}
}

// A person who did not act in time parks the run: the report says which
// step is theirs and to run again.
func TestWaitingReport(t *testing.T) {
	dir := t.TempDir()
	r := newRecorder(dir)
	r.Emit(portal.Event{Type: portal.EvPage, Page: "verify", Title: "实人认证"})
	r.Emit(portal.Event{Type: portal.EvHuman, Page: "verify", Human: "face_and_code", Message: "Scan the QR code.", MessageZH: "请扫码。"})
	err := exitcode.With(exitcode.Parked, &portal.ParkedError{Step: "face_and_code", Page: "verify", Waited: "15m"})
	r.Finish(&portal.Result{Page: "verify"}, err, false)
	rep := r.Report()
	if rep.Outcome != report.Waiting || len(rep.Left) != 2 || !strings.Contains(rep.Left[0].ZH, "请扫码") || !strings.Contains(rep.Left[1].EN, "run the same command again") {
		t.Errorf("outcome %s, left %+v", rep.Outcome, rep.Left)
	}
	if rep.Pages[1].Status != report.PageWaiting {
		t.Errorf("verify: %s", rep.Pages[1].Status)
	}
}

func TestInterruptedReport(t *testing.T) {
	r := newRecorder(t.TempDir())
	r.Emit(portal.Event{Type: portal.EvPage, Page: "basic-info", Title: "基本信息"})
	r.Finish(nil, errors.New("chromedp: context canceled"), true)
	rep := r.Report()
	if rep.Outcome != report.Interrupted || rep.ExitCode != exitcode.Interrupted || rep.Pages[2].Status != report.PageStopped {
		t.Errorf("outcome %s exit %d page %s", rep.Outcome, rep.ExitCode, rep.Pages[2].Status)
	}
}

// An identity mismatch shows someone else's ID number, which the profile's
// Redactor cannot know: identity fields are masked whatever they hold.
func TestMaskEventIdentityFields(t *testing.T) {
	red := profile.NewRedactor(applicant())
	other := "E12345678"
	e := report.MaskEvent(red, portal.Event{Type: portal.EvField, Message: "call " + rawPhone,
		Field: &portal.FieldReport{Key: "applicant.id_number", Value: rawID, Found: other, Error: "page shows " + rawID}})
	b, _ := json.Marshal(e)
	for _, raw := range []string{rawID, rawPhone, other} {
		if strings.Contains(string(b), raw) {
			t.Errorf("%s in %s", raw, b)
		}
	}
	if e.Field.Found != "E1*****78" {
		t.Errorf("found = %q", e.Field.Found)
	}
}

// The login fields are masked by the role and secrecy the map gives them,
// whatever their keys: a user name the profile does not hold (another
// login) and a password are never shown.
func TestMaskFieldByRole(t *testing.T) {
	red := profile.NewRedactor(applicant())
	user := report.MaskField(red, portal.FieldReport{Key: "login.name", Role: pagemap.LoginUsername, Value: "13900139000"})
	if user.Value != profile.RedactPhone("13900139000") {
		t.Errorf("user name = %q", user.Value)
	}
	if m := report.MaskField(red, portal.FieldReport{Key: "login.name", Role: pagemap.LoginUsername, Value: "a.b@example.org"}); m.Value != profile.RedactEmail("a.b@example.org") {
		t.Errorf("e-mail user name = %q", m.Value)
	}
	pw := report.MaskField(red, portal.FieldReport{Key: "login.secret", Role: pagemap.LoginPassword, Secret: true, Value: "hunter2-x", Found: "hunter2-x"})
	if pw.Value != "••••••" || pw.Found != "••••••" {
		t.Errorf("password = %q / %q", pw.Value, pw.Found)
	}
}

func TestLatest(t *testing.T) {
	root := t.TempDir()
	if _, err := report.Latest(root); err == nil || !strings.Contains(err.Error(), "--dry-run") {
		t.Errorf("empty root: %v", err)
	}
	for i, name := range []string{"20250101-0900-msc", "20250102-0900-msc"} {
		d := filepath.Join(root, name)
		os.MkdirAll(d, 0o700)
		p := filepath.Join(d, report.HTMLFile)
		os.WriteFile(p, []byte("x"), 0o600)
		mt := time.Now().Add(time.Duration(i-5) * time.Minute)
		os.Chtimes(p, mt, mt)
	}
	got, err := report.Latest(root)
	if err != nil || !strings.Contains(got, "20250102") {
		t.Errorf("latest = %q, %v", got, err)
	}
}
