package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/aftercare"
	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// lockedWriter serialises writes of goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// The batch forms of status and certificate: one browser, one isolated tab
// (own cookies) per applicant, a few applicants at a time.

// Files of batch status, in its run directory.
const (
	StatusCSV  = "status.csv"
	StatusJSON = "status.json"
)

type batchAfterOptions struct {
	afterOptions
	Profiles  []string
	Passwords string
	Parallel  int
	Out       string // certificate: where the PDFs go

	b *browser.Browser // tests: the browser to open tabs in
}

const batchStatusLong = `Read where every application of many applicants stands, as ` + "`autofill status`" + `
does for one: each profile's account is logged in, in a browser context of
its own, and every row of 我的申请 and its 查看 page is read. Nothing changes
on the portal.

DIR/status.csv and DIR/status.json list every application; whoever has an
open 补交材料 request comes first, soonest deadline first, with the days
left. Each applicant's report is in DIR/<profile>/report.json. A profile that
cannot be read or logged in gets a row with its error; the others go on.

Passwords: --passwords FILE as for ` + "`autofill batch`" + ` (chmod 600); AUTOFILL_PASSWORD
for anyone the file does not list.

Exit status: 0 every account read, 1 some failed, 2 bad flags.`

const batchStatusExamples = `  # Every client, 4 at a time; open 补交材料 requests on top of status.csv
  autofill batch status --passwords passwords.yaml --run-dir runs/status clients/*.yaml

  # Headless, for a nightly job (saved logins needed when the portal asks for a captcha)
  autofill batch status --headless --passwords passwords.csv clients/*.yaml`

const batchCertificateLong = `Download every ready electronic 认证书 of many applicants, as ` + "`autofill certificate`" + `
does for one, into --out (named <degree>-<number>.pdf). Applicants
whose applications are not 认证完成 yet are listed and skipped.

Exit status: 0 done, 1 some failed, 2 bad flags.`

const batchCertificateExamples = `  autofill batch certificate --passwords passwords.yaml --out certificates/ clients/*.yaml`

// withAfterBatch adds the after-submission forms to the batch command.
func withAfterBatch(a *app, batchCmd *cobra.Command) *cobra.Command {
	batchCmd.AddCommand(newBatchStatusCmd(a, nil), newBatchCertificateCmd(a, nil))
	return batchCmd
}

func addBatchAfterFlags(cmd *cobra.Command, o *batchAfterOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Passwords, "passwords", "", "file of username → password, YAML or .csv, chmod 600 (AUTOFILL_PASSWORD covers anyone not listed)")
	f.IntVar(&o.Parallel, "parallel", 4, "applicants read at once (each in its own browser context)")
	f.StringVar(&o.BaseURL, "base-url", DefaultBaseURL, "the portal's address")
	f.BoolVar(&o.Headless, "headless", false, "no browser window (nobody can solve a captcha then)")
	f.StringVar(&o.Chrome, "chrome", "", "the Chrome, Chromium or Edge to start (default: found automatically; also $AUTOFILL_CHROME)")
	f.StringVar(&o.RemoteURL, "remote-url", "", "attach to a running Chrome (ws://… or http://host:9222) instead of starting one")
	f.StringVar(&o.RunDir, "run-dir", "", "the batch directory (default runs/batch-<command>-<time>)")
	f.DurationVar(&o.Wait, "wait", 15*time.Minute, "how long a captcha may take before that applicant is skipped")
	f.StringVar(&o.Selectors, "selectors", "", "page maps to use instead of the built-in ones (a directory of *.yaml)")
	f.BoolVar(&o.JSON, "json", false, "print the rows as JSON on stdout (the default when stdout is not a terminal)")
}

func newBatchStatusCmd(a *app, runF func(context.Context, *batchAfterOptions) error) *cobra.Command {
	o := &batchAfterOptions{afterOptions: afterOptions{io: a.io, logTo: a.loggerTo}}
	cmd := &cobra.Command{
		Use:     "status PROFILE...",
		Short:   "Read the status of every applicant's applications; open 补交材料 requests first",
		Long:    batchStatusLong,
		Example: batchStatusExamples,
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Profiles = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runBatchStatus(cmd.Context(), o)
		},
	}
	addBatchAfterFlags(cmd, o)
	return cmd
}

