// Package dryrun runs autofill against the built-in portal simulator: it
// starts the simulator on a free loopback port, registers the profile's
// applicant there, and afterwards compares what the simulator accepted with
// what the profile says, field by field.
package dryrun

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
)

// Sim is a simulator served on loopback.
type Sim struct {
	URL    string
	Server *portalsim.Server
	http   *http.Server
	sso    *http.Server // the SSO's own listener (Variant.SSO), else nil
}

// Start serves a simulator in demo mode (no captcha, the face and code
// steps complete by themselves) on 127.0.0.1 with a free port.
func Start(o portalsim.Options) (*Sim, error) {
	o.Demo = true
	srv, err := portalsim.New(o)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("simulator: %w", err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	sim := &Sim{URL: "http://" + ln.Addr().String(), Server: srv, http: hs}
	if o.Variant.SSO {
		sso, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			_ = hs.Close()
			return nil, fmt.Errorf("simulator SSO: %w", err)
		}
		sim.sso = &http.Server{Handler: srv.SSOHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = sim.sso.Serve(sso) }()
		srv.SetLoginURL("http://" + sso.Addr().String())
	}
	return sim, nil
}

// Close stops the simulator.
func (s *Sim) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if s.sso != nil {
		_ = s.sso.Shutdown(ctx)
	}
	err := s.http.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return s.http.Close()
	}
	return err
}

// Register creates the profile's account on the simulator with the identity
// the profile declares (as registration on the real portal would have) and a
// random password, which it returns. The identity's visible texts (男,
// 居民身份证) come from the basic-info page map, so there is one mapping.
func Register(s *portalsim.Server, p *profile.Profile, maps *pagemap.Set) (username, password string, err error) {
	username = p.Login()
	if username == "" {
		return "", "", errors.New("the profile has no account.username (or applicant.phone) to log in with")
	}
	b := make([]byte, 9)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	password = "Dry-" + hex.EncodeToString(b)
	if maps.Get("basic-info") == nil {
		return "", "", errors.New("no basic-info page map")
	}
	text := func(key, v string) string { return optionText(maps, "basic-info", key, v) }
	a := p.Applicant
	err = s.RegisterAccount(portalsim.Account{
		Username:    username,
		Password:    password,
		Name:        a.Name,
		Gender:      text("applicant.gender", a.Gender),
		Nationality: a.Nationality,
		IDType:      text("applicant.id_type", a.IDType),
		IDNumber:    a.IDNumber,
		// The simulator's person takes the path the profile names.
		Verification: a.Verification,
	})
	return username, password, err
}
