package portalsim

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

// The 统一用户身份认证系统 (Variant.SSO): a separate site, served by
// SSOHandler on its own listener, as the live SSO is a separate host. The
// application system's /login sends the browser there with lookBackAddr
// (its /ssologin) and joinsysCode; after login the SSO redirects back with
// ?token=…, which /ssologin exchanges once for the application's session.

// joinsysCode is the application system's code at the SSO.
const joinsysCode = "GWXLXWRZ"

// SetLoginURL tells the application system where the SSO is served
// (SSOHandler's listener, no trailing slash).
func (s *Server) SetLoginURL(u string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loginURL = strings.TrimRight(u, "/")
}

// LoginURL is the SSO's address ("" until SetLoginURL).
func (s *Server) LoginURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loginURL
}

// SSOHandler serves the SSO site: its login page, its API and the static
// files both sites share.
func (s *Server) SSOHandler() http.Handler {
	m := http.NewServeMux()
	m.Handle("GET /static/vendor/", http.StripPrefix("/static/vendor/", vendorHandler(s.assets)))
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	m.HandleFunc("GET /{$}", s.handleSSOPage)
	m.HandleFunc("GET /login", s.handleSSOPage)
	m.Handle("POST /api/slider", s.api(s.apiSlider))
	m.Handle("POST /api/login", s.api(s.apiSSOLogin))
	m.Handle("/api/", s.api(func(*http.Request, *session) (any, error) {
		return nil, httpErr(http.StatusNotFound, "接口不存在")
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Debug().Str("method", r.Method).Str("path", r.URL.Path).Msg("sim sso request")
		m.ServeHTTP(w, r)
	})
}

var ssoTemplate = template.Must(template.New("sso.html").Delims("[[", "]]").ParseFS(templateFS, "web/templates/sso.html"))

// sliderSolved says whether the person counts as having dragged the slider:
// in Demo (no captcha) and after POST /__sim/slider.
func (s *Server) sliderSolved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.captcha || s.sliderAuto
}

func (s *Server) handleSSOPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := map[string]any{"lookBackAddr": q.Get("lookBackAddr"), "joinsysCode": q.Get("joinsysCode"), "demo": s.o.Demo}
	if s.sliderSolved() {
		data["sliderToken"] = s.newSliderToken()
	}
	var buf bytes.Buffer
	if err := ssoTemplate.Execute(&buf, data); err != nil {
		http.Error(w, "portal simulator: rendering the SSO page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) newSliderToken() string {
	t := randomToken()
	s.mu.Lock()
	s.sliders[t] = true
	s.mu.Unlock()
	return t
}

// apiSlider is called by the page when the slider reached the end.
func (s *Server) apiSlider(*http.Request, *session) (any, error) {
	return map[string]string{"message": "验证成功", "token": s.newSliderToken()}, nil
}

func (s *Server) apiSSOLogin(r *http.Request, _ *session) (any, error) {
	var in struct {
		Username, Password, Slider string
		LookBackAddr               string `json:"lookBackAddr"`
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sliders[in.Slider] {
		return nil, httpErr(http.StatusUnprocessableEntity, "请拖动滑动验证")
	}
	delete(s.sliders, in.Slider) // one login per slide
	acc := s.accounts[strings.TrimSpace(in.Username)]
	if acc == nil || acc.Password != in.Password {
		return nil, httpErr(http.StatusUnprocessableEntity, "用户名或密码错误")
	}
	back, err := url.Parse(in.LookBackAddr)
	if err != nil || in.LookBackAddr == "" {
		return nil, httpErr(http.StatusBadRequest, "缺少回调地址 lookBackAddr")
	}
	ticket := randomToken()
	s.tickets[ticket] = acc.Username
	q := back.Query()
	q.Set("token", ticket)
	back.RawQuery = q.Encode()
	s.log.Info().Str("user", acc.Username).Msg("sim: SSO login")
	return map[string]string{"message": "登录成功", "redirect": back.String()}, nil
}

// ssoRedirect sends the browser from the application's /login to the SSO.
func (s *Server) ssoRedirect(w http.ResponseWriter, r *http.Request, redirect string) {
	login := s.LoginURL()
	if login == "" {
		http.Error(w, "portal simulator: the SSO variant needs SetLoginURL (serve SSOHandler on its own listener)", http.StatusInternalServerError)
		return
	}
	back := "http://" + r.Host + "/ssologin?redirect=" + url.QueryEscape(redirect)
	http.Redirect(w, r, login+"/login?lookBackAddr="+url.QueryEscape(back)+"&joinsysCode="+joinsysCode, http.StatusFound)
}

// handleSSOBack exchanges the SSO's one-time token for a session.
func (s *Server) handleSSOBack(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	s.mu.Lock()
	user, ok := s.tickets[token]
	delete(s.tickets, token)
	if ok {
		s.sessions[token] = &session{user: user, lastSeen: s.now()}
	}
	s.mu.Unlock()
	if !ok {
		http.Error(w, "登录凭证无效或已使用，请重新登录", http.StatusUnauthorized)
		return
	}
	(&loginReply{token: token}).setCookie(w)
	http.Redirect(w, r, safeRedirect(r.URL.Query().Get("redirect")), http.StatusFound)
}
