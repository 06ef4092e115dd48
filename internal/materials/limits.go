package materials

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Limits are what the portal accepts in one upload slot. They are portal
// knowledge, so they live in the materials page map (selectors/
// materials.yaml, a field's upload:), not in Go; Slots reads them there.
type Limits struct {
	Type     Type   `yaml:"type"`      // jpg or pdf: the one file type the slot takes
	MaxSize  string `yaml:"max_size"`  // per file: "1 MB", "500 KB"
	MaxFiles int    `yaml:"max_files"` // at most this many files; 0 or absent: no limit
}

var sizeSyntax = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*(MB|KB|B)$`)

// Bytes returns MaxSize in bytes.
func (l Limits) Bytes() (int64, error) {
	m := sizeSyntax.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(l.MaxSize)))
	if m == nil {
		return 0, fmt.Errorf("max_size %q: write a size such as 1 MB or 500 KB", l.MaxSize)
	}
	n, _ := strconv.ParseFloat(m[1], 64)
	unit := map[string]float64{"MB": mb, "KB": 1 << 10, "B": 1}[m[2]]
	if n <= 0 {
		return 0, fmt.Errorf("max_size %q: a slot must take some bytes", l.MaxSize)
	}
	return int64(n * unit), nil
}

// Problems returns what is wrong with the limits, each a sentence that says
// how to fix it; nil when they are usable.
func (l Limits) Problems() []string {
	var out []string
	if l.Type != JPEG && l.Type != PDF {
		out = append(out, fmt.Sprintf("upload type %q: use jpg or pdf", l.Type))
	}
	if _, err := l.Bytes(); err != nil {
		out = append(out, "upload "+err.Error())
	}
	if l.MaxFiles < 0 {
		out = append(out, fmt.Sprintf("upload max_files %d: give a positive count, or leave it out for no limit", l.MaxFiles))
	}
	return out
}
