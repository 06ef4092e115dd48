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
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runVersion(opts)
		},
	}
}

func runVersion(o *versionOptions) error {
	_, err := fmt.Fprintln(o.io.Out, version.Long())
	return err
}
