package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cscse-tools/autofill/internal/accountstate"
	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/job"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/progressui"
	"github.com/cscse-tools/autofill/internal/report"
	"github.com/cscse-tools/autofill/selectors"
)

// DefaultBaseURL is the live portal (docs/portal.md).
const DefaultBaseURL = "https://portal.cscse.edu.cn/"

type runOptions struct {
	io    *iostreams.IOStreams
	logTo func(io.Writer) zerolog.Logger // the command's logger, writing to a given writer

	ProfilePath string
	Degree      string
	BaseURL     string
	DryRun      bool
	Show        bool
	Headless    bool
	Chrome      string
	UserDataDir string
	RemoteURL   string
	RunDir      string
	Wait        time.Duration
	Selectors   string
	SimAssets   string
	JSON        bool
	Quiet       bool
	Pages       string // --pages DIR: moved to check (pages.go); hidden
	// EnvOverrides lets AUTOFILL_<KEY> variables override profile values
	// (each one used is printed, masked, and recorded in the report).
	EnvOverrides bool
	// Prune deletes uploads and 学习经历 rows the draft holds and the
	// profile no longer has, after listing them.
	Prune    bool
	Variant  string // --dry-run --variant: the simulator's form of the portal
	NameForm bool   // --accept-name-form: the registered name may lack · or spaces
}

const runExamples = `  # Fill your application in a Chrome window beside you
  autofill --profile me.yaml

  # Rehearse the whole flow against the built-in portal simulator (headless)
  autofill --profile me.yaml --dry-run

  # The profile has several degrees: choose one
  autofill --profile me.yaml --degree msc

  # Use the Chrome you already started with --remote-debugging-port=9222
  autofill --profile me.yaml --remote-url http://127.0.0.1:9222

  # For scripts and agencies: one JSON event per line on stdout, masked
  autofill --profile me.yaml --json > events.jsonl

  # You removed a file or a study-history row from the profile: delete it
  # from the draft too (it is listed first)
  autofill --profile me.yaml --prune

  # Let AUTOFILL_APPLICANT_PHONE etc. override the profile (printed, masked)
  AUTOFILL_APPLICANT_PHONE=13900139000 autofill --profile me.yaml --env-overrides

  # Afterwards: what was entered on each page, with screenshots
  autofill report`

const runLong = `Fill the application for one degree of a profile: autofill opens Chrome, logs
in with your user name (the password comes from AUTOFILL_PASSWORD or a prompt
and is never stored), continues this degree's draft on 我的申请 or starts one,
and fills 基本信息, 申请类型, 申请信息, 学习经历 and 上传材料, reading every value
back. It pauses for what only you may do — the captcha, the 实人认证 face scan
with 微留服, the 8-digit 移民局12367 code — and stops at 确认提交 with a
complete draft. It never submits and never pays.

Run it again at any time, from any folder: it continues this degree's draft
(remembered per account), re-checks every page against the profile, refills
what changed, and adds nothing twice. One run per account at a time.

On a terminal you see the pages as a checklist; when it needs you it rings
the terminal bell and says, in Chinese and English, what to do and on which
app. Each run leaves in its run directory (runs/<time>-<degree>, 0700) a
report — report.html and report.json: every page's screenshot and every
value entered, masked — and run.log; ` + "`autofill report`" + ` opens it.

Exit status: 0 draft ready, 1 failure, 2 bad profile or flags, 3 the portal
changed (run autofill check), 4 waiting for you (run again to continue),
130 interrupted.`

func newRunCmd(a *app, runF func(context.Context, *runOptions) error) *cobra.Command {
	opts := &runOptions{io: a.io, logTo: a.loggerTo}
	cmd := &cobra.Command{
		Use:     "run --profile FILE",
		Short:   "Fill the application from a profile (the default command)",
		Long:    runLong,
		Example: runExamples,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRun(cmd.Context(), opts)
		},
	}
	addRunFlags(cmd.Flags(), opts)
	return cmd
}

