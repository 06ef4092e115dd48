package portalsim_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/portalsim"
)

// TestScreenshots opens every page of the demo draft and saves a full-page
// PNG of each, so a person can check the simulator still looks like the
// portal. They go to a temp dir, or to $AUTOFILL_SIM_SHOTS when set.
func TestScreenshots(t *testing.T) {
	d := newDriver(t, portalsim.Options{Demo: true})
	dir := os.Getenv("AUTOFILL_SIM_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := func(id string) {
		t.Helper()
		png, err := chromedp.Run(d.ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
		if err != nil {
			t.Fatalf("screenshot of %s: %v", id, err)
		}
		if err := os.WriteFile(filepath.Join(dir, id+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d.open("/login", "login")
	shot("login")
	d.login(portalsim.DemoAccount.Username, portalsim.DemoAccount.Password, "applications")
	d.waitDialog(".notice-dialog")
	shot("applications-notice")
	d.click(".btn-notice-ok")
	d.do("notice closed", chromedp.WaitNotVisible(chromedp.CSS(".notice-dialog")))
	shot("applications")
	base := "/apply/" + portalsim.DemoAppID + "/"
	d.open("/apply/new/agreement", "agreement")
	shot("agreement")
	for _, id := range []string{"verify", "basic-info", "apply-type", "degree", "study-history", "materials", "confirm", "payment"} {
		d.open(base+id, id)
		shot(id)
	}
	t.Logf("screenshots in %s", dir)
}
