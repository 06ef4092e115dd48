package iostreams

import "testing"

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"张三 Master of Science":          "张三 Master of Science",
		"a\x1b]0;title\x07b":            `a\x1b]0;title\x07b`,
		"\x1b[2Jcleared":                `\x1b[2Jcleared`,
		"Master of\u200bScience":        `Master of\u200bScience`,
		"abc\u202efdp.exe":              `abc\u202efdp.exe`,
		"line one\nline two\tcol\rover": "line one\nline two\tcol\\x0dover",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}
