package interview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cscse-tools/autofill/internal/institutions"
	"github.com/cscse-tools/autofill/internal/majors"
	"github.com/cscse-tools/autofill/internal/refdata"
)

// Kind is how a question is asked and its answer stored.
type Kind int

const (
	Text        Kind = iota // one line
	Choice                  // one of Options
	YesNo                   // "yes" or "no"
	Files                   // paths separated by commas, stored as a list
	Institution             // a name, suggested from CSCSE's list of the country
)

// Option is one choice: what the person sees and what the profile holds.
type Option struct{ Label, Value string }

// Question is one thing the interview asks, in Chinese with English beside it.
type Question struct {
	ID       string // the answer's key, usually the profile field path
	Section  string // 你 / About you …
	Title    string
	Help     string
	Kind     Kind
	Options  []Option
	Default  string
	Suggest  []string // for Text and Institution
	Optional bool     // an empty answer is fine
	// Paths are the profile fields whose problems belong to this answer.
	Paths []string
	// Country is the CSCSE list an Institution question is checked against.
	Country string
	// IsCountry stores the portal's name of the country answered (UK → 英国).
	IsCountry bool
}

const (
	secYou     = "你 / About you"
	secAccount = "账户 / Your account"
	secHistory = "学习经历 / Your study history"
	yes, no    = "yes", "no"
)

// Plan returns the questions for the answers so far, in the order they are
// asked; a question appears once what it depends on is answered (the
// region's next level, a second degree). Next is the first without an answer.
func Plan(a Answers) []Question {
	var qs []Question
	add := func(q Question) {
		if len(q.Paths) == 0 {
			q.Paths = []string{q.ID}
		}
		qs = append(qs, q)
	}
	text := func(sec, id, title, help string) Question {
		return Question{ID: id, Section: sec, Title: title, Help: help, Kind: Text}
	}

	nat := text(secYou, "applicant.nationality", "国籍 / Nationality", "the portal's Chinese name, e.g. 中国; English names and codes work too")
	nat.Default, nat.Suggest, nat.IsCountry = "中国", countryNames(), true
	add(nat)
	chinese := isChina(a["applicant.nationality"])
	name := text(secYou, "applicant.name", "姓名 / Name", "exactly as registered: 张三 for Chinese nationals; SMITH JOHN (passport order) for others")
	add(name)
	add(text(secYou, "applicant.name_pinyin", "姓名拼音 / Name in Latin letters", "uppercase, as in the passport: ZHANG SAN"))
	former := text(secYou, "applicant.former_name", "曾用名 / Former name", "optional; press Enter if none / 没有请直接回车")
	former.Optional = true
	add(former)
	add(Question{ID: "applicant.gender", Section: secYou, Title: "性别 / Gender", Kind: Choice,
		Options: []Option{{"男 / male", "male"}, {"女 / female", "female"}}})
	add(text(secYou, "applicant.birth_date", "出生日期 / Date of birth", "YYYY-MM-DD, e.g. 1998-05-12"))
	idType := Question{ID: "applicant.id_type", Section: secYou, Title: "证件类型 / Identity document", Kind: Choice, Options: []Option{
		{"居民身份证 / resident ID card", "id_card"}, {"护照 / passport", "passport"},
		{"港澳居民来往内地通行证 / Home Return Permit", "hk_macao_permit"},
		{"台湾居民来往大陆通行证 / Taiwan Compatriot Permit", "taiwan_permit"}, {"其他 / other", "other"}}}
	if chinese {
		idType.Default = "id_card"
	}
	add(idType)
	id := text(secYou, "applicant.id_number", "证件号码 / Document number", "as printed; an ID card has 18 characters")
	id.Paths = []string{"applicant.id_number", "applicant.birth_date", "applicant.gender"}
	add(id)
	add(text(secYou, "applicant.phone", "手机号码 / Mobile phone", "mainland mobile, 11 digits: 13800138000"))
	add(text(secYou, "applicant.email", "电子邮箱 / E-mail", "zhang.san@example.com"))
	var path []string
	for level := 0; level < 3; level++ {
		children := refdata.RegionChildren(path)
		if len(children) == 0 {
			break
		}
		qid := fmt.Sprintf("applicant.address.region[%d]", level)
		titles := []string{"通讯地址：省 / Postal address: province", "市 / City", "区县 / District"}
		// Only this level's problems: "needs the next level" is the next question.
		title := titles[level]
		if level > 0 && strings.HasSuffix(children[0], "区") {
			title = titles[2] // a municipality's districts are its second level
		}
		q := Question{ID: qid, Section: secYou, Title: title, Kind: Choice, Options: plainOptions(children)}
		add(q)
		v, ok := a[qid]
		if !ok {
			break
		}
		path = append(path, v)
	}
	add(text(secYou, "applicant.address.detail", "详细地址 / Street and number", "e.g. 中关村大街 1 号"))
	add(text(secYou, "applicant.address.postal_code", "邮政编码 / Postal code", "6 digits: 100080"))

	user := text(secAccount, "account.username", "用户名 / Portal login name", "often your phone number; no password here: autofill asks for it when it runs")
	user.Default = a["applicant.phone"]
	add(user)
	add(Question{ID: "consent.service_agreement", Section: secAccount, Kind: YesNo, Default: no,
		Title: "由 autofill 代为点击“我接受以上协议”？ / Let autofill tick the service agreement for you?",
		Help:  "read the agreement on the portal first / 请先在网站上阅读协议"})
	add(Question{ID: "application.type", Section: secAccount, Title: "申请类型 / Application type", Kind: Choice, Default: "foreign_degree",
		Options: []Option{{"国(境)外学历学位认证 / foreign degree", "foreign_degree"}, {"中外合作办学学历学位认证 / Sino-foreign programme", "sino_foreign"}}})

	for i := 0; ; i++ {
		degreeQuestions(a, i, add)
		more := fmt.Sprintf("degrees[%d].more", i)
		add(Question{ID: more, Section: materialsSection(i), Kind: YesNo, Default: no, Paths: []string{"-"},
			Title: "还有其他学位要认证吗？ / Another degree to authenticate?"})
		if a[more] != yes {
			break
		}
	}

	rows := historyRows(a)
	for k := 0; ; k++ {
		historyQuestions(a, k, rows, add)
		more := fmt.Sprintf("history[%d].more", k)
		add(Question{ID: more, Section: secHistory, Kind: YesNo, Default: no, Paths: []string{"-"},
			Title: "高中以后还有其他学习经历吗（如国内本科）？ / Any other study since high school (a bachelor's in China, say)?",
			Help:  "your degrees above are added for you / 上面的学位已自动加入"})
		if a[more] != yes {
			break
		}
	}
	return qs
}

