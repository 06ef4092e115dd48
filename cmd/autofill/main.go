// Command autofill fills the CSCSE foreign degree authentication application
// (国(境)外学历学位认证) from a saved profile, in a Chrome window beside the
// applicant. It never submits and never pays. Run `autofill --help`.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

func main() {
	os.Exit(mainRun(iostreams.System(), os.Args[1:]))
}

// mainRun runs one command line and returns the exit code; tests call it.
func mainRun(ios *iostreams.IOStreams, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	root := newRootCmd(newApp(ios))
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitcode.OK
	}
	if ctx.Err() != nil {
		fmt.Fprintln(ios.ErrOut, "autofill: interrupted; nothing was submitted. Run the same command again to continue where it stopped.")
		return exitcode.Interrupted
	}
	var fe *flagError
	if errors.As(err, &fe) {
		fmt.Fprintf(ios.ErrOut, "autofill: %v\n\n%s", fe.err, cmd.UsageString())
		return exitcode.BadInput
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintf(ios.ErrOut, "autofill: %v\n", err)
	}
	return exitcode.Of(err)
}

// errSilent marks an error whose details the command already printed; main
// only turns it into an exit code.
var errSilent = errors.New("reported above")

// flagError is a command-line mistake: main prints it with the usage.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }
