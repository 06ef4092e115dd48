package portalsim

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
)

// Options choose how the simulator behaves.
type Options struct {
	// Demo stands in for the person: no captcha, face verification
	// completes about 1 s after the QR is first served and the 12367 code
	// step about 1 s later, submit and payment never complete, and a demo
	// account with a verified, filled draft is seeded (see DemoAccount).
	Demo bool
	// Hooks serves the /__sim/ test hooks (always on with Demo).
	Hooks bool
	// AssetsDir is a node_modules directory holding vue and element-ui to
	// serve instead of the copy built into the binary; empty means
	// $AUTOFILL_SIM_ASSETS, else the built-in copy.
	AssetsDir string
	// Captcha turns the login captcha on or off; nil means on unless Demo.
	Captcha *bool
	// RenameClasses renames every fi-* class (labels unchanged), so page
	// maps' selectors stop matching: the variant for label-fallback tests.
	RenameClasses bool
	// DuplicateLabel, when set, adds to the degree page a second, unrelated
	// form item with exactly this label, so a label lookup is ambiguous.
	DuplicateLabel string
	// Variant is the form of the portal shown (variant.go); the zero value
	// is the classic reconstruction.
	Variant Variant
	// Drift changes pages as a portal release would (test-only, drift.go).
	Drift *Drift
	// Logger receives one line per request and state change; nil is quiet.
	Logger *zerolog.Logger
}

// Faults make the simulator behave like a busy portal. The zero value is
// a healthy one. Its JSON is that of POST /__sim/faults.
type Faults struct {
	// LatencyMS delays every /api request by a random 0..LatencyMS ms.
	LatencyMS int `json:"latency_ms"`
	// ErrorRate answers this fraction of mutating /api requests with 500
	// {"message":"系统繁忙，请稍后重试"} before any state changes.
	ErrorRate float64 `json:"error_rate"`
	// ExpireSessions ends every session now (once; it is not remembered).
	ExpireSessions bool `json:"expire_sessions"`
	// ExpireAfterSaves ends every session after this many more successful
	// saves (step saves, study-history rows, uploads and file removals).
	ExpireAfterSaves int `json:"expire_after_saves"`
}

// Server is the simulator; it implements http.Handler.
type Server struct {
	o       Options
	captcha bool
	assets  fs.FS
	log     zerolog.Logger
	mux     *http.ServeMux
	pages   *pageSet
	now     func() time.Time

	mu          sync.Mutex
	accounts    map[string]*account
	sessions    map[string]*session
	captchas    map[string]string // captcha cookie → answer
	lastCaptcha string
	faults      Faults
	savesLeft   int // >0: sessions end when it reaches 0
	rng         *rand.Rand

	loginURL   string            // the SSO's address (Variant.SSO)
	tickets    map[string]string // SSO token → user, until exchanged
	sliders    map[string]bool   // slider tokens not yet used
	sliderAuto bool              // POST /__sim/slider: the person's slides count as done
}

// New builds a simulator. It fails when AssetsDir (or $AUTOFILL_SIM_ASSETS)
// lacks the npm packages, with a message that says how to install them.
func New(o Options) (*Server, error) {
	assets, err := findAssets(o.AssetsDir)
	if err != nil {
		return nil, err
	}
	if o.Demo {
		o.Hooks = true
	}
	s := &Server{
		o: o, assets: assets, captcha: !o.Demo, log: zerolog.Nop(), now: time.Now,
		rng: rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())),
	}
	if o.Captcha != nil {
		s.captcha = *o.Captcha
	}
	if o.Logger != nil {
		s.log = *o.Logger
	}
	if s.pages, err = loadPages(o); err != nil {
		return nil, err
	}
	s.reset()
	s.routes()
	return s, nil
}

// ServeHTTP serves pages, static files, the API and (when on) the hooks.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	s.mux.ServeHTTP(rec, r)
	if !strings.HasPrefix(r.URL.Path, "/static/") {
		s.log.Debug().Str("method", r.Method).Str("path", r.URL.Path).Int("status", rec.status).
			Dur("took", time.Since(start)).Msg("sim request")
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Reset clears every account, session and fault; Demo re-seeds its account.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reset()
}

