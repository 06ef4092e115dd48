package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/capture"
	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/internal/recording"
	"github.com/cscse-tools/autofill/internal/version"
)

type recordOptions struct {
	io *iostreams.IOStreams

	BaseURL   string
	Out       string
	Sim       bool
	RemoteURL string
	Headless  bool
	Chrome    string
	Selectors string
	SimAssets string
	Reveal    bool
	Timeout   time.Duration
	Profile   string // whose personal texts to scrub besides what the pages show
	Variant   string // with --sim: the simulator's form of the portal

	// enter delivers the person's Enter presses (tests); nil reads the
	// terminal when there is one.
	enter <-chan struct{}
	now   func() time.Time
}

func newRecordCmd(a *app, runF func(context.Context, *recordOptions) error) *cobra.Command {
	opts := &recordOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "record [--out DIR]",
		Short: "Save the portal's pages as scrubbed recordings for `autofill check`",
		Long: `record saves each portal page you walk through as a recording: the page as
rendered, with its dropdowns' options captured (it opens each dropdown of the
page map once, and a table's add dialog), scripts removed, every input value
and personal text scrubbed (your name, ID, phone and e-mail, table cells,
captcha and QR images), and its stylesheets saved beside it so that a check
still knows what is visible. It writes DIR/manifest.yaml with the page ids,
where and when each page was recorded, and this tool's version.

A page is saved when the browser shows a page a map knows and it has
finished loading, and again whenever you press Enter (after opening a
section, say). Finish with q and Enter, or Ctrl-C. It never saves a form,
submits or pays.

With --sim it records every page of the built-in simulator instead (demo
mode, headless): that is how recordings/ in the source tree is made.

Then run ` + "`autofill check --recordings DIR`" + ` to test the page maps against them.`,
		Example: `  # Re-record the simulator's pages into the source tree
  autofill record --sim --out recordings

  # Record the live portal as you walk through it
  autofill record --out my-recordings

  # Record in the Chrome you started with --remote-debugging-port=9222
  autofill record --remote-url http://127.0.0.1:9222 --out my-recordings`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRecord(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.BaseURL, "base-url", DefaultBaseURL, "the portal's address (opened first)")
	f.StringVar(&opts.Out, "out", "recordings", "directory to save the recordings in (other pages already there are kept)")
	f.BoolVar(&opts.Sim, "sim", false, "record every page of the built-in simulator (demo mode, headless)")
	f.StringVar(&opts.RemoteURL, "remote-url", "", "attach to a running Chrome (ws://… or http://host:9222) instead of starting one")
	f.BoolVar(&opts.Headless, "headless", false, "no browser window (only useful with --sim or a remote browser)")
	f.StringVar(&opts.Chrome, "chrome", "", "the Chrome, Chromium or Edge to start (default: found automatically)")
	f.StringVar(&opts.Selectors, "selectors", "", "page maps that recognise the pages (default: the built-in ones)")
	f.StringVar(&opts.Variant, "variant", "classic", "with --sim: the form of the portal to record (a preset or knobs, as for `autofill sim`); recordings/ in the source tree is classic")
	f.StringVar(&opts.SimAssets, "sim-assets", "", "with --sim: a node_modules directory for the simulator instead of its built-in copy of vue and element-ui")
	f.BoolVar(&opts.Reveal, "reveal", false, "before saving, show conditional fields (untick 就读学校与颁证学校相同, pick 其他（手动输入）…); never saves the form (always on with --sim)")
	f.DurationVar(&opts.Timeout, "timeout", 15*time.Second, "how long to wait for a page to settle or a dropdown to open")
	f.StringVarP(&opts.Profile, "profile", "p", "", "also scrub this applicant's name, ID, phone, e-mail, address and user name wherever a page shows them")
	return cmd
}

