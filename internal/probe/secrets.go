package probe

import (
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/profile"
)

// SecretTexts are the profile's texts no recording or bundle may show:
// every string value of the profile except the portal's own vocabulary,
// which the public recordings (public, e.g. the built-in recordings/) show
// to everyone (英国, 硕士, 男…). Longer texts come first, so that scrubbing a
// text never leaves a part of a longer one.
func SecretTexts(p *profile.Profile, public fs.FS) []string {
	var b strings.Builder
	_ = fs.WalkDir(public, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, err := fs.ReadFile(public, path); err == nil {
				b.Write(data)
			}
		}
		return nil
	})
	vocab := b.String()
	var n yaml.Node
	if err := n.Encode(p); err != nil {
		return nil
	}
	var out []string
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag != "!!bool" && n.Tag != "!!null" {
			v := strings.TrimSpace(n.Value)
			if telling(v) && !strings.Contains(vocab, v) && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 {
				continue // keys are the profile's vocabulary, not the person's
			}
			walk(c)
		}
	}
	walk(&n)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// telling says whether a text could tell who someone is: a CJK name has two
// characters; a shorter Latin text or number (10, GB) is everywhere, in
// stylesheets too.
func telling(v string) bool {
	n := utf8.RuneCountInString(v)
	return n >= 5 || (n >= 2 && len(v) > n)
}

// scrub replaces every secret in s with ***.
func scrub(s string, secrets []string) string {
	for _, v := range secrets {
		s = strings.ReplaceAll(s, v, "***")
	}
	return s
}
