package page_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOnlyThePageLayerTalksToTabs: chromedp and its protocol types are
// this package's (and the browser launcher's) alone. Another package that
// needs something of a tab asks internal/page, so that every wait,
// actionability check and error class stays in one place.
func TestOnlyThePageLayerTalksToTabs(t *testing.T) {
	const mod = "github.com/cscse-tools/autofill"
	allowed := map[string]string{
		mod + "/internal/page":                "the page layer",
		mod + "/internal/browser":             "starts the browser and opens its tabs",
		mod + "/internal/browser/browsertest": "tests' browser, and the benchmarks' memory and CPU readings",
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
		if _, ok := allowed[f[0]]; ok {
			continue
		}
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, "github.com/chromedp/") {
				t.Errorf("%s imports %s: ask internal/page for what it needs of the tab", f[0], imp)
			}
		}
	}
}
