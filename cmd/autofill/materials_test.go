package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/profile"
	"github.com/cscse-tools/autofill/selectors"
)

// materialsProfile is the example applicant of docs/profile.md; the materials block
// is filled in per test.
const materialsProfile = `# test applicant
applicant:
  name: 张三
  name_pinyin: ZHANG SAN
  gender: male
  birth_date: 1998-05-12
  nationality: 中国
  id_type: id_card
  id_number: "110105199805120012"
  phone: "13800138000"
  email: zhang.san@example.com
  address:
    region: [北京市, 海淀区]
    detail: 中关村大街 1 号
    postal_code: "100080"
account:
  username: "13800138000"
consent:
  service_agreement: false
application:
  type: foreign_degree
degrees:
  - id: msc
    awarding_country: 英国
    awarding_institution: The University of Edinburgh
    degree_name: Master of Science
    level: master
    award_date: 2023-11-28
    major_foreign: Artificial Intelligence
    major_chinese: 人工智能
    start: 2022-09-12
    end: 2023-09-01
    student_number: s2212345
    discipline: 工学
    remote_study: false
    materials:                # paths relative to this file
MATERIALS
study_history:
  - {from: 2013-09, to: 2016-06, country: 中国, school: 北京市第四中学, level: high_school}
  - {from: 2016-09, to: 2020-06, country: 中国, school: 北京大学, major: 计算机科学与技术, level: bachelor}
  - {from: 2022-09, to: 2023-09, country: 英国, school: The University of Edinburgh, major: Artificial Intelligence, level: master}
`

func noisy(w, h, noise int) *image.RGBA {
	r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(m.Pix); i += 4 {
		v := max(0, min(255, 200+r.IntN(2*noise+1)-noise))
		m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = uint8(v), uint8(v*9/10), uint8(v*8/10), 255
	}
	return m
}

func encode(t *testing.T, img image.Image, asPNG bool) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	if asPNG {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 95})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeApplicant writes a profile and its materials into a new folder:
// files maps a relative path to its content; block is the materials YAML.
func writeApplicant(t *testing.T, files map[string][]byte, block string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	prof := filepath.Join(dir, "me.yaml")
	text := strings.Replace(materialsProfile, "MATERIALS", block, 1)
	if err := os.WriteFile(prof, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return prof
}

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := mainRun(ios, args)
	return code, out.String(), errOut.String()
}

var (
	fixableOnce  sync.Once
	fixableFiles map[string][]byte
)

// fixableSet: a big photo, a PNG passport page, a diploma given as a JPEG
// and an authorization given as a JPEG; generated once per test binary.
func fixableSet(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	fixableOnce.Do(func() {
		fixableFiles = map[string][]byte{
			"materials/photo.jpg":    encode(t, noisy(1200, 1600, 70), false), // about 1.6 MB
			"materials/passport.jpg": encode(t, noisy(1600, 1100, 4), true),   // a PNG
			"materials/visa.jpg":     encode(t, noisy(1600, 1100, 4), false),
			"materials/diploma.jpg":  encode(t, noisy(1240, 1754, 4), false),
			"materials/auth.jpg":     encode(t, noisy(1240, 1754, 4), false),
		}
	})
	block := `      photo: materials/photo.jpg
      passport: [materials/passport.jpg]
      visa:
        - materials/visa.jpg      # F-1 visa
      diploma: materials/diploma.jpg
      authorization: materials/auth.jpg`
	return writeApplicant(t, fixableFiles, block), fixableFiles
}

