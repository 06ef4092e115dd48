package portalsim

import (
	"net/http"
	"strings"
	"time"
)

const msgBusy = "系统繁忙，请稍后重试"

// injectFaults applies latency and random 500s to an /api request. It
// returns false when it has answered the request itself. Submit and payment
// attempts are counted first, so no attempt goes unseen even when the fault
// eats it: the tests that prove autofill never submits rely on that count.
func (s *Server) injectFaults(w http.ResponseWriter, r *http.Request) bool {
	s.countAttempt(r)
	s.mu.Lock()
	f := s.faults
	var delay time.Duration
	if f.LatencyMS > 0 {
		delay = time.Duration(s.rng.IntN(f.LatencyMS+1)) * time.Millisecond
	}
	fail := f.ErrorRate > 0 && mutating(r.Method) && s.rng.Float64() < f.ErrorRate
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return false
		}
	}
	if fail {
		s.log.Info().Str("path", r.URL.Path).Msg("sim fault: injected 500")
		writeJSON(w, http.StatusInternalServerError, map[string]string{"message": msgBusy})
		return false
	}
	return true
}

func mutating(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodDelete || method == http.MethodPatch
}

// countAttempt counts POST …/submit and POST …/pay of a logged-in user.
func (s *Server) countAttempt(r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.URL.Path, "/api/applications/") {
		return
	}
	submit := strings.HasSuffix(r.URL.Path, "/submit")
	pay := strings.HasSuffix(r.URL.Path, "/pay")
	if !submit && !pay {
		return
	}
	sess := s.sessionOf(r)
	if sess == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	acc := s.accounts[sess.user]
	if acc == nil {
		return
	}
	if submit {
		acc.submitAttempts++
	} else {
		acc.paymentAttempts++
	}
	s.log.Warn().Str("user", maskLogin(sess.user)).Str("path", r.URL.Path).Msg("sim: submit/payment attempt")
}
