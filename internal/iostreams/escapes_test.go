package iostreams

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Terminal control sequences are written here and nowhere else: colours
// through ColorScheme, redraws through Region. A sequence elsewhere would
// bypass NO_COLOR or break a redraw.
func TestEscapeCodesOnlyInIOStreams(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	self, _ := filepath.Abs(".")
	needles := [][]byte{[]byte(`\x1b[`), []byte(`\033[`), []byte(`\u001b[`), []byte(`\u001B[`), []byte(`\x1B[`), []byte("\x1b[")}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata":
				return filepath.SkipDir
			}
			if path == self {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, n := range needles {
			if i := bytes.Index(b, n); i >= 0 {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s:%d: a terminal escape sequence outside internal/iostreams: use its ColorScheme or Region", rel, bytes.Count(b[:i], []byte("\n"))+1)
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
