package portal

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/report/screenshot"
)

// viewportQuality is the JPEG quality of the page screenshots taken on the
// way: legible text at a tenth of a PNG's size.
const viewportQuality = 70

// screenshot saves a masked picture of the page (ID numbers and phones
// covered, as in the report) for the run report. On the way through the
// form it is a JPEG of the window, taken in tens of milliseconds before
// 下一步; the final page (full) is the whole page as a PNG.
func (r *runner) screenshot(ctx context.Context, m *pagemap.Map, full bool) error {
	var img []byte
	err := bounded(ctx, 2*callTimeout, "screenshot", func(ctx context.Context) error {
		var err error
		if full {
			img, err = screenshot.Capture(ctx, r.red.String)
		} else {
			img, err = screenshot.CaptureViewport(ctx, r.red.String, viewportQuality)
		}
		return err
	})
	if err != nil {
		return err
	}
	ext := ".jpg"
	if full {
		ext = ".png"
	}
	rel, err := saveShot(r.opts.RunDir, m.Page, "", ext, img)
	if err != nil {
		return err
	}
	r.emit(Event{Type: EvPageDone, Title: m.Title, Screenshot: rel})
	return nil
}

// SaveScreenshot writes a PNG screenshot of page into the run directory's
// screenshots folder as NN-page<suffix>.png, NN being the page's place in
// the flow (a page outside the flow sorts after it), and returns its path
// relative to runDir.
func SaveScreenshot(runDir, page, suffix string, png []byte) (string, error) {
	return saveShot(runDir, page, suffix, ".png", png)
}

// saveShot is SaveScreenshot for an image of any type (ext: ".png", ".jpg").
func saveShot(runDir, page, suffix, ext string, img []byte) (string, error) {
	i := slices.Index(pagemap.FlowOrder, page)
	if i < 0 {
		i = len(pagemap.FlowOrder)
	}
	rel := filepath.Join("screenshots", fmt.Sprintf("%02d-%s%s%s", i, page, suffix, ext))
	if err := os.MkdirAll(filepath.Join(runDir, "screenshots"), 0o700); err != nil {
		return "", err
	}
	if err := atomicfile.Write(filepath.Join(runDir, rel), img, 0o600); err != nil {
		return "", err
	}
	return rel, nil
}