// Next returns the first question without an answer; ok is false when all
// are answered.
func Next(a Answers) (Question, bool) {
	for _, q := range Plan(a) {
		if !a.Has(q.ID) {
			return q, true
		}
	}
	return Question{}, false
}

func degreeSection(i int) string { return fmt.Sprintf("学位 %d / Degree %d", i+1, i+1) }

func materialsSection(i int) string {
	return fmt.Sprintf("材料 %d / Materials of degree %d", i+1, i+1)
}

func degreeQuestions(a Answers, i int, add func(Question)) {
	at := fmt.Sprintf("degrees[%d].", i)
	sec := degreeSection(i)
	text := func(field, title, help string) Question {
		return Question{ID: at + field, Section: sec, Title: title, Help: help, Kind: Text}
	}
	country := text("awarding_country", "颁证学校所在地点 / Country of the awarding institution", "the portal's Chinese name, e.g. 英国; UK works too")
	country.Suggest, country.IsCountry = countryNames(), true
	add(country)
	add(Question{ID: at + "awarding_institution", Section: sec, Kind: Institution, Country: a[at+"awarding_country"],
		Title:   "颁证学校外文名称 / Awarding institution",
		Help:    "the foreign name as on the certificate, or CSCSE's Chinese name; checked against CSCSE's list",
		Suggest: institutionNames(a[at+"awarding_country"])})
	add(text("degree_name", "学位外文名称 / Degree, exactly as printed", "e.g. Master of Science"))
	add(Question{ID: at + "level", Section: sec, Title: "学位层次 / Level", Kind: Choice, Options: []Option{
		{"学士 / bachelor", "bachelor"}, {"硕士 / master", "master"}, {"博士 / doctor", "doctor"}, {"其他 / other", "other"}}})
	idq := text("id", "简短标识 / A short name for this degree", "used with --degree; letters and digits")
	idq.Default = degreeID(a, i)
	add(idq)
	add(text("major_foreign", "学习专业（外文） / Major, in the certificate's language", "e.g. Artificial Intelligence"))
	add(text("major_chinese", "学习专业（中文） / Major, in Chinese", "e.g. 人工智能; compared with the national catalogues"))
	disc := Question{ID: at + "discipline", Section: sec, Title: "学科类别 / Discipline (学科门类)", Kind: Choice}
	for _, d := range refdata.Disciplines() {
		disc.Options = append(disc.Options, Option{d.Name, d.Name})
	}
	level := a[at+"level"]
	if m, ok := majors.Likely(majors.Match(a[at+"major_chinese"]), level == "master" || level == "doctor"); ok {
		disc.Default = m.Discipline
		disc.Help = fmt.Sprintf("the catalogue files %s as %s %s under %s", a[at+"major_chinese"], m.Name, m.Code, m.Discipline)
	}
	add(disc)
	add(text("start", "学习开始时间 / First day of study", "YYYY-MM-DD, e.g. 2022-09-12"))
	end := text("end", "学习结束时间 / Last day of study", "YYYY-MM-DD; usually the transcript's completion date")
	add(end)
	add(text("award_date", "学位授予时间 / Date on the certificate", "YYYY-MM-DD, e.g. 2023-11-28"))
	add(text("student_number", "学号 / Student number", "write 无 if you had none"))
	same := at + "same_school"
	add(Question{ID: same, Section: sec, Kind: YesNo, Default: yes, Paths: []string{"-"},
		Title: "就读学校与颁证学校相同？ / Did you study at the awarding institution?"})
	if a[same] == no {
		sc := text("study_country", "就读地点 / Country where you studied", "e.g. 马来西亚")
		sc.Suggest, sc.IsCountry = countryNames(), true
		add(sc)
		add(Question{ID: at + "study_institution", Section: sec, Kind: Institution, Country: a[at+"study_country"],
			Title: "就读学校外文名称 / Institution where you studied", Help: "the foreign name, or CSCSE's Chinese name",
			Suggest: institutionNames(a[at+"study_country"])})
	}
	add(Question{ID: at + "remote_study", Section: sec, Kind: YesNo, Default: no,
		Title: "是否有远程修读经历？ / Any courses taken remotely?"})
	if a[at+"remote_study"] == yes {
		add(text("remote_study_explanation", "远程修读说明 / Remote study: why, when, which courses", "原因、时间、课程"))
	}
	remarks := text("remarks", "备注 / Remarks", "optional; press Enter if none")
	remarks.Optional = true
	add(remarks)

	msec := materialsSection(i)
	files := func(key, title, help string, list, optional bool) {
		q := Question{ID: at + "materials." + key, Section: msec, Title: title, Help: help, Optional: optional}
		q.Paths = []string{at + "materials." + key}
		if list {
			q.Kind = Files
		}
		add(q)
	}
	files("photo", "证件照片 / Photo (JPEG, ≤1 MB)", "a path relative to the profile's folder: materials/photo.jpg", false, false)
	files("passport", "护照/通行证 / Passport pages (JPEG)", "paths separated by commas: materials/passport-bio.jpg", true, false)
	files("visa", "签证/居留许可 / Visa or residence permit (JPEG)", "press Enter if you needed none", true, true)
	files("diploma", "学位证书 / Diploma (one PDF, front and back)", "materials/diploma.pdf", false, false)
	files("authorization", "授权声明 / Signed authorization (PDF)", "materials/authorization.pdf", false, false)
	files("transcript", "成绩单 / Transcript pages (JPEG, recommended)", "press Enter to add them later", true, true)
	files("other", "其他材料 / Other (JPEG, optional)", "e.g. proof of a name change; press Enter if none", true, true)
}

