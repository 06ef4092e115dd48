package profile

import (
	"bytes"
	"strings"
	"testing"
)

func TestRedactHelpers(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{RedactID("440301199001010040"), "4403**********0040"},
		{RedactID("11010519491231002X"), "1101**********002X"},
		{RedactID("E12345678"), "E1*****78"},
		{RedactPassport("E12345678"), "E1*****78"},
		{RedactPassport("AB1"), "***"},
		{RedactPhone("13912345678"), "139****5678"},
		{RedactPhone("5551234"), "*****34"},
		{RedactEmail("zhang.san@example.com"), "z***@example.com"},
		{RedactEmail("张三@example.com"), "张***@example.com"},
		{RedactEmail("nobody"), "n*****"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestRedactorString(t *testing.T) {
	p := exampleProfile(t)
	p.Applicant.Email = "zhang.san@example.com"
	r := NewRedactor(p)
	for _, tc := range []struct{ in, want string }{
		{"filled 证件号码=110105199805120012 ok", "filled 证件号码=1101**********0012 ok"},
		{"phone 13800138000, mail zhang.san@example.com.", "phone 138****8000, mail z***@example.com."},
		{`{"id":"11010519491231002X","m":"13912345678"}`, `{"id":"1101**********002X","m":"139****5678"}`},
		{"lower x: 11010519491231002x", "lower x: 1101**********002x"},
		{"order 1234567890123456789 and hash a13912345678b", "order 1234567890123456789 and hash a13912345678b"},
		{"the profile's own phone anywhere: a13800138000b", "the profile's own phone anywhere: a138****8000b"},
		{"12800138000 is no mobile", "12800138000 is no mobile"},
		{"nothing here", "nothing here"},
		{"", ""},
	} {
		if got := r.String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// A passport number has no generic shape: only the profile's own is masked.
	p.Applicant.IDType, p.Applicant.IDNumber = "passport", "E12345678"
	if got := NewRedactor(p).String("passport E12345678 scanned"); got != "passport E1*****78 scanned" {
		t.Errorf("passport: %q", got)
	}
	if got := NewRedactor(nil).String("call 13800138000"); got != "call 138****8000" {
		t.Errorf("nil profile: %q", got)
	}
}

func TestRedactorWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewRedactor(exampleProfile(t)).Writer(&buf)
	line := `{"level":"info","id":"110105199805120012","phone":"13800138000"}` + "\n"
	n, err := w.Write([]byte(line))
	if err != nil || n != len(line) {
		t.Fatalf("Write = %d, %v; want %d, nil", n, err, len(line))
	}
	if strings.Contains(buf.String(), "110105199805120012") || strings.Contains(buf.String(), "13800138000") {
		t.Errorf("unmasked: %s", buf.String())
	}
}

// The redactor sits on every log line.
func BenchmarkRedactorString(b *testing.B) {
	r := NewRedactor(exampleProfile(b))
	clean := `{"level":"info","page":"degree","field":"degrees[0].award_date","value":"2023-11-28","took":"153ms","message":"filled and read back"}`
	dirty := `{"level":"info","page":"basic-info","field":"applicant.id_number","value":"110105199805120012","phone":"13800138000","message":"identity matches"}`
	b.Run("clean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.String(clean)
		}
	})
	b.Run("masked", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.String(dirty)
		}
	})
}
