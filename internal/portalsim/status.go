package portalsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// After submission (docs/portal.md, "我的申请 and after 提交"): an application moves on
// from 认证中 to 补交材料 and back, to 认证完成 (with an electronic 认证书) or
// to 暂不认证. On the live portal the centre moves it; here the hook
// POST /__sim/advance does.

// More statuses, as 我的申请 shows them.
const (
	StatusNotCertified = "暂不认证"
	// StatusAwaitingPayment is no status the portal shows: the hook's name
	// for a 未提交 draft already past 提交 that waits on 在线支付.
	StatusAwaitingPayment = "待支付"
)

// Kinds of a 补交材料 request.
const (
	RequestAdd      = "add"      // add files, keep the ones on record
	RequestReupload = "reupload" // upload new versions of the named files
	RequestOffline  = "offline"  // send something by post or in person
	RequestNotice   = "notice"   // read it; nothing to send
)

// requestKindZh names each kind on the pages.
var requestKindZh = map[string]string{
	RequestAdd: "补充上传材料", RequestReupload: "重新上传指定材料",
	RequestOffline: "线下提交材料", RequestNotice: "仅通知",
}

// Request is a 补交材料 request; its JSON is the request of
// POST /__sim/advance and of the state view.
type Request struct {
	Kind     string   `json:"kind"`
	Text     string   `json:"text"`
	Files    []string `json:"files,omitempty"` // reupload: the file names on record to replace
	Deadline string   `json:"deadline"`        // yyyy-MM-dd
}

// notice is one line of the 查看 page's 通知 list.
type notice struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// afterCare is what happens to an application after payment.
type afterCare struct {
	expected  string // 预计完成时间, yyyy-MM-dd
	notices   []notice
	request   *Request
	answered  bool           // the request's 提交 went through
	added     []*upload      // files added in answer to an add request
	replaced  []string       // names of files re-uploaded in answer to the request
	orig      map[int]string // file id → the name on record before its re-upload
	completed time.Time      // 认证完成 (or 暂不认证) date
	cert      *certificate
	review    reviewDraft

	suppSubmits int // clicks of the 补材料 page's 提交
}

// AfterState is the after-submission part of an application in
// /__sim/state.
type AfterState struct {
	Expected         string   `json:"expected,omitempty"`
	Notices          []string `json:"notices,omitempty"`
	Request          *Request `json:"request,omitempty"`
	RequestAnswered  bool     `json:"request_answered,omitempty"`
	Added            []string `json:"added,omitempty"`
	Replaced         []string `json:"replaced,omitempty"`
	Completed        string   `json:"completed,omitempty"`
	Certificate      string   `json:"certificate,omitempty"` // its 12-digit number
	ReviewReason     string   `json:"review_reason,omitempty"`
	ReviewFiles      []string `json:"review_files,omitempty"`
	ReviewSubmitted  bool     `json:"review_submitted,omitempty"`
	AwaitingPayment  bool     `json:"awaiting_payment,omitempty"`
	SupplementSubmit int      `json:"supplement_submits,omitempty"`
	ReviewSubmit     int      `json:"review_submits,omitempty"`
}

// afterView is the AfterState of a; nil for a plain draft.
func afterView(a *application) *AfterState {
	if a.status == StatusDraft && !a.submitted {
		return nil
	}
	c := &a.after
	v := &AfterState{Expected: c.expected, Request: c.request, RequestAnswered: c.answered,
		Replaced: c.replaced, ReviewReason: c.review.reason, ReviewSubmitted: c.review.submitted,
		AwaitingPayment:  a.status == StatusDraft && a.submitted,
		SupplementSubmit: c.suppSubmits, ReviewSubmit: c.review.submits}
	for _, n := range c.notices {
		v.Notices = append(v.Notices, n.Date+" "+n.Text)
	}
	for _, f := range c.added {
		v.Added = append(v.Added, f.Name)
	}
	for _, f := range c.review.files {
		v.ReviewFiles = append(v.ReviewFiles, f.Name)
	}
	if !c.completed.IsZero() {
		v.Completed = c.completed.Format(time.DateOnly)
	}
	if c.cert != nil {
		v.Certificate = c.cert.Number
	}
	return v
}

