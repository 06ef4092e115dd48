// Package profile holds one applicant's profile (docs/profile.md): the
// types the engine fills the portal from, Load with every problem of a file at
// once, Validate with the portal's rules, the commented Template and the
// Redactor that keeps ID numbers and phones out of logs.
package profile

import (
	"fmt"
	"strings"
)

// Profile is one applicant. Field tags carry the snake_case names of
// the contract so the engine can address a value by its dotted key
// (applicant.address.region, degrees[0].award_date); see Get.
type Profile struct {
	Applicant    Applicant    `yaml:"applicant" json:"applicant" mapstructure:"applicant"`
	Account      Account      `yaml:"account" json:"account" mapstructure:"account"`
	Consent      Consent      `yaml:"consent" json:"consent" mapstructure:"consent"`
	Application  Application  `yaml:"application" json:"application" mapstructure:"application"`
	Degrees      []Degree     `yaml:"degrees" json:"degrees" mapstructure:"degrees"`
	StudyHistory []Study      `yaml:"study_history" json:"study_history" mapstructure:"study_history"`
	Supplements  []Supplement `yaml:"supplements" json:"supplements,omitempty" mapstructure:"supplements"` // after 提交 (supplement.go)

	// Path is the file the profile came from (absolute); empty when built in code.
	Path string `yaml:"-" json:"-" mapstructure:"-"`

	src *source // key lines and environment overrides, set by Load
}

// Applicant is the 基本信息 page.
type Applicant struct {
	Name        string  `yaml:"name" json:"name" mapstructure:"name"`
	NamePinyin  string  `yaml:"name_pinyin" json:"name_pinyin" mapstructure:"name_pinyin"`
	FormerName  string  `yaml:"former_name" json:"former_name" mapstructure:"former_name"`
	Gender      string  `yaml:"gender" json:"gender" mapstructure:"gender"`
	BirthDate   Date    `yaml:"birth_date" json:"birth_date" mapstructure:"birth_date"`
	Nationality string  `yaml:"nationality" json:"nationality" mapstructure:"nationality"`
	IDType      string  `yaml:"id_type" json:"id_type" mapstructure:"id_type"`
	IDNumber    string  `yaml:"id_number" json:"id_number" mapstructure:"id_number"`
	Phone       string  `yaml:"phone" json:"phone" mapstructure:"phone"`
	Email       string  `yaml:"email" json:"email" mapstructure:"email"`
	Address     Address `yaml:"address" json:"address" mapstructure:"address"`

	// Verification is the path taken on 实人认证 when the page offers a
	// choice: face (scan and fetch the entry/exit records, the default) or
	// no_records (the person chooses 无法获取出入境记录 or skips, and uploads
	// the records under degrees[i].materials.entry_exit). The tool never
	// clicks either choice; it tells the person which one the profile says.
	Verification string `yaml:"verification" json:"verification" mapstructure:"verification"`
	// AcceptNameForm confirms that the name registered with the account
	// may differ from applicant.name in form only (· or spaces dropped).
	AcceptNameForm bool `yaml:"accept_name_form" json:"accept_name_form" mapstructure:"accept_name_form"`
}

// Address is the 通讯地址 cascader plus the free-text lines.
type Address struct {
	Region     []string `yaml:"region" json:"region" mapstructure:"region"`
	Detail     string   `yaml:"detail" json:"detail" mapstructure:"detail"`
	PostalCode string   `yaml:"postal_code" json:"postal_code" mapstructure:"postal_code"`
}

// Account is the portal login. The password is never part of a profile.
type Account struct {
	Username string `yaml:"username" json:"username" mapstructure:"username"`
}

// Consent records what the applicant lets the tool click on their behalf.
type Consent struct {
	ServiceAgreement bool `yaml:"service_agreement" json:"service_agreement" mapstructure:"service_agreement"`
}

// Application is the 申请类型 page.
type Application struct {
	Type string `yaml:"type" json:"type" mapstructure:"type"`
}

