package materials

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrepareBigPhotoFitsAndStaysSharp(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: encodes full-size scans; skipped by -short (make test-fast), make test runs it")
	}
	dir := t.TempDir()
	in := write(t, dir, "photo.jpg", bigNoisyJPEG(t))
	out := filepath.Join(dir, "out")
	res, err := Prepare(map[string][]string{"photo": {in}}, out)
	if err != nil {
		t.Fatal(err)
	}
	got := filepath.Join(out, "photo.jpg")
	if res.Files["photo"][0] != got {
		t.Fatalf("photo prepared as %v, want %s", res.Files["photo"], got)
	}
	st, err := os.Stat(got)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 1*mb {
		t.Errorf("prepared photo is %s, over 1 MB", HumanSize(st.Size()))
	}
	img, format := decodeFile(t, got)
	long := max(img.Bounds().Dx(), img.Bounds().Dy())
	if format != "jpeg" || long < photoFloor || long > photoCap {
		t.Errorf("prepared photo is %s %d×%d; want a JPEG with a long side of %d–%d px",
			format, img.Bounds().Dx(), img.Bounds().Dy(), photoFloor, photoCap)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("prepared identity document has mode %v, want 0600", st.Mode().Perm())
	}
	t.Logf("%s", res.Outputs[0].Note)
}

func TestPrepareFixesWhatCanBeFixedAndReportsTheRest(t *testing.T) {
	dir, files := badSet(t)
	before := snapshot(t, dir)
	out := filepath.Join(dir, "prepared")
	res, err := Prepare(files, out)
	if err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, dir); !sameFiles(before, after) {
		t.Error("prepare changed an original")
	}
	action := map[string]string{}
	for _, o := range res.Outputs {
		action[filepath.Base(o.Inputs[0])] = o.Action
	}
	for in, want := range map[string]string{
		"photo.jpg": "converted", "p1.jpg": "copied", "p2.jpg": "converted", "p4.jpg": "converted",
		"p5.jpg": "copied", "p6.jpg": "kept", "visa.jpg": "kept", "diploma.pdf": "kept", "auth.pdf": "kept",
		"t1.pdf": "kept", "missing.jpg": "kept", "other.jpg": "copied",
	} {
		if action[in] != want {
			t.Errorf("%s: action %q, want %q", in, action[in], want)
		}
	}
	// a fine file is copied byte for byte
	a, _ := os.ReadFile(files["passport"][0])
	b, _ := os.ReadFile(filepath.Join(out, "passport-1.jpg"))
	if !bytes.Equal(a, b) {
		t.Error("passport-1.jpg is not a byte-identical copy of a file that was fine")
	}
	// the sideways scan is upright now, with no orientation tag left
	side := filepath.Join(out, "passport-4.jpg")
	if img, _ := decodeFile(t, side); img.Bounds().Dx() != 1100 || img.Bounds().Dy() != 1600 {
		t.Errorf("passport-4.jpg is %v, want 1100×1600 upright", img.Bounds())
	}
	if data, _ := os.ReadFile(side); exifOrientation(data) != 0 {
		t.Error("passport-4.jpg still carries an orientation tag")
	}

	// what is left needs a person, and the check still says so
	var left []string
	for _, f := range res.Check.Findings() {
		if f.IsError() {
			left = append(left, f.Slot+":"+filepath.Base(f.Path))
		}
		if f.IsError() && f.Fixable {
			t.Errorf("prepare left a fixable problem: %s", f)
		}
	}
	want := []string{"passport:.", "passport:passport-5.jpg", "passport:p6.jpg", "visa:visa.jpg", "diploma:diploma.pdf",
		"authorization:auth.pdf", "transcript:t1.pdf", "transcript:missing.jpg"}
	if strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("problems left after prepare:\n got %v\nwant %v", left, want)
	}
	if res.OK() {
		t.Error("prepare says OK with problems left")
	}
}

