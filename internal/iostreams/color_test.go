package iostreams

import "testing"

func TestColorScheme(t *testing.T) {
	on, off := NewColorScheme(true), NewColorScheme(false)
	if got := on.Green("✓"); got != "\x1b[32m✓\x1b[0m" {
		t.Errorf("Green = %q", got)
	}
	if got := off.Red("✗"); got != "✗" {
		t.Errorf("off: Red = %q", got)
	}
	if on.Bold("") != "" {
		t.Error("empty text grows colour codes")
	}
	var none *ColorScheme
	if none.Dim("x") != "x" || none.Enabled() {
		t.Error("a nil scheme colours")
	}
	s, _, _, _ := Test()
	if s.ColorScheme().Enabled() {
		t.Error("test streams colour")
	}
	s.SetColorEnabled(true)
	if !s.ColorScheme().Enabled() {
		t.Error("SetColorEnabled(true) is not obeyed")
	}
}

func TestColorFromEnv(t *testing.T) {
	for _, c := range []struct {
		noColor, force, term string
		vt, want             bool
	}{
		{vt: true, want: true},
		{vt: false, want: false},
		{noColor: "1", vt: true, want: false},
		{noColor: "1", force: "1", vt: true, want: false}, // NO_COLOR wins
		{force: "1", vt: false, want: true},
		{force: "0", vt: false, want: false},
		{term: "dumb", vt: true, want: false},
		{force: "1", term: "dumb", want: true},
	} {
		t.Setenv("NO_COLOR", c.noColor)
		t.Setenv("CLICOLOR_FORCE", c.force)
		t.Setenv("TERM", c.term)
		if got := colorFromEnv(c.vt); got != c.want {
			t.Errorf("NO_COLOR=%q CLICOLOR_FORCE=%q TERM=%q vt=%v: colour %v, want %v", c.noColor, c.force, c.term, c.vt, got, c.want)
		}
	}
}
