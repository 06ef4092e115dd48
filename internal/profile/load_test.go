package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadExample(t *testing.T) {
	p, err := Load(example)
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(p.Path) {
		t.Errorf("Path %q is not absolute", p.Path)
	}
	d := p.Degrees[0]
	if d.AwardDate.String() != "2023-11-28" || p.StudyHistory[0].From.String() != "2015-09" {
		t.Errorf("dates: award %s, first from %s", d.AwardDate, p.StudyHistory[0].From)
	}
	want := filepath.Join(filepath.Dir(p.Path), "materials", "photo.jpg")
	if d.Materials.Photo != want {
		t.Errorf("photo %q, want %q (resolved against the profile's folder)", d.Materials.Photo, want)
	}
	if got := d.Materials.Files("passport"); len(got) != 1 || !filepath.IsAbs(got[0]) {
		t.Errorf("Files(passport) = %v", got)
	}
	all := d.Materials.All()
	if len(all) != 6 || all["diploma"][0] != d.Materials.Diploma || all["other"] != nil {
		t.Errorf("All() = %v", all)
	}
	if p.Line("degrees[0].award_date") != 42 || p.Line("degrees[0].materials.photo") != 55 {
		t.Errorf("lines: award_date %d, photo %d", p.Line("degrees[0].award_date"), p.Line("degrees[0].materials.photo"))
	}
}

// Unknown keys, numbers that must be text, bad dates and months: each is
// one problem with the key's path and line, all reported together.
func TestLoadProblems(t *testing.T) {
	base := exampleYAML(t)
	tests := []struct {
		name, from, to string
		path, text     string
		line           int
	}{
		{"unknown top-level key", "degrees:\n", "degreee:\n", "degreee", "did you mean degrees?", 36},
		{"unknown nested key", "  name_pinyin:", "  name_pinyn:", "applicant.name_pinyn", "did you mean name_pinyin?", 13},
		{"unknown key in list item", "    award_date:", "    awardng_date:", "degrees[0].awardng_date", "did you mean award_date?", 42},
		{"unknown key in materials", "      diploma:", "      diplomas:", "degrees[0].materials.diplomas", "did you mean diploma?", 58},
		{"key in the wrong place", "account:\n", "phone: \"1\"\naccount:\n", "phone", "belongs under applicant", 27},
		{"unknown key lists the keys", "consent:\n", "consent:\n  xyzzy: 1\n", "consent.xyzzy", "service_agreement", 31},
		{"password refused", "account:\n", "account:\n  password: hunter2\n", "account.password", "AUTOFILL_PASSWORD", 28},
		{"phone number", `phone: "13800138000"`, `phone: 13800138000`, "applicant.phone", `quote it: phone: "13800138000"`, 20},
		{"id number", `id_number: "110105199805120012"`, `id_number: 110105199805120012`, "applicant.id_number", "quote it", 19},
		{"postal code loses zero", `postal_code: "100080"`, `postal_code: 010020`, "applicant.address.postal_code", "010020 was read as the number 4112", 25},
		{"username", `username: "13800138000"`, `username: 13800138000`, "account.username", "quote it", 28},
		{"student number", `student_number: s2212345`, `student_number: 2212345`, "degrees[0].student_number", "leading zeros", 49},
		{"bool for text", `former_name: ""`, `former_name: true`, "applicant.former_name", "quote it", 14},
		{"date not real", `award_date: 2023-11-28`, `award_date: 2023-02-30`, "degrees[0].award_date", "not a real calendar date", 42},
		{"date format", `award_date: 2023-11-28`, `award_date: 28/11/2023`, "degrees[0].award_date", "YYYY-MM-DD", 42},
		{"date with time", `award_date: 2023-11-28`, `award_date: 2023-11-28T10:00:00Z`, "degrees[0].award_date", "without a time", 42},
		{"date as number", `award_date: 2023-11-28`, `award_date: 20231128`, "degrees[0].award_date", "YYYY-MM-DD", 42},
		{"month as date", "from: 2015-09\n", "from: 2015-09-01\n", "study_history[0].from", "write 2015-09", 64},
		{"month format", "from: 2015-09\n", "from: 2015/09\n", "study_history[0].from", "YYYY-MM", 64},
		{"bool", "remote_study: false", "remote_study: no", "degrees[0].remote_study", "true or false", 51},
		{"group expected", "consent:\n  service_agreement: false", "consent: yes", "consent", "group of keys", 30},
		{"list expected", "    region: [北京市, 海淀区]", "    region: 北京市 海淀区", "applicant.address.region", "[广东省, 深圳市, 南山区]", 23},
		{"degrees must be a list", "  - id: msc", "    id: msc", "degrees", "put \"- \" before", 36},
		{"duplicate key", "  gender: male\n", "  gender: male\n  Gender: female\n", "applicant.gender", "given twice (first on line 15)", 16},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(base, tc.from) {
				t.Fatalf("example has no %q", tc.from)
			}
			_, list := loadProblems(t, "me.yaml", strings.Replace(base, tc.from, tc.to, 1))
			got, ok := find(list, tc.path, tc.text)
			if !ok {
				t.Fatalf("want a problem at %s mentioning %q, got:%s", tc.path, tc.text, dump(list))
			}
			if got.Line != tc.line {
				t.Errorf("line %d, want %d: %s", got.Line, tc.line, got)
			}
		})
	}
}