func TestPrepareMakesAnUploadReadySet(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: encodes full-size scans; skipped by -short (make test-fast), make test runs it")
	}
	dir := t.TempDir()
	var g bytes.Buffer
	if err := gif.Encode(&g, grey(scan(1400, 1000, 0, 9)), nil); err != nil {
		t.Fatal(err)
	}
	front := jpegBytes(t, scan(1240, 1754, 10, 11), 92) // A4 at 150 dpi
	back := pngBytes(t, scan(900, 1273, 0, 12))
	auth := pdfOf(t, jpegBytes(t, scan(1240, 1754, 4, 13), 80))
	files := map[string][]string{
		"photo": {write(t, dir, "photo.png", pngBytes(t, scan(600, 800, 0, 1)))},
		"passport": {
			write(t, dir, "bio.jpg", withOrientation(jpegBytes(t, scan(1600, 1100, 8, 2), 85), 8)),
			write(t, dir, "stamps.gif", g.Bytes()),
		},
		"visa":          {write(t, dir, "visa.jpg", bigNoisyJPEG(t))},
		"diploma":       {write(t, dir, "front.jpg", front), write(t, dir, "back.png", back)},
		"authorization": {write(t, dir, "auth.pdf", encrypt(t, auth, ""))},
		"transcript":    {write(t, dir, "t1.jpg", jpegBytes(t, scan(1200, 1700, 50, 14), 95))},
	}
	out := filepath.Join(dir, "out")
	res, err := Prepare(files, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outputs {
		t.Logf("%-13s %-9s %s", o.Slot, o.Action, o.Note)
	}
	if !res.OK() || res.Check.Warnings() != 0 {
		t.Fatalf("prepared set is not clean:\n%s", dump(res.Check.Findings()))
	}
	if Verify(res.Files) != nil {
		t.Error("Verify refuses the prepared set")
	}
	diploma := filepath.Join(out, "diploma.pdf")
	if res.Files["diploma"][0] != diploma || pageCount(t, diploma) != 2 {
		t.Errorf("diploma front and back: want one PDF of 2 pages at %s, got %v", diploma, res.Files["diploma"])
	}
	if fi := Inspect(Slots[4], filepath.Join(out, "authorization.pdf")); fi.Encrypted || fi.Pages != 1 {
		t.Errorf("authorization: encrypted %v, pages %d; want a plain 1-page PDF", fi.Encrypted, fi.Pages)
	}
	if img, _ := decodeFile(t, filepath.Join(out, "passport-1.jpg")); img.Bounds() != image.Rect(0, 0, 1100, 1600) {
		t.Errorf("orientation 8 scan: got %v, want 1100×1600", img.Bounds())
	}
}

func TestPrepareNeverOverwritesOriginals(t *testing.T) {
	dir := t.TempDir()
	photo := write(t, dir, "photo.jpg", bigNoisyJPEG(t))
	_, err := Prepare(map[string][]string{"photo": {photo}}, dir)
	if err == nil || !strings.Contains(err.Error(), "choose an empty folder") {
		t.Fatalf("prepare into the originals' folder: err = %v", err)
	}
	if data, _ := os.ReadFile(photo); !bytes.Equal(data, bigNoisyJPEG(t)) {
		t.Fatal("the original was changed")
	}
}

func TestPrepareTooSmallToReadIsNotUpscaled(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "p.png", pngBytes(t, scan(500, 350, 0, 1)))
	res, err := Prepare(map[string][]string{"passport": {in}}, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	img, _ := decodeFile(t, res.Files["passport"][0])
	if img.Bounds().Dx() != 500 {
		t.Errorf("a small image was resized to %v", img.Bounds())
	}
	if len(res.Check.Files) != 1 || !strings.Contains(firstReason(res.Check.Files[0]), "too small to read") {
		t.Errorf("converted, but its size must still be reported: %s", dump(res.Check.Findings()))
	}
}

