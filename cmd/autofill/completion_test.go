package main

import (
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "__autofill_debug", "zsh": "#compdef autofill", "fish": "complete -c autofill", "powershell": "Register-ArgumentCompleter",
	} {
		code, out, _ := execute(t, "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, output lacks %q", shell, code, want)
		}
	}
	if code, _, errOut := execute(t, "completion", "tcsh"); code != exitcode.BadInput || !strings.Contains(errOut, "Usage:") {
		t.Errorf("unknown shell: exit %d\n%s", code, errOut)
	}
}

// --degree completes the degree ids of the profile given with --profile.
func TestCompleteDegree(t *testing.T) {
	code, out, _ := execute(t, "__complete", "--profile", exampleProfile, "--degree", "")
	if code != 0 || !strings.HasPrefix(out, "msc\tMaster of Science") {
		t.Errorf("exit %d: %q", code, out)
	}
}