func newBatchCertificateCmd(a *app, runF func(context.Context, *batchAfterOptions) error) *cobra.Command {
	o := &batchAfterOptions{afterOptions: afterOptions{io: a.io, logTo: a.loggerTo}}
	cmd := &cobra.Command{
		Use:     "certificate --out DIR PROFILE...",
		Short:   "Download every applicant's ready electronic 认证书",
		Long:    batchCertificateLong,
		Example: batchCertificateExamples,
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Profiles = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runBatchCertificate(cmd.Context(), o)
		},
	}
	addBatchAfterFlags(cmd, o)
	cmd.Flags().StringVar(&o.Out, "out", "certificates", "the folder to save the PDFs in (created 0700)")
	return cmd
}

// eachApplicant runs do for every profile, o.Parallel at a time, each in an
// isolated tab of one browser, with the run directory DIR/<profile>. It
// returns the batch directory and the errors by profile.
func (o *batchAfterOptions) eachApplicant(ctx context.Context, command string, do func(file string, r *afterRun) error) (string, map[string]error, error) {
	if o.Parallel < 1 {
		return "", nil, &flagError{fmt.Errorf("--parallel %d: at least 1", o.Parallel)}
	}
	pws, err := batch.LoadPasswords(o.Passwords, os.Getenv("AUTOFILL_PASSWORD"))
	if err != nil {
		return "", nil, err
	}
	dir := o.RunDir
	if dir == "" {
		dir = filepath.Join("runs", "batch-"+command+"-"+time.Now().Format("20060102-150405"))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, err
	}
	b := o.b
	if b == nil {
		if b, err = browser.Start(ctx, browser.Options{ExecPath: o.Chrome, Headless: o.Headless, RemoteURL: o.RemoteURL}); err != nil {
			return "", nil, err
		}
		defer b.Close()
	}
	// Applicants run side by side: one lock for what they print.
	ios := *o.io
	ios.ErrOut = &lockedWriter{w: o.io.ErrOut}
	errs := map[string]error{}
	var mu sync.Mutex
	sem := make(chan struct{}, o.Parallel)
	var wg sync.WaitGroup
	for _, file := range o.Profiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			err := o.oneApplicant(ctx, &ios, b, pws, dir, file, command, do)
			mu.Lock()
			errs[file] = err
			mu.Unlock()
			if err != nil {
				fmt.Fprintf(ios.ErrOut, "%s: %v\n", file, err)
			}
		}()
	}
	wg.Wait()
	return dir, errs, ctx.Err()
}

func (o *batchAfterOptions) oneApplicant(ctx context.Context, ios *iostreams.IOStreams, b *browser.Browser, pws *batch.Passwords, dir, file, command string, do func(string, *afterRun) error) error {
	tab, cancel := b.NewIsolatedTab()
	defer cancel()
	one := o.afterOptions
	one.io = ios
	one.ProfilePath, one.RunDir, one.tab = file, filepath.Join(dir, batch.SafeName(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))), tab
	p, err := loadAfterProfile(ios, file)
	if err != nil {
		if errors.Is(err, errSilent) {
			return exitcode.Errorf(exitcode.BadInput, "invalid profile (problems above)")
		}
		return err
	}
	pw, ok := pws.Lookup(p.Login())
	if !ok {
		return exitcode.Errorf(exitcode.Parked, "%s", pws.Missing(p.Login()))
	}
	one.password = func(context.Context) (string, error) { return pw, nil }
	r, err := one.start(ctx, command)
	if err != nil {
		return err
	}
	return r.finish(do(file, r))
}

