package portal

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
)

// Seen is what a person would say about a page no map places: its title
// and its visible headings (section titles, dialog titles, form headings).
type Seen struct {
	URL      string   `json:"url"`
	Title    string   `json:"title"`
	Headings []string `json:"headings"`
}

// String reads "title «…», headings «…», «…»".
func (s Seen) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q", s.Title)
	if len(s.Headings) > 0 {
		q := make([]string, len(s.Headings))
		for i, h := range s.Headings {
			q[i] = fmt.Sprintf("%q", h)
		}
		fmt.Fprintf(&b, ", headings %s", strings.Join(q, ", "))
	}
	return b.String()
}

// PageSeen reads the title and headings of the page the tab shows.
func PageSeen(ctx context.Context) (Seen, error) {
	return page.Call[Seen](ctx, "seen")
}

// UnknownPageError is the portal's own page that no page map places: the
// portal changed, and `autofill probe` turns the visit into maps.
type UnknownPageError struct {
	Seen Seen
}

func (e *UnknownPageError) Error() string {
	return fmt.Sprintf("the portal shows a page no page map recognises (%s, %s); the portal may have changed: run `autofill probe --profile …` — it looks at every page read-only, writes overrides your next run loads, and can pack a bundle for the maintainers (--bundle)", e.Seen.URL, e.Seen)
}

// sameHost says whether two addresses are on the same host.
func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Host != "" && ua.Host == ub.Host
}
