package pagemap

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LineAt returns the line of a path in the map's file, such as
// "list.rows", "never_click[1]" or "fields[0].table.add", so that a check
// can point at the very line to fix. Where the path ends early it returns
// the line of the deepest part found; 0 for a map not read from a file.
func (m *Map) LineAt(path string) int { return pathLine(m.node, m.Line, path) }

// pathLine is LineAt in any document: line is where a path that ends at
// once is.
func pathLine(n *yaml.Node, line int, path string) int {
	for _, part := range strings.Split(path, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			name = part[:i]
			if v, err := strconv.Atoi(part[i+1 : len(part)-1]); err == nil {
				idx = v
			}
		}
		if name != "" {
			if l := lineOf(n, name); l > 0 && child(n, name) != nil {
				line = l
			}
			n = child(n, name)
		}
		if idx >= 0 {
			n = item(n, idx)
			if n != nil {
				line = n.Line
			}
		}
		if n == nil {
			break
		}
	}
	return line
}