// degreeID proposes an id from the level (master → master), unique among
// the degrees before it.
func degreeID(a Answers, i int) string {
	base := a[fmt.Sprintf("degrees[%d].level", i)]
	if base == "" {
		base = "degree"
	}
	id := base
	for n := 2; ; n++ {
		taken := false
		for j := 0; j < i; j++ {
			if a[fmt.Sprintf("degrees[%d].id", j)] == id {
				taken = true
			}
		}
		if !taken {
			return id
		}
		id = fmt.Sprintf("%s%d", base, n)
	}
}

func historyQuestions(a Answers, k int, rows []historyRow, add func(Question)) {
	at := fmt.Sprintf("history[%d].", k)
	index := -1
	for i, r := range rows {
		if r.answer == k {
			index = i
		}
	}
	path := func(field string) []string { return []string{fmt.Sprintf("study_history[%d].%s", index, field)} }
	q := func(field, title, help string) Question {
		return Question{ID: at + field, Section: secHistory, Title: title, Help: help, Kind: Text, Paths: path(field)}
	}
	if k == 0 {
		add(q("school", "高中学校名称 / Your high school", "e.g. 北京市第四中学"))
	} else {
		add(Question{ID: at + "level", Section: secHistory, Title: "学历/学位 / Level", Kind: Choice, Paths: path("level"), Options: []Option{
			{"专科 / associate", "associate"}, {"本科 / bachelor", "bachelor"}, {"硕士 / master", "master"}, {"博士 / doctor", "doctor"}, {"其他 / other", "other"}}})
		add(q("school", "学校名称 / School", "e.g. 北京大学"))
	}
	c := q("country", "国家/地区 / Country", "e.g. 中国")
	c.Default, c.Suggest, c.IsCountry = "中国", countryNames(), true
	add(c)
	add(q("from", "开始时间 / First month", "YYYY-MM, e.g. 2015-09"))
	add(q("to", "结束时间 / Last month", "YYYY-MM, e.g. 2018-06"))
	if k > 0 {
		add(q("major", "专业 / Major", "e.g. 计算机科学与技术"))
	}
}

