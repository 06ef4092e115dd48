package main

import (
	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/version"
)

func newRootCmd(a *app) *cobra.Command {
	run := &runOptions{io: a.io, logTo: a.loggerTo}
	root := &cobra.Command{
		Use:   "autofill [--profile FILE]",
		Short: "Fill the CSCSE foreign degree authentication application from your profile",
		Long: `autofill fills the 国(境)外学历学位认证 application on portal.cscse.edu.cn
from a saved profile, in a Chrome window beside you. It fills and reads back
every field, hands you the steps only a person may do (实人认证 face scan,
the 移民局12367 code, captchas) and stops at 确认提交 with a complete draft.

It never submits, never pays and never bypasses an identity check.`,
		Example: `  # Write a profile template, fill it in, then check it
  autofill init me.yaml
  autofill validate me.yaml

  # Rehearse against the built-in portal simulator, then fill for real
  autofill --profile me.yaml --dry-run
  autofill --profile me.yaml

  # See what was entered on each page, with screenshots (the newest run)
  autofill report`,
		Version:       version.String(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.configure(cmd)
		},
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run.ProfilePath == "" {
				return cmd.Help()
			}
			return runRun(cmd.Context(), run)
		},
	}
	root.SetVersionTemplate(version.Long() + "\n")
	root.SetOut(a.io.Out)
	root.SetErr(a.io.ErrOut)
	root.SetIn(a.io.In)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &flagError{err} })

	pf := root.PersistentFlags()
	pf.StringVar(&a.configFile, "config", "", "config file (default: autofill/config.yaml in your user config directory)")
	pf.StringVar(&a.logLevel, "log-level", "info", "log detail: trace, debug, info, warn or error")
	pf.StringVar(&a.logFormat, "log-format", "", "log format: console or json (default: console on a terminal, json otherwise)")
	pf.BoolVar(&a.noColor, "no-color", false, "no colours in output (the NO_COLOR environment variable does the same)")

	addRunFlags(root.Flags(), run)

	root.AddCommand(
		newRunCmd(a, nil),
		newVersionCmd(a),
		newSimCmd(a, nil),
		newValidateCmd(a, nil),
		newInitCmd(a),
		newMaterialsCmd(a),
		withAfterBatch(a, newBatchCmd(a, nil)),
		newRecordCmd(a, nil),
		newCheckCmd(a, nil),
		newStatusCmd(a, nil),
		newCertificateCmd(a, nil),
		newSupplementCmd(a, nil),
		newReviewCmd(a, nil),
		newProbeCmd(a, nil),
	)
	root.AddCommand(newReportCmd(a, nil), newCompletionCmd(a))
	registerCompletions(append(root.Commands(), root)...)
	return root
}
