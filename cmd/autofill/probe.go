package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/probe"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/version"
	"github.com/cscse-tools/autofill/recordings"
)

// probeOptions are the flags of `autofill probe` (and of `check --live`,
// which walks the same way and writes nothing).
type probeOptions struct {
	io *iostreams.IOStreams

	ProfilePath string
	BaseURL     string
	LoginURL    string
	Out         string // the override set; default <config>/selectors
	Recordings  string // where the scrubbed pages go; default runs/probe-<time>
	Bundle      string
	Headless    bool
	Chrome      string
	RemoteURL   string
	UserDataDir string
	Selectors   string
	Wait        time.Duration
	JSON        bool
}

func newProbeCmd(a *app, runF func(context.Context, *probeOptions) error) *cobra.Command {
	opts := &probeOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "probe [--profile me.yaml] [--out DIR] [--bundle FILE.zip]",
		Short: "Look at the live portal read-only and fix the page maps where it changed",
		Long: `probe is for the first visit to a portal that may have changed. It opens
Chrome; you log in as usual (password, slider, code). Then it walks through
your draft's pages on its own — 我的申请, 继续填写, then each step page by its
own address — and only looks: it never types, ticks, uploads or saves. On a
terminal it then lets you open other pages yourself (the step bar, 上一步;
never 下一步 or 保存, which save) and records each, until you press Enter.

For each page it says which page map recognises it (or, for a page none
does, its title and headings), saves it scrubbed (no input value, no name,
ID, phone or e-mail; with --profile none of your profile's values either),
and checks every page map against it, as ` + "`autofill check`" + ` does.

Where a field, button or detect rule no longer fits, it proposes what a
person would pick: the control now labelled so, the one control whose
placeholder still names the field, the button that now reads so, the page's
heading. The proposals are written as an override set (the changed maps) in
your configuration folder's selectors/ (or --out DIR), which ` + "`autofill run`" + `
and ` + "`autofill batch`" + ` load on top of the built-in maps, saying so. A field
more than one control could be is listed as "needs a decision" with every
candidate, and not written.

--bundle FILE.zip packs the scrubbed pages, the drift report, the proposals,
this tool's version and the simulated portal they resemble most, with a
README on how to send it to the maintainers.

Exit status: 0 every map fits, 3 something changed (overrides written where
a person could place the change), 1 failure, 2 bad flags or profile.`,
		Example: `  # Look at the portal, write overrides for your next run, pack a bundle to send
  autofill probe --profile me.yaml --bundle portal-changed.zip

  # Only see what no longer fits; write nothing
  autofill check --live --profile me.yaml

  # Write the overrides elsewhere to review them first; a run uses them once
  # they are in your configuration folder's selectors/
  autofill probe --profile me.yaml --out review-overrides`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runProbe(cmd.Context(), opts, true)
		},
	}
	f := cmd.Flags()
	addProbeFlags(cmd, opts)
	f.StringVar(&opts.Out, "out", "", "write the override set here (default: selectors/ in your configuration folder, which run and batch load)")
	f.StringVar(&opts.Recordings, "recordings", "", "keep the scrubbed pages here (default runs/probe-<time>/recordings)")
	f.StringVar(&opts.Bundle, "bundle", "", "also pack a scrubbed zip for the maintainers (recordings, drift report, proposals, version, README)")
	f.BoolVar(&opts.JSON, "json", false, "print the result (visits, drift, proposals) as JSON")
	return cmd
}

// addProbeFlags are the flags probe and check --live share; a flag the
// command has already (check's --chrome, --selectors) is left to it.
func addProbeFlags(cmd *cobra.Command, o *probeOptions) {
	f := cmd.Flags()
	str := func(p *string, name, short, value, usage string) {
		if f.Lookup(name) == nil {
			f.StringVarP(p, name, short, value, usage)
		}
	}
	str(&o.ProfilePath, "profile", "p", "", "your profile: its values are scrubbed from every page saved, and its login keeps the browser profile of your runs")
	str(&o.BaseURL, "base-url", "", DefaultBaseURL, "the portal's address")
	str(&o.LoginURL, "login-url", "", "", "open this login page first (the 统一用户身份认证 SSO, when the portal sends you there)")
	str(&o.Chrome, "chrome", "", "", "the Chrome, Chromium or Edge to start (default: found automatically)")
	str(&o.RemoteURL, "remote-url", "", "", "attach to a running Chrome (ws://… or http://host:9222), already logged in if you like")
	str(&o.UserDataDir, "user-data-dir", "", "", "the browser profile directory (default: the one your runs use for this login)")
	str(&o.Selectors, "selectors", "", "", "page maps to probe instead of the built-in ones (a directory of *.yaml)")
	f.BoolVar(&o.Headless, "headless", false, "no browser window (for tests; you cannot log in)")
	f.DurationVar(&o.Wait, "wait", 15*time.Minute, "how long to wait for you to log in")
}