func runBatchStatus(ctx context.Context, o *batchAfterOptions) error {
	var mu sync.Mutex
	var rows []statusRow
	dir, errs, err := o.eachApplicant(ctx, "status", func(file string, r *afterRun) error {
		apps, err := r.sess.Status()
		r.rep.Applications = apps
		mu.Lock()
		rows = append(rows, statusRows(r.p, file, apps)...)
		mu.Unlock()
		return err
	})
	if err != nil {
		return err
	}
	for file, e := range errs {
		if e != nil {
			rows = append(rows, statusRow{Profile: file, Error: e.Error()})
		}
	}
	sortStatusRows(rows, o.Profiles)
	if err := writeStatusFiles(dir, rows); err != nil {
		return err
	}
	if o.JSON || !o.io.IsStdoutTTY() {
		if err := writeJSONTo(o.io.Out, map[string]any{"applications": rows, "run_dir": dir}); err != nil {
			return err
		}
	} else {
		writeStatusTable(o.io.Out, rows, true)
	}
	fmt.Fprintf(o.io.ErrOut, "status of %d applications of %d applicants: %s\n", len(rows), len(o.Profiles), filepath.Join(dir, StatusCSV))
	return batchErr(errs)
}

func runBatchCertificate(ctx context.Context, o *batchAfterOptions) error {
	var mu sync.Mutex
	var certs []aftercare.Certificate
	_, errs, err := o.eachApplicant(ctx, "certificate", func(file string, r *afterRun) error {
		cs, err := fetchCertificates(r, o.Out)
		r.rep.Certificates = cs
		mu.Lock()
		certs = append(certs, cs...)
		mu.Unlock()
		if exitcode.Of(err) == exitcode.Parked {
			fmt.Fprintf(o.io.ErrOut, "%s: %v\n", file, err)
			return nil // not ready yet is no failure of the batch
		}
		return err
	})
	if err != nil {
		return err
	}
	sort.Slice(certs, func(i, j int) bool { return certs[i].Path < certs[j].Path })
	if o.JSON || !o.io.IsStdoutTTY() {
		if err := writeJSONTo(o.io.Out, map[string]any{"certificates": certs}); err != nil {
			return err
		}
	} else {
		for _, c := range certs {
			fmt.Fprintf(o.io.Out, "%s  %s\n", c.Path, c.Number)
		}
	}
	return batchErr(errs)
}

// batchErr is the batch's verdict: failures first, then bad profiles.
func batchErr(errs map[string]error) error {
	n := 0
	for _, e := range errs {
		if e != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return exitcode.Errorf(exitcode.Failure, "%d of %d applicants failed (see above and their report.json)", n, len(errs))
}

// sortStatusRows puts open 补交材料 requests first (fewest days left
// first), then the rest in profile order.
func sortStatusRows(rows []statusRow, order []string) {
	pos := map[string]int{}
	for i, f := range order {
		pos[f] = i
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		oa, ob := a.Request != "" && a.Status == aftercare.StatusSupplement, b.Request != "" && b.Status == aftercare.StatusSupplement
		if oa != ob {
			return oa
		}
		if oa && a.DaysLeft != nil && b.DaysLeft != nil && *a.DaysLeft != *b.DaysLeft {
			return *a.DaysLeft < *b.DaysLeft
		}
		if pos[a.Profile] != pos[b.Profile] {
			return pos[a.Profile] < pos[b.Profile]
		}
		return a.App < b.App
	})
}

// writeStatusFiles writes status.csv and status.json (0600: they name
// people's applications).
func writeStatusFiles(dir string, rows []statusRow) error {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"profile", "degree", "app", "institution", "degree_name", "status", "expected",
		"request", "request_text", "request_files", "deadline", "days_left", "certificate_ready", "certificate", "error"})
	for _, r := range rows {
		days := ""
		if r.DaysLeft != nil {
			days = strconv.Itoa(*r.DaysLeft)
		}
		_ = w.Write([]string{r.Profile, r.Degree, r.App, r.Institution, r.DegreeName, r.Status, r.Expected,
			r.Request, r.RequestText, r.Files, r.Deadline, days, strconv.FormatBool(r.CertificateReady), r.Certificate, r.Error})
	}
	w.Flush()
	if err := atomicfile.Write(filepath.Join(dir, StatusCSV), []byte(b.String()), 0o600); err != nil {
		return err
	}
	var jb strings.Builder
	if err := writeJSONTo(&jb, rows); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, StatusJSON), []byte(jb.String()), 0o600)
}
