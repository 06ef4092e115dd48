package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
)

// consoleSink shows a run to the person: one line per event, masked; with
// --json, JSON lines on stdout instead.
type consoleSink struct {
	io     *iostreams.IOStreams
	red    *profile.Redactor
	json   bool
	quiet  bool
	codes  chan<- string
	mu     sync.Mutex
	asking bool
}

func newConsoleSink(ios *iostreams.IOStreams, red *profile.Redactor, asJSON, quiet bool, codes chan<- string) *consoleSink {
	return &consoleSink{io: ios, red: red, json: asJSON, quiet: quiet, codes: codes}
}

func (s *consoleSink) Emit(e portal.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.json {
		b, _ := json.Marshal(e)
		fmt.Fprintln(s.io.Out, s.red.String(string(b)))
		return
	}
	c := newPalette(s.io.ColorEnabled())
	out := s.io.ErrOut
	switch e.Type {
	case portal.EvPage:
		if !s.quiet {
			fmt.Fprintf(out, "%s %s (%s)\n", c.bold("▶"), e.Title, e.Page)
		}
	case portal.EvField:
		if s.quiet {
			return
		}
		f := e.Field
		mark := map[portal.FieldStatus]string{portal.Filled: c.green("✓"), portal.Already: c.green("="), portal.Skipped: c.dim("·"), portal.Failed: c.red("✗")}[f.Status]
		line := fmt.Sprintf("  %s %s: %s", mark, f.Label, s.red.String(f.Value))
		if f.Note != "" {
			line += c.dim(" (" + f.Note + ")")
		}
		if f.Healed != "" {
			line += c.yellow(" [healed]")
		}
		if f.Error != "" {
			line += " " + c.red(s.red.String(f.Error))
		}
		fmt.Fprintln(out, line)
	case portal.EvHuman, portal.EvHumanRemind:
		fmt.Fprint(out, "\a") // a bell: a person is needed
		fmt.Fprintf(out, "%s %s\n", c.yellow("👤"), e.MessageZH)
		fmt.Fprintf(out, "   %s\n", e.Message)
		if e.File != "" {
			fmt.Fprintf(out, "   QR code: %s\n", e.File)
		}
		if e.Type == portal.EvHuman && e.Human == "face_and_code" {
			s.askCode()
		}
	case portal.EvHumanDone:
		if !s.quiet {
			fmt.Fprintf(out, "  %s done\n", c.green("✓"))
		}
	case portal.EvWarning:
		fmt.Fprintf(out, "  %s %s\n", c.yellow("!"), s.red.String(e.Message))
	case portal.EvInfo:
		if !s.quiet {
			fmt.Fprintf(out, "  %s\n", c.dim(s.red.String(e.Message)))
		}
	}
}

var eightDigits = regexp.MustCompile(`^\d{8}$`)

// askCode reads 12367 codes at the terminal, in the background, while the
// page is watched; the person may type the code in the page instead.
func (s *consoleSink) askCode() {
	if s.asking || !s.io.CanPrompt() || s.codes == nil {
		return
	}
	s.asking = true
	go func() {
		for {
			line, err := s.io.Prompt("   12367 授权码 / authorization code (8 digits; or type it in the page): ")
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if !eightDigits.MatchString(line) {
				fmt.Fprintln(s.io.ErrOut, "   the code has exactly 8 digits; try again")
				continue
			}
			s.codes <- line
			return
		}
	}()
}

// printResult tells the person where things stand and what is left.
func printResult(ios *iostreams.IOStreams, res *portal.Result, err error) {
	if res == nil {
		return
	}
	c := newPalette(ios.ColorEnabled())
	out := ios.ErrOut
	if len(res.Healed) > 0 {
		fmt.Fprintf(out, "%s found by label because their selectors failed (run `autofill check`): %s\n", c.yellow("!"), strings.Join(res.Healed, ", "))
	}
	if err == nil && res.Ready {
		fmt.Fprintf(out, "%s The draft is ready at 确认提交. Left for you:\n", c.green("✓"))
		for i, l := range res.Left {
			fmt.Fprintf(out, "   %d. %s\n", i+1, l)
		}
	}
	fmt.Fprintf(out, "Run directory: %s\n", res.RunDir)
}
