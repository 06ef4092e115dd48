package main

import (
	"io"
	"regexp"
	"strings"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/logging"
)

// The run's console is progressui.Run; what is left here is what it needs
// from the command: the logger and the command line that continues a run.

// loggerTo builds the command's logger (--log-level, --log-format,
// --no-color) writing to w: the run sends its logs through the redactor and
// above the live checklist.
func (a *app) loggerTo(w io.Writer) zerolog.Logger {
	l, err := logging.New(w, a.logOptions())
	if err != nil { // configure already refused bad options
		return a.log
	}
	return l
}

// againCommand is the command line that continues this run: the same
// profile and degree, and the same run directory so its state is reused.
func againCommand(o *runOptions, runDir string) string {
	args := []string{"autofill", "--profile", shellQuote(o.ProfilePath)}
	if o.Degree != "" {
		args = append(args, "--degree", shellQuote(o.Degree))
	}
	if o.DryRun {
		args = append(args, "--dry-run")
	}
	return strings.Join(append(args, "--run-dir", shellQuote(runDir)), " ")
}

var plainArg = regexp.MustCompile(`^[A-Za-z0-9._/:@%+=,-]+$`)

func shellQuote(s string) string {
	if plainArg.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
