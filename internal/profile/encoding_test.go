package profile

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// A profile saved by a Windows editor in GB18030 or UTF-16 reads as the
// UTF-8 one does, with a warning naming the encoding.
func TestLoadOtherEncodings(t *testing.T) {
	src := exampleYAML(t)
	want, err := Load(writeFile(t, "me.yaml", src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from string
		enc        encoding.Encoding
	}{
		{"GB18030", "GB18030", simplifiedchinese.GB18030},
		{"GBK", "GB18030", simplifiedchinese.GBK},
		{"UTF-16LE with BOM", "UTF-16", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"UTF-16BE with BOM", "UTF-16", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
		{"UTF-16LE without BOM", "UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"UTF-16BE without BOM", "UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.enc.NewEncoder().String(src)
			if err != nil {
				t.Fatal(err)
			}
			path := writeFile(t, "me.yaml", b)
			got, list := CheckAt(path, today)
			if got == nil {
				t.Fatalf("not read:%s", dump(list))
			}
			got.Path, want.Path = "", ""
			if !reflect.DeepEqual(got.Degrees, want.Degrees) || !reflect.DeepEqual(got.Applicant, want.Applicant) ||
				!reflect.DeepEqual(got.StudyHistory, want.StudyHistory) {
				t.Errorf("read differently from UTF-8:\n%+v\n%+v", got.Applicant, want.Applicant)
			}
			if len(list) != 1 || list[0].Severity != Warning || !strings.Contains(list[0].Message, tc.from+" text") {
				t.Errorf("want one warning naming %s, got:%s", tc.from, dump(list))
			}
			if got.Line("degrees[0].award_date") != want.Line("degrees[0].award_date") {
				t.Error("lines differ")
			}
		})
	}
}
