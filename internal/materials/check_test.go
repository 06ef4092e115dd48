package materials

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// badSet writes one of every problem the portal (or a reviewer) would
// reject, in the slots where an applicant would put them.
// fixtures are made once per test binary: generating and encoding images
// is most of the tests' time, under -race especially.
var fixtures struct {
	once                                  sync.Once
	okJPEG, smallJPEG, png, okPDF, bigPDF []byte
}

func loadFixtures(t testing.TB) {
	fixtures.once.Do(func() {
		fixtures.okJPEG = jpegBytes(t, scan(1600, 1100, 8, 1), 85)
		fixtures.smallJPEG = jpegBytes(t, scan(400, 300, 8, 5), 85)
		fixtures.png = pngBytes(t, scan(1600, 1100, 8, 4))
		page := jpegBytes(t, scan(1240, 1754, 8, 2), 85)
		fixtures.okPDF = pdfOf(t, page)
		// a 6 MB scan: the page's JPEG carries 6 MB of noise after its end
		// marker, which image decoders skip and PDFs embed as it is
		fixtures.bigPDF = pdfOf(t, padded(page, 6*mb))
	})
}

func padded(jpg []byte, n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]byte, len(jpg), len(jpg)+n)
	copy(out, jpg)
	for i := 0; i < n; i += 8 {
		out = binary.LittleEndian.AppendUint64(out, r.Uint64())
	}
	return out
}

// badSet writes one of every problem the portal (or a reviewer) would
// reject, in the slots where an applicant would put them.
func badSet(t *testing.T) (dir string, files map[string][]string) {
	t.Helper()
	loadFixtures(t)
	f := &fixtures
	dir = t.TempDir()
	files = map[string][]string{
		"photo": {write(t, dir, "photo.jpg", bigNoisyJPEG(t))},
		"passport": {
			write(t, dir, "p1.jpg", f.okJPEG),
			write(t, dir, "p2.jpg", f.png), // a PNG named .jpg
			write(t, dir, "p3.jpg", f.okJPEG),
			write(t, dir, "p4.jpg", withOrientation(f.okJPEG, 6)), // sideways
			write(t, dir, "p5.jpg", f.smallJPEG),
			write(t, dir, "p6.jpg", f.okJPEG[:len(f.okJPEG)/2]), // truncated
		},
		"visa":          {write(t, dir, "visa.jpg", nil)}, // empty
		"diploma":       {write(t, dir, "diploma.pdf", f.bigPDF)},
		"authorization": {write(t, dir, "auth.pdf", f.okPDF[:len(f.okPDF)/2])}, // corrupt
		"transcript": {
			write(t, dir, "t1.pdf", f.okPDF), // a PDF where JPEGs go
			filepath.Join(dir, "missing.jpg"),
		},
		"other": {write(t, dir, "other.jpg", f.okJPEG)},
	}
	return dir, files
}

