package materials

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// ProfileDoc is a profile file as a YAML node tree. Prepare writes a copy of
// the profile pointing at the prepared files; editing the tree, not
// re-serialising the Profile struct, keeps the user's comments, key order
// and quoting exactly as written.
type ProfileDoc struct {
	src  []byte
	root *yaml.Node
	// edits are the scalar values replaced so far; when they are all
	// in-place (same number of files, keys already there), Bytes splices
	// them into the source text and every other byte stays as written.
	edits      []scalarEdit
	structural bool // a key or list changed shape: Bytes re-encodes the tree
	// ConvertedFrom is "json" or "toml" when the source was not YAML: the
	// copy is YAML all the same (TOML keys come out sorted, comments lost).
	ConvertedFrom string
}

// ParseProfileDoc reads a profile file's bytes; the format comes from the
// file's extension, as profile.Load has it.
func ParseProfileDoc(data []byte, filename string) (*ProfileDoc, error) {
	d := &ProfileDoc{root: &yaml.Node{}, src: data}
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(data, d.root); err != nil {
			return nil, fmt.Errorf("%s: %w", filename, err)
		}
	case ".json":
		// JSON is YAML's flow style; make it block style, YAML's usual look
		if err := yaml.Unmarshal(data, d.root); err != nil {
			return nil, fmt.Errorf("%s: %w", filename, err)
		}
		blockStyle(d.root)
		d.ConvertedFrom, d.src = "json", nil
	case ".toml":
		var v map[string]any
		if err := toml.Unmarshal(data, &v); err != nil {
			return nil, fmt.Errorf("%s: %w", filename, err)
		}
		doc := &yaml.Node{}
		if err := doc.Encode(plainTOML(v)); err != nil {
			return nil, fmt.Errorf("%s: converting to YAML: %w", filename, err)
		}
		d.root = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}
		d.ConvertedFrom, d.src = "toml", nil
	default:
		return nil, fmt.Errorf("%s: cannot tell the format; name it .yaml, .yml, .json or .toml", filename)
	}
	if len(d.root.Content) == 0 || d.root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a profile (its top level is not a mapping of keys)", filename)
	}
	return d, nil
}

// SetMaterials replaces the material paths of degrees[degree] for the given
// slots; slots not in files are left as written. Paths are written as
// given: relative ones are relative to wherever the copy is saved.
func (d *ProfileDoc) SetMaterials(degree int, files map[string][]string) error {
	degrees := lookup(d.root.Content[0], "degrees")
	if degrees == nil || degrees.Kind != yaml.SequenceNode || degree >= len(degrees.Content) {
		return fmt.Errorf("degrees[%d] not found in the profile", degree)
	}
	deg := degrees.Content[degree]
	if deg.Kind != yaml.MappingNode {
		return fmt.Errorf("degrees[%d] is not a mapping", degree)
	}
	mat := lookup(deg, "materials")
	if mat == nil {
		d.structural = true
		mat = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		deg.Content = append(deg.Content, scalar("materials"), mat)
	}
	if mat.Kind != yaml.MappingNode {
		d.structural = true
		// `materials:` with nothing after it is a null scalar: make it a map
		*mat = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: mat.HeadComment, LineComment: mat.LineComment}
	}
	for _, s := range Slots {
		paths, ok := files[s.Key]
		if !ok {
			continue
		}
		old := lookup(mat, s.Key)
		if d.inPlace(old, paths, s.Multi) {
			continue
		}
		d.structural = true
		var v *yaml.Node
		if s.Multi {
			v = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for _, p := range paths {
				v.Content = append(v.Content, scalar(p))
			}
		} else {
			v = scalar(strings.Join(paths, ",")) // one file; several only in a broken profile
		}
		if old != nil {
			if old.Kind == yaml.SequenceNode && v.Kind == yaml.SequenceNode {
				v.Style = old.Style & yaml.FlowStyle // keep [a, b] or the list form
			}
			v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
			*old = *v
			continue
		}
		mat.Content = append(mat.Content, scalar(s.Key), v)
	}
	return nil
}

// inPlace replaces the scalars of an existing value when the shape stays:
// a single path for a single path, a list of n for a list of n.
func (d *ProfileDoc) inPlace(old *yaml.Node, paths []string, multi bool) bool {
	if old == nil {
		return false
	}
	var targets []*yaml.Node
	switch {
	case !multi && old.Kind == yaml.ScalarNode && len(paths) == 1:
		targets = []*yaml.Node{old}
	case multi && old.Kind == yaml.SequenceNode && len(old.Content) == len(paths):
		targets = old.Content
	default:
		return false
	}
	for _, t := range targets {
		if t.Kind != yaml.ScalarNode {
			return false
		}
	}
	for i, t := range targets {
		d.edits = append(d.edits, scalarEdit{line: t.Line, col: t.Column, style: t.Style, old: t.Value, new: paths[i]})
		t.Value, t.Tag = paths[i], "!!str"
		if t.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			t.Style = 0
		}
	}
	return true
}

