// Package logging builds the zerolog logger every command uses: a readable
// console writer for a person at a terminal, JSON lines for machines.
package logging

import (
	"encoding/json"
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

// FileLevel is the level of the log file kept in every run directory: enough
// to reconstruct a run afterwards without asking the person to repeat it.
const FileLevel = zerolog.DebugLevel

// Tee returns a logger for one run: every entry at FileLevel or above goes
// to file as a JSON line, and those at console's level go on to console in
// its own format. mask (the profile's Redactor) is applied to each entry
// before either sees it, so personal data is masked at every level.
//
// zerolog cannot add a writer to an existing logger, so the console side
// re-logs each entry through console; entries are few (events, warnings),
// so decoding them again costs nothing that matters.
func Tee(console zerolog.Logger, file io.Writer, mask func(string) string) zerolog.Logger {
	if mask == nil {
		mask = func(s string) string { return s }
	}
	level := min(console.GetLevel(), FileLevel)
	return zerolog.New(teeWriter{console, file, mask}).Level(level).With().Timestamp().Logger()
}

type teeWriter struct {
	console zerolog.Logger
	file    io.Writer
	mask    func(string) string
}

func (w teeWriter) Write(p []byte) (int, error) { return w.WriteLevel(zerolog.NoLevel, p) }

func (w teeWriter) WriteLevel(l zerolog.Level, p []byte) (int, error) {
	line := w.mask(string(p))
	var err error
	if l >= FileLevel || l == zerolog.NoLevel {
		_, err = io.WriteString(w.file, line)
	}
	if c := w.console.GetLevel(); c != zerolog.Disabled && (l >= c || l == zerolog.NoLevel) {
		fields := map[string]any{}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		if dec.Decode(&fields) == nil {
			msg, _ := fields[zerolog.MessageFieldName].(string)
			for _, k := range []string{zerolog.MessageFieldName, zerolog.LevelFieldName, zerolog.TimestampFieldName} {
				delete(fields, k)
			}
			w.console.WithLevel(l).Fields(fields).Msg(msg)
		}
	}
	return len(p), err
}
