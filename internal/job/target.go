package job

import (
	"strings"

	"github.com/cscse-tools/autofill/internal/profile"
)

// Target is the portal a job fills: the live CSCSE portal (Live) or the
// simulator of a dry-run (dryrun.Target). Jobs and batches see only this,
// so nothing above the dry-run knows the simulator.
type Target interface {
	// URL is the portal's address, where the engine starts.
	URL() string
	// Name names the portal in status files and summaries: its address,
	// or "dry-run". A draft ready on one is not ready on another.
	Name() string
	// Simulated reports a rehearsal: nothing leaves this machine.
	Simulated() bool
	// Account readies the applicant's account once, before any job of
	// theirs runs, and returns the profile as this target sees it.
	Account(p *profile.Profile) (Account, error)
	// Check judges, after a run, what the target accepted for degree d
	// and keeps its record in runDir; the live portal has nothing to check.
	Check(p *profile.Profile, d *profile.Degree, runDir string) error
}

// Account is an applicant's account on a target.
type Account struct {
	// Profile is the profile as the target sees it (the simulator accepts
	// its own service agreement for the applicant); the loaded profile is
	// never changed.
	Profile *profile.Profile
	// Password is the one the target knows for the account, or "" when
	// the person supplies it (the live portal).
	Password string
	// Notes tell the person what the target changed, once.
	Notes []string
}

// Live is the live portal at its address.
type Live string

// URL is the address.
func (l Live) URL() string { return string(l) }

// Name is the address without its trailing slash.
func (l Live) Name() string { return strings.TrimRight(string(l), "/") }

// Simulated is false: the live portal is the real thing.
func (Live) Simulated() bool { return false }

// Account takes the profile as it is; the password is the person's.
func (Live) Account(p *profile.Profile) (Account, error) { return Account{Profile: p}, nil }

// Check has nothing to check: the engine read every value back, and the
// portal's own 确认提交 summary was compared with the profile.
func (Live) Check(*profile.Profile, *profile.Degree, string) error { return nil }