func (s *Server) reset() {
	s.accounts = map[string]*account{}
	s.sessions = map[string]*session{}
	s.captchas = map[string]string{}
	s.lastCaptcha = ""
	s.faults = Faults{}
	s.savesLeft = 0
	s.tickets = map[string]string{}
	s.sliders = map[string]bool{}
	s.sliderAuto = false
	if s.o.Demo {
		s.seedDemo()
	}
}

// RegisterAccount adds a user. The same username with the same identity is
// a no-op; with a different identity it is an error (registration records
// the identity once).
func (s *Server) RegisterAccount(a Account) error {
	if strings.TrimSpace(a.Username) == "" || a.Password == "" {
		return fmt.Errorf("account needs a username and a password")
	}
	if a.Name == "" || a.IDNumber == "" {
		return fmt.Errorf("account %s needs 姓名 and 证件号码 (shown read-only on 基本信息)", a.Username)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.accounts[a.Username]; ok {
		if !old.sameIdentity(a) {
			return errConflict
		}
		old.Password = a.Password
		return nil
	}
	s.accounts[a.Username] = &account{Account: a}
	if s.o.Variant.Returning {
		return s.seedReturning(a.Username)
	}
	return nil
}

var errConflict = fmt.Errorf("an account with this username exists with a different identity; use another username or POST /__sim/reset")

// State returns what the server holds for user.
func (s *Server) State(user string) (State, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	acc, ok := s.accounts[user]
	if !ok {
		return State{}, false
	}
	return s.state(acc), true
}

// CompleteVerification completes face verification and the 12367 code step
// for every application of user that waits for them.
func (s *Server) CompleteVerification(user string) {
	s.completeVerification(user, true)
}

func (s *Server) completeVerification(user string, code bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	acc, ok := s.accounts[user]
	if !ok {
		return
	}
	for _, a := range acc.apps {
		if a.status != StatusDraft || a.verified() {
			continue
		}
		a.faceDone = true
		if code {
			a.codeDone, a.code = true, randomCode(s.rng)
		}
	}
}

// SetFaults replaces the fault settings. ExpireSessions ends every session
// at once; ExpireAfterSaves starts a countdown.
func (s *Server) SetFaults(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.ExpireSessions {
		s.sessions = map[string]*session{}
		f.ExpireSessions = false
	}
	s.savesLeft = f.ExpireAfterSaves
	s.faults = f
}

// saved counts one successful save towards ExpireAfterSaves; the caller
// holds s.mu.
func (s *Server) saved() {
	if s.savesLeft > 0 {
		s.savesLeft--
		if s.savesLeft == 0 {
			s.sessions = map[string]*session{}
			s.faults.ExpireAfterSaves = 0
			s.log.Info().Msg("sim: sessions expired after the configured number of saves")
		}
	}
}

func (s *Server) routes() {
	m := http.NewServeMux()
	s.mux = m
	m.HandleFunc("GET /{$}", s.handleRoot)
	m.Handle("GET /static/vendor/", http.StripPrefix("/static/vendor/", vendorHandler(s.assets)))
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	m.HandleFunc("GET /static/data/regions.js", s.handleRegions)
	m.HandleFunc("GET /captcha.png", s.handleCaptcha)
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })

	m.HandleFunc("GET /login", s.handleLoginPage)
	m.HandleFunc("GET /ssologin", s.handleSSOBack)
	m.HandleFunc("GET /user/applications", s.page(s.applicationsPage))
	m.HandleFunc("GET /apply/new/agreement", s.page(s.newAgreementPage))
	m.HandleFunc("GET /apply/{id}/{step}", s.page(s.stepPage))
	m.HandleFunc("GET /apply/{id}/verify/qr.png", s.handleQR)

	api := func(pattern string, h apiFunc) { m.Handle(pattern, s.api(h)) }
	api("POST /api/login", s.apiLogin)
	api("POST /api/logout", s.apiLogout)
	api("GET /api/institutions", s.apiInstitutions)
	api("POST /api/applications", s.authed(s.apiCreate))
	api("GET /api/applications/{id}/verify", s.authed(s.apiVerifyStatus))
	api("POST /api/applications/{id}/verify/code", s.authed(s.apiVerifyCode))
	api("PUT /api/applications/{id}/basic-info", s.authed(s.apiSaveBasic))
	api("PUT /api/applications/{id}/apply-type", s.authed(s.apiSaveApplyType))
	api("PUT /api/applications/{id}/degree", s.authed(s.apiSaveDegree))
	api("PUT /api/applications/{id}/study-history", s.authed(s.apiSaveHistoryStep))
	api("POST /api/applications/{id}/study-history/rows", s.authed(s.apiAddRow))
	api("PUT /api/applications/{id}/study-history/rows/{row}", s.authed(s.apiEditRow))
	api("DELETE /api/applications/{id}/study-history/rows/{row}", s.authed(s.apiDeleteRow))
	api("PUT /api/applications/{id}/materials", s.authed(s.apiSaveMaterialsStep))
	api("POST /api/applications/{id}/materials/{key}", s.authed(s.apiUpload))
	api("DELETE /api/applications/{id}/materials/{key}/{file}", s.authed(s.apiDeleteFile))
	api("POST /api/applications/{id}/submit", s.authed(s.apiSubmit))
	api("POST /api/applications/{id}/pay", s.authed(s.apiPay))
	s.variantRoutes(api)
	m.Handle("/api/", s.api(func(*http.Request, *session) (any, error) {
		return nil, httpErr(http.StatusNotFound, "接口不存在")
	}))

	s.afterRoutes(m)
	if s.o.Hooks {
		s.hookRoutes(m)
	}
}