// Advance is one move of an application; its JSON is that of
// POST /__sim/advance.
type Advance struct {
	Account   string   `json:"account"`
	App       string   `json:"app"`       // empty: the account's only application, or a new one with Degree
	To        string   `json:"to"`        // 认证中 | 补交材料 | 认证完成 | 暂不认证 | 待支付
	Expected  string   `json:"expected"`  // 认证中: 预计完成时间 (default: 15 working days or so from now)
	Request   *Request `json:"request"`   // 补交材料
	Completed string   `json:"completed"` // 认证完成/暂不认证: the date (default today); the 复核 window counts from it
	Notice    string   `json:"notice"`    // an extra line for the 通知 list
	// Reviewed (with 认证完成) records that a 复核 was already asked for.
	Reviewed bool `json:"reviewed"`
	// Degree creates a new application (when App is empty) holding this
	// degree, verified and with every step saved, for seeding many states.
	Degree *AdvanceDegree `json:"degree"`
}

// AdvanceDegree is the degree of an application Advance creates.
type AdvanceDegree struct {
	Country     string `json:"country"`
	Institution string `json:"institution"`
	DegreeName  string `json:"degree_name"`
	Level       string `json:"level"`
	Major       string `json:"major"`
}

const advanceHelp = `want {"account","app","to": 认证中|补交材料|认证完成|暂不认证|待支付, "expected":"yyyy-MM-dd", "request":{"kind":"add|reupload|offline|notice","text","files":[…],"deadline":"yyyy-MM-dd"}, "completed":"yyyy-MM-dd", "notice", "degree":{…}}`

func (s *Server) hookAdvance(w http.ResponseWriter, r *http.Request) {
	var in Advance
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "advance JSON: " + err.Error() + " (" + advanceHelp + ")"})
		return
	}
	id, err := s.Advance(in)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"message": "advanced", "app": id, "status": in.To})
}

// Advance moves an application on (the hook's Go form); it returns the
// application's id.
func (s *Server) Advance(in Advance) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.advanceLocked(in)
}

// advanceLocked is Advance for a caller that holds s.mu.
func (s *Server) advanceLocked(in Advance) (string, error) {
	acc := s.accounts[in.Account]
	if acc == nil {
		return "", fmt.Errorf("no account %q; register it with POST /__sim/accounts", in.Account)
	}
	now := s.now()
	var a *application
	switch {
	case in.App != "":
		if a = acc.app(in.App); a == nil {
			return "", fmt.Errorf("account %s has no application %s", in.Account, in.App)
		}
	case in.Degree != nil:
		a = newApplication(s.newAppID(), now)
		a.faceDone, a.codeDone, a.code = true, true, randomCode(s.rng)
		a.applyType = applyTypes[0]
		d := in.Degree
		a.degree = &degreeForm{AwardingCountry: d.Country, AwardingInstitution: d.Institution,
			DegreeName: d.DegreeName, Level: d.Level, MajorForeign: d.Major, SameSchool: true, RemoteStudy: "否"}
		for _, p := range stepPages {
			a.saved[p] = true
		}
		seedFiles(a)
		acc.apps = append(acc.apps, a)
	case len(acc.apps) == 1:
		a = acc.apps[0]
	default:
		return "", fmt.Errorf("account %s has %d applications: name one with \"app\" (or create one with \"degree\")", in.Account, len(acc.apps))
	}
	if err := s.advance(acc, a, in, now); err != nil {
		return "", fmt.Errorf("%s: %w", a.id, err)
	}
	s.log.Info().Str("user", acc.Username).Str("app", a.id).Str("to", in.To).Msg("sim: application advanced")
	return a.id, nil
}

