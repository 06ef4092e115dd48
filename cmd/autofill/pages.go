package main

import (
	"context"
	"fmt"
	"os"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
)

// runPagesCheck is `--dry-run --pages DIR`: a static check of saved pages
// (recordings, live ones included) for one degree of a profile — which
// fields a run would find and fill, and whether each choice is offered. No
// portal is contacted; the pages are served on 127.0.0.1 to a headless
// browser.
func runPagesCheck(ctx context.Context, o *runOptions, maps *pagemap.Set, p *profile.Profile, deg *profile.Degree) error {
	// No UserDataDir: a throw-away profile that is removed afterwards.
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: true})
	if err != nil {
		return err
	}
	defer b.Close()
	rep, err := pagecheck.Profile(b.Tab(), maps, os.DirFS(o.Pages), p, deg)
	if err != nil {
		return fmt.Errorf("%s: %w", o.Pages, err)
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
