package portalsim

import (
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// The forms below are what the pages send (JSON keys in English, values as
// the person sees them) and what the server keeps once they validate.

// basicInfo is the editable part of 基本信息; the identity comes from the
// account.
type basicInfo struct {
	BirthDate     string   `json:"birth_date"`
	NamePinyin    string   `json:"name_pinyin"`
	FormerName    string   `json:"former_name"`
	Phone         string   `json:"phone"`
	Email         string   `json:"email"`
	Region        []string `json:"region"`
	AddressDetail string   `json:"address_detail"`
	PostalCode    string   `json:"postal_code"`
	Wechat        string   `json:"wechat"` // Variant.ExtraField: optional, unknown to the maps
}

func (b *basicInfo) validate(now time.Time, v Variant) *fieldError {
	var c checker
	c.date("出生日期", b.BirthDate, now)
	c.match("姓名拼音", b.NamePinyin, rePinyin, "请按护照填写大写拼音，姓与名之间用空格分隔，如 WANG XIAOMING")
	c.maxLen("曾用名", b.FormerName, 30)
	c.match("手机号码", b.Phone, rePhone, "请填写11位中国大陆手机号码，如 13912345678")
	c.match("电子邮箱", b.Email, reEmail, "请填写有效的电子邮箱，如 name@example.com")
	c.maxLen("微信号", b.Wechat, 30)
	if v.NoAddress {
		b.Region, b.AddressDetail, b.PostalCode = []string{}, "", ""
		return c.err
	}
	switch {
	case len(b.Region) == 0:
		c.fail("通讯地址", "必填项，请选择省/市/区")
	case refdata.RegionPath(b.Region) < len(b.Region) || len(refdata.RegionChildren(b.Region)) > 0:
		c.fail("通讯地址", "“%s”不是完整的省/市/区，请从级联列表中逐级选择", strings.Join(b.Region, "/"))
	}
	c.required("详细地址", b.AddressDetail)
	c.maxLen("详细地址", b.AddressDetail, 100)
	c.match("邮政编码", b.PostalCode, rePostal, "应为6位数字，如 100080")
	return c.err
}

func (b *basicInfo) view(id Account, v Variant) []kv {
	out := []kv{
		{"姓名", id.Name}, {"性别", id.Gender}, {"国籍", id.Nationality},
		{"证件类型", id.IDType}, {"证件号码", id.IDNumber},
		{"出生日期", b.BirthDate}, {"姓名拼音", b.NamePinyin}, {"曾用名", b.FormerName},
		{"手机号码", b.Phone}, {"电子邮箱", b.Email},
	}
	if v.NoAddress {
		return out
	}
	return append(out, kv{"通讯地址", strings.Join(b.Region, "/")},
		kv{"详细地址", b.AddressDetail}, kv{"邮政编码", b.PostalCode})
}

// Apply types, as the radio group shows them.
var applyTypes = []string{"国(境)外学历学位认证", "中外合作办学学历学位认证"}

// Degree levels and the 学历/学位 of the study-history row each one makes.
var (
	degreeLevels  = []string{"学士", "硕士", "博士", "其他"}
	historyLevels = []string{"高中", "专科", "本科", "硕士", "博士", "其他"}
	levelToRow    = map[string]string{"学士": "本科", "硕士": "硕士", "博士": "博士", "其他": "其他"}
)

// manualInstitution is the always-present option that reveals a text field.
const manualInstitution = "其他（手动输入）"

// degreeForm is 申请信息.
type degreeForm struct {
	AwardingCountry     string `json:"awarding_country"`
	AwardingInstitution string `json:"awarding_institution"`
	InstitutionManual   string `json:"awarding_institution_manual"`
	DegreeName          string `json:"degree_name"`
	Level               string `json:"level"`
	AwardDate           string `json:"award_date"`
	MajorForeign        string `json:"major_foreign"`
	MajorChinese        string `json:"major_chinese"`
	SameSchool          bool   `json:"same_school"`
	StudyCountry        string `json:"study_country"`
	StudyInstitution    string `json:"study_institution"`
	Start               string `json:"start"`
	End                 string `json:"end"`
	StudentNumber       string `json:"student_number"`
	Discipline          string `json:"discipline"`
	RemoteStudy         string `json:"remote_study"` // 是 | 否
	RemoteExplanation   string `json:"remote_explanation"`
	Remarks             string `json:"remarks"`
	noCheckbox          bool   // Variant.NoSameSchool: the page has no same-school checkbox
}

// institution is the name the person chose or typed.
func (d *degreeForm) institution() string {
	if d.AwardingInstitution == manualInstitution {
		return d.InstitutionManual
	}
	return d.AwardingInstitution
}

// normalise drops what hidden fields hold, so the server keeps only what the
// person can see.
func (d *degreeForm) normalise() {
	if d.AwardingInstitution != manualInstitution {
		d.InstitutionManual = ""
	}
	if d.SameSchool {
		d.StudyCountry, d.StudyInstitution = "", ""
	}
	if d.RemoteStudy != "是" {
		d.RemoteExplanation = ""
	}
}

func (d *degreeForm) validate(now time.Time) *fieldError {
	d.normalise()
	var c checker
	c.country("颁证学校所在地点", d.AwardingCountry, false)
	if c.required("颁证学校外文名称", d.AwardingInstitution) && d.AwardingInstitution == manualInstitution {
		c.required("颁证学校外文名称（手动输入）", d.InstitutionManual)
	}
	if n := d.institution(); n != "" && !inCSCSE(d.AwardingCountry, n) && (hasHan(n) || !reLatinOK.MatchString(n)) {
		c.fail("颁证学校外文名称", "请填写学校的外文（英文等）名称，不要填写中文")
	}
	if c.required("学位外文名称", d.DegreeName) && hasHan(d.DegreeName) {
		c.fail("学位外文名称", "请按学位证书原文填写外文名称，不要填写中文")
	}
	c.oneOf("学位层次", d.Level, degreeLevels)
	award, okAward := c.date("认证学位/证书授予时间", d.AwardDate, now)
	if c.required("学习专业（外文）", d.MajorForeign) && hasHan(d.MajorForeign) {
		c.fail("学习专业（外文）", "请填写外文专业名称")
	}
	if c.required("学习专业（中文）", d.MajorChinese) && !hasHan(d.MajorChinese) {
		c.fail("学习专业（中文）", "请填写中文专业名称")
	}
	if !d.SameSchool {
		c.country("就读地点", d.StudyCountry, false)
		c.required("就读学校外文名称", d.StudyInstitution)
	}
	start, okStart := c.date("学习开始时间", d.Start, now)
	end, okEnd := c.date("学习结束时间", d.End, now)
	if okStart && okEnd && !start.Before(end) {
		c.fail("学习结束时间", "应晚于学习开始时间（%s）", d.Start)
	}
	if okStart && okAward && award.Before(start) {
		c.fail("认证学位/证书授予时间", "不能早于学习开始时间（%s）", d.Start)
	}
	c.required("学号", d.StudentNumber)
	c.maxLen("学号", d.StudentNumber, 40)
	c.oneOf("学科类别", d.Discipline, disciplineNames())
	c.oneOf("是否有远程修读经历", d.RemoteStudy, []string{"是", "否"})
	if d.RemoteStudy == "是" {
		if c.required("远程修读说明", d.RemoteExplanation) && len([]rune(strings.TrimSpace(d.RemoteExplanation))) < 10 {
			c.fail("远程修读说明", "请说明远程修读的原因、起止时间和课程（至少10个字）")
		}
	}
	c.maxLen("远程修读说明", d.RemoteExplanation, 1000)
	c.maxLen("备注", d.Remarks, 500)
	return c.err
}

func (d *degreeForm) view() []kv {
	out := []kv{
		{"颁证学校所在地点", d.AwardingCountry},
		{"颁证学校外文名称", d.institution()},
		{"学位外文名称", d.DegreeName},
		{"学位层次", d.Level},
		{"认证学位/证书授予时间", d.AwardDate},
		{"学习专业（外文）", d.MajorForeign},
		{"学习专业（中文）", d.MajorChinese},
	}
	if !d.noCheckbox {
		out = append(out, kv{"就读学校与颁证学校相同", yesNo(d.SameSchool)})
	}
	if !d.SameSchool {
		out = append(out, kv{"就读地点", d.StudyCountry}, kv{"就读学校外文名称", d.StudyInstitution})
	}
	out = append(out,
		kv{"学习开始时间", d.Start}, kv{"学习结束时间", d.End},
		kv{"学号", d.StudentNumber}, kv{"学科类别", d.Discipline},
		kv{"是否有远程修读经历", d.RemoteStudy})
	if d.RemoteStudy == "是" {
		out = append(out, kv{"远程修读说明", d.RemoteExplanation})
	}
	return append(out, kv{"备注", d.Remarks})
}

// autoRow is the study-history row the portal derives from the degree page.
func (d *degreeForm) autoRow() *historyRow {
	country, school := d.AwardingCountry, d.institution()
	if !d.SameSchool && d.StudyCountry != "" {
		country, school = d.StudyCountry, d.StudyInstitution
	}
	return &historyRow{ID: 0, From: monthOf(d.Start), To: monthOf(d.End), Country: country,
		School: school, Major: d.MajorForeign, Level: levelToRow[d.Level], Auto: true}
}

// historyRow is one row of 学习经历.
type historyRow struct {
	ID      int    `json:"id"`
	From    string `json:"from"`
	To      string `json:"to"`
	Country string `json:"country"`
	School  string `json:"school"`
	Major   string `json:"major"`
	Level   string `json:"level"`
	Auto    bool   `json:"auto"`
}

func (h *historyRow) validate(now time.Time) *fieldError {
	var c checker
	from, okF := c.month("开始时间", h.From, now)
	to, okT := c.month("结束时间", h.To, now)
	if okF && okT && !from.Before(to) {
		c.fail("结束时间", "应晚于开始时间（%s）", h.From)
	}
	c.country("国家/地区", h.Country, true)
	c.required("学校名称", h.School)
	c.maxLen("学校名称", h.School, 100)
	c.maxLen("专业", h.Major, 100)
	c.oneOf("学历/学位", h.Level, historyLevels)
	return c.err
}

func (h *historyRow) view() []kv {
	return []kv{{"开始时间", h.From}, {"结束时间", h.To}, {"国家/地区", h.Country},
		{"学校名称", h.School}, {"专业", h.Major}, {"学历/学位", h.Level}}
}

// kv is one label and its value, in page order.
type kv struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

func kvMap(list []kv) map[string]string {
	m := make(map[string]string, len(list))
	for _, p := range list {
		m[p.Label] = p.Value
	}
	return m
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func monthOf(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return date
}

func disciplineNames() []string {
	var out []string
	for _, d := range refdata.Disciplines() {
		out = append(out, d.Name)
	}
	return out
}
