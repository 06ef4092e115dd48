// Package iostreams is the one place that knows where autofill reads and
// writes and whether a person is at the other end. Commands take an
// *IOStreams instead of touching os.Stdout, so tests run them without a
// terminal (after cli/cli's iostreams). It also owns what a terminal is
// told: colours ([ColorScheme]: NO_COLOR, CLICOLOR_FORCE), the size
// ([IOStreams.TerminalSize]) and lines redrawn in place ([Region]); no
// other package writes an escape sequence (a test checks).
package iostreams

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams bundles the standard streams with what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	colorEnabled                   bool
	// noVT: stderr is a Windows console that refused ANSI escape
	// processing (before Windows 10), so no colours or in-place redraws.
	noVT bool

	// size is the terminal's size; tests fix it (SetSize).
	size func() (w, h int)

	// readPassword reads a line without echo; tests replace it.
	readPassword func() (string, error)
	lines        *bufio.Reader
}

// System returns the process's streams. Colour is on when stderr is a
// terminal that speaks ANSI (on Windows once VT processing is turned on),
// NO_COLOR is unset and TERM is not "dumb"; CLICOLOR_FORCE turns it on
// anyway (color.go).
func System() *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	if s.stdoutTTY {
		enableVT(os.Stdout) // validate's colours go to stdout
	}
	s.noVT = s.stderrTTY && !enableVT(os.Stderr)
	s.colorEnabled = colorFromEnv(s.IsStderrVT())
	s.size = func() (int, int) {
		for _, f := range []*os.File{os.Stderr, os.Stdout} {
			if w, h, err := term.GetSize(int(f.Fd())); err == nil {
				return w, h
			}
		}
		return 0, 0
	}
	s.readPassword = func() (string, error) {
		b, err := term.ReadPassword(int(os.Stdin.Fd()))
		return string(b), err
	}
	return s
}

// Test returns streams backed by buffers, none of them a terminal.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut}
	s.readPassword = func() (string, error) { return s.ReadLine() }
	return s, in, out, errOut
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// TerminalSize is the terminal's width and height in columns and lines,
// read anew on every call so a resized window is drawn right at the next
// redraw; 0, 0 when there is no terminal.
func (s *IOStreams) TerminalSize() (w, h int) {
	if s.size == nil {
		return 0, 0
	}
	return s.size()
}

// SetSize fixes the terminal's size (for tests).
func (s *IOStreams) SetSize(w, h int) { s.size = func() (int, int) { return w, h } }

// SetTTY marks all three streams as terminals or not (for tests).
func (s *IOStreams) SetTTY(tty bool) { s.stdinTTY, s.stdoutTTY, s.stderrTTY = tty, tty, tty }

// IsStdinTTY reports whether a person can answer prompts.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether stdout is read by a person (tables, progress).
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether stderr is read by a person (logs, prompts).
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// IsStderrVT reports whether stderr is a terminal that understands ANSI
// escape sequences, so the checklist can be redrawn in place; an old
// Windows console gets plain lines instead.
func (s *IOStreams) IsStderrVT() bool { return s.stderrTTY && !s.noVT }

// CanPrompt reports whether asking a question makes sense: someone is typing
// at stdin and reading stderr.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stderrTTY }

// ColorEnabled reports whether output may carry ANSI colours.
func (s *IOStreams) ColorEnabled() bool { return s.colorEnabled }

// SetColorEnabled turns colours on or off (--no-color, NO_COLOR).
func (s *IOStreams) SetColorEnabled(on bool) { s.colorEnabled = on }

// ErrNoPrompt is returned by the prompt helpers when nobody can answer.
var ErrNoPrompt = errors.New("no terminal to ask on: stdin is not a terminal")

// ReadLine reads one line from In, without its line ending.
func (s *IOStreams) ReadLine() (string, error) {
	if s.lines == nil {
		s.lines = bufio.NewReader(s.In)
	}
	line, err := s.lines.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// Prompt writes question to ErrOut and reads the answer from In.
func (s *IOStreams) Prompt(question string) (string, error) {
	fmt.Fprint(s.ErrOut, question)
	return s.ReadLine()
}

// PromptPassword asks without echoing what is typed. It refuses when stdin is
// not a terminal, so a secret never comes from a pipe by accident.
func (s *IOStreams) PromptPassword(question string) (string, error) {
	if !s.stdinTTY && s.In == os.Stdin {
		return "", ErrNoPrompt
	}
	fmt.Fprint(s.ErrOut, question)
	pw, err := s.readPassword()
	fmt.Fprintln(s.ErrOut)
	return pw, err
}
