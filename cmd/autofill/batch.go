package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/progressui"
)

type batchOptions struct {
	io  *iostreams.IOStreams
	log func() zerolog.Logger

	Profiles  []string
	Parallel  int
	DryRun    bool
	RunDir    string
	RemoteURL string
	BaseURL   string
	Variant   string
	Wait      time.Duration
	Passwords string
	Headless  bool
	Show      bool
	Chrome    string
	Selectors string
	SimAssets string
	Plain     bool
	Retries   int
	MaxOpen   int
}

const batchLong = `Prepare drafts for many applicants at once, as an agency does: one job per
degree of each profile. Each applicant gets a browser context of their own
(own cookies and storage), and the engine checks before filling that the
account is theirs. Nothing is ever submitted or paid.

Invalid profiles are reported first, as ` + "`autofill validate`" + ` prints them, and
skipped; the others run, --parallel at a time. An applicant who must act — the
实人认证 face scan, the 12367 code, a captcha — waits without holding up the
others: the QR code is saved in their run directory for you to forward, and
on a terminal you can type their code into the live table ("3 12345678").
Whoever has not acted within --wait is parked.

Passwords never go into profiles: give --passwords FILE, a YAML
("username: password" lines) or CSV ("username,password") file that only you
can read (chmod 600). AUTOFILL_PASSWORD is the password of anyone the file
does not list. An applicant without a password is parked; the rest run.

Every run directory (DIR/<profile>-<degree>) is a normal one — report,
screenshots, state — plus status.json and the saved session. Run the same
command again to continue: ready drafts are skipped, parked and failed ones
resume where they stopped without a new login, and nothing is added twice.
DIR/summary.csv and DIR/summary.json list every degree and its status.

Exit status: 0 every draft ready, 4 some wait for a person (run again later),
1 some failed or have invalid profiles, 2 no valid profile or bad flags,
130 interrupted.`

const batchExamples = `  # Rehearse the whole batch against the built-in simulator
  autofill batch --dry-run clients/*.yaml

  # Fill for real, 4 applicants at a time, passwords from a private file
  chmod 600 passwords.yaml
  autofill batch --passwords passwords.yaml --parallel 4 clients/*.yaml

  # Scale out: a browser pool that speaks the DevTools protocol
  autofill batch --passwords passwords.csv --parallel 20 --remote-url ws://browsers.internal:3000 clients/*.yaml`

