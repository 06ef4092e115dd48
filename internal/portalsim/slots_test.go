package portalsim_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/selectors"
)

// The upload limits autofill reads from the page maps and the simulator's
// own copy agree.
func TestMapsAndSimulatorAgreeOnUploadLimits(t *testing.T) {
	if d := portalsim.SlotDifferences(materials.Slots); len(d) > 0 {
		t.Fatalf("selectors/materials.yaml and the simulator disagree:\n%s", strings.Join(d, "\n"))
	}
}

// A copy of the maps that lets a 1.5 MB photo through: materials check
// passes the file, the simulator still refuses it as the portal would, and
// the disagreement is named.
func TestAMapAllowingWhatTheSimulatorRefusesIsCaught(t *testing.T) {
	loose := copyMaps(t, func(name, text string) string {
		if name != materials.MapFile {
			return text
		}
		return strings.Replace(text, "upload: {type: jpg, max_size: 1 MB, max_files: 1}", "upload: {type: jpg, max_size: 2 MB, max_files: 1}", 1)
	})
	slots, err := materials.SlotsFrom(loose)
	if err != nil {
		t.Fatal(err)
	}
	photo := bigJPEG(t, 1<<20+1<<19)
	path := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(path, photo, 0o600); err != nil {
		t.Fatal(err)
	}
	files := map[string][]string{"photo": {path}}
	if errs := sizeErrors(materials.CheckAllWith(slots, files)); len(errs) > 0 {
		t.Fatalf("the loosened map still refuses the photo: %v", errs)
	}
	if errs := sizeErrors(materials.CheckAll(files)); len(errs) == 0 {
		t.Fatal("the built-in maps let a 1.5 MB photo through")
	}

	d := portalsim.SlotDifferences(slots)
	if len(d) != 1 || !strings.Contains(d[0], "photo: the maps allow 2 MB a file, the simulator 1 MB") {
		t.Fatalf("differences %q, want the photo's size named", d)
	}

	_, c, id := verifiedApp(t, portalsim.Options{})
	st, b := c.upload("/api/applications/"+id+"/materials/photo", "photo.jpg", photo)
	if st != 422 || !strings.Contains(string(b), "photo.jpg 超过 1 MB") {
		t.Fatalf("the simulator took the photo: HTTP %d %s", st, b)
	}
}

// copyMaps is the built-in selectors/ with each file's text passed through edit.
func copyMaps(t *testing.T, edit func(name, text string) string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	names, err := fs.Glob(selectors.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(selectors.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = &fstest.MapFile{Data: []byte(edit(n, string(b)))}
	}
	return out
}

// bigJPEG is a readable 800×1000 photo padded to size bytes after its end
// marker, which decoders skip and the size rule counts.
func bigJPEG(t *testing.T, size int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 800, 1000))
	for y := 0; y < 1000; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, color.Gray{Y: uint8((x*7 + y*13) % 251)})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	for buf.Len() < size {
		buf.WriteByte(byte(buf.Len()))
	}
	return buf.Bytes()
}

func sizeErrors(r materials.Report) []string {
	var out []string
	for _, f := range r.Findings() {
		if f.IsError() && strings.Contains(f.Message, "MB") {
			out = append(out, f.String())
		}
	}
	return out
}
