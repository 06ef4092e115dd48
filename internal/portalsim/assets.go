package portalsim

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// webDir is where package.json and node_modules live, relative to the
// repository root.
const webDir = "internal/portalsim/web"

// EnvAssets names the environment variable that points at node_modules.
const EnvAssets = "AUTOFILL_SIM_ASSETS"

// vendorFiles must exist in node_modules for the pages to work; checking
// them up front turns a half-installed tree into a clear error at start
// rather than a blank page in the browser.
var vendorFiles = []string{
	"vue/dist/vue.min.js",
	"element-ui/lib/index.js",
	"element-ui/lib/theme-chalk/index.css",
	"element-ui/lib/theme-chalk/fonts/element-icons.woff",
}

// findAssets locates node_modules: the explicit dir, else $AUTOFILL_SIM_ASSETS,
// else internal/portalsim/web/node_modules under the working directory or any
// parent of it, else next to this source file (so tests and `go run` work
// from anywhere in the checkout).
func findAssets(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv(EnvAssets)
	}
	if dir != "" {
		if err := checkAssets(dir); err != nil {
			return "", err
		}
		return dir, nil
	}
	var tried []string
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			cand := filepath.Join(d, webDir, "node_modules")
			tried = append(tried, cand)
			if checkAssets(cand) == nil {
				return cand, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		cand := filepath.Join(filepath.Dir(file), "web", "node_modules")
		tried = append(tried, cand)
		if checkAssets(cand) == nil {
			return cand, nil
		}
	}
	return "", fmt.Errorf("portal simulator: the Vue/Element UI packages are not installed (looked for node_modules in %d places, first %s); run `make deps`, or `npm ci` in %s, or point --assets / $%s at a node_modules directory",
		len(tried), first(tried), webDir, EnvAssets)
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
		"; run `make deps` (or `npm ci` in " + webDir + ") to install the simulator's npm packages")
}

func first(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return s[0]
}