func newBatchCmd(a *app, runF func(context.Context, *batchOptions) error) *cobra.Command {
	opts := &batchOptions{io: a.io, log: func() zerolog.Logger { return a.log }}
	cmd := &cobra.Command{
		Use:     "batch PROFILE...",
		Short:   "Prepare drafts for many applicants, in parallel, each in their own session",
		Long:    batchLong,
		Example: batchExamples,
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Profiles = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runBatch(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Parallel, "parallel", runtime.NumCPU(), "applicants filling at once (one waiting for a person does not count)")
	variantFlag(f, &opts.Variant, "with --dry-run: the form of the portal the simulator shows")
	f.BoolVar(&opts.DryRun, "dry-run", false, "run every job against one built-in portal simulator, headless; nothing leaves this machine")
	f.StringVar(&opts.RunDir, "run-dir", "", "the batch directory: one run directory per degree and the summary (default runs/batch, or runs/batch-dry-run); use the same one to continue")
	f.StringVar(&opts.RemoteURL, "remote-url", "", "use a remote browser or browser pool that speaks the DevTools protocol (ws://… or http://host:9222); each applicant connects anew")
	f.StringVar(&opts.BaseURL, "base-url", DefaultBaseURL, "the portal's address")
	f.DurationVar(&opts.Wait, "wait", batch.DefaultWait, "how long an applicant's face scan, code or captcha may take before they are parked (the wait holds no slot)")
	f.StringVar(&opts.Passwords, "passwords", "", "file of username → password, YAML or .csv, chmod 600 (AUTOFILL_PASSWORD covers anyone not listed)")
	f.BoolVar(&opts.Headless, "headless", false, "no browser windows (nobody can solve a captcha then; saved sessions skip the login)")
	f.BoolVar(&opts.Show, "show", false, "with --dry-run: show the browser")
	f.StringVar(&opts.Chrome, "chrome", "", "the Chrome, Chromium or Edge to start (default: found automatically; also $AUTOFILL_CHROME)")
	f.StringVar(&opts.Selectors, "selectors", "", "page maps to use instead of the built-in ones (a directory of *.yaml)")
	f.StringVar(&opts.SimAssets, "sim-assets", "", "with --dry-run: a node_modules directory for the simulator instead of its built-in copy of vue and element-ui")
	f.BoolVar(&opts.Plain, "plain", false, "print a line per change instead of the live table, also on a terminal")
	f.IntVar(&opts.MaxOpen, "max-open", 0, "applicants with a browser tab open at once, filling or waiting for a person (default 4×--parallel, at least 8; each tab costs about 100 MB)")
	f.IntVar(&opts.Retries, "retries", batch.DefaultRetries, "run a failed job again this many times at once (the draft is continued, nothing added twice)")
	return cmd
}

func runBatch(ctx context.Context, o *batchOptions) error {
	switch {
	case o.Parallel < 1:
		return &flagError{fmt.Errorf("--parallel %d: at least 1 applicant must be able to fill", o.Parallel)}
	case o.MaxOpen < 0:
		return &flagError{fmt.Errorf("--max-open %d: give a positive number, or 0 for the default", o.MaxOpen)}
	case o.Retries < 0:
		return &flagError{fmt.Errorf("--retries %d: give 0 for none", o.Retries)}
	case o.Wait <= 0:
		return &flagError{fmt.Errorf("--wait %s: give a positive duration, e.g. 10m", o.Wait)}
	case o.Show && !o.DryRun:
		return &flagError{errors.New("--show only applies to --dry-run (a live batch shows its windows unless --headless)")}
	case o.DryRun && o.RemoteURL != "":
		return &flagError{errors.New("--dry-run serves the simulator on this machine's loopback, which a remote browser cannot reach: drop --remote-url")}
	case o.DryRun && o.Passwords != "":
		return &flagError{errors.New("--dry-run registers every applicant on the simulator with a password of its own: drop --passwords")}
	}
	maps, err := loadRunMaps(o.Selectors, o.DryRun, o.io.ErrOut)
	if err != nil {
		return err
	}
	dir := o.RunDir
	if dir == "" {
		dir = filepath.Join(runsRoot(), "batch")
		if o.DryRun {
			dir += "-dry-run" // a rehearsal's ready drafts must not stand in for live ones
		}
	}
	jobs, inputs := batch.Plan(o.Profiles, dir, time.Now())
	reportInputs(o.io, inputs)

	bo := batch.Options{Jobs: jobs, Dir: dir, Parallel: o.Parallel, Maps: maps, Target: job.Live(o.BaseURL), Wait: o.Wait, Retries: o.Retries, MaxOpen: o.MaxOpen}
	runnable := 0
	for _, j := range jobs {
		if j.Runnable() {
			runnable++
		}
	}
	if runnable > 0 {
		cleanup, err := o.prepare(ctx, &bo)
		defer cleanup()
		if err != nil {
			return err
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	table := o.io.CanPrompt() && o.io.IsStderrVT() && !o.Plain
	con := progressui.NewBatch(o.io, table, cancel)
	bo.Changed = con.Changed
	if !table {
		base := o.log()
		bo.Log = func(j *batch.Job) zerolog.Logger {
			return base.Output(profile.NewRedactor(j.Profile).Writer(o.io.ErrOut)).With().Str("job", j.Name).Logger()
		}
	}
	b := batch.New(bo)
	if err := con.Start(b); err != nil {
		return err
	}
	rows, err := b.Run(ctx)
	con.Stop()
	printBatchResult(o.io, dir, rows)
	if err != nil {
		return fmt.Errorf("writing the summary: %w", err)
	}
	if code := batch.ExitCode(rows); code != exitcode.OK {
		return exitcode.With(code, errSilent)
	}
	return nil
}

// prepare sets up what the jobs need: the simulator and its notice on a
// dry-run, else the passwords; and the browser. cleanup is never nil.
func (o *batchOptions) prepare(ctx context.Context, bo *batch.Options) (cleanup func(), err error) {
	var undo []func()
	cleanup = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	logf := func(f string, a ...any) { l := o.log(); l.Debug().Msgf(f, a...) }
	bopts := browser.Options{ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL, Logf: logf}
	if o.DryRun {
		variant, err := parseVariant(o.Variant)
		if err != nil {
			return cleanup, err
		}
		sim, err := dryrun.Start(dryrun.SimOptions{AssetsDir: o.SimAssets, Variant: variant})
		if err != nil {
			return cleanup, err
		}
		undo = append(undo, func() { _ = sim.Close() })
		bo.Target = sim.Target(bo.Maps)
		bopts.Headless = !o.Show
		fmt.Fprintf(o.io.ErrOut, "dry run: one portal simulator for the whole batch at %s (nothing leaves this machine); each applicant is registered there, it plays their part in the face scan and the 12367 code, and accepts its service agreement for them — on the live portal each applicant accepts it unless consent.service_agreement is true\n", sim.URL)
	} else {
		pw, err := batch.LoadPasswords(o.Passwords, os.Getenv("AUTOFILL_PASSWORD"))
		if err != nil {
			return cleanup, err
		}
		bo.Passwords = pw
	}
	if o.RemoteURL != "" {
		// Fail fast, with the hint, if the endpoint does not answer.
		b, err := browser.Start(ctx, bopts)
		if err != nil {
			return cleanup, err
		}
		_ = b.Close()
		bo.Tabs = batch.RemoteBrowsers{Options: bopts}
		return cleanup, nil
	}
	// One local browser; the sessions live in the run directories, so its
	// profile is a throw-away one (bopts has no UserDataDir).
	b, err := browser.Start(context.WithoutCancel(ctx), bopts)
	if err != nil {
		return cleanup, err
	}
	undo = append(undo, func() { _ = b.Close() })
	bo.Tabs = batch.SharedBrowser{Browser: b}
	return cleanup, nil
}

// reportInputs prints every problem of the invalid profiles, as validate
// does, and counts the valid profiles that only have warnings.
func reportInputs(ios *iostreams.IOStreams, inputs []batch.Input) {
	var all []fileProblem
	invalid, warned := 0, 0
	for _, in := range inputs {
		if in.Errors() == 0 && in.Profile != nil {
			if len(in.Problems) > 0 {
				warned++
			}
			continue
		}
		invalid++
		all = append(all, withFile(in.File, in.Problems)...)
	}
	if invalid > 0 {
		printProblems(ios.ErrOut, newPalette(ios.ColorEnabled()), invalid, all)
		fmt.Fprintf(ios.ErrOut, "skipping %d invalid %s; the others run\n\n", invalid, pluralWord(invalid, "profile"))
	}
	if warned > 0 {
		fmt.Fprintf(ios.ErrOut, "%d valid %s with warnings (autofill validate shows them)\n", warned, pluralWord(warned, "profile"))
	}
	reportBatchInputs(ios, inputs)
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// printBatchResult sums the batch up and says what to do next.
func printBatchResult(ios *iostreams.IOStreams, dir string, rows []batch.Row) {
	c := newPalette(ios.ColorEnabled())
	out := ios.ErrOut
	n := batch.Count(rows)
	fmt.Fprintf(out, "\n%d %s: %s ready, %d waiting for a person, %d failed", len(rows), pluralWord(len(rows), "draft"),
		c.green(fmt.Sprint(n.Ready)), n.Waiting, n.Failed)
	if n.Invalid > 0 {
		fmt.Fprintf(out, ", %d invalid %s", n.Invalid, pluralWord(n.Invalid, "profile"))
	}
	if n.Interrupted > 0 {
		fmt.Fprintf(out, ", %d interrupted", n.Interrupted)
	}
	fmt.Fprintln(out)
	for _, r := range rows {
		switch {
		case r.State == batch.WaitingFace || r.State == batch.WaitingCode:
			fmt.Fprintf(out, "  %s #%d %s %s: %s; QR code for the applicant: %s\n", c.yellow("‖"), r.N, r.Applicant, r.Degree, r.Text(), r.QR)
		case r.State.Waiting():
			fmt.Fprintf(out, "  %s #%d %s %s: %s\n", c.yellow("‖"), r.N, r.Applicant, r.Degree, r.Text())
		case r.State == batch.Failed:
			fmt.Fprintf(out, "  %s #%d %s %s: %s (%s)\n", c.red("✗"), r.N, r.Applicant, r.Degree, r.Text(), r.RunDir)
		}
	}
	fmt.Fprintf(out, "Summary: %s and %s\n", filepath.Join(dir, batch.SummaryCSV), filepath.Join(dir, batch.SummaryJSON))
	if n.Waiting+n.Failed+n.Interrupted > 0 {
		fmt.Fprintln(out, "Run the same command again to continue: ready drafts are skipped, the others resume where they stopped.")
	}
	if n.Ready > 0 {
		fmt.Fprintln(out, "Each applicant reviews their draft at 确认提交, ticks the pledge and clicks 提交 themselves; autofill never submits or pays.")
	}
}