// Degree is one 申请信息 page: one application per degree.
type Degree struct {
	ID                     string    `yaml:"id" json:"id" mapstructure:"id"`
	AwardingCountry        string    `yaml:"awarding_country" json:"awarding_country" mapstructure:"awarding_country"`
	AwardingInstitution    string    `yaml:"awarding_institution" json:"awarding_institution" mapstructure:"awarding_institution"`
	DegreeName             string    `yaml:"degree_name" json:"degree_name" mapstructure:"degree_name"`
	Level                  string    `yaml:"level" json:"level" mapstructure:"level"`
	AwardDate              Date      `yaml:"award_date" json:"award_date" mapstructure:"award_date"`
	MajorForeign           string    `yaml:"major_foreign" json:"major_foreign" mapstructure:"major_foreign"`
	MajorChinese           string    `yaml:"major_chinese" json:"major_chinese" mapstructure:"major_chinese"`
	StudyCountry           string    `yaml:"study_country" json:"study_country" mapstructure:"study_country"`
	StudyInstitution       string    `yaml:"study_institution" json:"study_institution" mapstructure:"study_institution"`
	Start                  Date      `yaml:"start" json:"start" mapstructure:"start"`
	End                    Date      `yaml:"end" json:"end" mapstructure:"end"`
	StudentNumber          string    `yaml:"student_number" json:"student_number" mapstructure:"student_number"`
	Discipline             string    `yaml:"discipline" json:"discipline" mapstructure:"discipline"`
	RemoteStudy            bool      `yaml:"remote_study" json:"remote_study" mapstructure:"remote_study"`
	RemoteStudyExplanation string    `yaml:"remote_study_explanation" json:"remote_study_explanation" mapstructure:"remote_study_explanation"`
	Remarks                string    `yaml:"remarks" json:"remarks" mapstructure:"remarks"`
	Materials              Materials `yaml:"materials" json:"materials" mapstructure:"materials"`
}

// Study is one row of the 学习经历 table.
type Study struct {
	From    Month  `yaml:"from" json:"from" mapstructure:"from"`
	To      Month  `yaml:"to" json:"to" mapstructure:"to"`
	Country string `yaml:"country" json:"country" mapstructure:"country"`
	School  string `yaml:"school" json:"school" mapstructure:"school"`
	Major   string `yaml:"major" json:"major" mapstructure:"major"`
	Level   string `yaml:"level" json:"level" mapstructure:"level"`
}

// Login is the portal login name: account.username, else the phone, which
// is what the portal registers people by (and what a dry-run registers).
func (p *Profile) Login() string {
	if u := strings.TrimSpace(p.Account.Username); u != "" {
		return u
	}
	return strings.TrimSpace(p.Applicant.Phone)
}

// Degree returns the degree with the given id. An empty id picks the only
// degree; with several, the error lists their ids so the user can choose.
func (p *Profile) Degree(id string) (*Degree, error) {
	if id == "" {
		switch len(p.Degrees) {
		case 0:
			return nil, fmt.Errorf("the profile has no degrees: add one under degrees")
		case 1:
			return &p.Degrees[0], nil
		}
		return nil, fmt.Errorf("the profile has %d degrees (%s): choose one with --degree ID",
			len(p.Degrees), strings.Join(p.degreeIDs(), ", "))
	}
	for i := range p.Degrees {
		if p.Degrees[i].ID == id {
			return &p.Degrees[i], nil
		}
	}
	if len(p.Degrees) == 0 {
		return nil, fmt.Errorf("no degree %q: the profile has no degrees", id)
	}
	return nil, fmt.Errorf("no degree %q: the profile has %s", id, strings.Join(p.degreeIDs(), ", "))
}

func (p *Profile) degreeIDs() []string {
	ids := make([]string, len(p.Degrees))
	for i, d := range p.Degrees {
		ids[i] = d.ID
		if ids[i] == "" {
			ids[i] = fmt.Sprintf("degrees[%d] (no id)", i)
		}
	}
	return ids
}

// Line returns the line of the profile file where key (a field path such as
// "degrees[0].award_date") or its nearest parent was written, or 0 when the
// file was not YAML/JSON or the profile was built in code.
func (p *Profile) Line(key string) int {
	if p == nil || p.src == nil {
		return 0
	}
	return p.src.line(key)
}

// EnvUsed maps each field path an environment variable overrode to the
// variable (with EnvOverrides), sorted by path in EnvKeys.
func (p *Profile) EnvUsed() map[string]string {
	if p == nil || p.src == nil {
		return nil
	}
	return p.src.env
}

// EnvIgnored lists the AUTOFILL_<KEY> variables that were set but ignored
// because overrides were off.
func (p *Profile) EnvIgnored() []string {
	if p == nil || p.src == nil {
		return nil
	}
	return p.src.ignored
}

// EnvOverride returns the environment variable that set key, if any
// (AUTOFILL_APPLICANT_PHONE for applicant.phone).
func (p *Profile) EnvOverride(key string) string {
	if p == nil || p.src == nil {
		return ""
	}
	return p.src.env[key]
}