func runRecord(ctx context.Context, o *recordOptions) error {
	maps, err := loadMaps(o.Selectors)
	if err != nil {
		return err
	}
	w, err := recording.NewWriter(o.Out, pagemap.FlowOrder)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	now := o.now
	if now == nil {
		now = time.Now
	}
	copts := capture.Options{Maps: maps, Reveal: o.Reveal, Timeout: o.Timeout}
	if o.Profile != "" {
		p, err := profile.Load(o.Profile)
		if err != nil {
			return exitcode.With(exitcode.BadInput, err)
		}
		copts.Values = personalTexts(p)
	}
	out := o.io.ErrOut
	saved := 0
	save := func(s *capture.Snapshot, src recording.Source) error {
		file, err := w.Save(s.Recording(src, version.String(), now()))
		if err != nil {
			return err
		}
		saved++
		title := ""
		if m := maps.Get(s.Page); m != nil {
			title = " (" + m.Title + ")"
		}
		fmt.Fprintf(out, "saved %s%s\n", filepath.Join(o.Out, file), title)
		return nil
	}
	if o.Sim {
		err = recordSim(ctx, o, copts, func(s *capture.Snapshot) error { return save(s, recording.Simulator) })
	} else {
		err = recordLive(ctx, o, copts, func(s *capture.Snapshot) error { return save(s, recording.Live) })
	}
	if perr := w.Prune(); err == nil {
		err = perr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d page(s) recorded in %s; now run: autofill check --recordings %s\n", saved, o.Out, o.Out)
	return nil
}

// recordSim records every page of an in-process demo simulator with the
// captcha on (so the login page shows all its fields).
func recordSim(ctx context.Context, o *recordOptions, copts capture.Options, save func(*capture.Snapshot) error) error {
	on := true
	variant, err := parseVariant(o.Variant)
	if err != nil {
		return err
	}
	sim, err := dryrun.Start(dryrun.SimOptions{AssetsDir: o.SimAssets, Captcha: &on, Variant: variant})
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	defer sim.Close()
	// No UserDataDir: a throw-away profile that is removed afterwards.
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: true})
	if err != nil {
		return err
	}
	defer b.Close()
	fmt.Fprintf(o.io.ErrOut, "recording the simulator at %s (demo account, draft %s)\n", sim.URL, dryrun.DemoAppID)
	snaps, err := capture.Sim(b.Tab(), sim.URL, copts)
	for _, s := range snaps {
		for _, w := range s.Warnings {
			fmt.Fprintf(o.io.ErrOut, "warning: %s\n", w)
		}
		if serr := save(s); serr != nil {
			return serr
		}
	}
	return err
}

// recordLive watches a browser a person drives.
func recordLive(ctx context.Context, o *recordOptions, copts capture.Options, save func(*capture.Snapshot) error) error {
	b, err := browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL})
	if err != nil {
		return err
	}
	defer b.Close()
	if o.BaseURL != "" {
		if err := page.Navigate(b.Tab(), o.BaseURL); err != nil {
			return fmt.Errorf("opening %s: %w", o.BaseURL, err)
		}
	}
	enter := o.enter
	if enter == nil && o.io.IsStdinTTY() {
		enter = readEnter(o.io)
	}
	var pages []string
	for _, p := range copts.Maps.Pages() {
		pages = append(pages, p)
	}
	out := o.io.ErrOut
	fmt.Fprintf(out, "Walk through the portal in the browser window. Each page a map knows (%s) is saved once it has loaded; wait for “saved” before you move on.\n", strings.Join(pages, ", "))
	if enter != nil {
		fmt.Fprintln(out, "Press Enter to save the page as it is now; type q and Enter (or Ctrl-C) to finish.")
	} else {
		fmt.Fprintln(out, "Press Ctrl-C to finish.")
	}
	say := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	return capture.Watch(b.Tab(), copts, enter, save, say)
}

// readEnter turns lines typed at the terminal into saves; q or the end of
// input closes the channel.
func readEnter(ios *iostreams.IOStreams) <-chan struct{} {
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		for {
			line, err := ios.ReadLine()
			if err != nil || strings.EqualFold(strings.TrimSpace(line), "q") {
				return
			}
			ch <- struct{}{}
		}
	}()
	return ch
}

// personalTexts are the texts of a profile that identify the person; a
// recording must show none of them.
func personalTexts(p *profile.Profile) []string {
	a := p.Applicant
	out := []string{a.Name, a.NamePinyin, a.FormerName, a.IDNumber, a.Phone, a.Email,
		a.Address.Detail, a.Address.PostalCode, a.BirthDate.String(), p.Account.Username}
	for _, d := range p.Degrees {
		out = append(out, d.StudentNumber)
	}
	return out
}