// BenchmarkPrepareLargePhoto prepares a 9.5 MB, 4000×3000 camera photo
// for the 1 MB 证件照片 slot: decode, downscale, quality search, write.
func BenchmarkPrepareLargePhoto(b *testing.B) {
	dir := b.TempDir()
	in := write(b, dir, "photo.jpg", bigNoisyJPEG(b))
	files := map[string][]string{"photo": {in}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Prepare(files, filepath.Join(dir, "out")); err != nil {
			b.Fatal(err)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			m[e.Name()], _ = os.ReadFile(filepath.Join(dir, e.Name()))
		}
	}
	return m
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// grey makes a paletted copy of a scan (GIF's encoder dithers any other
// image, which takes seconds).
func grey(m *image.RGBA) *image.Paletted {
	pal := make(color.Palette, 256)
	for i := range pal {
		pal[i] = color.Gray{uint8(i)}
	}
	p := image.NewPaletted(m.Bounds(), pal)
	for i := range p.Pix {
		p.Pix[i] = m.Pix[4*i]
	}
	return p
}

// gopherWebP is golang.org/x/image's testdata/gopher-doc.1bpp.lossless.webp
// (BSD licence, 442 bytes): Go has no WebP encoder to make one.
const gopherWebP = "UklGRrIBAABXRUJQVlA4TKUBAAAvSsAYAA8w//M///MfeJAkbXvaSG7m8Q3GfYSBJekwQztm/IcZlgwnmWImn2BK7aFmBtnVir6q" +
	"//8VOkFE/xm4baTIu8c48ArEo6+B3zFKYln3pqClSCKX0begFTAXFOLXHSyF8cCNcZEG4OywuA4KVVfJCiArU7GAgJI8+lJP/OKM" +
	"T/fBAjevg1cYB7YVkFuWga2lyPi5I0HFy5YTpWIHg0RZpkniRVW9odHAKOwosWuOGdxIyn2OvaCDvhg/we6TwadPBPbqBV58MsLm" +
	"MJ8yZnOWk8SRz4N+QoyPL+MnamzMvcE1rHNEr91F9GKZPVUcS9w7PhhH36suB9qPeYb/oLk6cuTiJ0wOK3m5h1cKjW6EVZCYMK7d" +
	"xcKCBdgP9HkKr9gkAO2P8GKZGWVdIAatQa+1IDpt6qyorVwdy01xdW8Jkfk6xjEXmVQQ+HQdFr6OKhIN34dXWq0+0qr6EJSCeeVL" +
	"H9+gvGTLyqM65PQ44ihzlTXxQKjKbAvshXgir7Lil9w4L2bvMycmjQcqXaMCO6BlY28i+FOLzbfI1vEqxAhotocAAA=="

func TestPrepareConvertsWebP(t *testing.T) {
	data, err := base64.StdEncoding.DecodeString(gopherWebP)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := write(t, dir, "scan.jpg", data)
	other, _ := SlotByKey("other")
	if f, bad := CheckFile(other, in); !bad || !strings.Contains(f.Reason, "is a WebP image") {
		t.Errorf("WebP named .jpg: %v %+v", bad, f)
	}
	res, err := Prepare(map[string][]string{"other": {in}}, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Outputs[0].Action != "converted" {
		t.Fatalf("WebP: %+v", res.Outputs[0])
	}
	if _, format := decodeFile(t, res.Files["other"][0]); format != "jpeg" {
		t.Errorf("WebP became %s, want jpeg", format)
	}
}

// pdfcpu must not leave a config folder in the user's home: identity
// documents pass through here, and a tool should leave nothing behind.
func TestPDFWorkWritesNothingIntoHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	pdf := pdfOf(t, jpegBytes(t, scan(600, 800, 0, 1), 80))
	inspectPDF(encrypt(t, pdf, ""))
	if _, err := optimizePDF(pdf); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("pdfcpu wrote into the home folder: %v", entries)
	}
}
