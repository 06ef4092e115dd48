package iostreams

import "os"

// ColorScheme colours text when the streams allow it and returns it as it
// is otherwise (after cli/cli's ColorScheme). Every colour autofill prints
// comes from here, so NO_COLOR, CLICOLOR_FORCE and --no-color are obeyed
// in one place.
type ColorScheme struct{ enabled bool }

// NewColorScheme returns a scheme that colours when enabled.
func NewColorScheme(enabled bool) *ColorScheme { return &ColorScheme{enabled} }

// ColorScheme is the scheme for these streams.
func (s *IOStreams) ColorScheme() *ColorScheme { return NewColorScheme(s.colorEnabled) }

// Enabled reports whether the scheme colours.
func (c *ColorScheme) Enabled() bool { return c != nil && c.enabled }

func (c *ColorScheme) wrap(code, s string) string {
	if !c.Enabled() || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (c *ColorScheme) Bold(s string) string   { return c.wrap("1", s) }
func (c *ColorScheme) Dim(s string) string    { return c.wrap("2", s) }
func (c *ColorScheme) Red(s string) string    { return c.wrap("31", s) }
func (c *ColorScheme) Green(s string) string  { return c.wrap("32", s) }
func (c *ColorScheme) Yellow(s string) string { return c.wrap("33", s) }
func (c *ColorScheme) Cyan(s string) string   { return c.wrap("36", s) }

// Plain returns s unchanged: the "no colour" choice where a colour
// function is expected.
func (c *ColorScheme) Plain(s string) string { return s }

// colorFromEnv decides colour from the environment (https://no-color.org,
// https://bixense.com/clicolors): NO_COLOR turns it off, CLICOLOR_FORCE
// (other than "0") turns it on even without a terminal, TERM=dumb off;
// otherwise colour when the stream is a terminal that speaks ANSI.
func colorFromEnv(vt bool) bool {
	switch {
	case os.Getenv("NO_COLOR") != "":
		return false
	case os.Getenv("CLICOLOR_FORCE") != "" && os.Getenv("CLICOLOR_FORCE") != "0":
		return true
	case os.Getenv("TERM") == "dumb":
		return false
	}
	return vt
}