// addRunFlags defines the run flags; the root command has them too, so that
// `autofill --profile me.yaml` is the run.
func addRunFlags(fs *pflag.FlagSet, o *runOptions) {
	fs.StringVarP(&o.ProfilePath, "profile", "p", "", "the applicant's profile (YAML, JSON or TOML); make one with: autofill init FILE")
	fs.StringVar(&o.Degree, "degree", "", "which degree of the profile (its id); needed when there are several")
	fs.StringVar(&o.BaseURL, "base-url", DefaultBaseURL, "the portal's address")
	fs.BoolVar(&o.DryRun, "dry-run", false, "run the whole flow against the built-in portal simulator, headless; nothing leaves this machine")
	fs.BoolVar(&o.Show, "show", false, "with --dry-run: show the browser window")
	fs.BoolVar(&o.Headless, "headless", false, "no browser window (you cannot help with captchas and the face scan)")
	fs.StringVar(&o.Chrome, "chrome", "", "the Chrome, Chromium or Edge to start (default: found automatically; also $AUTOFILL_CHROME)")
	fs.StringVar(&o.UserDataDir, "user-data-dir", "", "the browser profile directory (default: one per login name, so your login survives between runs)")
	fs.StringVar(&o.RemoteURL, "remote-url", "", "attach to a running Chrome (ws://… or http://host:9222) instead of starting one")
	fs.StringVar(&o.RunDir, "run-dir", "", "where to keep the report, screenshots and state (default runs/<time>-<degree>; the per-user runs folder when runs/ cannot be written here)")
	fs.DurationVar(&o.Wait, "wait", 15*time.Minute, "how long to wait for you at a human step before stopping (the draft is kept)")
	fs.StringVar(&o.Selectors, "selectors", "", "page maps to use instead of the built-in ones (a directory of *.yaml)")
	fs.StringVar(&o.SimAssets, "sim-assets", "", "with --dry-run: a node_modules directory for the simulator instead of its built-in copy of vue and element-ui")
	fs.BoolVar(&o.JSON, "json", false, "print events as JSON lines on stdout (for scripts)")
	fs.BoolVar(&o.Quiet, "quiet", false, "print only what you must do and the result")
	fs.BoolVar(&o.EnvOverrides, "env-overrides", false, "let AUTOFILL_<KEY> variables (AUTOFILL_APPLICANT_PHONE …) override profile values; each one used is printed, masked, and kept in the report")
	fs.BoolVar(&o.Prune, "prune", false, "delete uploads and 学习经历 rows the draft holds but the profile no longer has (listed first); without it they are listed and the draft is not ready")
	variantFlag(fs, &o.Variant, "with --dry-run: the form of the portal the simulator shows")
	fs.BoolVar(&o.NameForm, "accept-name-form", false, "accept a registered name that differs from applicant.name only by · or spaces (registration drops them); an ID number must always match")
	fs.StringVar(&o.Pages, "pages", "", "moved: autofill check --profile FILE --pages DIR")
	_ = fs.MarkHidden("pages")
}

// loadMaps returns the page maps: --selectors DIR or the built-in ones.
func loadMaps(dir string) (*pagemap.Set, error) {
	var set *pagemap.Set
	var err error
	if dir != "" {
		set, err = pagemap.Load(os.DirFS(dir), dir)
	} else {
		set, err = pagemap.Load(selectors.FS, "selectors")
	}
	if err != nil {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("page maps: %w", err))
	}
	return set, nil
}

