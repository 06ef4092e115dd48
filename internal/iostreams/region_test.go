package iostreams

import (
	"bytes"
	"testing"
)

func TestRegionLive(t *testing.T) {
	var b bytes.Buffer
	r := NewRegion(&b, true)
	r.Draw([]string{"a", "b"}, "")
	r.Draw([]string{"c"}, "code> ")
	r.Echoed()
	r.Clear()
	want := "\r\x1b[Ja\nb\n" + "\x1b[2A\r\x1b[Jc\ncode> " + "\x1b[2A\r\x1b[J"
	if b.String() != want {
		t.Errorf("wrote %q\nwant  %q", b.String(), want)
	}
	b.Reset()
	r.Draw([]string{"d"}, "")
	r.Leave()
	r.Draw([]string{"e"}, "")
	if want := "\r\x1b[Jd\n\r\x1b[Je\n"; b.String() != want {
		t.Errorf("after Leave: %q, want %q", b.String(), want)
	}
}

// Without a terminal a region is a log: the lines that changed, appended.
func TestRegionPlain(t *testing.T) {
	var b bytes.Buffer
	r := NewRegion(&b, false)
	r.Draw([]string{"#1 queued", ""}, "code> ")
	r.Draw([]string{"#1 queued", "#2 filling"}, "")
	r.Clear()
	r.Draw([]string{"#1 ready", "#2 filling"}, "")
	if want := "#1 queued\n#2 filling\n#1 ready\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
	if r.Live() {
		t.Error("live")
	}
}

func TestTerminalSize(t *testing.T) {
	s, _, _, _ := Test()
	if w, h := s.TerminalSize(); w != 0 || h != 0 {
		t.Errorf("buffers have a size: %d×%d", w, h)
	}
	s.SetSize(120, 30)
	if w, h := s.TerminalSize(); w != 120 || h != 30 {
		t.Errorf("size %d×%d, want 120×30", w, h)
	}
}
