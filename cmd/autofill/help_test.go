package main

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/iostreams"
)

// Help that teaches: every command a person can run shows examples and says
// more than one line about itself.
func TestEveryCommandHasExamples(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		if c.Example == "" {
			t.Errorf("`%s --help` has no examples", c.CommandPath())
		}
		if c.Long == "" {
			t.Errorf("`%s --help` has no description beyond its one line", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(newApp(ios)))
}
