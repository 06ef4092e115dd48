package portal

import "testing"

func TestIsCode(t *testing.T) {
	for s, want := range map[string]bool{"12345678": true, "1234567": false, "123456789": false, "1234567a": false, " 12345678": false, "": false} {
		if IsCode(s) != want {
			t.Errorf("IsCode(%q) = %v", s, !want)
		}
	}
}

func TestAsksForCode(t *testing.T) {
	cases := []struct {
		e    Event
		want bool
	}{
		{Event{Type: EvInfo, Message: statusPrefix + "实人认证已通过，请输入移民局12367授权码"}, true},
		{Event{Type: EvInfo, Message: statusPrefix + "请输入授权码"}, true},
		{Event{Type: EvInfo, Message: statusPrefix + "请使用微留服APP扫描二维码完成实人认证"}, false},
		{Event{Type: EvInfo, Message: "the 12367 code was entered"}, false},  // not the page's status
		{Event{Type: EvHuman, Message: statusPrefix + "请输入12367授权码"}, false}, // not an info event
	}
	for _, c := range cases {
		if got := AsksForCode(c.e); got != c.want {
			t.Errorf("AsksForCode(%+v) = %v, want %v", c.e, got, c.want)
		}
	}
}
