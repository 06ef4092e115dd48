package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/profile"
)

type initOptions struct {
	io    *iostreams.IOStreams
	file  string // "" writes to stdout
	force bool

	interactive bool // ask the questions (the default on a terminal)
	template    bool // write the commented template, even on a terminal
	accessible  bool // plain line-by-line questions, for screen readers
	ctx         context.Context
}

func newInitCmd(a *app) *cobra.Command {
	opts := &initOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write your profile: a guided interview, or a commented template",
		Long: `Init writes your profile. On a terminal it interviews you, in Chinese with
English beside it, one section at a time: you, your account, each degree and
its materials, your study history. Where the portal offers choices you pick
from them (regions, 学位层次, 学科门类); institutions are checked against
CSCSE's list as you type them, and every answer is checked with the same
rules as autofill validate, so a mistake is asked again at once. At the end
the profile is written with the template's comments, then validated and its
materials checked.

Ctrl-C keeps your answers in FILE.draft; run the same command again to
continue where you stopped.

Off a terminal, or with --template, init writes the commented template
instead: fill in every "" and check the result with autofill validate.
Without FILE the template goes to standard output (the interview writes
me.yaml).

The file is created readable by you only (mode 0600): it will hold your ID
number. An existing file is never overwritten unless you pass --force.`,
		Example: `  autofill init me.yaml                # the interview, on a terminal
  autofill init --accessible me.yaml   # plain questions, one per line (screen readers)
  autofill init --template me.yaml     # the commented template, to fill in an editor
  autofill init > me.yaml              # the template on standard output
  autofill init --force me.yaml        # start over`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.file = args[0]
			}
			opts.ctx = cmd.Context()
			if !cmd.Flags().Changed("interactive") {
				opts.interactive = !opts.template && a.io.CanPrompt() && a.io.IsStdoutTTY()
			}
			if opts.interactive && opts.template {
				return &flagError{errors.New("--interactive and --template exclude each other")}
			}
			// Screen readers and dumb terminals get plain lines, as NO_COLOR asks.
			if !a.io.ColorEnabled() || os.Getenv("TERM") == "dumb" {
				opts.accessible = true
			}
			if opts.interactive {
				if !a.io.CanPrompt() {
					return exitcode.Errorf(exitcode.BadInput, "the interview needs a terminal to ask on; off a terminal, use --template and fill the file in an editor")
				}
				return runInterview(opts)
			}
			return runInit(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.force, "force", "f", false, "overwrite FILE if it exists")
	cmd.Flags().BoolVarP(&opts.interactive, "interactive", "i", false, "ask the questions (the default on a terminal)")
	cmd.Flags().BoolVar(&opts.template, "template", false, "write the commented template instead of asking")
	cmd.Flags().BoolVar(&opts.accessible, "accessible", false, "ask in plain lines, one question at a time, for screen readers (also with NO_COLOR, --no-color or TERM=dumb)")
	return cmd
}

func runInit(o *initOptions) error {
	tmpl := profile.Template()
	if o.file == "" {
		if _, err := o.io.Out.Write(tmpl); err != nil {
			return err
		}
		fmt.Fprintln(o.io.ErrOut, `autofill: wrote a profile template to standard output. Save it readable by you only
(chmod 600: it will hold your ID number), fill in every "", then run: autofill validate FILE`)
		return nil
	}
	if ext := strings.ToLower(filepath.Ext(o.file)); ext != ".yaml" && ext != ".yml" {
		return exitcode.Errorf(exitcode.BadInput, "%s: the template is YAML; name the file .yaml (for example me.yaml)", o.file)
	}
	if err := writePrivate(o.file, tmpl, o.force); err != nil {
		return err
	}
	fmt.Fprintf(o.io.Out, `Wrote %[1]s (readable by you only).

Next:
  1. Fill in every "" in %[1]s; the comments say what each field takes.
  2. Put your upload files next to it (e.g. materials/photo.jpg) and list them
     under degrees → materials.
  3. Check it:                autofill validate %[1]s
  4. Practise on the simulator: autofill --profile %[1]s --dry-run
`, o.file)
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
