package portalsim

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// webDir is where package.json and node_modules live, relative to the
// repository root.
const webDir = "internal/portalsim/web"

// EnvAssets names the environment variable that points at a node_modules
// directory to serve instead of the embedded copy.
const EnvAssets = "AUTOFILL_SIM_ASSETS"

// vendorFS holds the Vue and Element UI files the pages load, copied from
// the npm packages pinned by web/package-lock.json (`make vendor`;
// TestVendorMatchesLock fails when they drift). Embedding them makes one
// binary serve the simulator on any computer, with no Node or checkout.
// The folder is not named vendor: module zips drop vendor directories, and
// `go install …@latest` would build without them.
//
//go:embed web/thirdparty
var vendorFS embed.FS

// vendorFiles must exist for the pages to work; checking them up front
// turns a half-installed node_modules into a clear error at start rather
// than a blank page in the browser.
var vendorFiles = []string{
	"vue/dist/vue.min.js",
	"element-ui/lib/index.js",
	"element-ui/lib/theme-chalk/index.css",
	"element-ui/lib/theme-chalk/fonts/element-icons.woff",
}

// findAssets returns the files served at /static/vendor/: the node_modules
// directory dir or $AUTOFILL_SIM_ASSETS names (for trying another version
// of the libraries without rebuilding), else the embedded copy.
func findAssets(dir string) (fs.FS, error) {
	if dir == "" {
		dir = os.Getenv(EnvAssets)
	}
	if dir == "" {
		return embeddedAssets(), nil
	}
	if err := checkAssets(dir); err != nil {
		return nil, err
	}
	return os.DirFS(dir), nil
}

// embeddedAssets is the embedded copy, rooted like node_modules.
func embeddedAssets() fs.FS {
	sub, err := fs.Sub(vendorFS, "web/thirdparty")
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	return sub
}

func checkAssets(dir string) error {
	var missing []string
	for _, f := range vendorFiles {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return errors.New("portal simulator: " + dir + " lacks " + missing[0] +
		"; point --assets / $" + EnvAssets + " at a node_modules directory with vue and element-ui (`make deps`, or `npm ci` in " + webDir +
		", installs one), or leave both unset to use the copy built into autofill")
}
