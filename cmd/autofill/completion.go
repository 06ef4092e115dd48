package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/profile"
)

const completionLong = `Print a script that lets your shell complete autofill's commands, flags and
values when you press Tab: --profile offers your profile files, --degree the
degree ids inside the chosen profile, --run-dir directories.

Load it once to try it, or install it so every new shell has it:

  bash        source <(autofill completion bash)
              autofill completion bash > ~/.local/share/bash-completion/completions/autofill
              (needs the bash-completion package; on macOS: brew install bash-completion@2)

  zsh         autofill completion zsh > "${fpath[1]}/_autofill"
              (if completion is off: add "autoload -U compinit; compinit" to ~/.zshrc)

  fish        autofill completion fish > ~/.config/fish/completions/autofill.fish

  PowerShell  autofill completion powershell | Out-String | Invoke-Expression
              (add that line to $PROFILE to keep it)

Open a new shell afterwards.`

const completionExamples = `  # Try it in this bash session
  source <(autofill completion bash)

  # Then: autofill --profile <Tab> lists your profiles, --degree <Tab> their degrees
  autofill --profile me.yaml --degree <Tab>`

func newCompletionCmd(_ *app) *cobra.Command {
	return &cobra.Command{
		Use:                   "completion bash|zsh|fish|powershell",
		Short:                 "Tab completion for your shell (bash, zsh, fish, PowerShell)",
		Long:                  completionLong,
		Example:               completionExamples,
		ValidArgs:             []string{"bash", "zsh", "fish", "powershell"},
		Args:                  usageArgs(cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs)),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), cmd.OutOrStdout()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return fmt.Errorf("unknown shell %q", args[0])
		},
	}
}

// registerCompletions teaches the shell what the run flags take: profile
// files for --profile, the profile's degree ids for --degree, directories
// for --run-dir and --selectors.
func registerCompletions(cmds ...*cobra.Command) {
	for _, c := range cmds {
		if c == nil || c.Flags().Lookup("profile") == nil {
			continue
		}
		_ = c.MarkFlagFilename("profile", "yaml", "yml", "json", "toml")
		for _, dir := range []string{"run-dir", "selectors", "user-data-dir"} {
			if c.Flags().Lookup(dir) != nil {
				_ = c.MarkFlagDirname(dir)
			}
		}
		_ = c.RegisterFlagCompletionFunc("degree", func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
			path, _ := cmd.Flags().GetString("profile")
			if path == "" {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			p, err := profile.Load(path)
			if err != nil || p == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, d := range p.Degrees {
				ids = append(ids, d.ID+"\t"+d.DegreeName+", "+d.AwardingInstitution)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		})
	}
}
