package pagemap

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Overlay loads the page maps of fsys (an override set `autofill probe`
// wrote, label names it in messages) on top of s: each file replaces the
// built-in map of its page whole; the flow stays s's. It returns the pages
// replaced, sorted. A directory without *.yaml changes nothing.
func (s *Set) Overlay(fsys fs.FS, label string) ([]string, error) {
	names, err := pageFiles(fsys)
	if err != nil {
		return nil, err
	}
	var probs Problems
	var pages []string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs = append(probs, Problem{File: path.Join(label, name), Message: err.Error()})
			continue
		}
		m, ps := Parse(path.Join(label, name), data)
		if m != nil {
			ps = append(ps, s.checkMap(m)...)
		}
		probs = append(probs, ps...)
		if m == nil || len(ps) > 0 {
			continue
		}
		if old := s.Maps[m.Page]; old != nil {
			keepOldLabels(m, old)
		}
		s.Maps[m.Page] = m
		pages = append(pages, m.Page)
	}
	if len(probs) > 0 {
		return pages, probs
	}
	return pages, nil
}

// keepOldLabels adds to each field of m whose label an override changed the
// built-in label as an alias: the portal may still use the old one in
// places the override did not see (the 确认提交 summary, another form).
func keepOldLabels(m, old *Map) {
	was := map[string]string{}
	for _, f := range old.Fields {
		was[f.Key] = f.Label
	}
	for i := range m.Fields {
		f := &m.Fields[i]
		if l, ok := was[f.Key]; ok && l != "" && l != f.Label && !slices.Contains(f.Aliases, l) {
			f.Aliases = append(f.Aliases, l)
		}
	}
}

// Edit changes one scalar of a map file: in the mapping that starts on Line
// (a field, an action, the detect rule), the value of Key, which must be
// Old, becomes New.
type Edit struct {
	Line     int
	Key      string
	Old, New string
}

// Patched returns the map's file with the edits applied, comments and
// layout kept as far as YAML allows. An edit that finds no such mapping or
// whose old value differs is an error: the map changed under the proposal.
func (m *Map) Patched(edits []Edit) ([]byte, error) {
	if m.node == nil {
		return nil, fmt.Errorf("%s: not read from a file; cannot patch it", m.File)
	}
	doc := cloneNode(m.node) // the map itself stays as loaded
	for _, e := range edits {
		v := findScalar(doc, e.Line, e.Key, e.Old)
		if v == nil {
			return nil, fmt.Errorf("%s:%d: no %s %q there to change to %q", m.File, e.Line, e.Key, e.Old, e.New)
		}
		v.Value = e.New
		v.Style &^= yaml.LiteralStyle | yaml.FoldedStyle
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// findScalar finds, in a mapping on line (or the mapping a key on line
// holds), the value node of key when it reads old.
func findScalar(n *yaml.Node, line int, key, old string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.MappingNode && (k.Line == line || v.Line == line) {
				if c := child(v, key); c != nil && c.Kind == yaml.ScalarNode && c.Value == old {
					return c
				}
			}
		}
		if n.Line == line {
			if c := child(n, key); c != nil && c.Kind == yaml.ScalarNode && c.Value == old {
				return c
			}
		}
	}
	for _, c := range n.Content {
		if v := findScalar(c, line, key, old); v != nil {
			return v
		}
	}
	return nil
}

func cloneNode(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = cloneNode(x)
	}
	c.Alias = cloneNode(n.Alias)
	return &c
}
