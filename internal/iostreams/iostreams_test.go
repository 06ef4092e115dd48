package iostreams

import "testing"

// A terminal that refused VT processing (an old Windows console) still
// prompts, but gets no in-place redraws.
func TestIsStderrVT(t *testing.T) {
	s, _, _, _ := Test()
	if s.IsStderrVT() {
		t.Error("buffers are not a terminal")
	}
	s.SetTTY(true)
	if !s.IsStderrVT() || !s.CanPrompt() {
		t.Error("a terminal speaks ANSI and can prompt")
	}
	s.noVT = true
	if s.IsStderrVT() || !s.CanPrompt() {
		t.Errorf("a console without VT processing: IsStderrVT %v, CanPrompt %v; want false, true", s.IsStderrVT(), s.CanPrompt())
	}
}
