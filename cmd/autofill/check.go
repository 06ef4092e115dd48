package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/recordings"
)

type checkOptions struct {
	io         *iostreams.IOStreams
	Selectors  string
	Recordings string
	Chrome     string
	JSON       bool
	Live       bool
	live       probeOptions      // --live: the walk's flags (probe.go)
	pages      checkPagesOptions // --pages: saved pages for a profile (pages.go)
}

func newCheckCmd(a *app, runF func(context.Context, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "check [--recordings DIR]",
		Short: "Test the page maps against recorded pages",
		Long: `check first loads the page maps (selectors/, or --selectors DIR, a copy of it)
and names every mistake in them at once as file:line: an unknown key with the
key meant, a profile key the profile does not have (degree.remarkz: did you
mean degree.remarks?), a page flow.yaml does not name, a bad upload limit.
docs/selectors.md describes the keys.

It then loads every recorded page (recordings/, or --recordings DIR made by
` + "`autofill record`" + `) in headless Chromium and tests its page map against it, with
the same in-page code a run uses: each selector (fields, the add dialog's
fields, the manual-entry field, the 12367 code field, buttons, notices, list
rows, never-click targets) must find exactly one visible element of the
right kind; each field's label must be the label of the form item holding
it; each mapped option must be among the options the page offers; each
detect rule must recognise its own page and no other.

For each broken field it names the field by key and label and, where the
label still finds exactly one control, proposes a selector anchored on the
label (label[for], which comes from the form's field names).

Exit status: 0 when every map fits, 3 when any does not (the portal
changed: fix selectors/ or re-record), 2 for a bad recordings directory.`,
		Example: `  # The built-in maps against the built-in recordings
  autofill check

  # After recording the live portal
  autofill record --out live-recordings
  autofill check --recordings live-recordings

  # An edited copy of the source tree's selectors/: each mistake with file:line
  autofill check --selectors my-selectors --json

  # The live portal: log in, and every page of your draft is checked (nothing written)
  autofill check --live --profile me.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Selectors, "selectors", "", "page maps to check instead of the built-in ones (a directory of *.yaml)")
	f.StringVar(&opts.Recordings, "recordings", "", "recorded pages to check against (a directory with manifest.yaml; default: the built-in recordings)")
	f.StringVar(&opts.Chrome, "chrome", "", "the Chrome or Chromium to run headless (default: found automatically)")
	f.BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	f.BoolVar(&opts.Live, "live", false, "check the live portal instead: log in in the browser window; your draft's pages are walked read-only and checked as autofill probe does, writing nothing")
	addProbeFlags(cmd, &opts.live)
	addCheckPagesFlags(cmd, &opts.pages)
	return cmd
}

func runCheck(ctx context.Context, o *checkOptions) error {
	if o.pages.Dir != "" {
		return runCheckPages(ctx, o)
	}
	if o.Live {
		if o.Recordings != "" {
			return &flagError{fmt.Errorf("--live checks the portal itself; drop --recordings %s", o.Recordings)}
		}
		l := o.live
		l.io, l.Chrome, l.Selectors, l.JSON = o.io, o.Chrome, o.Selectors, o.JSON
		return runProbe(ctx, &l, false)
	}
	maps, err := loadMaps(o.Selectors)
	if err != nil {
		return err
	}
	var recs fs.FS = recordings.FS
	label := "recordings"
	if o.Recordings != "" {
		if st, err := os.Stat(o.Recordings); err != nil || !st.IsDir() {
			return &flagError{fmt.Errorf("--recordings %s: not a directory of recordings (make one with `autofill record --out %s`)", o.Recordings, o.Recordings)}
		}
		recs, label = os.DirFS(o.Recordings), strings.TrimSuffix(o.Recordings, "/")
	}
	// No UserDataDir: a throw-away profile that is removed afterwards.
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: true})
	if err != nil {
		return err
	}
	defer b.Close()
	rep, err := pagecheck.Check(b.Tab(), maps, recs, label)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	if o.JSON {
		if err := writeJSONTo(o.io.Out, rep); err != nil {
			return err
		}
	} else {
		printCheck(o.io, rep)
	}
	if rep.Err() != nil {
		return exitcode.With(exitcode.Drift, errSilent)
	}
	return nil
}

// printCheck writes a table on a terminal and plain lines otherwise, then
// each problem as file:line: what: message.
func printCheck(ios *iostreams.IOStreams, rep *pagecheck.Report) {
	out := ios.Out
	c := newPalette(ios.ColorEnabled())
	if ios.IsStdoutTTY() {
		t := &textTable{header: []string{"PAGE", "RECORDING", "FIELDS", "SELECTORS", "PROBLEMS", "TITLE"}}
		for _, p := range rep.Pages {
			probs := fmt.Sprint(len(p.Problems))
			if len(p.Problems) > 0 {
				probs = c.red(probs)
			}
			rec := p.Recording
			if rec == "" {
				rec = "-"
			}
			t.add(p.Page, rec, fmt.Sprint(p.Fields), fmt.Sprint(p.Selectors), probs, p.Title)
		}
		t.write(out)
	} else {
		for _, p := range rep.Pages {
			fmt.Fprintf(out, "%s %s fields=%d selectors=%d problems=%d\n", p.Page, p.Recording, p.Fields, p.Selectors, len(p.Problems))
		}
	}
	n := rep.Problems()
	if n > 0 {
		fmt.Fprintln(out)
		for _, p := range rep.Pages {
			for _, q := range p.Problems {
				fmt.Fprintln(out, q.String())
			}
		}
	}
	var notes []string
	for _, p := range rep.Pages {
		notes = append(notes, p.Notes...)
	}
	notes = append(notes, rep.Notes...)
	if len(notes) > 0 {
		fmt.Fprintln(out)
		for _, s := range notes {
			fmt.Fprintln(out, c.dim("note: "+s))
		}
	}
	fmt.Fprintln(out)
	if n == 0 {
		fmt.Fprintf(out, "%s %d pages: every page map fits its recording in %s\n", c.green("✓"), len(rep.Pages), rep.Recordings)
	} else {
		fmt.Fprintf(out, "%s %s: the page maps no longer fit the pages in %s; fix selectors/ (see the proposed selectors) or re-record if the portal changed\n",
			c.red("✗"), plural(n, "problem"), rep.Recordings)
	}
}
