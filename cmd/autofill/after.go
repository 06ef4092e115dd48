package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/pflag"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
)

// afterOptions are the options every after-submission command shares
// (status, supplement, certificate, review): whose account, which portal,
// which browser, where the report goes.
type afterOptions struct {
	io    *iostreams.IOStreams
	logTo func(io.Writer) zerolog.Logger

	ProfilePath string
	Degree      string
	BaseURL     string
	Headless    bool
	Chrome      string
	UserDataDir string
	RemoteURL   string
	RunDir      string
	Wait        time.Duration
	Selectors   string
	JSON        bool

	// Tests: a tab to use instead of starting a browser, and the password.
	tab      context.Context
	password func(context.Context) (string, error)
}

func addAfterFlags(fs *pflag.FlagSet, o *afterOptions, degreeHelp string) {
	fs.StringVarP(&o.ProfilePath, "profile", "p", "", "the applicant's profile (its account is logged in)")
	if degreeHelp != "" {
		fs.StringVar(&o.Degree, "degree", "", degreeHelp)
	}
	fs.StringVar(&o.BaseURL, "base-url", DefaultBaseURL, "the portal's address")
	fs.BoolVar(&o.Headless, "headless", false, "no browser window (a saved login is needed: nobody can solve the captcha)")
	fs.StringVar(&o.Chrome, "chrome", "", "the Chrome, Chromium or Edge to start (default: found automatically; also $AUTOFILL_CHROME)")
	fs.StringVar(&o.UserDataDir, "user-data-dir", "", "the browser profile directory (default: the one `autofill run` uses for this login)")
	fs.StringVar(&o.RemoteURL, "remote-url", "", "attach to a running Chrome (ws://… or http://host:9222) instead of starting one")
	fs.StringVar(&o.RunDir, "run-dir", "", "where to keep the report (default runs/<time>-<command>)")
	fs.DurationVar(&o.Wait, "wait", 15*time.Minute, "how long to wait for you to solve the captcha")
	fs.StringVar(&o.Selectors, "selectors", "", "page maps to use instead of the built-in ones (a directory of *.yaml)")
	fs.BoolVar(&o.JSON, "json", false, "print the result as JSON on stdout (the default when stdout is not a terminal)")
}

// afterRun is one after-submission command under way: a logged-in session
// on 我的申请 and the report it leaves.
type afterRun struct {
	o     *afterOptions
	p     *profile.Profile
	maps  *pagemap.Set
	red   *profile.Redactor
	sess  *aftercare.Session
	rep   *aftercare.Report
	dir   string
	close func()
}

// loadAfterProfile loads a profile for a command that only logs in: its
// materials may have moved since 提交, so problems under degrees[].materials
// (and supplements:, whose files supplement checks itself) do not stop it;
// any other error does, and then every problem is printed.
func loadAfterProfile(ios *iostreams.IOStreams, path string) (*profile.Profile, error) {
	if path == "" {
		return nil, &flagError{errors.New("--profile is required: the applicant's profile (its account is logged in)")}
	}
	p, list := profile.CheckAt(path, time.Now())
	var blocking []profile.Problem
	for _, pr := range list {
		if pr.Severity == profile.Error && !strings.Contains(pr.Path, ".materials") && !strings.HasPrefix(pr.Path, "supplements") {
			blocking = append(blocking, pr)
		}
	}
	if len(list) > 0 && (p == nil || len(blocking) > 0) {
		printProblems(ios.ErrOut, newPalette(ios.ColorEnabled()), 1, withFile(path, list))
		return nil, exitcode.With(exitcode.BadInput, errSilent)
	}
	return p, nil
}