func (s *Server) advance(acc *account, a *application, in Advance, now time.Time) error {
	c := &a.after
	day := func(v string, def time.Time) (string, error) {
		if v == "" {
			return def.Format(time.DateOnly), nil
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return "", fmt.Errorf("date %q: want yyyy-MM-dd", v)
		}
		return v, nil
	}
	today := now.Format(time.DateOnly)
	switch in.To {
	case StatusAwaitingPayment:
		if a.status != StatusDraft {
			return fmt.Errorf("only a 未提交 draft can wait on payment (it is %s)", a.status)
		}
		a.faceDone, a.codeDone = true, true
		if a.code == "" {
			a.code = randomCode(s.rng)
		}
		a.submitted = true
		return nil
	case StatusReviewing:
		exp, err := day(in.Expected, now.AddDate(0, 0, 21))
		if err != nil {
			return err
		}
		a.submitted, a.status, c.expected = true, StatusReviewing, exp
		if c.request != nil && !c.answered {
			c.request = nil // the centre withdrew it
		}
		c.notices = append(c.notices, notice{today, "申请已进入认证流程，预计完成时间 " + exp + "。"})
	case StatusSupplement:
		q := in.Request
		if q == nil {
			return fmt.Errorf("补交材料 needs a request {kind, text, deadline}")
		}
		if requestKindZh[q.Kind] == "" {
			return fmt.Errorf("request kind %q: use add, reupload, offline or notice", q.Kind)
		}
		if strings.TrimSpace(q.Text) == "" {
			return fmt.Errorf("the request needs its text")
		}
		dl, err := day(q.Deadline, now.AddDate(0, 0, 5))
		if err != nil {
			return err
		}
		if q.Kind == RequestReupload {
			if len(q.Files) == 0 {
				return fmt.Errorf("a reupload request names the files to replace (files: [...])")
			}
			for _, n := range q.Files {
				if _, f := a.fileNamed(n); f == nil {
					return fmt.Errorf("reupload: no file %q on record (files: %s)", n, strings.Join(a.fileNames(), ", "))
				}
			}
		}
		req := *q
		req.Deadline = dl
		a.submitted, a.status = true, StatusSupplement
		c.request, c.answered, c.added, c.replaced, c.orig = &req, false, nil, nil, nil
		c.notices = append(c.notices, notice{today, "请补交材料（" + requestKindZh[q.Kind] + "），截止日期 " + dl + "：" + q.Text})
	case StatusDone, StatusNotCertified:
		done := now
		if in.Completed != "" {
			t, err := time.Parse(time.DateOnly, in.Completed)
			if err != nil {
				return fmt.Errorf("completed %q: want yyyy-MM-dd", in.Completed)
			}
			done = t
		}
		a.submitted, a.status, c.completed, c.request = true, in.To, done, nil
		if in.To == StatusDone {
			c.review.submitted = in.Reviewed
			c.cert = newCertificate(acc.Account, a, done, s.rng)
			c.notices = append(c.notices, notice{done.Format(time.DateOnly), "认证完成，电子认证书已生成，可在“查看”页下载。"})
		} else {
			c.cert = nil
			c.notices = append(c.notices, notice{done.Format(time.DateOnly), "暂不认证，认证费用将原路退回。"})
		}
	default:
		return fmt.Errorf("to %q: use 认证中, 补交材料, 认证完成, 暂不认证 or 待支付", in.To)
	}
	if in.Notice != "" {
		c.notices = append(c.notices, notice{today, in.Notice})
	}
	return nil
}

// fileNamed finds a file on record by name: its slot key and the file.
func (a *application) fileNamed(name string) (string, *upload) {
	for key, fs := range a.files {
		for _, f := range fs {
			if f.Name == name {
				return key, f
			}
		}
	}
	return "", nil
}

func (a *application) fileNames() []string {
	var out []string
	for _, fs := range a.files {
		for _, f := range fs {
			out = append(out, f.Name)
		}
	}
	return out
}

// reviewWindow is how long after 认证完成 a 复核 may be asked for.
const reviewMonths = 12

// reviewOpen reports whether the 复核 action is offered: 认证完成, within 12
// months, and no review submitted yet.
func (a *application) reviewOpen(now time.Time) bool {
	return a.status == StatusDone && !a.after.review.submitted &&
		now.Before(a.after.completed.AddDate(0, reviewMonths, 0))
}

// afterRow adds the row actions of 我的申请 beyond 继续填写; the caller
// holds s.mu.
func (s *Server) afterRow(a *application, row map[string]string) {
	base := "/user/applications/" + a.id
	row["view_url"] = base
	row["supplement_url"], row["review_url"], row["pay_url"] = "", "", ""
	if a.status == StatusDraft && a.submitted {
		row["pay_url"] = "/apply/" + a.id + "/payment" // past 提交, the fee unpaid
	}
	if a.status == StatusSupplement && !a.after.answered {
		row["supplement_url"] = base + "/supplement"
	}
	if a.reviewOpen(s.now()) {
		row["review_url"] = base + "/review"
	}
}

