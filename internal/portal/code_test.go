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
	for status, want := range map[string]bool{
		"实人认证已通过，请输入移民局12367授权码": true,
		"请输入授权码": true,
		"请使用微留服APP扫描二维码完成实人认证": false,
		"": false,
	} {
		if got := asksForCode(status); got != want {
			t.Errorf("asksForCode(%q) = %v, want %v", status, got, want)
		}
	}
}
