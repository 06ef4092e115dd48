package materials

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Test materials are generated, never committed: big binaries in git cost
// every clone, and generated ones say what they are made of.

// scan is a fake document: a light page with dark "text" bars, plus noise
// of the given strength (0–255) so JPEG cannot compress it away.
func scan(w, h int, noise int, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 1))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		line := (y/12)%3 == 0 // bars of "print" every third band
		for x := 0; x < w; x++ {
			v := 235
			if line && (x/40)%4 != 3 && x > w/10 && x < w*9/10 {
				v = 40
			}
			if noise > 0 {
				v += r.IntN(2*noise+1) - noise
			}
			v = max(0, min(255, v))
			i := m.PixOffset(x, y)
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(v), uint8(v*9/10), uint8(v*8/10), 255
		}
	}
	return m
}

func jpegBytes(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	bigOnce sync.Once
	bigJPEG []byte
)

// bigNoisyJPEG is a 4000×3000 camera photo with heavy sensor noise at
// quality 95: about 9.5 MB. Made once per test binary (it takes a second);
// under -race a 2000×1500 one of about 2.4 MB, over the limit all the same.
func bigNoisyJPEG(t testing.TB) []byte {
	t.Helper()
	w, h, least := 4000, 3000, 8*mb
	if raceEnabled || testing.Short() { // still over the photo's 1 MB, at a quarter of the work
		w, h, least = 2000, 1500, 2*mb
	}
	bigOnce.Do(func() { bigJPEG = jpegBytes(t, scan(w, h, 90, 7), 95) })
	if len(bigJPEG) < least {
		t.Fatalf("generated JPEG is %s, want at least %s", HumanSize(int64(len(bigJPEG))), HumanSize(int64(least)))
	}
	return bigJPEG
}

// withOrientation inserts an EXIF APP1 segment with the given orientation
// tag right after a JPEG's SOI marker, as a phone camera writes it.
func withOrientation(jpg []byte, o uint16) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	binary.Write(&tiff, binary.BigEndian, uint32(8)) // IFD0 offset
	binary.Write(&tiff, binary.BigEndian, uint16(1)) // one entry
	binary.Write(&tiff, binary.BigEndian, []uint16{0x0112, 3})
	binary.Write(&tiff, binary.BigEndian, uint32(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{o, 0})
	binary.Write(&tiff, binary.BigEndian, uint32(0)) // no next IFD
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(jpg[:2])
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpg[2:])
	return out.Bytes()
}

// pdfOf makes a PDF with one A4 page per JPEG, through pdfcpu.
func pdfOf(t testing.TB, jpegs ...[]byte) []byte {
	t.Helper()
	land := make([]bool, len(jpegs))
	b, err := imagesToPDF(jpegs, land)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encrypt protects a PDF with pdfcpu's AES encryption. An empty user
// password gives a PDF anyone can open but with permissions set.
func encrypt(t testing.TB, pdf []byte, userPW string) []byte {
	t.Helper()
	conf := pdfConfig()
	conf.UserPW, conf.OwnerPW = userPW, "owner-secret"
	conf.EncryptUsingAES, conf.EncryptKeyLength = true, 256
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &out, conf); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// pageCount reads a PDF's page count with pdfcpu, independently of the
// code under test.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := api.PageCount(f, pdfConfig())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func decodeFile(t testing.TB, path string) (image.Image, string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, format, err := image.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img, format
}