// afterRoutes adds the pages and API of life after submission.
func (s *Server) afterRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /user/applications/{id}", s.page(s.detailPage))
	m.HandleFunc("GET /user/applications/{id}/supplement", s.page(s.supplementPage))
	m.HandleFunc("GET /user/applications/{id}/review", s.page(s.reviewPage))
	m.HandleFunc("GET /user/applications/{id}/certificate.pdf", s.page(s.handleCertificate))
	api := func(pattern string, h apiFunc) { m.Handle(pattern, s.api(h)) }
	api("POST /api/applications/{id}/supplement/files", s.authed(s.apiSupplementAdd))
	api("POST /api/applications/{id}/supplement/files/{file}", s.authed(s.apiSupplementReplace))
	api("POST /api/applications/{id}/supplement/submit", s.authed(s.apiSupplementSubmit))
	api("PUT /api/applications/{id}/review", s.authed(s.apiReviewSave))
	api("POST /api/applications/{id}/review/files", s.authed(s.apiReviewUpload))
	api("DELETE /api/applications/{id}/review/files/{file}", s.authed(s.apiReviewDelete))
	api("POST /api/applications/{id}/review/submit", s.authed(s.apiReviewSubmit))
	if s.o.Hooks {
		m.HandleFunc("POST /__sim/advance", s.hookAdvance)
	}
}

func init() {
	pageTitles["app-detail"] = "申请详情"
	pageTitles["supplement"] = "补交材料"
	pageTitles["review"] = "复核申请"
}

// afterApp finds the session's application of the path; the caller holds s.mu.
func (s *Server) afterApp(r *http.Request, sess *session) (*account, *application) {
	acc := s.accounts[sess.user]
	return acc, acc.app(r.PathValue("id"))
}

func notFoundApp(w http.ResponseWriter, id string) {
	http.Error(w, "申请 "+id+" 不存在或不属于当前用户（请从“我的申请”进入）", http.StatusNotFound)
}

// detailPage is 查看: the state, 预计完成时间, the open request, the notices
// and, once 认证完成, the 认证书.
func (s *Server) detailPage(w http.ResponseWriter, r *http.Request, sess *session) {
	user := s.userView(sess)
	s.mu.Lock()
	_, a := s.afterApp(r, sess)
	if a == nil {
		s.mu.Unlock()
		notFoundApp(w, r.PathValue("id"))
		return
	}
	c := &a.after
	d := map[string]any{
		"app":      map[string]string{"id": a.id, "status": a.status},
		"expected": c.expected, "notices": c.notices,
		"institution": "—", "degree": "—",
		"completed": "", "cert": nil, "request": nil,
		"review": reviewStatus(a, s.now()), "review_url": "", "supplement_url": "",
	}
	if a.degree != nil {
		d["institution"], d["degree"] = a.degree.institution(), a.degree.DegreeName
	}
	if !c.completed.IsZero() {
		d["completed"] = c.completed.Format(time.DateOnly)
	}
	if c.cert != nil {
		d["cert"] = map[string]string{"number": c.cert.Number, "url": "/user/applications/" + a.id + "/certificate.pdf"}
	}
	if c.request != nil && a.status == StatusSupplement {
		d["request"] = requestView(c)
	}
	row := map[string]string{}
	s.afterRow(a, row)
	d["review_url"], d["supplement_url"] = row["review_url"], row["supplement_url"]
	s.mu.Unlock()
	s.render(w, view{ID: "app-detail", User: user, Data: d})
}

func requestView(c *afterCare) map[string]any {
	q := c.request
	state := "待处理"
	if c.answered {
		state = "已提交"
	}
	return map[string]any{"kind": q.Kind, "kind_zh": requestKindZh[q.Kind], "text": q.Text,
		"files": q.Files, "deadline": q.Deadline, "state": state}
}

// reviewStatus words the 复核 state for the 查看 page.
func reviewStatus(a *application, now time.Time) string {
	switch {
	case a.after.review.submitted:
		return "已申请复核"
	case a.status != StatusDone:
		return "—"
	case a.reviewOpen(now):
		return "可申请（截止 " + a.after.completed.AddDate(0, reviewMonths, 0).Format(time.DateOnly) + "）"
	}
	return "已超过复核期限"
}

// seedFiles puts a set of materials on record for an application Advance
// creates, so a reupload request has files to name.
func seedFiles(a *application) {
	jpg, pdf := demoJPEG(), demoPDF()
	for _, f := range []struct{ key, name string }{
		{"photo", "scan-photo.jpg"}, {"passport", "scan-passport.jpg"}, {"visa", "scan-visa.jpg"},
		{"diploma", "scan-diploma.pdf"}, {"authorization", "scan-authorization.pdf"},
	} {
		data := jpg
		if f.key == "diploma" || f.key == "authorization" {
			data = pdf
		}
		a.nextFile++
		a.files[f.key] = append(a.files[f.key], &upload{ID: a.nextFile, Name: f.name, Size: int64(len(data)), data: data})
	}
}
