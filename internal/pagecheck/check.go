package pagecheck

import (
	"context"
	_ "embed"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/recording"
)

//go:embed js/check_item.js
var checkItemJS string

//go:embed js/check_options.js
var checkOptionsJS string

// The checks are page functions of the page layer's kind: called by value
// with its prelude, so they judge with the engine's own notions.
var (
	checkItem    = page.Func{Name: "pagecheck.item", Source: checkItemJS}
	checkOptions = page.Func{Name: "pagecheck.options", Source: checkOptionsJS}
)

// Check tests every map of maps against its page in the recordings recs
// (label names them in messages), in the browser tab of ctx. The recordings
// are served from a local server on 127.0.0.1 that lives for the call; the
// pages load nothing else. A nil error with problems in the report means
// drift (report.Err gives the exit code).
func Check(ctx context.Context, maps *pagemap.Set, recs fs.FS, label string) (*Report, error) {
	man, err := recording.Read(recs, label)
	if err != nil {
		return nil, err
	}
	srv, err := serve(ctx, recs)
	if err != nil {
		return nil, err
	}
	defer srv.close()
	rules := maps.DetectRules()
	rep := &Report{Recordings: label}
	results := map[string]*PageResult{}
	for _, page := range maps.Pages() {
		m := maps.Get(page)
		results[page] = &PageResult{Page: page, Title: m.Title, Problems: []Problem{}}
	}
	for _, e := range man.Pages {
		m := maps.Get(e.Page)
		if m == nil {
			rep.Notes = append(rep.Notes, fmt.Sprintf("%s: page %s has no map in selectors; not checked", e.File, e.Page))
			continue
		}
		res := results[e.Page]
		res.Recording, res.Source = e.File, string(e.Source)
		if err := open(ctx, srv.url(e.File)); err != nil {
			return nil, fmt.Errorf("%s: %w", path(label, e.File), err)
		}
		matched, err := page.Call[[]string](ctx, "detect", rules)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path(label, e.File), err)
		}
		res.Selectors++
		if !slices.Contains(matched, e.Page) {
			res.Problems = append(res.Problems, Problem{Page: e.Page, Where: m.Where(m.LineAt("detect")), What: "detect", Selector: m.Detect.CSS, Unrecognised: true,
				Message: fmt.Sprintf("the detect rule (css %q, text %q) does not recognise its own page %s", m.Detect.CSS, m.Detect.Text, path(label, e.File))})
		}
		for _, other := range matched {
			if om := maps.Get(other); other != e.Page && om != nil {
				results[other].Problems = append(results[other].Problems, Problem{Page: other, Where: om.Where(om.LineAt("detect")), What: "detect", Selector: om.Detect.CSS,
					Message: fmt.Sprintf("the detect rule also matches the recording of page %s (%s); make it specific to %s", e.Page, path(label, e.File), other)})
			}
		}
		for _, it := range items(m) {
			f, err := page.CallFunc[found](ctx, "", checkItem, it)
			if err != nil {
				return nil, fmt.Errorf("%s: checking %s: %w", path(label, e.File), it.CSS, err)
			}
			res.Selectors++
			if it.isField {
				res.Fields++
			}
			probs, notes := judge(m, path(label, e.File), it, f)
			res.Problems = append(res.Problems, probs...)
			res.Notes = append(res.Notes, notes...)
		}
	}
	for _, page := range maps.Pages() {
		res := results[page]
		if res.Recording == "" {
			m := maps.Get(page)
			res.Problems = append(res.Problems, Problem{Page: page, Where: m.Where(m.Line), What: "recording",
				Message: fmt.Sprintf("no recording of page %s in %s; record it (`autofill record`)", page, label)})
		}
		// In file order, like a compiler's messages.
		slices.SortStableFunc(res.Problems, func(a, b Problem) int { return lineNo(a.Where) - lineNo(b.Where) })
		rep.Pages = append(rep.Pages, *res)
	}
	return rep, nil
}

func lineNo(where string) int {
	n, _ := strconv.Atoi(where[strings.LastIndexByte(where, ':')+1:])
	return n
}

func path(dir, file string) string {
	if dir == "" || dir == "." {
		return file
	}
	return strings.TrimSuffix(dir, "/") + "/" + file
}

// open loads a recorded page and the check helpers into the tab (the
// engine's helpers come with every new document: serve installed them).
func open(ctx context.Context, u string) error {
	return page.Navigate(ctx, u)
}

// server serves a recordings directory on loopback, and nothing else.
type server struct {
	base string
	hs   *http.Server
}

// serve serves fsys on loopback to the tab ctx, whose every page gets the
// engine's helpers. Close it when done.
func serve(ctx context.Context, fsys fs.FS) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving the recordings: %w", err)
	}
	files := http.FileServerFS(fsys)
	hs := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "recordings are read-only", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		files.ServeHTTP(w, r)
	})}
	go func() { _ = hs.Serve(ln) }()
	return &server{base: "http://" + ln.Addr().String(), hs: hs}, nil
}

func (s *server) url(file string) string {
	return s.base + "/" + (&url.URL{Path: file}).EscapedPath()
}

func (s *server) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.hs.Shutdown(ctx); err != nil {
		_ = s.hs.Close()
	}
}
