package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/profile"
)

// checkPagesOptions are `autofill check --profile FILE --pages DIR`: a
// static check of saved pages (recordings, live ones included) for one
// degree of a profile — which fields a run would find and fill, and
// whether each choice is offered. The profile is --profile of check.
type checkPagesOptions struct {
	Dir          string
	Degree       string
	EnvOverrides bool
}

func addCheckPagesFlags(cmd *cobra.Command, o *checkPagesOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Dir, "pages", "", "with --profile: check saved pages (a recording, live ones included) for the fields and options this profile needs; no portal is contacted")
	f.StringVar(&o.Degree, "degree", "", "with --pages: which degree of the profile (its id); needed when there are several")
	f.BoolVar(&o.EnvOverrides, "env-overrides", false, "with --pages: let AUTOFILL_<KEY> variables override profile values, as the run does")
	cmd.Example += `

  # Saved pages (autofill record --out DIR) against your profile: would a run
  # find every field and every choice? No portal is contacted.
  autofill check --profile me.yaml --pages DIR`
}

// runCheckPages serves the saved pages on 127.0.0.1 to a headless browser
// and checks them for the profile. Exit 2 when a field or a choice is
// missing (the profile asks what the pages do not offer).
func runCheckPages(ctx context.Context, o *checkOptions) error {
	dir, path := o.pages.Dir, o.live.ProfilePath
	switch {
	case path == "":
		return &flagError{fmt.Errorf("--pages %s needs --profile FILE: whose fields and choices to look for", dir)}
	case o.Live || o.Recordings != "":
		return &flagError{errors.New("--pages checks saved pages for a profile; drop --live and --recordings")}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &flagError{fmt.Errorf("--pages %s: not a directory of saved pages (make one with `autofill record --out %s`)", dir, dir)}
	}
	maps, err := loadMaps(o.Selectors)
	if err != nil {
		return err
	}
	var lopts []profile.LoadOption
	if o.pages.EnvOverrides {
		lopts = append(lopts, profile.EnvOverrides())
	}
	p, err := loadChecked(o.io, path, lopts...)
	if err != nil {
		return err
	}
	for _, n := range envNotes(p) {
		fmt.Fprintln(o.io.ErrOut, iostreams.Escape(n))
	}
	deg, err := p.Degree(o.pages.Degree)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	// No UserDataDir: a throw-away profile that is removed afterwards.
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: true})
	if err != nil {
		return err
	}
	defer b.Close()
	rep, err := pagecheck.Profile(b.Tab(), maps, os.DirFS(dir), p, deg)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	red := profile.NewRedactor(p)
	if o.JSON {
		if err := writeJSONTo(red.Writer(o.io.Out), rep); err != nil {
			return err
		}
	} else {
		rep.WriteText(red.Writer(o.io.Out))
	}
	return rep.Err()
}

// runPagesMoved is the old spelling, `autofill --profile FILE --dry-run
// --pages DIR` (a hidden flag of run now): it says where the check moved
// and does it.
func runPagesMoved(ctx context.Context, o *runOptions) error {
	fmt.Fprintf(o.io.ErrOut, "autofill: --pages moved to the check command: autofill check --profile %s --pages %s\n", shellQuote(o.ProfilePath), shellQuote(o.Pages))
	co := &checkOptions{io: o.io, Selectors: o.Selectors, Chrome: o.Chrome, JSON: o.JSON,
		pages: checkPagesOptions{Dir: o.Pages, Degree: o.Degree, EnvOverrides: o.EnvOverrides}}
	co.live.ProfilePath = o.ProfilePath
	return runCheckPages(ctx, co)
}
