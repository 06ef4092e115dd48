package dryrun_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOnlyTheDryRunImportsTheSimulator: the simulator is the dry-run's
// target and nobody else's. A job, a batch or a recorder that needs
// something of it asks internal/dryrun.
func TestOnlyTheDryRunImportsTheSimulator(t *testing.T) {
	const mod = "github.com/cscse-tools/autofill"
	allowed := map[string]string{
		mod + "/internal/dryrun":    "the dry-run target",
		mod + "/internal/portalsim": "itself",
	}
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
		if _, ok := allowed[pkg]; ok || strings.HasPrefix(pkg, mod+"/internal/portalsim/") {
			continue
		}
		for _, imp := range f[1:] {
			if imp == mod+"/internal/portalsim" {
				t.Errorf("%s imports internal/portalsim: take the simulator through internal/dryrun (its job.Target, or what it exports)", pkg)
			}
		}
	}
}
