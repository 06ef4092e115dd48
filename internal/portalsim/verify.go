package portalsim

import (
	"net/http"
	"strings"
	"time"

	qrcode "github.com/skip2/go-qrcode"
)

// demoStep is how long the demo "person" takes for the face scan after the
// QR is first served, and again for the 12367 code.
const demoStep = time.Second

// refreshVerify advances a Demo application's verification with time; the
// caller holds s.mu. Outside Demo, and for accounts with ManualVerify, only
// the hook or CompleteVerification completes the face step.
func (s *Server) refreshVerify(a *application) {
	if !s.o.Demo || a.manual || a.qrServed.IsZero() || a.verified() {
		return
	}
	since := s.now().Sub(a.qrServed)
	if a.wantSkip {
		// The person chose no_records: they skip instead of scanning.
		if since >= demoStep {
			a.skipped = true
		}
		return
	}
	if since >= demoStep {
		a.faceDone = true
	}
	if since >= 2*demoStep {
		a.codeDone, a.code = true, randomCode(s.rng)
	}
}

// handleQR serves the 微留服 QR code of an application as PNG.
func (s *Server) handleQR(w http.ResponseWriter, r *http.Request) {
	sess := s.sessionOf(r)
	if sess == nil {
		http.Error(w, msgExpired, http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	a := s.accounts[sess.user].app(r.PathValue("id"))
	if a != nil && a.qrServed.IsZero() {
		a.qrServed = s.now()
	}
	s.mu.Unlock()
	if a == nil {
		http.NotFound(w, r)
		return
	}
	// Fictional content: no real app can act on it.
	png, err := qrcode.Encode("SIMULATOR-ONLY weiliufu://face-verify?app="+a.id+"&nonce="+randomToken()[:12], qrcode.Medium, 220)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(png)
}

// verifyStatus is what the verify page polls.
type verifyStatus struct {
	FaceDone bool           `json:"face_done"`
	CodeDone bool           `json:"code_done"`
	Code     string         `json:"code,omitempty"`
	Records  []travelRecord `json:"records"`
	Skipped  bool           `json:"skipped"` // the person chose to upload the records instead
}

// travelRecord is one row of 出入境记录 (fictional).
type travelRecord struct {
	Date    string `json:"date"`
	Port    string `json:"port"`
	Kind    string `json:"kind"`
	Country string `json:"country"`
}

var fictionalRecords = []travelRecord{
	{"2022-09-03", "北京首都国际机场", "出境", "英国"},
	{"2022-12-20", "上海浦东国际机场", "入境", "英国"},
	{"2023-01-08", "上海浦东国际机场", "出境", "英国"},
	{"2023-09-15", "北京首都国际机场", "入境", "英国"},
}

func (s *Server) verifyStatusOf(a *application) verifyStatus {
	s.refreshVerify(a)
	v := verifyStatus{FaceDone: a.faceDone, CodeDone: a.codeDone, Records: []travelRecord{}, Skipped: a.skipped}
	if a.codeDone {
		v.Code = a.code
		v.Records = fictionalRecords
	}
	return v
}

func (s *Server) ownApp(r *http.Request, sess *session) (*application, error) {
	a := s.accounts[sess.user].app(r.PathValue("id"))
	if a == nil {
		return nil, httpErr(http.StatusNotFound, "申请 "+r.PathValue("id")+" 不存在或不属于当前用户")
	}
	return a, nil
}

func (s *Server) apiVerifyStatus(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.ownApp(r, sess)
	if err != nil {
		return nil, err
	}
	return s.verifyStatusOf(a), nil
}

func (s *Server) apiVerifyCode(r *http.Request, sess *session) (any, error) {
	var in struct {
		Code string `json:"code"`
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.ownApp(r, sess)
	if err != nil {
		return nil, err
	}
	s.refreshVerify(a)
	if !a.faceDone {
		return nil, bad("授权码", "请先使用微留服APP扫描二维码完成实人认证")
	}
	code := strings.TrimSpace(in.Code)
	if !reCode.MatchString(code) {
		return nil, bad("授权码", "应为8位数字，请通过移民局12367 APP或小程序获取")
	}
	a.codeDone, a.code = true, code
	return s.verifyStatusOf(a), nil
}
