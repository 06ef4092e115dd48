package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/report"
)

type reportOptions struct {
	io *iostreams.IOStreams

	Dir   string // a run directory or a report.html; empty: the newest under Runs
	Runs  string
	Print bool
	JSON  bool

	open    func(path string) error // the desktop's "open this file"
	display func() bool             // is there a screen to open it on?
}

const reportLong = `Open a run's report in your web browser: report.html in the run directory,
one section per page with its screenshot, every field with the value entered
(ID numbers and phones masked), where in the profile it came from and whether
it was filled and verified, skipped or failed; the steps you did, errors with
what to do, and at the top what is left for you.

Without RUN_DIR it opens the newest report under runs/. Without a display
(an SSH session, a server) it prints the report's path instead; copy the file
to a computer with a browser: it is one self-contained file, with the
screenshots inside, that needs no network.`

const reportExamples = `  # The report of the last run
  autofill report

  # The report of one run
  autofill report runs/20250601-093000-msc

  # Only print where it is (for scripts, or to send it on)
  autofill report --print

  # The report as JSON, e.g. the outcome and what is left to do
  autofill report --json runs/20250601-093000-msc | jq '.outcome, .left'`

func newReportCmd(a *app, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{io: a.io, open: openFile, display: hasDisplay}
	cmd := &cobra.Command{
		Use:     "report [RUN_DIR]",
		Short:   "Open the report of a run (the newest one by default)",
		Long:    reportLong,
		Example: reportExamples,
		Args:    usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Runs, "runs", "", "where the run directories are, to find the newest (default runs/ here, else the per-user runs folder)")
	cmd.Flags().BoolVar(&opts.Print, "print", false, "print the report's path instead of opening it")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print report.json on stdout instead of opening the HTML report")
	return cmd
}

func runReport(o *reportOptions) error {
	if o.Runs == "" {
		o.Runs = existingRunsRoot()
	}
	path, err := findReport(o.Dir, o.Runs)
	if err != nil {
		return err
	}
	if o.JSON {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), report.JSONFile))
		if err != nil {
			return fmt.Errorf("%v; the run wrote no report.json (was it made by an older autofill?)", err)
		}
		_, err = o.io.Out.Write(b)
		return err
	}
	if o.Print || !o.display() {
		fmt.Fprintln(o.io.Out, path)
		if !o.Print {
			fmt.Fprintln(o.io.ErrOut, "no display to open it on: copy the file to a computer with a web browser (it is self-contained)")
		}
		return nil
	}
	if err := o.open(path); err != nil {
		fmt.Fprintln(o.io.Out, path)
		return fmt.Errorf("could not open the report in a browser (%v); open the file above yourself", err)
	}
	fmt.Fprintf(o.io.ErrOut, "opened %s in your browser\n", path)
	return nil
}

// findReport resolves a run directory, a report file or, when arg is
// empty, the newest report under runs.
func findReport(arg, runs string) (string, error) {
	if arg == "" {
		p, err := report.Latest(runs)
		return p, exitcode.With(exitcode.BadInput, err)
	}
	fi, err := os.Stat(arg)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", exitcode.Errorf(exitcode.BadInput, "%s does not exist; pass a run directory (runs/<time>-<degree>) or leave it out for the newest run", arg)
		}
		return "", err
	}
	path := arg
	if fi.IsDir() {
		path = filepath.Join(arg, report.HTMLFile)
	}
	if _, err := os.Stat(path); err != nil {
		return "", exitcode.Errorf(exitcode.BadInput, "no %s in %s: is it a run directory? Every run writes its report there, even one that failed", report.HTMLFile, arg)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return path, nil
}

// hasDisplay tells whether a browser window can appear: always on macOS
// and Windows, on other systems only inside a graphical session.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "darwin", "windows":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// openFile asks the desktop to open path with the default browser.
func openFile(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if s := strings.TrimSpace(stderr.String()); s != "" {
			return fmt.Errorf("%s: %v: %s", cmd.Args[0], err, s)
		}
		return fmt.Errorf("%s: %w", cmd.Args[0], err)
	}
	return nil
}
