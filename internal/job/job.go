// Package job runs one application: one degree of one profile, in one
// browser tab, into one run directory. `autofill run` runs one job; `autofill
// batch` runs many side by side. A job checks the upload files before the
// browser is touched, drives the engine on its Target (the live portal or
// the dry-run's simulator), and lets the target check what it accepted.
package job

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/steps"
)

// Spec is one job.
type Spec struct {
	Profile *profile.Profile // loaded and validated, as the Target sees it
	Degree  *profile.Degree
	Maps    *pagemap.Set
	// Target is the portal (Live, or the dry-run's simulator); Profile is
	// already as it sees it (Target.Account).
	Target Target
	RunDir string

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
}

// Run drives tab through the portal for the spec. Errors carry exit codes.
// The run directory gets run.log and the run report (report.json,
// report.html), also when the run fails or is interrupted.
func Run(tab context.Context, s Spec) (res *portal.Result, err error) {
	if s.Target == nil {
		return nil, errors.New("job: no target portal (job.Live, or the dry-run's)")
	}
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
		Profile: s.Profile, DegreeID: s.Degree.ID, Maps: s.Maps, BaseURL: s.Target.URL(), RunDir: s.RunDir,
		Password: s.Password, Codes: s.Codes, Wait: s.Wait, Sink: s.Sink, Log: s.Log, Prune: s.Prune,
		BeforeResume: s.BeforeResume,
	})
	if cerr := s.Target.Check(s.Profile, s.Degree, s.RunDir); cerr != nil && err == nil {
		err = cerr
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
