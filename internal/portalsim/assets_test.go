package portalsim

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
)

// TestVendorMatchesLock pins the embedded copy to package-lock.json: every
// vendored file must equal the one `npm ci` installed. It needs
// node_modules, which `make deps` installs; under CI=true (where it does)
// a missing node_modules fails instead of skipping.
func TestVendorMatchesLock(t *testing.T) {
	nm := filepath.Join("web", "node_modules")
	if _, err := os.Stat(filepath.Join(nm, ".package-lock.json")); err != nil {
		if browsertest.Required() {
			t.Fatalf("CI=true and no npm packages in %s (make deps installs them): %v", nm, err)
		}
		t.Skipf("no npm packages in %s to compare the vendored copy with (run `make deps`)", nm)
	}
	n := 0
	err := fs.WalkDir(embeddedAssets(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		got, err := fs.ReadFile(embeddedAssets(), p)
		if err != nil {
			return err
		}
		want, err := os.ReadFile(filepath.Join(nm, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("vendored %s is not in node_modules (%v): run `make vendor`", p, err)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("vendored %s differs from node_modules/%s (installed from package-lock.json): run `make vendor` and commit web/thirdparty", p, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("nothing vendored under web/thirdparty")
	}
}

// TestVendorServesWhatPagesLoad checks that the embedded copy holds every
// library file the templates load and every file index.css points at, and
// each package's licence.
func TestVendorServesWhatPagesLoad(t *testing.T) {
	assets := embeddedAssets()
	need := map[string]string{
		"vue/LICENSE":        "licence",
		"element-ui/LICENSE": "licence",
	}
	for _, f := range vendorFiles {
		need[f] = "vendorFiles"
	}
	tmpl, err := fs.Glob(templateFS, "web/templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	ref := regexp.MustCompile(`/static/vendor/([^"'\s)]+)`)
	for _, name := range tmpl {
		b, _ := templateFS.ReadFile(name)
		for _, m := range ref.FindAllSubmatch(b, -1) {
			need[string(m[1])] = name
		}
	}
	const css = "element-ui/lib/theme-chalk/index.css"
	b, err := fs.ReadFile(assets, css)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`url\((fonts/[^)]+)\)`).FindAllSubmatch(b, -1) {
		need[path.Join(path.Dir(css), string(m[1]))] = css
	}
	if len(need) < 7 {
		t.Fatalf("found only %d files to check; the templates' vendor links changed?", len(need))
	}
	for f, from := range need {
		if _, err := fs.Stat(assets, f); err != nil {
			t.Errorf("%s needs %s, which is not vendored: add it to scripts/vendor.sh and run `make vendor`", from, f)
		}
	}
}