func TestLoadAcceptsQuotedAndBareDates(t *testing.T) {
	src := strings.Replace(exampleYAML(t), "award_date: 2023-11-28", `award_date: "2023-11-28"`, 1)
	src = strings.Replace(src, "from: 2015-09", `from: "2015-09"`, 1)
	p, list := loadProblems(t, "me.yaml", src)
	if len(list) > 0 {
		t.Fatalf("problems:%s", dump(list))
	}
	if p.Degrees[0].AwardDate != date("2023-11-28") || p.Degrees[0].Start != date("2022-09-12") {
		t.Errorf("award %s start %s", p.Degrees[0].AwardDate, p.Degrees[0].Start)
	}
}

func TestLoadNormalises(t *testing.T) {
	src := strings.Replace(exampleYAML(t), "awarding_country: 英国", "awarding_country: United Kingdom", 1)
	src = strings.Replace(src, "country: 英国", "country: uk", 1)
	src = strings.Replace(src, "nationality: 中国", "nationality: CN", 1)
	src = strings.Replace(src, "photo: ", "photo: ./", 1)
	p, list := loadProblems(t, "me.yaml", src)
	if len(list) > 0 {
		t.Fatalf("problems:%s", dump(list))
	}
	if p.Degrees[0].AwardingCountry != "英国" || p.StudyHistory[2].Country != "英国" || p.Applicant.Nationality != "中国" {
		t.Errorf("countries not normalised: %q %q %q", p.Degrees[0].AwardingCountry, p.StudyHistory[2].Country, p.Applicant.Nationality)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "me.yaml")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte(strings.Replace(exampleYAML(t), `id_number: "110105199805120012"`, `id_number: "11010519491231002x"`, 1)+
		"\n"), 0o600)
	p, _ = Load(path)
	if p.Applicant.IDNumber != "11010519491231002X" {
		t.Errorf("id_number %q: want the check character upper-cased", p.Applicant.IDNumber)
	}
}

func TestLoadRelativeMaterials(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(exampleYAML(t), "other: []", "other: [scans/extra.jpg, ~/x.jpg]", 1)
	path := filepath.Join(dir, "me.yaml")
	os.WriteFile(path, []byte(src), 0o600)
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	if got := p.Degrees[0].Materials.Other; got[0] != filepath.Join(dir, "scans", "extra.jpg") || got[1] != filepath.Join(home, "x.jpg") {
		t.Errorf("other = %v", got)
	}
}

