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

// screenshot saves a masked picture of the whole page (ID numbers and
// phones covered, as in the report) for the run report: the PNG of the
// last page.
func (r *runner) screenshot(ctx context.Context, m *pagemap.Map) error {
	var img []byte
	err := bounded(ctx, 2*callTimeout, "screenshot", func(ctx context.Context) error {
		var err error
		img, err = screenshot.Capture(ctx, r.red.String)
		return err
	})
	if err != nil {
		return err
	}
	rel, err := saveShot(r.opts.RunDir, m.Page, "", ".png", img)
	if err != nil {
		return err
	}
	r.emit(Event{Type: EvPageDone, Title: m.Title, Screenshot: rel})
	return nil
}

// pageShot is the picture of a form page on the way: a JPEG of the window,
// taken while the engine re-reads the page before 下一步, then masked and
// saved while the engine moves on (Run waits for it before it returns).
type pageShot struct {
	rel   string        // where it is saved, relative to the run directory
	taken chan struct{} // closed once the browser has taken it
	err   error         // of taking it, set before taken closes
}

// shoot starts the picture of page m. Until shotTaken returns, the page
// must only be read: the masks are measured before the capture.
func (r *runner) shoot(ctx context.Context, m *pagemap.Map) *pageShot {
	s := &pageShot{rel: shotPath(m.Page, "", ".jpg"), taken: make(chan struct{})}
	r.shots.Add(1)
	go func() {
		defer r.shots.Done()
		var w *screenshot.Window
		s.err = bounded(ctx, 2*callTimeout, "screenshot", func(ctx context.Context) error {
			var err error
			w, err = screenshot.TakeWindow(ctx, r.red.String, viewportQuality)
			return err
		})
		close(s.taken)
		if s.err != nil {
			return
		}
		img, err := w.JPEG()
		if err == nil {
			err = writeShot(r.opts.RunDir, s.rel, img)
		}
		if err != nil {
			r.shotMu.Lock()
			r.shotErrs = append(r.shotErrs, err)
			r.shotMu.Unlock()
		}
	}()
	return s
}

// shotTaken waits until the browser has taken s (the page may change
// again) and reports whether it did; the picture is saved soon after, at
// s.rel.
func (r *runner) shotTaken(s *pageShot) bool {
	<-s.taken
	if s.err != nil {
		r.opts.Log.Warn().Err(s.err).Msg("screenshot")
	}
	return s.err == nil
}

// shotsSaved waits for the pictures still being saved and logs those that
// could not be (from the run's own goroutine, like every other entry).
func (r *runner) shotsSaved() {
	r.shots.Wait()
	r.shotMu.Lock()
	errs := r.shotErrs
	r.shotErrs = nil
	r.shotMu.Unlock()
	for _, err := range errs {
		r.opts.Log.Warn().Err(err).Msg("screenshot")
	}
}

// shotPath is where saveShot puts a picture, relative to the run directory.
func shotPath(page, suffix, ext string) string {
	i := slices.Index(pagemap.FlowOrder, page)
	if i < 0 {
		i = len(pagemap.FlowOrder)
	}
	return filepath.Join("screenshots", fmt.Sprintf("%02d-%s%s%s", i, page, suffix, ext))
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
	rel := shotPath(page, suffix, ext)
	if err := writeShot(runDir, rel, img); err != nil {
		return "", err
	}
	return rel, nil
}

// writeShot writes a picture at rel (shotPath) under runDir.
func writeShot(runDir, rel string, img []byte) error {
	if err := os.MkdirAll(filepath.Join(runDir, filepath.Dir(rel)), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(runDir, rel), img, 0o600)
}