// Bytes renders the document: the source with the edited values spliced
// in when that is possible, else the tree re-encoded as YAML (comments
// kept, but blank lines and comment alignment lost).
func (d *ProfileDoc) Bytes() ([]byte, error) {
	enc, err := d.encode()
	if err != nil || d.src == nil || d.structural {
		return enc, err
	}
	spliced, ok := splice(d.src, d.edits)
	if !ok || !sameData(spliced, enc) {
		return enc, nil
	}
	return spliced, nil
}

func (d *ProfileDoc) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(d.root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func blockStyle(n *yaml.Node) {
	n.Style &^= yaml.FlowStyle | yaml.DoubleQuotedStyle
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// plainTOML turns TOML's date and time values into the strings a profile
// writes (1998-05-12); YAML would otherwise encode them as structs.
func plainTOML(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = plainTOML(e)
		}
	case []any:
		for i, e := range x {
			x[i] = plainTOML(e)
		}
	case toml.LocalDate:
		return x.String()
	case toml.LocalDateTime:
		return x.String()
	case toml.LocalTime:
		return x.String()
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return v
}

// scalarEdit is one scalar value to replace in the source text, at the
// position the YAML parser reported (1-based line, column in characters).
type scalarEdit struct {
	line, col int
	style     yaml.Style
	old, new  string
}

// splice applies edits to src. It gives up (false) on anything it cannot
// place exactly, such as a plain scalar spread over several lines.
func splice(src []byte, edits []scalarEdit) ([]byte, bool) {
	type span struct {
		start, end int
		text       string
	}
	lineStart := []int{0}
	for i, c := range src {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	var spans []span
	for _, e := range edits {
		if e.line < 1 || e.line > len(lineStart) {
			return nil, false
		}
		off := lineStart[e.line-1]
		for n := 1; n < e.col; n++ { // columns count characters, not bytes
			if off >= len(src) {
				return nil, false
			}
			_, size := utf8.DecodeRune(src[off:])
			off += size
		}
		end, ok := tokenEnd(src, off, e)
		if !ok {
			return nil, false
		}
		spans = append(spans, span{off, end, yamlToken(e.new)})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	out := slices.Clone(src)
	for _, s := range spans {
		out = slices.Concat(out[:s.start], []byte(s.text), out[s.end:])
	}
	return out, true
}

// tokenEnd finds where the scalar starting at off ends in the source.
func tokenEnd(src []byte, off int, e scalarEdit) (int, bool) {
	rest := src[off:]
	switch {
	case e.style&yaml.DoubleQuotedStyle != 0 && len(rest) > 0 && rest[0] == '"':
		for i := 1; i < len(rest); i++ {
			switch rest[i] {
			case '\\':
				i++
			case '"':
				return off + i + 1, true
			case '\n':
				return 0, false
			}
		}
	case e.style&yaml.SingleQuotedStyle != 0 && len(rest) > 0 && rest[0] == '\'':
		for i := 1; i < len(rest); i++ {
			switch {
			case rest[i] == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
				i++
			case rest[i] == '\'':
				return off + i + 1, true
			case rest[i] == '\n':
				return 0, false
			}
		}
	case e.style&^yaml.TaggedStyle == 0 && bytes.HasPrefix(rest, []byte(e.old)):
		return off + len(e.old), true
	}
	return 0, false
}

// yamlToken writes a path as a scalar that reads back the same in block
// and flow context: plain when safe, else double-quoted.
func yamlToken(s string) string {
	if s != "" && !strings.ContainsAny(s, ",[]{}#&*!|>'\"%@`\\") && !strings.Contains(s, ": ") &&
		strings.TrimSpace(s) == s && !strings.HasPrefix(s, "- ") && !strings.HasPrefix(s, "?") {
		if b, err := yaml.Marshal(s); err == nil && string(b) == s+"\n" {
			return s
		}
	}
	b, _ := json.Marshal(s) // a JSON string is a valid YAML double-quoted scalar
	return string(b)
}

// sameData reports whether two YAML texts hold the same data.
func sameData(a, b []byte) bool {
	var x, y any
	if yaml.Unmarshal(a, &x) != nil || yaml.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