// historyRow is one row of study_history: from an answer (answer ≥ 0) or
// derived from a degree (degree ≥ 0).
type historyRow struct {
	answer, degree int
	fields         map[string]string
}

// historyRows lists the study history the answers make, oldest first: the
// rows answered, and each degree's own row, derived from it so it is not
// asked twice. Rows without a start month yet go last.
func historyRows(a Answers) []historyRow {
	var rows []historyRow
	for k := 0; ; k++ {
		at := fmt.Sprintf("history[%d].", k)
		level := a[at+"level"]
		if k == 0 {
			level = "high_school"
		}
		rows = append(rows, historyRow{answer: k, degree: -1, fields: map[string]string{
			"from": a[at+"from"], "to": a[at+"to"], "country": a[at+"country"], "school": a[at+"school"],
			"major": a[at+"major"], "level": level}})
		if a[at+"more"] != yes {
			break
		}
	}
	for i := 0; ; i++ {
		at := fmt.Sprintf("degrees[%d].", i)
		if !a.Has(at + "awarding_country") {
			break
		}
		country, school := a[at+"awarding_country"], a[at+"awarding_institution"]
		if a[at+"same_school"] == no {
			country, school = a[at+"study_country"], a[at+"study_institution"]
		}
		rows = append(rows, historyRow{answer: -1, degree: i, fields: map[string]string{
			"from": month(a[at+"start"]), "to": month(a[at+"end"]), "country": country, "school": school,
			"major": a[at+"major_foreign"], "level": a[at+"level"]}})
		if a[at+"more"] != yes {
			break
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		fi, fj := rows[i].fields["from"], rows[j].fields["from"]
		if fi == "" || fj == "" {
			return fi != "" && fj == ""
		}
		return fi < fj
	})
	return rows
}

// month is the YYYY-MM of a YYYY-MM-DD answer.
func month(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return ""
}

func countryNames() []string {
	var names []string
	for _, c := range refdata.Countries() {
		names = append(names, c.Name)
	}
	return names
}

// institutionNames are the suggestions for an institution: CSCSE's foreign
// and Chinese names for the country.
func institutionNames(country string) []string {
	var names []string
	for _, in := range institutions.List(country) {
		names = append(names, in.Foreign, in.Chinese)
	}
	return names
}

func plainOptions(values []string) []Option {
	out := make([]Option, len(values))
	for i, v := range values {
		out[i] = Option{v, v}
	}
	return out
}

func isChina(s string) bool {
	c, ok := refdata.LookupCountry(strings.TrimSpace(s))
	return s == "" || (ok && c.Alpha2 == "CN")
}