// --- sessions ---

const (
	sessionCookie = "SIMSESSIONID"
	captchaCookie = "SIMCAPTCHA"
)

// sessionOf returns the live session of the request, or nil.
func (s *Server) sessionOf(r *http.Request) *session {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[c.Value]
	if sess == nil {
		return nil
	}
	if s.now().Sub(sess.lastSeen) > sessionIdle || s.accounts[sess.user] == nil {
		delete(s.sessions, c.Value)
		return nil
	}
	sess.lastSeen = s.now()
	return sess
}

// loginRedirect sends the browser to the login page, coming back to the
// page it asked for.
func loginRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login?redirect="+url.QueryEscape(r.URL.RequestURI()), http.StatusFound)
}

// safeRedirect keeps a login redirect on this site.
func safeRedirect(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/user/applications"
	}
	return p
}

func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request) {
	if s.sessionOf(r) == nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	http.Redirect(w, r, "/user/applications", http.StatusFound)
}

// --- JSON API plumbing ---

// apiFunc handles one API call; a returned *apiError sets the status.
type apiFunc func(r *http.Request, sess *session) (any, error)

type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func httpErr(status int, msg string) *apiError { return &apiError{status, msg} }

const msgExpired = "登录已过期，请重新登录"

// api wraps a handler with the faults, JSON encoding and error mapping.
func (s *Server) api(h apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.injectFaults(w, r) {
			return
		}
		v, err := h(r, nil)
		if err != nil {
			status := http.StatusInternalServerError
			msg := "系统错误：" + err.Error()
			switch e := err.(type) {
			case *apiError:
				status, msg = e.status, e.msg
			case *fieldError:
				status, msg = http.StatusUnprocessableEntity, e.Error()
				writeJSON(w, status, map[string]string{"message": msg, "field": e.Label})
				return
			}
			writeJSON(w, status, map[string]string{"message": msg})
			return
		}
		if v == nil {
			v = map[string]string{"message": "ok"}
		}
		if l, ok := v.(*loginReply); ok {
			l.setCookie(w)
		}
		writeJSON(w, http.StatusOK, v)
	})
}

// authed requires a live session; the wrapped handler runs with it.
func (s *Server) authed(h apiFunc) apiFunc {
	return func(r *http.Request, _ *session) (any, error) {
		sess := s.sessionOf(r)
		if sess == nil {
			return nil, httpErr(http.StatusUnauthorized, msgExpired)
		}
		return h(r, sess)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decode reads a JSON body, limited in size like any real API.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	if err := dec.Decode(v); err != nil {
		return httpErr(http.StatusBadRequest, "请求格式错误："+err.Error())
	}
	return nil
}
