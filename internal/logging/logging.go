// Package logging builds the zerolog logger every command uses: a readable
// console writer for a person at a terminal, JSON lines for machines.
package logging

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// Formats accepted by --log-format.
const (
	FormatAuto    = ""        // console on a terminal, JSON otherwise
	FormatConsole = "console" // always human-readable
	FormatJSON    = "json"    // always JSON lines
)

// Options say how to log.
type Options struct {
	Level  string // trace|debug|info|warn|error; empty means info
	Format string // FormatAuto, FormatConsole or FormatJSON
	TTY    bool   // the writer is a terminal
	Color  bool   // colours allowed (console format only)
}

// New returns a logger writing to w. Invalid options are reported with the
// accepted values, so a typo in --log-level teaches the right spelling.
func New(w io.Writer, o Options) (zerolog.Logger, error) {
	level := zerolog.InfoLevel
	if o.Level != "" {
		l, err := zerolog.ParseLevel(strings.ToLower(o.Level))
		if err != nil || l == zerolog.NoLevel {
			return zerolog.Nop(), fmt.Errorf("--log-level %q: use one of trace, debug, info, warn, error", o.Level)
		}
		level = l
	}
	var out io.Writer
	switch strings.ToLower(o.Format) {
	case FormatAuto:
		out = w
		if o.TTY {
			out = console(w, o.Color)
		}
	case FormatConsole:
		out = console(w, o.Color)
	case FormatJSON:
		out = w
	default:
		return zerolog.Nop(), fmt.Errorf("--log-format %q: use console or json", o.Format)
	}
	return zerolog.New(out).Level(level).With().Timestamp().Logger(), nil
}

func console(w io.Writer, color bool) io.Writer {
	return zerolog.ConsoleWriter{Out: w, NoColor: !color, TimeFormat: time.TimeOnly}
}