// start loads the profile and the maps, starts the browser and logs in.
// The caller must call finish.
func (o *afterOptions) start(ctx context.Context, command string) (*afterRun, error) {
	p, err := loadAfterProfile(o.io, o.ProfilePath)
	if err != nil {
		return nil, err
	}
	maps, err := loadMaps(o.Selectors)
	if err != nil {
		return nil, err
	}
	if o.Degree != "" {
		if _, err := p.Degree(o.Degree); err != nil {
			return nil, exitcode.With(exitcode.BadInput, err)
		}
	}
	dir := o.RunDir
	if dir == "" {
		dir = filepath.Join("runs", time.Now().Format("20060102-150405")+"-"+command)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("run directory: %w", err)
	}
	r := &afterRun{o: o, p: p, maps: maps, red: profile.NewRedactor(p), dir: dir, close: func() {},
		rep: &aftercare.Report{Command: command, Profile: o.ProfilePath, Degree: o.Degree, Started: time.Now()}}
	tab := o.tab
	if tab == nil {
		bopts := browser.Options{ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL, UserDataDir: o.UserDataDir}
		if bopts.UserDataDir == "" && bopts.RemoteURL == "" {
			bopts.UserDataDir = defaultBrowserProfile(p.Login())
		}
		b, err := browser.Start(ctx, bopts)
		if err != nil {
			return nil, err
		}
		r.close = func() { _ = b.Close() }
		tab = b.Tab()
	}
	pw := o.password
	if pw == nil {
		pw = passwordSource(o.io)
	}
	log := zerolog.Nop()
	if o.logTo != nil {
		log = o.logTo(r.red.Writer(o.io.ErrOut))
	}
	r.sess, err = aftercare.Login(tab, portal.Options{
		Profile: p, DegreeID: o.Degree, Maps: maps, BaseURL: o.BaseURL, RunDir: dir,
		Password: pw, Wait: o.Wait, Log: log, Sink: humanSink(o.io.ErrOut, r.red),
	})
	if err != nil {
		return r, r.finish(err)
	}
	return r, nil
}

// humanSink tells the person at the terminal what only they can do (the
// captcha), in English and Chinese, and passes warnings on.
func humanSink(w io.Writer, red *profile.Redactor) portal.Sink {
	return portal.SinkFunc(func(e portal.Event) {
		switch e.Type {
		case portal.EvHuman, portal.EvHumanRemind:
			fmt.Fprintf(w, "\a→ %s\n  %s\n", red.String(e.Message), e.MessageZH)
		case portal.EvWarning:
			fmt.Fprintf(w, "warning: %s\n", red.String(e.Message))
		}
	})
}

// finish writes the report (also after an error), closes the browser and
// returns err with personal data masked.
func (r *afterRun) finish(err error) error {
	if err != nil {
		r.rep.Error = r.red.String(err.Error())
	}
	if werr := r.rep.Write(r.dir); werr != nil && err == nil {
		err = werr
	}
	r.close()
	return redactErr(r.red, err)
}

// appOf finds the application of a profile degree among the rows of 我的申请:
// same awarding institution and degree name.
func appOf(apps []*aftercare.Application, d *profile.Degree) *aftercare.Application {
	for _, a := range apps {
		if portal.NormText(a.Institution) == portal.NormText(d.AwardingInstitution) && portal.NormText(a.Degree) == portal.NormText(d.DegreeName) {
			return a
		}
	}
	return nil
}

// degreeIDOf names an application after the profile degree it belongs to,
// else after its degree name.
func degreeIDOf(p *profile.Profile, a *aftercare.Application) string {
	for i := range p.Degrees {
		if appOf([]*aftercare.Application{a}, &p.Degrees[i]) != nil {
			return p.Degrees[i].ID
		}
	}
	return safeName(a.Degree)
}

// pickApp chooses the application a command acts on: the --degree one, else
// the only one that fits want, else an error listing the candidates.
func (r *afterRun) pickApp(apps []*aftercare.Application, want func(*aftercare.Application) bool, what string) (*aftercare.Application, error) {
	if r.o.Degree != "" {
		d, _ := r.p.Degree(r.o.Degree)
		a := appOf(apps, d)
		if a == nil {
			return nil, exitcode.Errorf(exitcode.BadInput, "我的申请 has no application for degree %s (%s, %s)", d.ID, d.AwardingInstitution, d.DegreeName)
		}
		return a, nil
	}
	var fit []*aftercare.Application
	for _, a := range apps {
		if want(a) {
			fit = append(fit, a)
		}
	}
	switch len(fit) {
	case 0:
		return nil, exitcode.Errorf(exitcode.BadInput, "no application %s (run autofill status to see them all)", what)
	case 1:
		return fit[0], nil
	}
	var ids []string
	for _, a := range fit {
		ids = append(ids, a.ID+" "+degreeIDOf(r.p, a))
	}
	return nil, exitcode.Errorf(exitcode.BadInput, "%d applications %s (%s): choose one with --degree ID", len(fit), what, strings.Join(ids, ", "))
}