func TestCheckAllCatchesEveryProblemWithSlotAndIndex(t *testing.T) {
	_, files := badSet(t)
	r := CheckAll(files)

	want := []struct {
		slot  string
		index int
		sev   Severity
		text  string
		fix   bool
	}{
		{"photo", 0, SeverityError, "takes at most 1 MB", true},
		{"passport", -1, SeverityError, "6 files, but 护照/通行证 takes at most 5", false},
		{"passport", 1, SeverityError, "is a PNG image; 护照/通行证 takes JPEG images only", true},
		{"passport", 3, SeverityWarning, "stored sideways", true},
		{"passport", 4, SeverityError, "too small to read", false},
		{"passport", 5, SeverityError, "cannot be decoded as a JPEG image", false},
		{"visa", 0, SeverityError, "is empty", false},
		{"diploma", 0, SeverityError, "takes at most 5 MB", true},
		{"authorization", 0, SeverityError, "cannot be read as a PDF", false},
		{"transcript", 0, SeverityError, "is a PDF; 成绩单 takes JPEG images only", false},
		{"transcript", 1, SeverityError, "cannot read it", false},
	}
	got := r.Findings()
	for _, w := range want {
		found := false
		for _, f := range got {
			if f.Slot == w.slot && f.Index == w.index && f.Severity == w.sev && strings.Contains(f.Message, w.text) {
				found = true
				if f.Fixable != w.fix {
					t.Errorf("%s[%d] %q: fixable = %v, want %v", w.slot, w.index, w.text, f.Fixable, w.fix)
				}
				if f.Hint == "" {
					t.Errorf("%s[%d] %q has no hint on how to fix it", w.slot, w.index, w.text)
				}
				if f.Label == "" {
					t.Errorf("%s[%d] has no label", w.slot, w.index)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding for %s[%d] containing %q; got:\n%s", w.sev, w.slot, w.index, w.text, dump(got))
		}
	}
	if r.OK() {
		t.Error("report with errors says OK")
	}
	// the sideways file is otherwise fine: its pixels read as displayed
	for _, fi := range r.Files {
		if fi.Slot == "passport" && fi.Index == 3 {
			if fi.Width != 1100 || fi.Height != 1600 || fi.Orientation != 6 || fi.Verdict() != "warning" {
				t.Errorf("sideways passport: %d×%d orientation %d verdict %s, want 1100×1600, 6, warning",
					fi.Width, fi.Height, fi.Orientation, fi.Verdict())
			}
		}
		if fi.Slot == "other" && fi.Verdict() != "ok" {
			t.Errorf("a fine JPEG in 其他材料 got %s: %s", fi.Verdict(), dump(fi.Findings))
		}
	}
}

func TestEncryptedPDFs(t *testing.T) {
	dir := t.TempDir()
	pdf := pdfOf(t, jpegBytes(t, scan(1240, 1754, 8, 2), 80))
	diploma, _ := SlotByKey("diploma")

	locked := write(t, dir, "locked.pdf", encrypt(t, pdf, "user-secret"))
	f, bad := CheckFile(diploma, locked)
	if !bad || !strings.Contains(f.Message, "needs a password") || f.Fixable {
		t.Errorf("password-protected PDF: %v %+v", bad, f)
	}

	perms := write(t, dir, "perms.pdf", encrypt(t, pdf, ""))
	f, bad = CheckFile(diploma, perms)
	if !bad || !strings.Contains(f.Message, "encrypted") || !f.Fixable {
		t.Errorf("permissions-only PDF: %v %+v", bad, f)
	}
	if fi := Inspect(diploma, perms); fi.Pages != 1 || !fi.Encrypted {
		t.Errorf("permissions-only PDF: pages %d encrypted %v, want 1 true", fi.Pages, fi.Encrypted)
	}
}

func TestCheckSlotKeepsItsContract(t *testing.T) {
	// The profile validator calls CheckSlot and CheckFile: paths in,
	// findings with slot, index and path out.
	dir := t.TempDir()
	photo, _ := SlotByKey("photo")
	ok := write(t, dir, "ok.jpg", jpegBytes(t, scan(600, 800, 8, 1), 85))
	if got := CheckSlot(photo, []string{ok}); len(got) != 0 {
		t.Errorf("fine photo: %s", dump(got))
	}
	if _, bad := CheckFile(photo, ok); bad {
		t.Error("CheckFile says a fine photo is bad")
	}
	png := write(t, dir, "png.jpg", pngBytes(t, scan(600, 800, 8, 1)))
	got := CheckSlot(photo, []string{ok, png})
	if len(got) != 2 { // too many files, and a PNG
		t.Fatalf("want 2 findings, got %s", dump(got))
	}
	if got[0].Index != -1 || got[1].Index != 1 || got[1].Path != png {
		t.Errorf("indexes/paths wrong: %s", dump(got))
	}
	// warnings only through CheckSlotAll, so callers that treat every
	// finding as an error do not fail a sideways scan
	side := write(t, dir, "side.jpg", withOrientation(jpegBytes(t, scan(600, 800, 8, 1), 85), 6))
	if got := CheckSlot(photo, []string{side}); len(got) != 0 {
		t.Errorf("CheckSlot returned warnings: %s", dump(got))
	}
	if got := CheckSlotAll(photo, []string{side}); len(got) == 0 || got[0].IsError() {
		t.Errorf("CheckSlotAll lost the sideways warning: %s", dump(got))
	}
}

func TestMissingSlots(t *testing.T) {
	r := CheckAll(map[string][]string{"diplomas": {"x.pdf"}})
	var keys []string
	for _, f := range r.Slots {
		keys = append(keys, string(f.Severity)+":"+f.Slot)
	}
	got := strings.Join(keys, " ")
	for _, w := range []string{"error:photo", "error:passport", "warning:visa", "error:diploma", "error:authorization", "error:diplomas"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %s in %s", w, got)
		}
	}
	if strings.Contains(got, "transcript") {
		t.Errorf("成绩单 is only recommended, got %s", got)
	}
}

func TestVerifyNamesEveryFailingFile(t *testing.T) {
	_, files := badSet(t)
	err := Verify(files)
	var ve *VerifyError
	if !errors.As(err, &ve) {
		t.Fatalf("Verify = %v, want a *VerifyError", err)
	}
	msg := err.Error()
	for _, w := range []string{"photo.jpg (证件照片)", "p2.jpg (护照/通行证)", "visa.jpg (签证/居留许可)",
		"diploma.pdf (学位证书)", "auth.pdf (授权声明)", "missing.jpg (成绩单)"} {
		if !strings.Contains(msg, w) {
			t.Errorf("Verify error does not name %q:\n%s", w, msg)
		}
	}
	if strings.Contains(msg, "p4.jpg") {
		t.Errorf("a warning (sideways p4.jpg) must not stop an upload:\n%s", msg)
	}
}

func TestExifOrientationParser(t *testing.T) {
	base := jpegBytes(t, scan(40, 20, 0, 1), 80)
	for o := uint16(1); o <= 8; o++ {
		if got := exifOrientation(withOrientation(base, o)); got != int(o) {
			t.Errorf("orientation %d read as %d", o, got)
		}
	}
	if got := exifOrientation(base); got != 0 {
		t.Errorf("no EXIF read as %d", got)
	}
	// damaged EXIF must not panic
	bad := withOrientation(base, 6)
	for n := 4; n < 40; n++ {
		exifOrientation(bad[:n])
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{500: "500 bytes", 2048: "2 KB", mb: "1 MB", 5 * mb: "5 MB", mb + mb/20: "1.05 MB"} {
		if got := HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func dump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}
