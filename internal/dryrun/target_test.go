package dryrun_test

import (
	"testing"

	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// The simulator's view of a profile accepts its agreement and logs in with
// the registered name; the loaded profile stays as the person wrote it.
func TestTargetAccountIsAView(t *testing.T) {
	srv, err := portalsim.New(portalsim.Options{Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Load("../../examples/me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.Consent.ServiceAgreement = false
	var target job.Target = dryrun.NewTarget(srv, "http://127.0.0.1:1", maps)
	if target.URL() != "http://127.0.0.1:1/" || target.Name() != "dry-run" || !target.Simulated() {
		t.Errorf("url %s, name %s, simulated %v", target.URL(), target.Name(), target.Simulated())
	}
	acc, err := target.Account(p)
	if err != nil {
		t.Fatal(err)
	}
	if acc.Profile == p || !acc.Profile.Consent.ServiceAgreement || acc.Profile.Login() != p.Login() || acc.Password == "" || len(acc.Notes) != 1 {
		t.Errorf("view %+v, password set %v, notes %q", acc.Profile.Consent, acc.Password != "", acc.Notes)
	}
	if p.Consent.ServiceAgreement {
		t.Error("the loaded profile was changed")
	}
	if _, ok := srv.State(p.Login()); !ok {
		t.Error("the applicant was not registered")
	}

	live := job.Live("https://portal.example/")
	if acc, err := live.Account(p); err != nil || acc.Profile != p || acc.Password != "" || live.Name() != "https://portal.example" || live.Simulated() {
		t.Errorf("live: %+v %v", acc, err)
	}
}
