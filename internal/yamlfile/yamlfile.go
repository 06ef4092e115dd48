// Package yamlfile reads the project's own YAML files (the page maps and the
// recordings manifest) strictly, and says what is wrong like a compiler:
// file, line and message, every problem at once.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with a file.
type Problem struct {
	File    string
	Line    int // 0 when the problem is the file as a whole
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// Problems is every problem found, reported together. Each line names its
// file, so the list needs no other heading.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s):\n  %s", len(ps), strings.Join(lines, "\n  "))
}

// Unknown words the message for a key that the Go type typ (e.g. "Field")
// does not have.
type Unknown func(typ, key string) string

// Decode reads data into v, refusing keys v does not have. It returns the
// document's node, for finding lines, and the problems. A nil node means the
// file could not be read at all (a syntax error, or empty: then the single
// problem says empty). Type errors do not stop decoding: v holds what could
// be read, so later checks can still report the rest.
func Decode(file string, data []byte, v any, empty string, unknown Unknown) (*yaml.Node, Problems) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Problems{problem(file, err, unknown)}
	}
	if len(root.Content) == 0 {
		return nil, Problems{{File: file, Message: empty}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var ps Problems
	if err := dec.Decode(v); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, Problems{problem(file, err, unknown)}
		}
		for _, e := range te.Errors {
			ps = append(ps, problem(file, errors.New(e), unknown))
		}
	}
	return root.Content[0], ps
}

var (
	lineAt    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownAt = regexp.MustCompile(`field (\S+) not found in type \w+\.(\w+)`)
)

// problem turns a yaml error into a located problem, its unknown keys
// worded by unknown.
func problem(file string, err error, unknown Unknown) Problem {
	msg := err.Error()
	line := 0
	if sm := lineAt.FindStringSubmatch(msg); sm != nil {
		line, _ = strconv.Atoi(sm[1])
		msg = sm[2]
	}
	if sm := unknownAt.FindStringSubmatch(msg); sm != nil && unknown != nil {
		msg = unknown(sm[2], sm[1])
	}
	return Problem{File: file, Line: line, Message: msg}
}

// Child returns the value of key in mapping node n, or nil.
func Child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