// runProbe walks and checks; with write it keeps the recordings, writes
// the override set and the bundle.
func runProbe(ctx context.Context, o *probeOptions, write bool) error {
	// The maps the next run would use: an earlier probe's overrides
	// included, so a second probe refines them.
	maps, err := loadRunMaps(o.Selectors, false, o.io.ErrOut)
	if err != nil {
		return err
	}
	var p *profile.Profile
	if o.ProfilePath != "" {
		if p, err = loadChecked(o.io, o.ProfilePath); err != nil {
			return err
		}
	}
	recDir := o.Recordings
	switch {
	case !write:
		if recDir, err = os.MkdirTemp("", "autofill-check-live-"); err != nil {
			return err
		}
		defer os.RemoveAll(recDir)
	case recDir == "":
		recDir = filepath.Join("runs", "probe-"+time.Now().Format("20060102-150405"), "recordings")
	}
	var secrets []string
	if p != nil {
		secrets = append(probe.SecretTexts(p, recordings.FS), personalTexts(p)...)
	}
	bopts := browser.Options{ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL, UserDataDir: o.UserDataDir}
	if bopts.UserDataDir == "" && bopts.RemoteURL == "" && p != nil && !o.Headless {
		bopts.UserDataDir = defaultBrowserProfile(p.Login())
	}
	b, err := browser.Start(ctx, bopts)
	if err != nil {
		return err
	}
	defer b.Close()
	start := o.BaseURL
	if o.LoginURL != "" {
		start = o.LoginURL
	}
	errOut := o.io.ErrOut
	res, err := probe.Probe(b.Tab(), probe.Options{Maps: maps, BaseURL: start, Recordings: recDir, Values: secrets,
		Wait: o.Wait, Tool: version.String(), Done: o.enterDone(), Say: func(f string, a ...any) { fmt.Fprintf(errOut, f+"\n", a...) }})
	if err != nil {
		return err
	}
	var files []string
	if write && len(res.Proposals) > 0 {
		out := o.Out
		if out == "" {
			if out, err = overridesDir(); err != nil {
				return fmt.Errorf("finding your configuration folder: %w (give --out DIR)", err)
			}
		}
		header := probe.Header(version.String(), time.Now())
		if files, err = probe.WriteOverrides(out, maps, res.Proposals, header); err != nil {
			return err
		}
	}
	if o.JSON {
		if err := writeJSONTo(o.io.Out, res); err != nil {
			return err
		}
	} else {
		printProbe(o.io, res, files, write)
	}
	if write && o.Bundle != "" {
		bun := &probe.Bundle{Result: res, Recordings: recDir, Overrides: files, Tool: version.Long(), Secrets: secrets, Now: time.Now()}
		if err := bun.Write(o.Bundle); err != nil {
			return fmt.Errorf("writing the bundle %s: %w", o.Bundle, err)
		}
		fmt.Fprintf(errOut, "bundle written: %s — open it and look through it, then send it as its README.txt says\n", o.Bundle)
	}
	if write {
		fmt.Fprintf(errOut, "the scrubbed pages are in %s (check them any time: autofill check --recordings %s)\n", recDir, recDir)
	}
	if filterReached(res.Report).Err() != nil || len(res.Unknown()) > 0 {
		return exitcode.With(exitcode.Drift, errSilent)
	}
	return nil
}

// printProbe says what each page was, what no longer fits, what was
// proposed and what needs a person's decision.
func printProbe(ios *iostreams.IOStreams, res *probe.Result, files []string, wrote bool) {
	out := ios.Out
	c := newPalette(ios.ColorEnabled())
	for _, v := range res.Visits {
		if v.Unknown {
			fmt.Fprintf(out, "%s %s: no page map recognises this page: %s\n", c.red("?"), v.Page, v.Seen)
		} else {
			fmt.Fprintf(out, "%s %s (%s)\n", c.green("·"), v.Page, v.Seen.Title)
		}
	}
	printCheck(ios, filterReached(res.Report))
	if len(res.Proposals) > 0 {
		fmt.Fprintln(out)
		verb := "proposed"
		if wrote {
			verb = "written"
		}
		fmt.Fprintf(out, "%s (%s):\n", plural(len(res.Proposals), "change"), verb)
		for _, p := range res.Proposals {
			fmt.Fprintln(out, "  "+p.String())
		}
	}
	if len(res.Decisions) > 0 {
		fmt.Fprintln(out)
		fmt.Fprintf(out, "%s (not written):\n", plural(len(res.Decisions), "mismatch needs a decision"))
		for _, d := range res.Decisions {
			fmt.Fprintln(out, "  "+d.String())
		}
	}
	for _, f := range files {
		fmt.Fprintf(out, "override written: %s\n", f)
	}
	if len(files) > 0 {
		fmt.Fprintln(out, "your next `autofill --profile …` loads these overrides on top of the built-in maps")
	}
}

// filterReached drops "no recording" problems of pages the walk could not
// reach from a draft (login when already logged in, agreement, payment).
func filterReached(rep *pagecheck.Report) *pagecheck.Report {
	cp := *rep
	cp.Pages = nil
	for _, pr := range rep.Pages {
		if pr.Recording == "" {
			continue
		}
		cp.Pages = append(cp.Pages, pr)
	}
	return &cp
}

// enterDone ends the walk's last phase (the person opening pages) at their
// first Enter; nil off a terminal, where nobody can show pages.
func (o *probeOptions) enterDone() <-chan struct{} {
	if !o.io.IsStdinTTY() {
		return nil
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = o.io.ReadLine()
	}()
	return done
}