func TestLoadEnvOverrides(t *testing.T) {
	path := writeFile(t, "me.yaml", exampleYAML(t))
	t.Setenv("AUTOFILL_APPLICANT_PHONE", "13900139000")
	t.Setenv("AUTOFILL_APPLICANT_ADDRESS_POSTAL_CODE", "200000")
	t.Setenv("AUTOFILL_CONSENT_SERVICE_AGREEMENT", "true")
	t.Setenv("AUTOFILL_LOG_LEVEL", "debug")  // a flag's variable, not the profile's
	t.Setenv("AUTOFILL_PASSWORD", "secret")  // never part of a profile
	t.Setenv("AUTOFILL_DEGREES", "nonsense") // lists are not overridable
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Applicant.Phone == "13900139000" || len(p.EnvUsed()) != 0 {
		t.Errorf("without EnvOverrides the environment changed the profile: phone %q, used %v", p.Applicant.Phone, p.EnvUsed())
	}
	if ig := strings.Join(p.EnvIgnored(), " "); !strings.Contains(ig, "AUTOFILL_APPLICANT_PHONE") || strings.Contains(ig, "AUTOFILL_PASSWORD") {
		t.Errorf("EnvIgnored = %q", ig)
	}
	p, err = Load(path, EnvOverrides())
	if err != nil {
		t.Fatal(err)
	}
	if p.Applicant.Phone != "13900139000" || p.Applicant.Address.PostalCode != "200000" || !p.Consent.ServiceAgreement {
		t.Errorf("overrides not applied: phone %q postal %q consent %v", p.Applicant.Phone, p.Applicant.Address.PostalCode, p.Consent.ServiceAgreement)
	}
	if p.EnvOverride("applicant.phone") != "AUTOFILL_APPLICANT_PHONE" {
		t.Errorf("EnvOverride = %q", p.EnvOverride("applicant.phone"))
	}
	if len(p.Degrees) != 1 {
		t.Errorf("degrees: %d", len(p.Degrees))
	}

	t.Setenv("AUTOFILL_APPLICANT_PHONE", "12345")
	t.Setenv("AUTOFILL_APPLICANT_BIRTH_DATE", "1998-13-01")
	_, list := CheckAt(path, today, EnvOverrides())
	if _, ok := find(list, "applicant.phone", "(from $AUTOFILL_APPLICANT_PHONE)"); !ok {
		t.Errorf("a bad override must name its variable:%s", dump(list))
	}
	if _, ok := find(list, "applicant.birth_date", "(from $AUTOFILL_APPLICANT_BIRTH_DATE)"); !ok {
		t.Errorf("a bad override must name its variable:%s", dump(list))
	}
}

func TestLoadEnvOnMissingKey(t *testing.T) {
	src := strings.Replace(exampleYAML(t), "  former_name: \"\"\n", "", 1)
	t.Setenv("AUTOFILL_APPLICANT_FORMER_NAME", "张小三")
	p, err := Load(writeFile(t, "me.yaml", src), EnvOverrides())
	var list []Problem
	if pe, ok := err.(*Problems); ok {
		list = pe.List
	} else if err != nil {
		t.Fatal(err)
	}
	if len(list) > 0 || p.Applicant.FormerName != "张小三" {
		t.Fatalf("former_name %q:%s", p.Applicant.FormerName, dump(list))
	}
}

