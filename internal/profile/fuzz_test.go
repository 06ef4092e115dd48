package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var fuzzExts = []string{".yaml", ".json", ".toml"}

// FuzzLoad feeds arbitrary bytes to Load, as YAML, JSON or TOML, and
// validates whatever loads. Neither may panic or hang; a failed Load must
// say why with at least one problem. Seeds: testdata/fuzz/FuzzLoad and the
// cases below.
func FuzzLoad(f *testing.F) {
	if b, err := os.ReadFile(example); err == nil {
		f.Add(b, uint8(0))
	}
	f.Add(Template(), uint8(0))
	f.Add([]byte(`{"applicant": {"name": "张三", "birth_date": "1998-05-12"}, "degrees": [{"id": "x", "start": "2020-01-01"}]}`), uint8(1))
	f.Add([]byte("[applicant]\nname = \"张三\"\nbirth_date = 1998-05-12\n[[degrees]]\nid = \"x\"\n[[study_history]]\nfrom = \"2015-09\"\n"), uint8(2))
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"), uint8(0))
	f.Add([]byte("applicant:\n  phone: 13800138000\n  Phone: 1\ndegrees:\n  - materials: {photo: /dev/null}\n"), uint8(0))
	f.Add([]byte("study_history:\n  - {from: 2015-09, to: 2014-01}\n  - from: 2013-09-01\n"), uint8(0))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		path := filepath.Join(dir, "p"+fuzzExts[int(format)%len(fuzzExts)])
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := Load(path)
		if err != nil {
			pe, ok := err.(*Problems)
			if !ok || len(pe.List) == 0 {
				t.Fatalf("Load error without problems: %T %v", err, err)
			}
			for _, q := range pe.List {
				if q.Message == "" {
					t.Fatalf("problem without a message: %+v", q)
				}
			}
		}
		if p != nil {
			ValidateAt(p, today)
			NewRedactor(p).String(string(data))
		}
	})
}

// FuzzValidate puts arbitrary text into the fields the rules parse (names,
// ID number, phone, e-mail, region, countries, levels) and arbitrary dates
// into the valid example. Validate must never panic.
func FuzzValidate(f *testing.F) {
	f.Add("张三", "110105199805120012", "13800138000", "zhang.san@example.com", "北京市/海淀区", "英国", "master", int64(0), int64(0), int16(0))
	f.Add("SMITH JOHN", "11010519491231002X", "+86 138", "@", "广东省/深圳/南山区", "UK", "bachelor", int64(-1e12), int64(1e12), int16(-5))
	f.Add("", "", "", "", "", "", "", int64(1), int64(-1), int16(300))
	base := exampleProfile(f)
	f.Fuzz(func(t *testing.T, name, id, phone, email, region, country, level string, birthShift, startShift int64, months int16) {
		p := *base
		p.Applicant.Name, p.Applicant.IDNumber, p.Applicant.Phone, p.Applicant.Email = name, id, phone, email
		p.Applicant.Address.Region = strings.Split(region, "/")
		p.Applicant.Nationality = country
		p.Applicant.BirthDate = DateOf(base.Applicant.BirthDate.Time().Add(time.Duration(birthShift) * time.Second))
		p.Degrees = append([]Degree(nil), base.Degrees...)
		p.Degrees[0].Materials = Materials{} // materials are internal/materials' to fuzz; keep this fast
		p.Degrees[0].AwardingCountry, p.Degrees[0].Level, p.Degrees[0].MajorChinese = country, level, name
		p.Degrees[0].Start = DateOf(base.Degrees[0].Start.Time().Add(time.Duration(startShift) * time.Second))
		p.StudyHistory = append([]Study(nil), base.StudyHistory...)
		p.StudyHistory[1].Level = level
		p.StudyHistory[1].To = NewMonth(2022, time.Month(6+int(months)))
		list := ValidateAt(&p, today)
		for _, q := range list {
			if q.Message == "" {
				t.Fatalf("problem without a message: %+v", q)
			}
		}
		r := NewRedactor(&p)
		r.String(name + id + phone + email)
	})
}
