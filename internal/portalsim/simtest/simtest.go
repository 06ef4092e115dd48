// Package simtest runs the portal simulator inside a test: an httptest
// server with the hooks on, closed when the test ends, plus helpers that
// play the parts a person plays (captcha, face scan) and read what the
// simulator accepted.
package simtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cscse-tools/autofill/internal/portalsim"
)

// Sim is a running simulator.
type Sim struct {
	URL    string // base URL, no trailing slash
	Server *portalsim.Server
	HTTP   *httptest.Server
	tb     testing.TB
}

// Start runs a simulator with o (Hooks forced on) until the test ends. A
// missing npm install fails the test with the fix (`make deps`).
func Start(tb testing.TB, o portalsim.Options) *Sim {
	tb.Helper()
	o.Hooks = true
	srv, err := portalsim.New(o)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	tb.Cleanup(ts.Close)
	if o.Variant.SSO {
		sso := httptest.NewServer(srv.SSOHandler())
		tb.Cleanup(sso.Close)
		srv.SetLoginURL(sso.URL)
	}
	return &Sim{URL: ts.URL, Server: srv, HTTP: ts, tb: tb}
}

// Password is the password of the accounts NewAccount registers.
const Password = "Test-pass-1"

// NewAccount registers a fictional account under username and returns it.
// The identity is well formed (valid GB 11643 check digit).
func (s *Sim) NewAccount(username string) portalsim.Account {
	s.tb.Helper()
	a := portalsim.Account{
		Username: username, Password: Password,
		Name: "王小明", Gender: "男", Nationality: "中国", IDType: "居民身份证",
		IDNumber: portalsim.DemoAccount.IDNumber,
	}
	s.Register(a)
	return a
}

// Register registers an account through the Go API.
func (s *Sim) Register(a portalsim.Account) {
	s.tb.Helper()
	if err := s.Server.RegisterAccount(a); err != nil {
		s.tb.Fatalf("registering %s: %v", a.Username, err)
	}
}

// State returns what the simulator holds for user; a missing account fails
// the test.
func (s *Sim) State(user string) portalsim.State {
	s.tb.Helper()
	st, ok := s.Server.State(user)
	if !ok {
		s.tb.Fatalf("simulator has no account %q", user)
	}
	return st
}

// App returns the user's only application (failing the test otherwise).
func (s *Sim) App(user string) portalsim.AppState {
	s.tb.Helper()
	st := s.State(user)
	if len(st.Applications) != 1 {
		s.tb.Fatalf("%s has %d applications, want 1", user, len(st.Applications))
	}
	return st.Applications[0]
}

// Captcha returns the answer of the most recent captcha (via the hook, as a
// test playing the person would read it off the screen).
func (s *Sim) Captcha() string {
	s.tb.Helper()
	var out struct{ Answer string }
	s.Hook(http.MethodGet, "/__sim/captcha", nil, &out)
	return out.Answer
}

// Verify completes face verification and the 12367 code for user.
func (s *Sim) Verify(user string) { s.tb.Helper(); s.Server.CompleteVerification(user) }

// SetFaults sets the fault knobs.
func (s *Sim) SetFaults(f portalsim.Faults) { s.Server.SetFaults(f) }

// Hook calls a /__sim/ endpoint with a JSON body and decodes the JSON reply
// into out (when not nil). A non-2xx answer fails the test.
func (s *Sim) Hook(method, path string, body, out any) {
	s.tb.Helper()
	if err := s.hook(method, path, body, out); err != nil {
		s.tb.Fatal(err)
	}
}

func (s *Sim) hook(method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: HTTP %d: %s", method, path, res.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// Advance moves an application on (POST /__sim/advance) and returns its id.
func (s *Sim) Advance(a portalsim.Advance) string {
	s.tb.Helper()
	id, err := s.Server.Advance(a)
	if err != nil {
		s.tb.Fatalf("advancing %s: %v", a.Account, err)
	}
	return id
}
