package profile

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is what Load learned about the file beyond the values: the line of
// every key, the text of every scalar as written, and which keys the
// environment set. Viper gives values only, so the YAML is also read with the
// Node API to point problems at lines.
type source struct {
	lines map[string]int    // field path → line of its key (list items: of the item)
	text  map[string]string // field path → scalar as written ("010020" before YAML made it 4112)
	env   map[string]string // field path → environment variable that set it

	encoding string // what the file was converted from: "" (UTF-8), GB18030, UTF-16
}

func newSource() *source {
	return &source{lines: map[string]int{}, text: map[string]string{}, env: map[string]string{}}
}

// line returns the line of path or of its nearest parent that has one.
func (s *source) line(path string) int {
	for path != "" {
		if l, ok := s.lines[path]; ok {
			return l
		}
		path = parentPath(path)
	}
	return 0
}

// parentPath strips the last ".key" or "[i]" of a field path.
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// maxValues bounds the values a profile may expand to, so that a YAML alias
// bomb is refused before any decoder expands it. A real profile has a few
// hundred.
const maxValues = 100_000

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?(?:line (\d+): )?(.*)$`)

// scanYAML maps field paths to lines and finds what the value decoder would
// trip over or silently merge: syntax errors, duplicate keys (also ones that
// differ only in case, which Viper folds together), keys that are not names,
// and alias expansion beyond maxValues.
func scanYAML(data []byte, src *source) []Problem {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []Problem{yamlSyntax(err, data)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return []Problem{{Message: "the file is empty", Hint: "run `autofill init FILE` for a commented template"}}
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return []Problem{{Line: root.Line, Message: "the file has no keys", Hint: "run `autofill init FILE` for a commented template"}}
	}
	if root.Kind != yaml.MappingNode {
		return []Problem{{Line: root.Line, Message: "the top level must be keys (applicant:, degrees:, …), not " + nodeKind(root),
			Hint: "start from `autofill init FILE`"}}
	}
	s := scanner{src: src, sizes: map[*yaml.Node]int{}}
	s.walk(root, "")
	if len(s.probs) == 0 {
		if n := s.size(root); n > maxValues {
			s.probs = append(s.probs, Problem{Line: root.Line,
				Message: fmt.Sprintf("the file expands to more than %d values (through YAML aliases)", maxValues),
				Hint:    "a profile needs no anchors or aliases (&name, *name): write the values out"})
		}
	}
	return s.probs
}

type scanner struct {
	src   *source
	probs []Problem
	sizes map[*yaml.Node]int // expanded value counts; -1 while being counted
}

func (s *scanner) walk(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				s.probs = append(s.probs, Problem{Path: path, Line: k.Line, Column: k.Column,
					Message: "a key must be a plain name, not " + nodeKind(k)})
				continue
			}
			if k.Value == "<<" { // a merge key: its values land in this mapping
				continue
			}
			name := strings.ToLower(k.Value)
			p := joinPath(path, name)
			if strings.ContainsAny(name, ".[]") || name == "" {
				s.probs = append(s.probs, Problem{Path: path, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("key %q is not a field name", k.Value),
					Hint:    "field names are lowercase words joined by _ (award_date); nest keys instead of dotting them"})
				continue
			}
			if first, dup := seen[name]; dup {
				s.probs = append(s.probs, Problem{Path: p, Line: k.Line, Column: k.Column,
					Message: fmt.Sprintf("%s is given twice (first on line %d)", k.Value, first),
					Hint:    "keep one of them; keys are not case-sensitive"})
				continue
			}
			seen[name] = k.Line
			s.src.lines[p] = k.Line
			if v.Kind == yaml.ScalarNode {
				s.src.text[p] = v.Value
			}
			s.walk(v, p)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			s.src.lines[p] = item.Line
			if item.Kind == yaml.ScalarNode {
				s.src.text[p] = item.Value
			}
			s.walk(item, p)
		}
	}
}

// size counts the values n stands for once aliases are expanded, memoised
// per node so that counting is linear in the file even for an alias bomb.
func (s *scanner) size(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	if c, ok := s.sizes[n]; ok {
		if c < 0 { // an alias inside its own anchor
			return maxValues + 1
		}
		return c
	}
	s.sizes[n] = -1
	total := 1
	if n.Kind == yaml.AliasNode {
		total += s.size(n.Alias)
	}
	for _, c := range n.Content {
		total += s.size(c)
		if total > maxValues {
			break
		}
	}
	s.sizes[n] = total
	return total
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("the value %q", clip(n.Value, 40))
}

// yamlSyntax turns a yaml.v3 error into a problem with its line and, where
// the message makes it plain, its column. yaml.v3 reports no columns itself,
// so the hint quotes the line instead.
func yamlSyntax(err error, data []byte) Problem {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	p := Problem{Message: "YAML syntax: " + msg}
	if m := yamlLineRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		p.Message = "YAML syntax: " + m[2]
		p.Line, _ = strconv.Atoi(m[1])
	}
	// yaml.v3 reports a parser error at the start of the enclosing block,
	// often lines above the mistake; find the first line that breaks it.
	if l, col := firstFailure(data, p.Message); l > 0 {
		p.Line, p.Column = l, col
	}
	lines := strings.Split(string(data), "\n")
	if p.Line == 0 {
		p.Line = 1
		if strings.Contains(p.Message, "end of stream") {
			p.Line = len(lines)
		}
	}
	if p.Line > len(lines) {
		p.Line = len(lines)
	}
	text := strings.TrimRight(lines[p.Line-1], "\r")
	var hints []string
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	if strings.Contains(p.Message, "tab character") || strings.Contains(indent, "\t") {
		p.Column = utf8.RuneCountInString(text[:strings.IndexByte(text, '\t')]) + 1
		hints = append(hints, "indent with spaces, never tabs")
	} else {
		hints = append(hints, `check the indentation (spaces only) and the ": " after each key; quote values that contain ": " or " #"`)
	}
	if strings.TrimSpace(text) != "" {
		hints = append(hints, fmt.Sprintf("line %d reads: %s", p.Line, clip(strings.TrimSpace(text), 80)))
	}
	p.Hint = strings.Join(hints, "\n")
	return p
}

// maxSearch bounds the files firstFailure searches: each step parses a
// prefix, and a real profile is a few KB, not the 1 MB the cap allows.
const maxSearch = 64 << 10

// firstFailure returns the line and column where data first fails to parse
// with the same message as the whole: the smallest failing prefix, found by
// bisection over lines and then over the bytes of that line. A YAML prefix
// is usually valid on its own, so the prefix ends where the document breaks.
// It returns 0, 0 when the search finds nothing.
func firstFailure(data []byte, msg string) (line, col int) {
	fails := func(n int) bool {
		var node yaml.Node
		err := yaml.Unmarshal(data[:n], &node)
		if err == nil {
			return false
		}
		m := yamlLineRE.FindStringSubmatch(strings.SplitN(err.Error(), "\n", 2)[0])
		return m != nil && "YAML syntax: "+m[2] == msg
	}
	var ends []int // byte offset after each line
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	if len(data) > maxSearch || !fails(len(data)) {
		return 0, 0
	}
	line = 1 + sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if line > len(ends) {
		return 0, 0
	}
	start := 0
	if line > 1 {
		start = ends[line-2]
	}
	n := start + sort.Search(ends[line-1]-start, func(i int) bool { return fails(start + i + 1) })
	if n < ends[line-1] {
		col = utf8.RuneCount(data[start:n]) + 1
	}
	return line, col
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// clip shortens s to n runes for messages.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
