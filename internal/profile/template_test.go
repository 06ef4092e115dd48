package profile

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestTemplateLoads(t *testing.T) {
	_, list := loadProblems(t, "me.yaml", string(Template()))
	if len(list) > 0 {
		t.Fatalf("the template does not load:%s", dump(list))
	}
}

// Every key of the profile appears in the template, with a comment.
func TestTemplateCoversEveryField(t *testing.T) {
	tmpl := string(Template())
	for _, key := range allKeyNames() {
		re := regexp.MustCompile(`(?m)^\s*(- )?` + key + `:.*#`)
		if !re.MatchString(tmpl) {
			t.Errorf("template: no commented line for %s", key)
		}
	}
	if !regexp.MustCompile(`\p{Han}`).MatchString(tmpl) || !strings.Contains(tmpl, "Keep this file private") {
		t.Error("template must carry Chinese and English comments")
	}
}

// Filled in, the template validates: it asks for what the rules need.
func TestTemplateFilledInValidates(t *testing.T) {
	abs := strings.TrimSuffix(regexp.MustCompile(`photo: (\S+)`).FindStringSubmatch(exampleYAML(t))[1], "photo.jpg")
	answers := []string{ // key: value, in template order, for the "" and [] of the template
		"name", "张三", "name_pinyin", "ZHANG SAN", "gender", "male", "birth_date", "1998-05-12",
		"id_number", `"110105199805120012"`, "phone", `"13800138000"`, "email", "zhang.san@example.com",
		"region", "[北京市, 海淀区]", "detail", "中关村大街 1 号", "postal_code", `"100080"`,
		"username", `"13800138000"`, "id", "msc", "awarding_country", "UK",
		"awarding_institution", "The University of Edinburgh", "degree_name", "Master of Science",
		"level", "master", "award_date", "2023-11-28", "major_foreign", "Artificial Intelligence",
		"major_chinese", "人工智能", "start", "2022-09-12", "end", "2023-09-01", "student_number", "s2212345",
		"discipline", "工学", "photo", abs + "photo.jpg", "passport", "[" + abs + "passport-bio.jpg]",
		"visa", "[" + abs + "visa.jpg]", "diploma", abs + "diploma.pdf", "authorization", abs + "authorization.pdf",
		"from", "2015-09", "to", "2018-06", "school", "北京市第四中学",
		"from", "2022-09", "to", "2023-09", "country", "英国", "school", "The University of Edinburgh",
		"major", "Artificial Intelligence", "level", "master",
	}
	src := string(Template())
	for i := 0; i < len(answers); i += 2 {
		re := regexp.MustCompile(`(?m)^(\s*(?:- )?` + answers[i] + `:) (?:""|\[\])`)
		loc := re.FindStringSubmatchIndex(src)
		if loc == nil {
			t.Fatalf("template has no empty %s left", answers[i])
		}
		src = src[:loc[0]] + src[loc[2]:loc[3]] + " " + answers[i+1] + src[loc[1]:]
	}
	// The bachelor years in between, as a user would add them.
	src = strings.Replace(src, "  - from: 2022-09", "  - from: 2018-09\n    to: 2022-06\n    country: 中国\n    school: 北京大学\n    level: bachelor\n  - from: 2022-09", 1)
	path := writeFile(t, "me.yaml", src)
	if _, list := CheckAt(path, today); len(list) > 0 {
		t.Fatalf("filled-in template:%s\n%s", dump(list), src)
	}
}

func allKeyNames() []string {
	seen := map[string]bool{}
	var names []string
	walkSchema(profileType, "", func(p string, _ reflect.Type) {
		if k := lastKey(p); !seen[k] {
			seen[k] = true
			names = append(names, k)
		}
	})
	return names
}
