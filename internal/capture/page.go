// Package capture takes snapshots of portal pages for recordings/: the
// rendered document with its dropdowns' options captured, its scripts
// removed, every value and personal text scrubbed, and its stylesheets kept
// so that a check can still tell what a person would see. It also walks the
// simulator to record every page, and watches a browser a person drives.
package capture

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/recording"
)

// The capture's page functions, called through internal/page by value:
// nothing is installed in the page.
var (
	//go:embed js/take.js
	takeJS string
	//go:embed js/busy.js
	busyJS string
	//go:embed js/still.js
	stillJS string
	//go:embed js/normalize.js
	normalizeJS string

	takeFunc      = page.Func{Name: "capture.take", Source: takeJS}
	busyFunc      = page.Func{Name: "capture.busy", Source: busyJS}
	stillFunc     = page.Func{Name: "capture.still", Source: stillJS}
	normalizeFunc = page.Func{Name: "capture.normalize", Source: normalizeJS}
)

// Options say how to capture.
type Options struct {
	Maps *pagemap.Set
	// Reveal shows a page's conditional controls before the snapshot: it
	// unticks or ticks the boxes and radios their `when` names and picks a
	// select's manual-entry option, so their selectors can be checked. It
	// never saves: leave the page without 保存 afterwards.
	Reveal bool
	// Values are personal texts to remove wherever they appear (the account
	// and identity of the person recording).
	Values []string
	// Timeout bounds each wait; default 15s.
	Timeout time.Duration
}

func (o *Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return 15 * time.Second
	}
	return o.Timeout
}

// Snapshot is one captured page.
type Snapshot struct {
	Page     string
	URL      string // path only, personal parts masked
	HTML     string
	Styles   []recording.Style
	Typed    []string // values found in the page's inputs (scrub them on later pages too)
	Warnings []string // what could not be prepared (a dropdown that did not open, …)
}

// Recording turns a snapshot into a page for a recording.Writer.
func (s *Snapshot) Recording(src recording.Source, tool string, at time.Time) recording.Page {
	return recording.Page{ID: s.Page, HTML: s.HTML, Styles: s.Styles, Source: src, URL: s.URL, Captured: at, Tool: tool}
}

// Take prepares the page the tab shows as page id (opens the dropdowns and
// dialogs whose contents the checks need) and captures it. m may be nil for
// a page no map knows.
func Take(ctx context.Context, pageID string, o Options) (*Snapshot, error) {
	if err := settle(ctx, o.timeout()); err != nil {
		return nil, err
	}
	var m *pagemap.Map
	if o.Maps != nil {
		m = o.Maps.Get(pageID)
	}
	p := &preparer{o: &o, m: m}
	if m != nil {
		p.prepare(ctx)
		if err := settle(ctx, o.timeout()); err != nil {
			return nil, err
		}
	}
	type result struct {
		HTML   string `json:"html"`
		Styles []struct {
			Href string  `json:"href"`
			Name string  `json:"name"`
			Text *string `json:"text"`
		} `json:"styles"`
		Values []string `json:"values"`
	}
	res, err := page.CallFunc[result](ctx, "", takeFunc, map[string]any{"values": o.Values})
	if m != nil {
		p.restore(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("capturing page %s: %w", pageID, err)
	}
	snap := &Snapshot{Page: pageID, HTML: res.HTML, Typed: res.Values, Warnings: p.warnings}
	for _, s := range res.Styles {
		text := ""
		if s.Text != nil {
			text = *s.Text
		} else if text, err = fetchCSS(ctx, s.Href); err != nil {
			snap.Warnings = append(snap.Warnings, fmt.Sprintf("stylesheet %s: %v (saved empty; visibility checks may be wrong)", s.Href, err))
		}
		snap.Styles = append(snap.Styles, recording.Style{Name: s.Name, Text: text})
	}
	if loc := page.Location(ctx); loc != "" {
		snap.URL = maskURL(loc)
	}
	return snap, nil
}

// settle waits until the page is ready to be read (page.Settled) and no
// transition runs.
func settle(ctx context.Context, timeout time.Duration) error {
	if err := page.Settled(ctx, timeout); err != nil {
		return err
	}
	return page.WaitFor(ctx, timeout, "the page to settle", func() (bool, error) {
		busy, err := page.CallFunc[bool](ctx, "", busyFunc)
		return !busy, err
	})
}

// fetchCSS gets a stylesheet the page could not read (another origin).
func fetchCSS(ctx context.Context, href string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, href, nil)
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %d", res.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(res.Body, 8<<20))
	if err != nil {
		return "", err
	}
	return CleanCSS(string(b)), nil
}

var (
	fontFace = regexp.MustCompile(`(?s)@font-face\s*\{[^}]*\}`)
	cssURL   = regexp.MustCompile(`url\(\s*(?:"[^"]*"|'[^']*'|[^)"']*)\s*\)`)
	dataURL  = regexp.MustCompile(`^url\(\s*["']?data:`)
)

// CleanCSS drops fonts and every address from a stylesheet, as the page
// side does for the sheets it can read: a recording loads nothing.
func CleanCSS(css string) string {
	css = fontFace.ReplaceAllString(css, "")
	return cssURL.ReplaceAllStringFunc(css, func(u string) string {
		if dataURL.MatchString(u) {
			return u
		}
		return "none"
	})
}

var (
	urlSecret = regexp.MustCompile(`[A-Za-z]{1,2}\d{7,9}|\d{6,}[Xx]?`)
)

// maskURL keeps a page address's path, without the query (tokens) and with
// application and identity numbers masked.
func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return urlSecret.ReplaceAllString(u.Path, "*")
}
