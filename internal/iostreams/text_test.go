package iostreams

import (
	"testing"
	"time"
)

func TestText(t *testing.T) {
	if w := Width("张伟 ab"); w != 7 {
		t.Errorf("Width = %d, want 7", w)
	}
	if w := Width("\x1b[32m✓ 完成\x1b[0m"); w != 6 {
		t.Errorf("Width of a coloured text = %d, want 6", w)
	}
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{{"实人认证，获取出入境记录", 9, "实人认证…"}, {"abc", 3, "abc"}, {"abcd", 3, "ab…"}, {"abc", 0, ""}} {
		if got := Clip(c.s, c.w); got != c.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
	if got := Pad("学位", 6); got != "学位  " {
		t.Errorf("Pad = %q", got)
	}
	for d, want := range map[time.Duration]string{-time.Second: "0:00", 61 * time.Second: "1:01", 3723 * time.Second: "1:02:03"} {
		if got := Clock(d); got != want {
			t.Errorf("Clock(%v) = %q, want %q", d, got, want)
		}
	}
}
