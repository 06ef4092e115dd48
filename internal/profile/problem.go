package profile

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops a run (Error) or only deserves a look
// (Warning).
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes "error" or "warning", for --json output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("severity %q: use error or warning", b)
	}
	return nil
}

// Problem is one thing wrong with a profile: where (a field path such as
// "degrees[0].award_date" and, when known, the file's line), what, and how to
// fix it.
type Problem struct {
	Path     string   `json:"path"`
	Line     int      `json:"line,omitempty"`   // 0 when unknown
	Column   int      `json:"column,omitempty"` // syntax errors only, 0 when unknown
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats the problem as "line: path: message" without the file.
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "%d:", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, "%d:", p.Column)
		}
		b.WriteByte(' ')
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is the error Load returns: every problem found in one file. Its
// Error text has one "file:line: path: message" line per problem, each
// followed by its hint on tab-indented lines.
type Problems struct {
	File string    // the file as the caller named it
	List []Problem // sorted: errors first, then by line
}

func (e *Problems) Error() string {
	var b strings.Builder
	for i, p := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		if e.File != "" {
			b.WriteString(e.File + ":")
			if p.Line == 0 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p.String())
		for _, h := range strings.Split(p.Hint, "\n") {
			if h != "" {
				b.WriteString("\n\t" + h)
			}
		}
	}
	return b.String()
}

// HasErrors reports whether any problem is an Error.
func HasErrors(list []Problem) bool {
	for _, p := range list {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders problems errors first, then by line, then by path, keeping the
// order rules found them in otherwise.
func Sort(list []Problem) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Path < b.Path
	})
}

// MarshalJSON writes the list as a JSON array of problems with the file.
func (e *Problems) MarshalJSON() ([]byte, error) {
	type fileProblem struct {
		File string `json:"file"`
		Problem
	}
	out := make([]fileProblem, len(e.List))
	for i, p := range e.List {
		out[i] = fileProblem{e.File, p}
	}
	return json.Marshal(out)
}
