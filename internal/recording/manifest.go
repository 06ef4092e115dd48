// Package recording is the on-disk format of recorded portal pages
// (recordings/): one scrubbed, script-free HTML file per page id, the
// stylesheets the pages use saved once under styles/, and manifest.yaml
// saying which file holds which page, where it was recorded, when and by
// which build of autofill.
package recording

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// ManifestFile is the manifest's name inside a recordings directory.
const ManifestFile = "manifest.yaml"

// Source says where a page was recorded.
type Source string

// Sources.
const (
	Simulator Source = "simulator" // the built-in portal simulator (record --sim)
	Live      Source = "live"      // any other portal, the real one included
)

// Entry is one recorded page.
type Entry struct {
	Page     string    `yaml:"page"`     // page id (selectors/<page>.yaml)
	File     string    `yaml:"file"`     // HTML file, relative to the directory
	Source   Source    `yaml:"source"`   // simulator or live
	URL      string    `yaml:"url"`      // the page's path, personal parts masked
	Captured time.Time `yaml:"captured"` // when it was recorded (UTC)
	Tool     string    `yaml:"tool"`     // autofill version that recorded it
	Line     int       `yaml:"-"`
}

// Manifest lists the recorded pages.
type Manifest struct {
	Pages []Entry `yaml:"pages"`
	File  string  `yaml:"-"` // where it was read from, for messages
}

// Get returns the entry of a page id.
func (m *Manifest) Get(page string) (Entry, bool) {
	for _, e := range m.Pages {
		if e.Page == page {
			return e, true
		}
	}
	return Entry{}, false
}

// Problem is one thing wrong with a manifest, located like a compiler error.
type Problem struct {
	File    string
	Line    int
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// Problems is every problem of a manifest, reported together.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return fmt.Sprintf("recordings manifest: %d problem(s):\n  %s", len(ps), strings.Join(lines, "\n  "))
}

var (
	pageID    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	yamlLine  = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownAt = regexp.MustCompile(`field (\S+) not found in type recording\.(\w+)`)
	plainWord = regexp.MustCompile(`^[A-Za-z0-9_./-]+$`)
)

// Parse decodes and checks a manifest. file names it in messages.
func Parse(file string, data []byte) (*Manifest, error) {
	m := &Manifest{File: file}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Problems{yamlProblem(file, err)}
	}
	if len(root.Content) == 0 {
		return nil, Problems{{File: file, Message: "empty manifest; it needs pages: (autofill record writes it)"}}
	}
	var probs Problems
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, Problems{yamlProblem(file, err)}
		}
		for _, e := range te.Errors {
			probs = append(probs, yamlProblem(file, errors.New(e)))
		}
	}
	m.File = file
	if pages := child(root.Content[0], "pages"); pages != nil && pages.Kind == yaml.SequenceNode {
		for i := range m.Pages {
			if i < len(pages.Content) {
				m.Pages[i].Line = pages.Content[i].Line
			}
		}
	}
	probs = append(probs, m.check()...)
	if len(probs) > 0 {
		return m, probs
	}
	return m, nil
}

func (m *Manifest) check() Problems {
	var ps Problems
	add := func(line int, format string, a ...any) {
		ps = append(ps, Problem{File: m.File, Line: line, Message: fmt.Sprintf(format, a...)})
	}
	if len(m.Pages) == 0 {
		add(1, "no pages: record some with `autofill record`")
	}
	seenPage := map[string]int{}
	seenFile := map[string]int{}
	for _, e := range m.Pages {
		switch {
		case e.Page == "":
			add(e.Line, "entry without page: (the page id, e.g. page: degree)")
		case !pageID.MatchString(e.Page):
			add(e.Line, "page %q: use lower-case letters, digits and dashes, like the page maps' ids", e.Page)
		case seenPage[e.Page] > 0:
			add(e.Line, "page %q is listed twice (first at line %d)", e.Page, seenPage[e.Page])
		default:
			seenPage[e.Page] = e.Line
		}
		if msg := fileProblem(e.File); msg != "" {
			add(e.Line, "page %s: %s", e.Page, msg)
		} else if prev := seenFile[e.File]; prev > 0 {
			add(e.Line, "page %s: file %s is already used at line %d", e.Page, e.File, prev)
		} else {
			seenFile[e.File] = e.Line
		}
		if !slices.Contains([]Source{Simulator, Live}, e.Source) {
			add(e.Line, "page %s: source %q: use simulator or live", e.Page, e.Source)
		}
		if e.Captured.IsZero() {
			add(e.Line, "page %s: missing captured: (when it was recorded, e.g. 2025-06-01T10:00:00Z)", e.Page)
		}
	}
	return ps
}

// fileProblem says what is wrong with a page's file name, or "".
func fileProblem(f string) string {
	switch {
	case f == "":
		return "missing file: (the recorded HTML, e.g. file: degree.html)"
	case !strings.HasSuffix(f, ".html"):
		return fmt.Sprintf("file %q: a recording is an .html file", f)
	case path.IsAbs(f) || strings.Contains(f, "\\") || path.Clean(f) != f || strings.HasPrefix(f, "../") || f == "..":
		return fmt.Sprintf("file %q: give a plain path inside the recordings directory", f)
	}
	return ""
}

func yamlProblem(file string, err error) Problem {
	msg := err.Error()
	line := 0
	if sm := yamlLine.FindStringSubmatch(msg); sm != nil {
		line, _ = strconv.Atoi(sm[1])
		msg = sm[2]
	}
	if sm := unknownAt.FindStringSubmatch(msg); sm != nil {
		keys := "pages"
		if sm[2] == "Entry" {
			keys = "page, file, source, url, captured, tool"
		}
		msg = fmt.Sprintf("unknown key %q; known keys: %s", sm[1], keys)
	}
	return Problem{File: file, Line: line, Message: msg}
}

func child(n *yaml.Node, key string) *yaml.Node {
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

// Marshal writes the manifest in a stable form: pages in flow order (order
// gives it), one entry per page, with a header comment.
func (m *Manifest) Marshal(order []string) []byte {
	pages := slices.Clone(m.Pages)
	rank := func(p string) int {
		if i := slices.Index(order, p); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(pages, func(a, b Entry) int {
		if ra, rb := rank(a.Page), rank(b.Page); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Page, b.Page)
	})
	var b bytes.Buffer
	b.WriteString("# Recorded portal pages (autofill record): scripts removed, personal data\n")
	b.WriteString("# scrubbed. `autofill check` tests selectors/ against them.\n")
	b.WriteString("pages:\n")
	for _, e := range pages {
		fmt.Fprintf(&b, "  - page: %s\n    file: %s\n    source: %s\n", e.Page, quote(e.File), e.Source)
		if e.URL != "" {
			fmt.Fprintf(&b, "    url: %s\n", strconv.Quote(e.URL))
		}
		fmt.Fprintf(&b, "    captured: %s\n", e.Captured.UTC().Format(time.RFC3339))
		if e.Tool != "" {
			fmt.Fprintf(&b, "    tool: %s\n", strconv.Quote(e.Tool))
		}
	}
	return b.Bytes()
}

// quote leaves a plain file name as it is and quotes anything YAML might
// read otherwise.
func quote(s string) string {
	if plainWord.MatchString(s) && strings.HasSuffix(s, ".html") && !strings.HasPrefix(s, "-") {
		return s
	}
	return strconv.Quote(s)
}
