package recording

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// StylesDir holds the stylesheets of the pages, each saved once: the checks
// need the portal's CSS to know what a person sees.
const StylesDir = "styles"

// Read loads the manifest of a recordings directory and checks that every
// page it lists is there. label names the directory in messages.
func Read(fsys fs.FS, label string) (*Manifest, error) {
	data, err := fs.ReadFile(fsys, ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no %s; record the pages first (`autofill record --out %s`, or `--sim` for the simulator)", label, ManifestFile, label)
	}
	if err != nil {
		return nil, err
	}
	m, err := Parse(path.Join(label, ManifestFile), data)
	if err != nil {
		return m, err
	}
	var probs Problems
	for _, e := range m.Pages {
		if _, err := fs.Stat(fsys, e.File); err != nil {
			probs = append(probs, Problem{File: m.File, Line: e.Line,
				Message: fmt.Sprintf("page %s: file %s is missing from %s; record the page again or remove the entry", e.Page, e.File, label)})
		}
	}
	if len(probs) > 0 {
		return m, probs
	}
	return m, nil
}

// Page is one captured page, ready to be written.
type Page struct {
	ID       string
	HTML     string  // a complete document; StyleRef(i) marks where Styles[i] is linked
	Styles   []Style // in the order the page uses them
	Source   Source
	URL      string
	Captured time.Time
	Tool     string
}

// Style is one stylesheet a page uses.
type Style struct {
	Name string // a hint for the file name (the sheet's base name)
	Text string
}

// StyleRef is the placeholder a captured page carries in place of the
// address of its i-th stylesheet.
func StyleRef(i int) string { return "autofill-style:" + strconv.Itoa(i) }

var styleRef = regexp.MustCompile(`autofill-style:(\d+)`)

// Writer saves pages into a directory and keeps its manifest, leaving the
// other pages it holds alone.
type Writer struct {
	dir   string
	man   *Manifest
	order []string
}

// NewWriter opens (or creates) a recordings directory. order is the flow
// order of page ids, for the manifest.
func NewWriter(dir string, order []string) (*Writer, error) {
	if err := os.MkdirAll(filepath.Join(dir, StylesDir), 0o755); err != nil {
		return nil, fmt.Errorf("recordings directory: %w", err)
	}
	w := &Writer{dir: dir, order: order, man: &Manifest{}}
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		m, err := Parse(filepath.Join(dir, ManifestFile), data)
		if err != nil {
			return nil, fmt.Errorf("%w\nfix it, or delete it to start the recordings afresh", err)
		}
		w.man = m
	}
	return w, nil
}

// Manifest returns the manifest as it stands.
func (w *Writer) Manifest() *Manifest { return w.man }

// Save writes the page as <id>.html, its stylesheets under styles/ (named by
// content, so pages share them) and the manifest. It returns the file name.
func (w *Writer) Save(p Page) (string, error) {
	if !pageID.MatchString(p.ID) {
		return "", fmt.Errorf("page id %q: use lower-case letters, digits and dashes", p.ID)
	}
	html, styles := p.Render()
	for name, text := range styles {
		path := filepath.Join(w.dir, filepath.FromSlash(name))
		if _, err := os.Stat(path); err == nil {
			continue // named by its content, and written whole: already there from another page
		}
		if err := atomicfile.Write(path, text, 0o644); err != nil {
			return "", err
		}
	}
	file := p.ID + ".html"
	if err := atomicfile.Write(filepath.Join(w.dir, file), []byte(html), 0o644); err != nil {
		return "", err
	}
	e := Entry{Page: p.ID, File: file, Source: p.Source, URL: p.URL, Captured: p.Captured.UTC().Truncate(time.Second), Tool: p.Tool}
	if i := slices.IndexFunc(w.man.Pages, func(x Entry) bool { return x.Page == p.ID }); i >= 0 {
		w.man.Pages[i] = e
	} else {
		w.man.Pages = append(w.man.Pages, e)
	}
	return file, atomicfile.Write(filepath.Join(w.dir, ManifestFile), w.man.Marshal(w.order), 0o644)
}

// Render returns the page's HTML as saved and its stylesheets by path
// (styles/<name>-<hash>.css).
func (p Page) Render() (html string, styles map[string][]byte) {
	styles = map[string][]byte{}
	names := make([]string, len(p.Styles))
	for i, s := range p.Styles {
		names[i] = path.Join(StylesDir, styleName(s))
		styles[names[i]] = []byte(s.Text)
	}
	html = styleRef.ReplaceAllStringFunc(p.HTML, func(m string) string {
		i, _ := strconv.Atoi(strings.TrimPrefix(m, "autofill-style:"))
		if i < len(names) {
			return names[i]
		}
		return "data:text/css,"
	})
	return html, styles
}

// Prune deletes the stylesheets no recorded page links any more.
func (w *Writer) Prune() error {
	used := map[string]bool{}
	for _, e := range w.man.Pages {
		b, err := os.ReadFile(filepath.Join(w.dir, e.File))
		if err != nil {
			continue
		}
		for _, m := range linkedStyle.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	files, err := filepath.Glob(filepath.Join(w.dir, StylesDir, "*.css"))
	if err != nil {
		return err
	}
	for _, f := range files {
		if !used[filepath.Base(f)] {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	return nil
}

var (
	linkedStyle = regexp.MustCompile(`href="` + StylesDir + `/([^"/]+\.css)"`)
	unsafeName  = regexp.MustCompile(`[^a-z0-9-]+`)
)

// styleName is <base>-<hash>.css: readable, and equal for equal content.
func styleName(s Style) string {
	base := strings.TrimSuffix(strings.ToLower(path.Base(s.Name)), ".css")
	base = strings.Trim(unsafeName.ReplaceAllString(base, "-"), "-")
	if base == "" || base == "." {
		base = "style"
	}
	if len(base) > 40 {
		base = base[:40]
	}
	sum := sha256.Sum256([]byte(s.Text))
	return base + "-" + hex.EncodeToString(sum[:])[:10] + ".css"
}