func TestLoadFormats(t *testing.T) {
	abs, _ := filepath.Abs("../../examples/materials")
	mat := filepath.ToSlash(abs)
	jsonSrc := fmt.Sprintf(`{
  "applicant": {"name": "张三", "name_pinyin": "ZHANG SAN", "gender": "male", "birth_date": "1998-05-12",
    "nationality": "China", "id_type": "id_card", "id_number": "110105199805120012", "phone": "13800138000",
    "email": "zhang.san@example.com", "address": {"region": ["北京市", "海淀区"], "detail": "中关村大街 1 号", "postal_code": "100080"}},
  "account": {"username": "13800138000"},
  "application": {"type": "foreign_degree"},
  "degrees": [{"id": "msc", "awarding_country": "GB", "awarding_institution": "The University of Edinburgh",
    "degree_name": "Master of Science", "level": "master", "award_date": "2023-11-28",
    "major_foreign": "Artificial Intelligence", "major_chinese": "人工智能", "start": "2022-09-12", "end": "2023-09-01",
    "student_number": "s2212345", "discipline": "工学",
    "materials": {"photo": "%[1]s/photo.jpg", "passport": ["%[1]s/passport-bio.jpg"], "visa": ["%[1]s/visa.jpg"],
      "diploma": "%[1]s/diploma.pdf", "authorization": "%[1]s/authorization.pdf"}}],
  "study_history": [
    {"from": "2015-09", "to": "2018-06", "country": "中国", "school": "北京市第四中学", "level": "high_school"},
    {"from": "2018-09", "to": "2022-06", "country": "中国", "school": "北京大学", "level": "bachelor"},
    {"from": "2022-09", "to": "2023-09", "country": "英国", "school": "The University of Edinburgh", "level": "master"}]
}`, mat)
	path := writeFile(t, "me.json", jsonSrc)
	p, list := CheckAt(path, today)
	if len(list) > 0 {
		t.Fatalf("JSON:%s", dump(list))
	}
	if p.Degrees[0].AwardingCountry != "英国" {
		t.Errorf("JSON country %q", p.Degrees[0].AwardingCountry)
	}
	// JSON numbers for text, with the key's line from the YAML scan.
	_, list = loadProblems(t, "me.json", strings.Replace(jsonSrc, `"phone": "13800138000"`, `"phone": 13800138000`, 1))
	if got, ok := find(list, "applicant.phone", "quote it"); !ok || got.Line != 3 {
		t.Errorf("JSON number: %v%s", got, dump(list))
	}
	_, list = loadProblems(t, "me.json", strings.Replace(jsonSrc, `"gender": "male",`, `"gender": "male"`, 1))
	if len(list) != 1 || list[0].Line != 2 || list[0].Column == 0 || !strings.Contains(list[0].Message, "JSON syntax") {
		t.Errorf("JSON syntax error:%s", dump(list))
	}

	tomlSrc := fmt.Sprintf(`[applicant]
name = "张三"
name_pinyin = "ZHANG SAN"
gender = "male"
birth_date = 1998-05-12
nationality = "中国"
id_type = "id_card"
id_number = "110105199805120012"
phone = "13800138000"
email = "zhang.san@example.com"
[applicant.address]
region = ["北京市", "海淀区"]
detail = "中关村大街 1 号"
postal_code = "100080"
[account]
username = "13800138000"
[application]
type = "foreign_degree"
[[degrees]]
id = "msc"
awarding_country = "英国"
awarding_institution = "The University of Edinburgh"
degree_name = "Master of Science"
level = "master"
award_date = 2023-11-28
major_foreign = "Artificial Intelligence"
major_chinese = "人工智能"
start = "2022-09-12"
end = 2023-09-01
student_number = "s2212345"
discipline = "工学"
[degrees.materials]
photo = "%[1]s/photo.jpg"
passport = ["%[1]s/passport-bio.jpg"]
visa = ["%[1]s/visa.jpg"]
diploma = "%[1]s/diploma.pdf"
authorization = "%[1]s/authorization.pdf"
[[study_history]]
from = "2015-09"
to = "2018-06"
country = "中国"
school = "北京市第四中学"
level = "high_school"
[[study_history]]
from = "2018-09"
to = "2022-06"
country = "中国"
school = "北京大学"
level = "bachelor"
[[study_history]]
from = "2022-09"
to = "2023-09"
country = "英国"
school = "The University of Edinburgh"
level = "master"
`, mat)
	path = writeFile(t, "me.toml", tomlSrc)
	if _, list = CheckAt(path, today); len(list) > 0 {
		t.Fatalf("TOML:%s", dump(list))
	}
	_, list = loadProblems(t, "me.toml", strings.Replace(tomlSrc, `gender = "male"`, `gender = male`, 1))
	if len(list) != 1 || list[0].Line != 4 || !strings.Contains(list[0].Message, "TOML syntax") {
		t.Errorf("TOML syntax error:%s", dump(list))
	}
}

func TestLoadYAMLSyntax(t *testing.T) {
	base := exampleYAML(t)
	tests := []struct {
		name, from, to string
		line, col      int
		text           string
	}{
		{"bad indentation", "  gender: male\n", " gender: male\n", 15, 2, "line 15 reads: gender: male"},
		{"colon in a value", "name_pinyin: ZHANG SAN", "name_pinyin: ZHANG: SAN", 13, 21, "mapping values are not allowed"},
		// The quoted text runs on to the next quote, so YAML breaks at line 19.
		{"unclosed quote", `name: 张三`, `name: "张三`, 19, 14, "did not find expected key"},
		{"tab", "  gender: male\n", "\tgender: male\n", 15, 1, "never tabs"},
		{"unclosed flow", "region: [北京市, 海淀区]", "region: [北京市, 海淀区", 23, 21, "did not find expected ',' or ']'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, list := loadProblems(t, "me.yaml", strings.Replace(base, tc.from, tc.to, 1))
			if p != nil || len(list) != 1 {
				t.Fatalf("want one syntax problem and no profile:%s", dump(list))
			}
			got := list[0]
			if (tc.line != 0 && got.Line != tc.line) || got.Column != tc.col || !strings.Contains(got.Message+got.Hint, tc.text) {
				t.Errorf("got %s (col %d) [hint %s], want line %d col %d mentioning %q", got, got.Column, got.Hint, tc.line, tc.col, tc.text)
			}
			if got.Line == 0 {
				t.Errorf("syntax error without a line: %s", got)
			}
		})
	}
}

