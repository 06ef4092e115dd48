//go:build windows

package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadWindowsMaterialPaths: a profile typed on Windows names files
// with drive letters and backslashes; each resolves as Explorer shows it.
func TestLoadWindowsMaterialPaths(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(exampleYAML(t), "other: []",
		`other: ['C:\Users\me\diploma.pdf', docs\diploma.pdf, '~\x.jpg', D:/scans/y.jpg]`, 1)
	path := filepath.Join(dir, "me.yaml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	want := []string{`C:\Users\me\diploma.pdf`, filepath.Join(dir, "docs", "diploma.pdf"), filepath.Join(home, "x.jpg"), `D:\scans\y.jpg`}
	got := p.Degrees[0].Materials.Other
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("other = %q; want %q", got, want)
			break
		}
	}
}