func runRun(ctx context.Context, o *runOptions) error {
	if o.ProfilePath == "" {
		return &flagError{errors.New("--profile is required: the applicant's profile file (create one with `autofill init me.yaml`)")}
	}
	if o.Show && !o.DryRun {
		return &flagError{errors.New("--show only applies to --dry-run (a live run always shows the window unless --headless)")}
	}
	if o.Pages != "" {
		return runPagesMoved(ctx, o)
	}
	variant, err := parseVariant(o.Variant)
	if err != nil {
		return err
	}
	maps, err := loadRunMaps(o.Selectors, o.DryRun, o.io.ErrOut)
	if err != nil {
		return err
	}
	var lopts []profile.LoadOption
	if o.EnvOverrides {
		lopts = append(lopts, profile.EnvOverrides())
	}
	p, err := loadChecked(o.io, o.ProfilePath, lopts...)
	if err != nil {
		return err
	}
	if o.NameForm {
		p.Applicant.AcceptNameForm = true
	}
	notes := envNotes(p)
	for _, n := range notes {
		fmt.Fprintln(o.io.ErrOut, iostreams.Escape(n))
	}
	deg, err := p.Degree(o.Degree)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	runDir := o.RunDir
	if runDir == "" {
		runDir = filepath.Join(runsRoot(), time.Now().Format("20060102-150405")+"-"+safeName(deg.ID))
	}
	if err := os.MkdirAll(runDir, 0o700); err != nil {
		return fmt.Errorf("run directory: %w", err)
	}
	red := profile.NewRedactor(p)
	codes := make(chan string, 1) // 12367 codes typed at the terminal, for the engine
	prog := progressui.NewRun(o.io, red, progressui.RunOptions{
		JSON: o.JSON, Quiet: o.Quiet, Pages: report.PagesOf(maps), Wait: o.Wait, Again: againCommand(o, runDir), Codes: codes,
	})
	defer prog.Close()
	log := o.logTo(red.Writer(prog.LogWriter()))

	bopts := browser.Options{
		ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL, UserDataDir: o.UserDataDir,
		Logf: func(f string, a ...any) { log.Debug().Msgf(f, a...) },
	}
	var target job.Target = job.Live(o.BaseURL)
	if o.DryRun {
		sim, err := dryrun.Start(dryrun.SimOptions{AssetsDir: o.SimAssets, Variant: variant})
		if err != nil {
			return err
		}
		defer sim.Close()
		target = sim.Target(maps)
		bopts.Headless = !o.Show
		bopts.RemoteURL = ""
		bopts.UserDataDir = "" // a throw-away profile, removed afterwards
		fmt.Fprintf(o.io.ErrOut, "dry run: portal simulator at %s, variant %s (nothing leaves this machine); it plays your part in the slider, the face scan and the 12367 code\n", sim.URL, o.Variant)
	} else if bopts.UserDataDir == "" && bopts.RemoteURL == "" {
		bopts.UserDataDir = defaultBrowserProfile(p.Login())
	}
	acc, err := target.Account(p)
	if err != nil {
		return err
	}
	for _, n := range acc.Notes {
		fmt.Fprintln(o.io.ErrOut, n)
	}
	spec := job.Spec{Profile: acc.Profile, Degree: deg, Maps: maps, Target: target, RunDir: runDir, Wait: o.Wait, Log: log, Codes: codes, Sink: prog, Notes: notes, Prune: o.Prune,
		Password: passwordSource(o.io)}
	if pw := acc.Password; pw != "" {
		spec.Password = func(context.Context) (string, error) { return pw, nil }
	}
	b, err := browser.Start(ctx, bopts)
	if err != nil {
		return err
	}
	defer b.Close()
	res, runErr := job.Run(b.Tab(), spec)
	prog.Close()
	if target.Simulated() && runErr == nil {
		fmt.Fprintf(o.io.ErrOut, "dry run: the simulator accepted every field exactly as in the profile (%s)\n", filepath.Join(runDir, dryrun.AcceptedFile))
	}
	prog.Result(res, runErr, runDir)
	return redactErr(red, runErr)
}

// redactedError masks personal data in an error's text and keeps its chain
// (so the exit code survives).
type redactedError struct {
	err error
	red *profile.Redactor
}

func (e *redactedError) Error() string { return e.red.String(e.err.Error()) }
func (e *redactedError) Unwrap() error { return e.err }

func redactErr(red *profile.Redactor, err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{err, red}
}

// loadChecked loads and validates a profile, printing every problem; errors
// stop the run before a browser opens.
func loadChecked(ios *iostreams.IOStreams, path string, opts ...profile.LoadOption) (*profile.Profile, error) {
	p, list := profile.CheckAt(path, time.Now(), opts...)
	if len(list) > 0 {
		printProblems(ios.ErrOut, newPalette(ios.ColorEnabled()), 1, withFile(path, list))
		if profile.HasErrors(list) || p == nil {
			return nil, exitcode.With(exitcode.BadInput, errSilent)
		}
	}
	return p, nil
}

// passwordSource reads AUTOFILL_PASSWORD, else asks without echo when a
// person is at the terminal, else leaves the password to the page.
func passwordSource(ios *iostreams.IOStreams) func(context.Context) (string, error) {
	return func(context.Context) (string, error) {
		if pw := os.Getenv("AUTOFILL_PASSWORD"); pw != "" {
			return pw, nil
		}
		if !ios.CanPrompt() {
			return "", errors.New("AUTOFILL_PASSWORD is not set and there is no terminal to ask on")
		}
		return ios.PromptPassword("Portal password (not stored; Enter to type it in the browser): ")
	}
}

// defaultBrowserProfile keeps one Chrome profile per login name, so a login
// survives between runs and applicants never share cookies. The folder is
// named by a hash of the login: a phone or ID number never shows in a path.
func defaultBrowserProfile(username string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "autofill", "chrome", accountstate.Key("", username))
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func safeName(s string) string {
	s = unsafeChars.ReplaceAllString(s, "_")
	if s == "" {
		return "default"
	}
	return s
}