// Malformed input gives one clear problem, never a panic or a hang.
func TestLoadMalformed(t *testing.T) {
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'i'; i++ {
		prev := string(i - 1)
		bomb += fmt.Sprintf("%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	tests := []struct {
		name, file, content, text string
	}{
		{"empty", "me.yaml", "", "empty"},
		{"comments only", "me.yaml", "# nothing\n", "empty"},
		{"top-level list", "me.yaml", "- a\n- b\n", "top level must be keys"},
		{"top-level scalar", "me.yaml", "hello\n", "top level must be keys"},
		{"binary junk", "me.yaml", "\x00\xff\xfe\x01PK\x03\x04", "not a text file"},
		{"truncated", "me.yaml", exampleYAML(t)[:800] + "\n  detail: \"unterminated", "YAML syntax"},
		{"deep nesting", "me.yaml", "a: " + deep, "YAML syntax"},
		{"deep JSON", "me.json", `{"a": ` + deep + `}`, "JSON syntax"},
		{"alias bomb", "me.yaml", bomb, "YAML aliases"},
		{"self alias", "me.yaml", "a: &x [*x]\n", "YAML"},
		{"unknown extension", "me.txt", "applicant: {}\n", ".yaml, .yml, .json or .toml"},
		{"json top-level array", "me.json", "[1, 2]", "top level must be an object"},
		{"complex key", "me.yaml", "? [a, b]\n: c\n", "plain name"},
		{"dotted key", "me.yaml", "applicant.name: x\n", "not a field name"},
		{"merge key", "me.yaml", "base: &b {name: x}\napplicant:\n  <<: *b\n", "unknown key \"base\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan []Problem)
			go func() {
				_, list := loadProblems(t, tc.file, tc.content)
				done <- list
			}()
			select {
			case list := <-done:
				if _, ok := find(list, list0Path(list), tc.text); !ok {
					t.Errorf("want a problem mentioning %q, got:%s", tc.text, dump(list))
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Load hung")
			}
		})
	}
}

func list0Path(list []Problem) string {
	if len(list) == 0 {
		return ""
	}
	return list[0].Path
}

func TestLoadSizeCap(t *testing.T) {
	big := "# " + strings.Repeat("x", 10<<20) + "\n"
	_, list := loadProblems(t, "me.yaml", big)
	if len(list) != 1 || !strings.Contains(list[0].Message, "larger than 1024 KB") {
		t.Fatalf("10 MB file:%s", dump(list))
	}
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "cannot read the file") || !strings.Contains(err.Error(), "autofill init") {
		t.Errorf("missing file: %v", err)
	}
	_, err = Load(t.TempDir() + "/")
	if err == nil {
		t.Error("a folder loaded")
	}
}

// A profile with many defects lists every one, each with its path and line.
func TestLoadAndValidateReportEverything(t *testing.T) {
	src := exampleYAML(t)
	for from, to := range map[string]string{
		"degrees:\n":                      "degrees:\n",
		`phone: "13800138000"`:            `phone: 13800138000`,
		"  gender: male":                  "  gender: mal",
		`id_number: "110105199805120012"`: `id_number: "110105199805120013"`,
		"    awarding_country: 英国":        "    awarding_country: Englund",
		"    award_date: 2023-11-28":      "    awardng_date: 2023-11-28",
		"    discipline: 工学":              "    discipline: 计算机",
		"  - from: 2018-09":               "  - from: 2018-01",
		"email: zhang.san@example.com":    "email: zhang.san",
	} {
		src = strings.Replace(src, from, to, 1)
	}
	path := writeFile(t, "me.yaml", src)
	_, list := CheckAt(path, today)
	want := []struct {
		path string
		line int
	}{
		{"applicant.phone", 20},
		{"applicant.gender", 15},
		{"applicant.id_number", 19},
		{"applicant.email", 21},
		{"degrees[0].awarding_country", 38},
		{"degrees[0].awardng_date", 42},
		{"degrees[0].award_date", 37}, // now missing: points at the degree's line
		{"degrees[0].discipline", 50},
		{"study_history[1].from", 70},
	}
	for _, w := range want {
		got, ok := find(list, w.path, "")
		if !ok {
			t.Errorf("no problem at %s", w.path)
			continue
		}
		if got.Line != w.line {
			t.Errorf("%s: line %d, want %d", w.path, got.Line, w.line)
		}
	}
	if len(errorsOnly(list)) != len(want) {
		t.Errorf("%d errors, want %d:%s", len(errorsOnly(list)), len(want), dump(list))
	}
	// Errors first, then by line.
	for i := 1; i < len(list); i++ {
		a, b := list[i-1], list[i]
		if a.Severity > b.Severity || (a.Severity == b.Severity && a.Line > b.Line) {
			t.Errorf("not sorted: %s before %s", a, b)
		}
	}
	_, err := Load(path)
	msg := err.Error()
	if !strings.Contains(msg, path+":20: applicant.phone: ") {
		t.Errorf("Problems.Error() lacks file:line: path:\n%s", msg)
	}
}

