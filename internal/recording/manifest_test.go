package recording

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const good = `# comment
pages:
  - page: login
    file: login.html
    source: simulator
    url: "/login"
    captured: 2025-06-01T10:00:00Z
    tool: "dev"
  - page: degree
    file: degree.html
    source: live
    captured: 2025-06-01T10:05:00Z
`

func TestParseGood(t *testing.T) {
	m, err := Parse("recordings/manifest.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := m.Get("degree")
	if !ok || e.File != "degree.html" || e.Source != Live || e.Line != 9 || e.Captured.Minute() != 5 {
		t.Errorf("degree entry %+v", e)
	}
	if _, ok := m.Get("verify"); ok {
		t.Error("verify is not recorded")
	}
}

func TestParseProblemsNameLineAndFix(t *testing.T) {
	src := `pages:
  - page: login
    file: login.html
    source: simulator
    captured: 2025-06-01T10:00:00Z
    tol: dev
  - page: login
    file: ../secret.html
    source: camera
  - page: Degree Page
    file: login.html
    source: live
    captured: 2025-06-01T10:00:00Z
`
	_, err := Parse("r/manifest.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		`r/manifest.yaml:6: unknown key "tol"; known keys: page, file, source, url, captured, tool`,
		`r/manifest.yaml:7: page "login" is listed twice (first at line 2)`,
		`r/manifest.yaml:7: page login: file "../secret.html": give a plain path inside the recordings directory`,
		`r/manifest.yaml:7: page login: source "camera": use simulator or live`,
		`r/manifest.yaml:7: page login: missing captured:`,
		`r/manifest.yaml:10: page "Degree Page": use lower-case letters, digits and dashes`,
		`r/manifest.yaml:10: page Degree Page: file login.html is already used at line 2`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

func TestReadNamesMissingFiles(t *testing.T) {
	_, err := Read(fstest.MapFS{"manifest.yaml": {Data: []byte(good)}, "login.html": {}}, "recs")
	if err == nil || !strings.Contains(err.Error(), "recs/manifest.yaml:9: page degree: file degree.html is missing from recs") {
		t.Errorf("got %v", err)
	}
	_, err = Read(fstest.MapFS{}, "recs")
	if err == nil || !strings.Contains(err.Error(), "recs: no manifest.yaml; record the pages first") {
		t.Errorf("got %v", err)
	}
}

func TestWriterSavesSharesAndPrunesStyles(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, []string{"login", "degree"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 6, 1, 10, 0, 0, 123, time.UTC)
	page := func(id, css string) Page {
		return Page{ID: id, HTML: `<link rel="stylesheet" href="` + StyleRef(0) + `"><p>` + id + `</p>`,
			Styles: []Style{{Name: "index.css", Text: css}}, Source: Simulator, URL: "/" + id, Captured: at, Tool: "v1"}
	}
	for _, p := range []Page{page("degree", "a{}"), page("login", "a{}")} {
		if _, err := w.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	styles, _ := filepath.Glob(filepath.Join(dir, "styles", "*.css"))
	if len(styles) != 1 || !strings.HasPrefix(filepath.Base(styles[0]), "index-") {
		t.Fatalf("styles %v: want one shared index-<hash>.css", styles)
	}
	// Re-recording one page with other CSS leaves the old sheet to the
	// other page until it is re-recorded too; then Prune drops it.
	if _, err := w.Save(page("login", "b{}")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Save(page("degree", "b{}")); err != nil {
		t.Fatal(err)
	}
	if err := w.Prune(); err != nil {
		t.Fatal(err)
	}
	styles, _ = filepath.Glob(filepath.Join(dir, "styles", "*.css"))
	if len(styles) != 1 {
		t.Errorf("styles after prune %v", styles)
	}
	html, _ := os.ReadFile(filepath.Join(dir, "login.html"))
	if !strings.Contains(string(html), `href="styles/`+filepath.Base(styles[0])+`"`) {
		t.Errorf("login.html links %s", html)
	}
	// The manifest reads back, in flow order, and another writer keeps it.
	m, err := Read(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range m.Pages {
		ids = append(ids, e.Page)
	}
	if !slices.Equal(ids, []string{"login", "degree"}) || !m.Pages[0].Captured.Equal(at.Truncate(time.Second)) || m.Pages[0].Tool != "v1" {
		t.Errorf("manifest %+v", m.Pages)
	}
	w2, err := NewWriter(dir, nil)
	if err != nil || len(w2.Manifest().Pages) != 2 {
		t.Errorf("reopened: %v %+v", err, w2.Manifest())
	}
	if _, err := w2.Save(Page{ID: "../x"}); err == nil {
		t.Error("a page id with a path was saved")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("pages: [\n"))
	f.Add([]byte("pages:\n  - {page: a, file: a.html, source: live, captured: 2025-01-01T00:00:00Z}\n  - {page: a}\n"))
	f.Add([]byte("pages: {a: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("manifest.yaml", data)
		lines := lineCount(data)
		if ps, ok := err.(Problems); ok {
			for _, p := range ps {
				if p.File != "manifest.yaml" || p.Message == "" || p.Line < 0 || p.Line > lines {
					t.Fatalf("badly located problem %+v", p)
				}
			}
		}
		if err != nil {
			return
		}
		// What Parse accepts, Marshal writes and Parse reads back the same.
		again, err := Parse("manifest.yaml", m.Marshal(nil))
		if err != nil {
			t.Fatalf("own output refused: %v\n%s", err, m.Marshal(nil))
		}
		if len(again.Pages) != len(m.Pages) {
			t.Fatalf("round trip: %d pages, want %d", len(again.Pages), len(m.Pages))
		}
		for _, e := range m.Pages {
			a, _ := again.Get(e.Page)
			if a.Page != e.Page || a.File != e.File || a.Source != e.Source || a.URL != e.URL || a.Tool != e.Tool || !a.Captured.Equal(e.Captured.Truncate(time.Second)) {
				t.Fatalf("round trip: %+v, want %+v", a, e)
			}
		}
	})
}

// lineCount bounds the lines a YAML parser may count: it takes \r, NEL, LS
// and PS as line breaks too.
func lineCount(data []byte) int {
	n := 2
	for _, sep := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += strings.Count(string(data), sep)
	}
	return n
}
