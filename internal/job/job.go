// Package job runs one application: one degree of one profile, in one
// browser tab, into one run directory. `autofill run` runs one job; `autofill
// batch` runs many side by side. A job checks the upload files before the
// browser is touched, drives the engine, and on a dry-run saves and checks
// what the simulator accepted.
package job

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
)

// Spec is one job.
type Spec struct {
	Profile *profile.Profile // loaded and validated
	Degree  *profile.Degree
	Maps    *pagemap.Set
	BaseURL string
	RunDir  string

	Password func(context.Context) (string, error)
	Codes    <-chan string
	Wait     time.Duration
	Sink     portal.Sink
	// BeforeResume is portal.Options.BeforeResume: asked before the engine
	// goes on after a person's step.
	BeforeResume func(context.Context, steps.Step) error
	Log          zerolog.Logger
	// Prune deletes uploads and 学习经历 rows the profile no longer has.
	Prune bool
	// Notes are warnings for the report from before the run (environment
	// overrides used or ignored).
	Notes []string

	// Sim is the simulator of a dry-run: the job saves what it accepted as
	// accepted.json and compares it with the profile.
	Sim *portalsim.Server
}

// AcceptedFile is where a dry-run keeps the simulator's record.
const AcceptedFile = "accepted.json"

// Run drives tab through the portal for the spec. Errors carry exit codes.
// The run directory gets run.log and the run report (report.json,
// report.html), also when the run fails or is interrupted.
func Run(tab context.Context, s Spec) (res *portal.Result, err error) {
	if err := os.MkdirAll(s.RunDir, 0o700); err != nil {
		return nil, fmt.Errorf("run directory: %w", err)
	}
	rec, err := startRecord(&s)
	if err != nil {
		return nil, err
	}
	defer func() {
		// A report that cannot be written ends the run as failed: the
		// person must not be told "ready" with no record of what was done.
		if werr := rec.finish(tab, res, err); werr != nil && err == nil {
			err = exitcode.With(exitcode.Failure, fmt.Errorf("the run report could not be written: %w", werr))
			if res != nil {
				res.Ready = false
			}
		}
	}()
	if err := checkMaterials(s.Degree); err != nil {
		return nil, err
	}
	res, err = portal.Run(tab, portal.Options{
		Profile: s.Profile, DegreeID: s.Degree.ID, Maps: s.Maps, BaseURL: s.BaseURL, RunDir: s.RunDir,
		Password: s.Password, Codes: s.Codes, Wait: s.Wait, Sink: s.Sink, Log: s.Log, Prune: s.Prune,
		BeforeResume: s.BeforeResume,
	})
	if s.Sim != nil {
		if aerr := SaveAccepted(s.Sim, s.Profile, s.Degree, s.Maps, s.RunDir); aerr != nil && err == nil {
			err = aerr
		}
	}
	return res, err
}

// checkMaterials refuses to start when an upload would be refused, naming
// every file, before the engine touches the portal. (The CLI's profile
// validation runs the same checks before a browser starts; this guards
// every caller, and files that changed since.)
func checkMaterials(d *profile.Degree) error {
	if err := materials.Verify(d.Materials.All()); err != nil {
		return exitcode.Errorf(exitcode.BadInput, "%v\nrun `autofill materials prepare` to fix what can be fixed", err)
	}
	return nil
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
	want := dryrun.Expected(p, d, maps)
	app, err := applicationOf(st, p, d, want, maps)
	if err != nil {
		return err
	}
	want = s.Expect(want, app) // what this form of the portal shows
	diffs, n := dryrun.Compare(want, app.Accepted)
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
