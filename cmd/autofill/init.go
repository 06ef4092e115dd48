package main

import (
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
}

func newInitCmd(a *app) *cobra.Command {
	opts := &initOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented profile template",
		Long: `Init writes a profile template with a comment on every field, in Chinese and
English. Fill in every "" and check the result with autofill validate.

The file is created readable by you only (mode 0600): it will hold your ID
number. Windows has no such mode: there keep it in your own user folder
(C:\Users\<you>), which other users cannot open; autofill skips its
file-permission checks on Windows. An existing file is never overwritten unless you pass --force.
Without FILE the template goes to standard output.`,
		Example: `  autofill init me.yaml
  autofill init > me.yaml
  autofill init --force me.yaml   # start over`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.file = args[0]
			}
			return runInit(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.force, "force", "f", false, "overwrite FILE if it exists")
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
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if o.force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(o.file, flags, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return exitcode.Errorf(exitcode.BadInput, "%s already exists; edit it, or pass --force to replace it with a new template", o.file)
	}
	if err != nil {
		return exitcode.Errorf(exitcode.BadInput, "cannot create %s: %v", o.file, unwrapPath(err))
	}
	_, werr := f.Write(tmpl)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("writing %s: %w", o.file, err)
	}
	// --force over an old file keeps its mode; the template is about to hold an ID number.
	if err := os.Chmod(o.file, 0o600); err != nil {
		return fmt.Errorf("making %s private: %w", o.file, err)
	}
	fmt.Fprintf(o.io.Out, `Wrote %[1]s (%[2]s).

Next:
  1. Fill in every "" in %[1]s; the comments say what each field takes.
  2. Put your upload files next to it (e.g. materials/photo.jpg) and list them
     under degrees → materials.
  3. Check it:                autofill validate %[1]s
  4. Practise on the simulator: autofill --profile %[1]s --dry-run
`, o.file, privacyNote())
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
