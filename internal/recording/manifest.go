// Package recording is the on-disk format of recorded portal pages
// (recordings/): one scrubbed, script-free HTML file per page id, the
// stylesheets the pages use saved once under styles/, and manifest.yaml
// saying which file holds which page, where it was recorded, when and by
// which build of autofill.
package recording

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/yamlfile"
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
type Problem = yamlfile.Problem

// Problems is every problem of a manifest, reported together.
type Problems = yamlfile.Problems

var (
	pageID    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	plainWord = regexp.MustCompile(`^[A-Za-z0-9_./-]+$`)
)

// Parse decodes and checks a manifest. file names it in messages.
func Parse(file string, data []byte) (*Manifest, error) {
	m := &Manifest{}
	doc, probs := yamlfile.Decode(file, data, m, "empty manifest; it needs pages: (autofill record writes it)", unknownKey)
	if doc == nil {
		return nil, probs
	}
	m.File = file
	if pages := yamlfile.Child(doc, "pages"); pages != nil && pages.Kind == yaml.SequenceNode {
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

// unknownKey words an unknown key of the manifest or of one of its pages.
func unknownKey(typ, key string) string {
	keys := "pages"
	if typ == "Entry" {
		keys = "page, file, source, url, captured, tool"
	}
	return fmt.Sprintf("unknown key %q; known keys: %s", key, keys)
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
