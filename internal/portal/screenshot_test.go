package portal_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cscse-tools/autofill/internal/portal"
)

// SaveScreenshot names a page's screenshot by its place in the flow, as the
// run report and the stopped-page shot expect.
func TestSaveScreenshotNames(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ page, suffix, want string }{
		{"login", "", "screenshots/00-login.png"},
		{"basic-info", "", "screenshots/04-basic-info.png"},
		{"degree", "-stopped", "screenshots/06-degree-stopped.png"},
		{"payment", "-stopped", "screenshots/10-payment-stopped.png"},
		{"elsewhere", "", "screenshots/11-elsewhere.png"},
	} {
		rel, err := portal.SaveScreenshot(dir, c.page, c.suffix, []byte("png"))
		if err != nil {
			t.Fatal(err)
		}
		if filepath.ToSlash(rel) != c.want {
			t.Errorf("SaveScreenshot(%q, %q) = %q, want %q", c.page, c.suffix, rel, c.want)
		}
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil || string(b) != "png" {
			t.Errorf("%s: %q, %v", rel, b, err)
		}
		if fi, err := os.Stat(filepath.Join(dir, rel)); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", rel, fi.Mode().Perm())
		}
	}
}
