package portal

import "testing"

func TestResumeURLStaysOnThePortal(t *testing.T) {
	base := "http://127.0.0.1:4001/"
	for _, c := range []struct{ last, want string }{
		{"", base},
		{"http://127.0.0.1:4001/apply/A1/degree", "http://127.0.0.1:4001/apply/A1/degree"},
		{"http://127.0.0.1:3999/apply/A1/degree", base}, // an earlier simulator
		{"https://portal.cscse.edu.cn/apply/A1", base},
		{"::not a url", base},
	} {
		if got := resumeURL(c.last, base); got != c.want {
			t.Errorf("resumeURL(%q) = %q, want %q", c.last, got, c.want)
		}
	}
}
