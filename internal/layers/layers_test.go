package layers

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const mod = "github.com/cscse-tools/autofill"

// A rule: only the allowed packages may import a package whose path starts
// with prefix.
var rules = []struct {
	prefix, why string
	allowed     []string // import paths; "path/..." allows path and every package under it
}{
	{
		prefix:  mod + "/internal/portalsim",
		why:     "the simulator is the dry-run's target and nobody else's: take it through internal/dryrun (its job.Target, or what it exports)",
		allowed: []string{mod + "/internal/dryrun", mod + "/internal/portalsim/..."},
	},
	{
		prefix: "github.com/chromedp/",
		why:    "internal/page is the one package that talks to a tab (waits, actionability and error classes stay in one place): ask it for what you need",
		allowed: []string{
			mod + "/internal/page",
			mod + "/internal/browser",             // starts the browser, opens tabs
			mod + "/internal/browser/browsertest", // tests' browsers, the benchmarks' readings
		},
	},
}

func TestImportRules(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goBin, "list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", mod+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := f[0]
		for _, r := range rules {
			if allows(r.allowed, pkg) {
				continue
			}
			for _, imp := range f[1:] {
				if strings.HasPrefix(imp, r.prefix) {
					t.Errorf("%s imports %s: %s", pkg, imp, r.why)
				}
			}
		}
	}
}

func allows(allowed []string, pkg string) bool {
	for _, a := range allowed {
		if base, tree := strings.CutSuffix(a, "/..."); pkg == base || tree && strings.HasPrefix(pkg, base+"/") {
			return true
		}
	}
	return false
}
