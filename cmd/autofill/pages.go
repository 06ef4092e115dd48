package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
)

// runPagesCheck is `--dry-run --pages DIR`: a static check of saved pages
// (recordings, live ones included) for one degree of a profile — which
// fields a run would find and fill, and whether each choice is offered. No
// portal is contacted; the pages are served on 127.0.0.1 to a headless
// browser.
func runPagesCheck(ctx context.Context, o *runOptions, maps *pagemap.Set, p *profile.Profile, deg *profile.Degree) error {
	if !o.DryRun {
		return &flagError{errors.New("--pages only applies to --dry-run (autofill --profile me.yaml --dry-run --pages DIR)")}
	}
	if st, err := os.Stat(o.Pages); err != nil || !st.IsDir() {
		return &flagError{fmt.Errorf("--pages %s: not a directory of saved pages (make one with `autofill record --out %s`)", o.Pages, o.Pages)}
	}
	// No UserDataDir: a throw-away profile that is removed afterwards.
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: true})
	if err != nil {
		return err
	}
	defer b.Close()
	rep, err := pagecheck.Profile(b.Tab(), maps, os.DirFS(o.Pages), portal.Lookup(p, deg))
	if err != nil {
		return fmt.Errorf("%s: %w", o.Pages, err)
	}
	red := profile.NewRedactor(p)
	if o.JSON {
		enc := json.NewEncoder(red.Writer(o.io.Out))
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		rep.WriteText(red.Writer(o.io.Out))
	}
	return rep.Err()
}
