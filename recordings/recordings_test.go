package recordings

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/recording"
)

// Every page of the flow is recorded, from the simulator.
func TestManifestListsEveryPage(t *testing.T) {
	m, err := recording.Read(FS, "recordings")
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pagemap.FlowOrder {
		e, ok := m.Get(page)
		if !ok || e.Source != recording.Simulator || e.File != page+".html" {
			t.Errorf("page %s: %+v", page, e)
		}
	}
}

// Nothing personal, nothing that runs or loads: what the pre-commit hook
// and a reviewer look for, in every committed file.
func TestNoPersonalDataNoScripts(t *testing.T) {
	bad := map[string]*regexp.Regexp{
		"an ID number":   regexp.MustCompile(`[1-9][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{3}[0-9Xx]`),
		"a phone number": regexp.MustCompile(`(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)`),
		"an e-mail":      regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}`),
		"a script":       regexp.MustCompile(`(?i)<script|\son[a-z]+=|javascript:`),
		"an address":     regexp.MustCompile(`(?i)(src|href)="(https?:)?//|url\((["']?)(https?:|/)`),
		"a font":         regexp.MustCompile(`(?i)@font-face`),
		"the demo name":  regexp.MustCompile(`王小明|WANG XIAOMING</|wang\.xiaoming`),
	}
	n := 0
	err := fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(FS, p)
		if err != nil {
			return err
		}
		n++
		for what, re := range bad {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("recordings/%s holds %s: %q", p, what, b[max(0, loc[0]-40):min(len(b), loc[1]+40)])
			}
		}
		if strings.HasSuffix(p, ".html") && !strings.Contains(string(b), `href="styles/`) {
			t.Errorf("recordings/%s links no stylesheet", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 14 {
		t.Errorf("%d files embedded; want the manifest, 11 pages and their stylesheets", n)
	}
}