func TestDegreeLookup(t *testing.T) {
	p := exampleProfile(t)
	if d, err := p.Degree(""); err != nil || d.ID != "msc" {
		t.Fatalf("Degree(\"\") = %v, %v", d, err)
	}
	second := p.Degrees[0]
	second.ID = "bsc"
	p.Degrees = append(p.Degrees, second)
	if _, err := p.Degree(""); err == nil || !strings.Contains(err.Error(), "msc, bsc") || !strings.Contains(err.Error(), "--degree") {
		t.Errorf("two degrees, no id: %v", err)
	}
	if d, err := p.Degree("bsc"); err != nil || d != &p.Degrees[1] {
		t.Errorf("Degree(bsc) = %v, %v", d, err)
	}
	if _, err := p.Degree("phd"); err == nil || !strings.Contains(err.Error(), "msc, bsc") {
		t.Errorf("Degree(phd): %v", err)
	}
	if _, err := (&Profile{}).Degree(""); err == nil {
		t.Error("no degrees: want an error")
	}
}

func TestGet(t *testing.T) {
	p := exampleProfile(t)
	for key, want := range map[string]string{
		"applicant.name":              "张三",
		"applicant.address.region":    "[北京市 海淀区]",
		"degrees[0].award_date":       "2023-11-28",
		"study_history[2].from":       "2022-09",
		"consent.service_agreement":   "false",
		"degrees[0].materials.visa":   "[" + p.Degrees[0].Materials.Visa[0] + "]",
		"applicant.address.region[1]": "海淀区",
	} {
		v, err := p.Get(key)
		if err != nil || fmt.Sprint(v) != want {
			t.Errorf("Get(%s) = %v, %v; want %s", key, v, err, want)
		}
	}
	for _, key := range []string{"applicant.nam", "degrees[5].id", "degrees[x]", "applicant.name.first", "degrees[0"} {
		if _, err := p.Get(key); err == nil {
			t.Errorf("Get(%s): want an error", key)
		}
	}
	if _, err := p.Get("applicant.nam"); !strings.Contains(fmt.Sprint(err), "did you mean name?") {
		t.Errorf("Get(applicant.nam): %v", err)
	}
}

func TestEnvVar(t *testing.T) {
	if got := EnvVar("applicant.address.postal_code"); got != "AUTOFILL_APPLICANT_ADDRESS_POSTAL_CODE" {
		t.Error(got)
	}
	keys := scalarKeys()
	for _, k := range []string{"applicant.phone", "account.username", "consent.service_agreement", "applicant.birth_date"} {
		if !contains(keys, k) {
			t.Errorf("scalarKeys lacks %s", k)
		}
	}
	for _, k := range keys {
		if strings.Contains(k, "degrees") || strings.HasSuffix(k, "region") {
			t.Errorf("scalarKeys has %s", k)
		}
	}
}

func TestLoadYAMLTypeTag(t *testing.T) {
	_, list := loadProblems(t, "me.yaml", "applicant:\n  name: !!int abc\n")
	if len(list) != 1 || !strings.Contains(list[0].Message, "YAML syntax: cannot decode") { // yaml.v3 gives no line here
		t.Fatalf("got:%s", dump(list))
	}
}

func TestLogin(t *testing.T) {
	var p Profile
	p.Applicant.Phone = " 13912345678 "
	if got := p.Login(); got != "13912345678" {
		t.Errorf("without account.username: %q, want the phone", got)
	}
	p.Account.Username = " zhang.san "
	if got := p.Login(); got != "zhang.san" {
		t.Errorf("with account.username: %q", got)
	}
}
