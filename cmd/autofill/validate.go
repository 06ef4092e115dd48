package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/profile"
)

type validateOptions struct {
	io      *iostreams.IOStreams
	files   []string
	json    bool
	explain bool
	now     time.Time // zero: today
}

func newValidateCmd(a *app, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check profiles and list every problem at once",
		Long: `Validate loads each profile and checks it against the portal's rules: required
fields, ID number check digit and birth date, phone and e-mail, countries and
regions, dates, the study history, and every upload file (real type, size,
pixels, PDF structure). It lists every problem at once, errors first, each
as file:line: field: what is wrong, with a hint on how to fix it.

Errors make the run stop before it fills anything; warnings (a long gap in
the study history, a major filed under an unusual 学科门类, a profile other
users can read) are worth a look but do not.

Exit status: 0 when there are no errors (warnings allowed), 2 when any
profile has an error.`,
		Example: `  # Check your profile
  autofill validate me.yaml

  # Check an agency's profiles and feed the problems to a script
  autofill validate --json clients/*.yaml > problems.json

  # Also say what CSCSE will most likely file each degree under
  autofill validate --explain me.yaml

  # Check with a value from the environment (overrides the file)
  AUTOFILL_APPLICANT_PHONE=13800138000 autofill validate me.yaml`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.files = args
			if runF != nil {
				return runF(opts)
			}
			return runValidate(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the problems as a JSON list")
	cmd.Flags().BoolVar(&opts.explain, "explain", false, "also print each degree's listed institution and likely 专业领域 (学科门类, catalogue code)")
	return cmd
}

// fileProblem is one problem in --json output.
type fileProblem struct {
	File string `json:"file"`
	profile.Problem
}

func runValidate(o *validateOptions) error {
	now := o.now
	if now.IsZero() {
		now = time.Now()
	}
	all := []fileProblem{}
	bad := false
	var explained strings.Builder
	ignored := map[string]bool{}
	for _, f := range o.files {
		p, list := profile.CheckAt(f, now)
		all = append(all, withFile(f, list)...)
		bad = bad || profile.HasErrors(list)
		if o.explain && !o.json {
			explainDegrees(&explained, f, p)
		}
		for _, v := range p.EnvIgnored() {
			ignored[v] = true
		}
	}
	for _, v := range slices.Sorted(maps.Keys(ignored)) {
		// The values checked are the file's: say so, or a set variable
		// would seem to have been validated.
		fmt.Fprintf(o.io.ErrOut, "note: $%s is set but not applied; the file's value was checked (a run applies it only with --env-overrides)\n", v)
	}
	if o.json {
		if err := writeJSONTo(o.io.Out, all); err != nil {
			return err
		}
	} else {
		printProblems(o.io.Out, newPalette(o.io.ColorEnabled()), len(o.files), all)
		if explained.Len() > 0 {
			fmt.Fprint(o.io.Out, "\n"+explained.String())
		}
	}
	if bad {
		return exitcode.With(exitcode.BadInput, errSilent)
	}
	return nil
}

// withFile names the file of each of its problems.
func withFile(file string, list []profile.Problem) []fileProblem {
	out := make([]fileProblem, len(list))
	for i, p := range list {
		out[i] = fileProblem{file, p}
	}
	return out
}

// printProblems writes the problems of nFiles profiles to out, grouped by
// file, like a compiler, and a verdict; validate, run and batch use it.
func printProblems(out io.Writer, c palette, nFiles int, all []fileProblem) {
	errs := 0
	for _, p := range all {
		if p.Severity == profile.Error {
			errs++
		}
	}
	warns := len(all) - errs
	prev := ""
	for _, p := range all {
		if prev != "" && p.File != prev {
			fmt.Fprintln(out)
		}
		prev = p.File
		where := p.File + ":"
		if p.Line > 0 {
			where += fmt.Sprintf("%d:", p.Line)
			if p.Column > 0 {
				where += fmt.Sprintf("%d:", p.Column)
			}
		}
		// file:line: path: message, like a compiler; warnings say so.
		var b strings.Builder
		b.WriteString(c.bold(where))
		if p.Path != "" {
			path := p.Path + ":"
			if p.Severity == profile.Error {
				path = c.red(path)
			}
			b.WriteString(" " + path)
		}
		if p.Severity == profile.Warning {
			b.WriteString(" " + c.yellow("warning:"))
		}
		b.WriteString(" " + iostreams.Escape(p.Message)) // quotes profile values
		fmt.Fprintln(out, b.String())
		if p.Hint != "" {
			for i, line := range strings.Split(p.Hint, "\n") {
				prefix := "    hint: "
				if i > 0 {
					prefix = "          "
				}
				fmt.Fprintln(out, c.dim(prefix+line))
			}
		}
	}
	if len(all) > 0 {
		fmt.Fprintln(out)
	}
	files := plural(nFiles, "profile")
	switch {
	case errs == 0 && warns == 0:
		fmt.Fprintf(out, "%s %s: no problems\n", c.green("✓"), files)
	case errs == 0:
		fmt.Fprintf(out, "%s %s: no errors, %s; ready to run\n", c.green("✓"), files, plural(warns, "warning"))
	default:
		fmt.Fprintf(out, "%s %s: %s, %s; fix the errors and run validate again\n",
			c.red("✗"), files, plural(errs, "error"), plural(warns, "warning"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// usageArgs makes a wrong argument count a usage error: exit 2 with the
// usage, like a wrong flag.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &flagError{err}
		}
		return nil
	}
}
