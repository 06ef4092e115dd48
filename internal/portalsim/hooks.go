package portalsim

import (
	"encoding/json"
	"errors"
	"net/http"
)

// hookRoutes serves the test hooks under /__sim/. They never see faults:
// a test must be able to set up and inspect the simulator whatever it
// injects into the portal's own API.
func (s *Server) hookRoutes(m *http.ServeMux) {
	m.HandleFunc("POST /__sim/accounts", s.hookAccounts)
	m.HandleFunc("GET /__sim/state", s.hookState)
	m.HandleFunc("POST /__sim/verify", s.hookVerify)
	m.HandleFunc("POST /__sim/faults", s.hookFaults)
	m.HandleFunc("POST /__sim/reset", func(w http.ResponseWriter, _ *http.Request) {
		s.Reset()
		writeJSON(w, http.StatusOK, map[string]string{"message": "reset"})
	})
	m.HandleFunc("POST /__sim/sign", func(w http.ResponseWriter, r *http.Request) {
		s.SignAuthorization(r.URL.Query().Get("user"))
		writeJSON(w, http.StatusOK, map[string]string{"message": "授权声明 signed online"})
	})
	m.HandleFunc("POST /__sim/slider", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		s.sliderAuto = true
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]string{"message": "the SSO slider now counts as dragged"})
	})
	m.HandleFunc("GET /__sim/captcha", func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		answer := s.lastCaptcha
		s.mu.Unlock()
		if answer == "" {
			writeJSON(w, http.StatusNotFound, map[string]string{"message": "no captcha served yet: open /login (or GET /captcha.png) first"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"answer": answer})
	})
}

func (s *Server) hookAccounts(w http.ResponseWriter, r *http.Request) {
	var a Account
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "account JSON: " + err.Error() +
			` (want {"username","password","姓名","性别","国籍","证件类型","证件号码"})`})
		return
	}
	if err := s.RegisterAccount(a); err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, errConflict) {
			status = http.StatusConflict
		}
		writeJSON(w, status, map[string]string{"message": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"message": "registered", "username": a.Username})
}

func (s *Server) hookState(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	st, ok := s.State(user)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "no account " + user + "; register it with POST /__sim/accounts"})
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// hookVerify completes verification for a user: both steps, or only the
// face step with ?step=face (so a test can type the 12367 code itself).
func (s *Server) hookVerify(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	if _, ok := s.State(user); !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "no account " + user})
		return
	}
	s.completeVerification(user, r.URL.Query().Get("step") != "face")
	writeJSON(w, http.StatusOK, map[string]string{"message": "verified"})
}

func (s *Server) hookFaults(w http.ResponseWriter, r *http.Request) {
	var f Faults
	if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "faults JSON: " + err.Error() +
			` (want {"latency_ms":N,"error_rate":0.1,"expire_sessions":true,"expire_after_saves":N})`})
		return
	}
	if f.ErrorRate < 0 || f.ErrorRate > 1 || f.LatencyMS < 0 || f.ExpireAfterSaves < 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "error_rate must be within 0..1; latency_ms and expire_after_saves must not be negative"})
		return
	}
	s.SetFaults(f)
	writeJSON(w, http.StatusOK, f)
}
