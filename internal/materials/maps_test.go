package materials

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cscse-tools/autofill/selectors"
)

// mapsWith is the built-in selectors/ with materials.yaml's old text
// replaced by new.
func mapsWith(t *testing.T, old, new string) fstest.MapFS {
	t.Helper()
	b, err := fs.ReadFile(selectors.FS, MapFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", MapFile, old)
	}
	return fstest.MapFS{MapFile: {Data: []byte(strings.Replace(string(b), old, new, 1))}}
}

// The limits come from the map: change one there and the check changes.
func TestLimitsComeFromTheMaps(t *testing.T) {
	loadFixtures(t)
	dir := t.TempDir()
	var passports []string
	for _, n := range []string{"p1.jpg", "p2.jpg", "p3.jpg"} {
		passports = append(passports, write(t, dir, n, fixtures.okJPEG))
	}
	files := map[string][]string{"passport": passports}
	if got := countProblems(CheckAll(files)); len(got) > 0 {
		t.Fatalf("built-in maps: %v", got)
	}
	slots, err := SlotsFrom(mapsWith(t, "{type: jpg, max_size: 1 MB, max_files: 5}", "{type: jpg, max_size: 1 MB, max_files: 2}"))
	if err != nil {
		t.Fatal(err)
	}
	got := countProblems(CheckAllWith(slots, files))
	if len(got) != 1 || !strings.Contains(got[0], "3 files, but 护照/通行证 takes at most 2") {
		t.Fatalf("max_files 2 in the map: %v", got)
	}

	// A type change: a JPEG passport page is now the wrong type.
	slots, err = SlotsFrom(mapsWith(t, "{type: jpg, max_size: 1 MB, max_files: 5}", "{type: pdf, max_size: 1 MB, max_files: 5}"))
	if err != nil {
		t.Fatal(err)
	}
	before, after := CheckAll(files), CheckAllWith(slots, files)
	if n := after.Errors() - before.Errors(); n != 3 {
		t.Fatalf("type pdf in the map: %d more errors, want one per JPEG: %v", n, after.Findings())
	}
}

func countProblems(r Report) []string {
	var out []string
	for _, f := range r.Slots {
		if f.IsError() && f.Slot == "passport" {
			out = append(out, f.Message)
		}
	}
	return out
}

func TestSlotsFromReportsEveryBadLimit(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"size", "{type: pdf, max_size: 5 MB, max_files: 1}", "{type: pdf, max_size: five, max_files: 1}", `degree.materials.diploma: upload max_size "five": write a size such as 1 MB`},
		{"type", "{type: pdf, max_size: 5 MB, max_files: 1}", "{type: png, max_size: 5 MB, max_files: 1}", `degree.materials.diploma: upload type "png": use jpg or pdf`},
		{"missing", "upload: {type: pdf, max_size: 5 MB, max_files: 1}", "optional: false", "field degree.materials.diploma has no upload: limits"},
		{"no field", "key: degree.materials.photo", "key: degree.materials.portrait", "no field degree.materials.photo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := SlotsFrom(mapsWith(t, c.old, c.new))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
}

func TestLimitsBytes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1 MB", 1 << 20, true}, {"5MB", 5 << 20, true}, {"500 KB", 500 << 10, true}, {"1.5 mb", 3 << 19, true},
		{"", 0, false}, {"1 GB", 0, false}, {"0 MB", 0, false}, {"MB", 0, false},
	} {
		got, err := Limits{MaxSize: c.in}.Bytes()
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%q: %d, %v; want %d (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}
