package dryrun

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
)

// AcceptedFile is where a dry-run keeps the simulator's record of a job.
const AcceptedFile = "accepted.json"

// Target is the simulator as the portal a job fills (job.Target): one
// simulator, many accounts.
type Target struct {
	srv  *portalsim.Server
	url  string
	maps *pagemap.Set
}

// NewTarget makes the simulator srv, served at url, a job's target; maps
// give the visible texts the applicant is registered with and the values
// it should accept.
func NewTarget(srv *portalsim.Server, url string, maps *pagemap.Set) *Target {
	return &Target{srv: srv, url: strings.TrimRight(url, "/") + "/", maps: maps}
}

// Target is the running simulator as a job's target.
func (s *Sim) Target(maps *pagemap.Set) *Target { return NewTarget(s.Server, s.URL, maps) }

// URL is the simulator's address.
func (t *Target) URL() string { return t.url }

// Name is "dry-run": a rehearsal's ready draft never stands in for a live one.
func (t *Target) Name() string { return "dry-run" }

// Simulated is true.
func (t *Target) Simulated() bool { return true }

// consentNote says what Account changed, once per run.
const consentNote = "dry run: accepting the simulator's service agreement for you; on the live portal you accept it yourself unless consent.service_agreement is true"

// Account registers the applicant (Register) and returns the profile as
// the simulator sees it: logged in with the registered name, and with the
// simulator's service agreement accepted, which binds nobody. The loaded
// profile is not changed.
func (t *Target) Account(p *profile.Profile) (job.Account, error) {
	user, pw, err := Register(t.srv, p, t.maps)
	if err != nil {
		return job.Account{}, fmt.Errorf("registering the applicant on the simulator: %s", profile.NewRedactor(p).String(err.Error()))
	}
	view := *p
	view.Account.Username = user
	acc := job.Account{Profile: &view, Password: pw}
	if !p.Consent.ServiceAgreement {
		view.Consent.ServiceAgreement = true
		acc.Notes = append(acc.Notes, consentNote)
	}
	return acc, nil
}

// Check saves what the simulator accepted (SaveAccepted).
func (t *Target) Check(p *profile.Profile, d *profile.Degree, runDir string) error {
	return SaveAccepted(t.srv, p, d, t.maps, runDir)
}

// SaveAccepted writes what the simulator accepted for the applicant
// (accepted.json, 0600) and checks it against the profile, field by field,
// and that nothing was submitted or paid.
func SaveAccepted(s *portalsim.Server, p *profile.Profile, d *profile.Degree, maps *pagemap.Set, dir string) error {
	st, ok := s.State(p.Login())
	if !ok {
		return errors.New("the simulator has no record of this applicant")
	}
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, AcceptedFile), b, 0o600); err != nil {
		return err
	}
	if st.SubmitAttempts+st.PaymentAttempts > 0 {
		return fmt.Errorf("SAFETY: the simulator saw %d submit and %d payment attempts", st.SubmitAttempts, st.PaymentAttempts)
	}
	want := Expected(p, d, maps)
	app, err := applicationOf(st, p, d, want, maps)
	if err != nil {
		return err
	}
	want = s.Expect(want, app) // what this form of the portal shows
	diffs, n := Compare(want, app.Accepted)
	if len(diffs) > 0 {
		red := profile.NewRedactor(p)
		lines := make([]string, len(diffs))
		for i, df := range diffs {
			lines[i] = "  " + red.String(df.String())
		}
		return fmt.Errorf("the simulator accepted %d of %d fields differently from the profile:\n%s", len(diffs), n, strings.Join(lines, "\n"))
	}
	return nil
}
