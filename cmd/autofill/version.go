package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/version"
)

type versionOptions struct {
	io *iostreams.IOStreams
}

func newVersionCmd(a *app) *cobra.Command {
	opts := &versionOptions{io: a.io}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of autofill",
		Long: `Print the version of autofill, the Go release it was built with and the
platform. Run reports and recordings carry the same version; quote it when
you report a problem.`,
		Example: `  autofill version
  autofill --version`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runVersion(opts)
		},
	}
}

func runVersion(o *versionOptions) error {
	_, err := fmt.Fprintln(o.io.Out, version.Long())
	return err
}