func TestMaterialsCheckReportsEveryFile(t *testing.T) {
	prof, _ := fixableSet(t)
	code, out, _ := runCLI(t, "materials", "check", prof)
	if code != exitcode.BadInput {
		t.Errorf("exit %d, want %d\n%s", code, exitcode.BadInput, out)
	}
	for _, w := range []string{"证件照片", "materials/photo.jpg", "1200×1600 px", "takes at most 1 MB",
		"is a PNG image", "签证/居留许可", "ok", "学位证书", "takes a PDF only", "materials prepare"} {
		if !strings.Contains(out, w) {
			t.Errorf("check output lacks %q:\n%s", w, out)
		}
	}

	code, out, _ = runCLI(t, "materials", "check", prof, "--json", "--degree", "msc")
	var reports []struct {
		Degree string               `json:"degree"`
		Files  []materials.FileInfo `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &reports); err != nil || code != exitcode.BadInput {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	if len(reports) != 1 || reports[0].Degree != "msc" || len(reports[0].Files) != 5 {
		t.Errorf("--json: %+v", reports)
	}

	if code, _, errOut := runCLI(t, "materials", "check", prof, "--degree", "phd"); code != exitcode.BadInput || !strings.Contains(errOut, "its degrees are msc") {
		t.Errorf("unknown degree: exit %d\n%s", code, errOut)
	}
}

// The limits come from the page maps: a copy of selectors/ that allows one
// more passport page changes what check says, and a missing map is bad input.
func TestMaterialsCheckTakesLimitsFromTheMaps(t *testing.T) {
	prof, _ := fixableSet(t)
	_, before, _ := runCLI(t, "materials", "check", prof)
	dir := t.TempDir()
	data, err := fs.ReadFile(selectors.FS, materials.MapFile)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "{type: jpg, max_size: 1 MB, max_files: 1}", "{type: png, max_size: 4 MB, max_files: 1}", 1)
	if edited == string(data) {
		t.Fatal("the photo slot's limits are not where this test expects them")
	}
	if err := os.WriteFile(filepath.Join(dir, materials.MapFile), []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	_, after, _ := runCLI(t, "materials", "check", prof, "--selectors", dir)
	if after == before || !strings.Contains(before, "takes at most 1 MB") {
		t.Errorf("the edited limits changed nothing:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if code, _, errOut := runCLI(t, "materials", "check", prof, "--selectors", t.TempDir()); code != exitcode.BadInput || !strings.Contains(errOut, "--selectors") {
		t.Errorf("no materials map: exit %d\n%s", code, errOut)
	}
}

// prepare never overwrites a folder's other files unless told to, and what
// it writes is readable by the owner only.
func TestMaterialsPrepareRefusesAFolderInUse(t *testing.T) {
	prof, _ := fixableSet(t)
	out := filepath.Join(filepath.Dir(prof), "client-b")
	if err := os.MkdirAll(out, 0o700); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(out, "photo.jpg")
	if err := os.WriteFile(mine, []byte("someone else's photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "materials", "prepare", prof, "--out", out)
	if code != exitcode.BadInput || !strings.Contains(errOut, "is not empty") || !strings.Contains(errOut, "--force") {
		t.Fatalf("non-empty --out: exit %d\n%s", code, errOut)
	}
	if b, _ := os.ReadFile(mine); string(b) != "someone else's photo" {
		t.Fatal("the refused prepare wrote into the folder")
	}
	if code, stdout, errOut := runCLI(t, "materials", "prepare", prof, "--out", out, "--force"); code != exitcode.OK {
		t.Fatalf("--force: exit %d\n%s%s", code, stdout, errOut)
	}
	for _, name := range []string{"photo.jpg", "profile.yaml"} {
		st, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Error(err)
		} else if st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v; want 0600", name, st.Mode().Perm())
		}
	}
}

func TestMaterialsPrepareMakesAProfileThatValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: encodes full-size scans; skipped by -short (make test-fast), make test runs it")
	}
	prof, originals := fixableSet(t)
	out := filepath.Join(filepath.Dir(prof), "upload")
	code, stdout, stderr := runCLI(t, "materials", "prepare", prof, "--out", out)
	if code != exitcode.OK {
		t.Fatalf("prepare: exit %d\n%s%s", code, stdout, stderr)
	}
	for name, data := range originals {
		if got, _ := os.ReadFile(filepath.Join(filepath.Dir(prof), name)); !bytes.Equal(got, data) {
			t.Errorf("prepare changed the original %s", name)
		}
	}
	copyPath := filepath.Join(out, "profile.yaml")
	text, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"photo: photo.jpg", "passport: [passport-1.jpg]", "- visa-1.jpg      # F-1 visa",
		"diploma: diploma.pdf", "authorization: authorization.pdf", "materials:                # paths relative to this file"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("profile copy lacks %q:\n%s", w, text)
		}
	}
	st, _ := os.Stat(filepath.Join(out, "photo.jpg"))
	if st == nil || st.Size() > 1<<20 {
		t.Errorf("prepared photo: %v", st)
	}
	// the copy passes the profile validator's material checks
	_, problems := profile.Check(copyPath)
	for _, p := range problems {
		if strings.Contains(p.Path, "materials") {
			t.Errorf("validate on the prepared profile: %s", p)
		}
	}
	if code, out, _ := runCLI(t, "materials", "check", copyPath); code != exitcode.OK {
		t.Errorf("check on the prepared profile: exit %d\n%s", code, out)
	}
}

func TestMaterialsPrepareDiplomaPages(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: encodes full-size scans; skipped by -short (make test-fast), make test runs it")
	}
	prof, _ := fixableSet(t)
	dir := filepath.Dir(prof)
	back := filepath.Join(dir, "back.png")
	if err := os.WriteFile(back, encode(t, noisy(1240, 1754, 4), true), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "upload")
	front := filepath.Join(dir, "materials", "diploma.jpg")
	code, stdout, _ := runCLI(t, "materials", "prepare", prof, "--out", out, "--diploma-pages", front+","+back)
	if code != exitcode.OK {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if fi := materials.Inspect(materials.Slots[3], filepath.Join(out, "diploma.pdf")); fi.Pages != 2 {
		t.Errorf("diploma.pdf has %d pages, want front and back", fi.Pages)
	}
	if !strings.Contains(stdout, "diploma.jpg+back.png") || !strings.Contains(stdout, "merged") {
		t.Errorf("output does not say the pages were merged:\n%s", stdout)
	}
}

func TestMaterialsPrepareReportsWhatItCannotFix(t *testing.T) {
	files := map[string][]byte{
		"m/photo.png": encode(t, noisy(600, 800, 4), true),
		"m/auth.pdf":  []byte("%PDF-1.4\nbroken"),
	}
	prof := writeApplicant(t, files, `      photo: m/photo.png
      passport: [m/missing.jpg]
      diploma: m/auth.pdf
      authorization: m/auth.pdf`)
	out := filepath.Join(filepath.Dir(prof), "upload")
	code, stdout, _ := runCLI(t, "materials", "prepare", prof, "--out", out)
	if code != exitcode.BadInput {
		t.Errorf("exit %d, want %d", code, exitcode.BadInput)
	}
	for _, w := range []string{"Still to do by you", "missing.jpg", "cannot read it", "cannot be read as a PDF", "converted"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("output lacks %q:\n%s", w, stdout)
		}
	}
	text, err := os.ReadFile(filepath.Join(out, "profile.yaml"))
	if err != nil {
		t.Fatal("profile.yaml not written though some files were prepared")
	}
	if !strings.Contains(string(text), "photo: photo.jpg") || !strings.Contains(string(text), filepath.Join(filepath.Dir(prof), "m", "missing.jpg")) {
		t.Errorf("profile copy:\n%s", text)
	}
}

func TestMaterialsPrepareFlags(t *testing.T) {
	prof, _ := fixableSet(t)
	if code, _, errOut := runCLI(t, "materials", "prepare", prof); code != exitcode.BadInput || !strings.Contains(errOut, "--out DIR is required") {
		t.Errorf("no --out: exit %d\n%s", code, errOut)
	}
	dir := filepath.Dir(prof)
	if code, _, errOut := runCLI(t, "materials", "prepare", prof, "--out", filepath.Join(dir, "materials")); code != exitcode.BadInput || !strings.Contains(errOut, "never overwrites originals") {
		t.Errorf("--out at the originals: exit %d\n%s", code, errOut)
	}
}
