package progressui

import (
	"fmt"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
)

// eventLine is an event as a line of its own, for a log or a pipe where no
// checklist is drawn; "" for events that have none.
func eventLine(c *iostreams.ColorScheme, e portal.Event) string {
	switch e.Type {
	case portal.EvPage:
		return fmt.Sprintf("%s %s (%s)", c.Bold("▶"), e.Title, e.Page)
	case portal.EvField:
		return fieldLine(c, *e.Field)
	case portal.EvHumanDone:
		return fmt.Sprintf("  %s 完成 done", c.Green("✓"))
	case portal.EvInfo:
		return "  " + c.Dim(iostreams.Escape(e.Message))
	}
	return ""
}

func fieldLine(c *iostreams.ColorScheme, f portal.FieldReport) string {
	mark := map[portal.FieldStatus]string{portal.Filled: c.Green("✓"), portal.Already: c.Green("="), portal.Skipped: c.Dim("·"), portal.Failed: c.Red("✗")}[f.Status]
	line := fmt.Sprintf("  %s %s: %s", mark, f.Label, iostreams.Escape(f.Value))
	if f.Note != "" {
		line += c.Dim(" (" + iostreams.Escape(f.Note) + ")")
	}
	if f.Healed != "" {
		line += c.Yellow(" [found by label: selector failed]")
	}
	if f.Error != "" {
		line += " " + c.Red(f.Error)
	}
	return line
}
