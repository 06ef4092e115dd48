// Package pagemap holds the page maps: one YAML file per portal page that says
// how to recognise the page, which control holds which profile value, which
// buttons move on and which must never be clicked. Everything that changes
// when the portal changes lives in these files, not in Go code.
package pagemap

import (
	"fmt"
	"github.com/cscse-tools/autofill/internal/steps"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/materials"
)

// Kind is a widget kind. Each has a driver that fills it and reads it back.
type Kind string

// The widget kinds of PORTAL.md.
const (
	Text     Kind = "text"     // el-input
	Textarea Kind = "textarea" // el-input type=textarea
	Select   Kind = "select"   // el-select (maybe filterable, maybe remote)
	Cascader Kind = "cascader" // el-cascader
	Date     Kind = "date"     // el-date-picker type=date
	Month    Kind = "month"    // el-date-picker type=month
	Radio    Kind = "radio"    // el-radio-group
	Checkbox Kind = "checkbox" // el-checkbox
	Upload   Kind = "upload"   // el-upload
	Readonly Kind = "readonly" // prefilled, never typed into: read and compared
	Table    Kind = "table"    // rows added through a dialog
)

// Kinds lists every kind, for error messages.
var Kinds = []Kind{Text, Textarea, Select, Cascader, Date, Month, Radio, Checkbox, Upload, Readonly, Table}

// Human names who acts on a page besides the tool: the shared vocabulary
// of human steps (package steps), so a map's word is the engine's and the
// report's without translation.
type Human = steps.Step

// The human steps a page map may name.
const (
	NoHuman     Human = ""
	Captcha           = steps.Captcha     // the person solves a captcha and logs in
	Consent           = steps.Consent     // the person accepts the agreement unless the profile consents
	FaceAndCode       = steps.FaceAndCode // 微留服 face scan, then the 12367 code
	Confirm           = steps.Confirm     // review, pledge, 提交: the tool stops here
	Payment           = steps.Payment     // 360 元: the tool never acts
)

// Humans lists every human-step value.
var Humans = []Human{NoHuman, Captcha, Consent, FaceAndCode, Confirm, Payment}

// Map is one page.
type Map struct {
	Page       string            `yaml:"page"`
	Title      string            `yaml:"title"`
	Detect     Detect            `yaml:"detect"`
	Human      Human             `yaml:"human"`
	Form       string            `yaml:"form"` // where label fallback looks; default the detect element
	Dismiss    []Target          `yaml:"dismiss"`
	Fields     []Field           `yaml:"fields"`
	List       *List             `yaml:"list"`
	Verify     *Verify           `yaml:"verify"`
	Actions    map[string]Target `yaml:"actions"`
	NeverClick []string          `yaml:"never_click"`
	Values     map[string]Value  `yaml:"values"` // what the page shows, read and never typed into (after.go)
	// NeverClickOptional are guarded like NeverClick but shown only on some
	// forms of the page (无法获取出入境记录, 机构用户登录): their absence from
	// a page is not drift.
	NeverClickOptional []string `yaml:"never_click_optional"`
	// HumanSteps are what only a person does on a form page (signing
	// 授权声明 online): each holds the run until its element is gone.
	HumanSteps []HumanStep `yaml:"human_steps"`
	Summary    *Summary    `yaml:"summary"` // confirm: what the portal saved, to compare

	File string     `yaml:"-"` // where it was loaded from, for messages
	Line int        `yaml:"-"` // line of `page:`
	node *yaml.Node // the parsed document, for LineAt
}

// Detect says how to know the browser is on this page: an element matching
// CSS exists and, when Text is set, its text contains Text.
type Detect struct {
	CSS  string `yaml:"css"`
	Text string `yaml:"text"`
}

// Target is a clickable element: its selector and the text a person sees on
// it (used to check the map and to explain clicks).
type Target struct {
	CSS  string `yaml:"css"`
	Text string `yaml:"text"`
	Line int    `yaml:"-"`
}

// Field maps one profile value to one control.
type Field struct {
	Key      string            `yaml:"key"`   // profile key: applicant.phone, degree.award_date, study.from
	Label    string            `yaml:"label"` // the exact text beside the control
	CSS      string            `yaml:"css"`   // the widget's root element
	Kind     Kind              `yaml:"kind"`
	Options  map[string]string `yaml:"options"`  // profile value → visible option text
	When     string            `yaml:"when"`     // "key" or "!key": fill only when truthy/falsy
	Optional bool              `yaml:"optional"` // an empty profile value leaves the control alone
	// MayBeAbsent: some forms of the portal do not show this control (a
	// variant, not drift); when it is not on the page it is skipped.
	MayBeAbsent bool `yaml:"may_be_absent"`
	// Fallback is a profile key whose value fills the control when Key's
	// is empty (就读地点 takes the awarding country on forms without the
	// same-school checkbox).
	Fallback string `yaml:"fallback"`
	// Aliases are other texts the same control is labelled with on other
	// forms of the portal (护照(通行证/身份证) for 护照/通行证).
	Aliases    []string   `yaml:"aliases"`
	Filterable bool       `yaml:"filterable"`
	Remote     bool       `yaml:"remote"` // options come from a search as you type
	Manual     *Manual    `yaml:"manual"` // select: what to do when the value is not offered
	Table      *TableSpec `yaml:"table"`
	// Role is what the engine does with the field beyond filling it from
	// the profile (roles.go): the login's user name and password, a captcha.
	Role Role `yaml:"role"`
	// Secret: the value is never shown, logged or reported (a password).
	Secret bool `yaml:"secret"`
	// Upload is an upload slot's limits: the types, size and number of
	// files the portal accepts (internal/materials checks files by them).
	Upload   *materials.Limits `yaml:"upload"`
	Line     int               `yaml:"-"`
	KindLine int               `yaml:"-"`
}

// Manual is a select's escape hatch: pick Option, then type the value into
// the text field it reveals (PORTAL.md: 其他（手动输入）).
type Manual struct {
	Option string `yaml:"option"`
	Label  string `yaml:"label"`
	CSS    string `yaml:"css"`
}

// TableSpec describes a list of rows edited through an add dialog
// (学习经历). Its Fields are the dialog's controls, keyed relative to one
// profile row (study.from, study.school, …).
type TableSpec struct {
	Rows    string   `yaml:"rows"`    // one element per data row
	Columns []Column `yaml:"columns"` // in order: header text and the profile keys shown
	Add     Target   `yaml:"add"`
	Dialog  string   `yaml:"dialog"`
	OK      Target   `yaml:"ok"`
	Cancel  Target   `yaml:"cancel"`
	Fields  []Field  `yaml:"fields"`
	// Optional, for --prune: a row's delete button and the OK of the
	// confirmation that follows.
	Delete        Target `yaml:"delete"`
	ConfirmDelete Target `yaml:"confirm_delete"`
}

// List is the 我的申请 table of applications.
type List struct {
	Table    string            `yaml:"table"` // the table, for its header row
	Rows     string            `yaml:"rows"`
	Columns  map[string]string `yaml:"columns"` // role (id, institution, degree, status) → header text
	Continue Target            `yaml:"continue"`
	New      Target            `yaml:"new"`
	// Draft is the status a row shows while it can still be filled (未提交);
	// any other status is past 提交 and never continued.
	Draft string `yaml:"draft"`
	// Row actions after 提交 (after.go): 查看, 补材料, 复核.
	View       Target `yaml:"view"`
	Supplement Target `yaml:"supplement"`
	Review     Target `yaml:"review"`
	// Optional. Pay is a row's action once the draft was submitted and waits
	// on 在线支付; IDInURL is a regexp whose first group is the application
	// id in a step page's address; User is the user centre's identity.
	Pay     Target   `yaml:"pay"`
	IDInURL string   `yaml:"id_in_url"`
	User    UserInfo `yaml:"user"`
}

// UserInfo is where the user centre shows who is logged in.
type UserInfo struct {
	Name string `yaml:"name"` // the account holder's name
	ID   string `yaml:"id"`   // their ID number, masked as the portal masks it
}

// Verify is the 实人认证 page's moving parts.
type Verify struct {
	QR      string `yaml:"qr"`      // the QR code image to save for the person
	Status  string `yaml:"status"`  // the status line to show the person
	Code    Field  `yaml:"code"`    // the 8-digit 12367 code field
	CodeOK  Target `yaml:"code_ok"` // confirms the code
	Records string `yaml:"records"` // appears when the step is done
	// Skip is the page's way out without records (无法获取出入境记录,
	// 跳过实人认证程序…): only ever the person's click; the engine names it
	// when the profile says verification: no_records.
	Skip Target `yaml:"skip"`
	// Guide is the page's own line saying which app scans the QR code
	// (微留服, or 国家政务服务平台 on the older page), quoted to the person.
	Guide string `yaml:"guide"`
}

// HumanStep is a person's act on a form page: while an element matching CSS
// is visible, the tool says Message (and MessageZH) and waits; it never
// acts on the element itself.
type HumanStep struct {
	Name      string `yaml:"name"`
	CSS       string `yaml:"css"`
	Message   string `yaml:"message"`
	MessageZH string `yaml:"message_zh"`
}

// Never is every selector the click guard refuses on this page.
func (m *Map) Never() []string {
	return append(slices.Clone(m.NeverClick), m.NeverClickOptional...)
}

// Action returns a named action's target and whether the map has it.
func (m *Map) Action(name string) (Target, bool) {
	t, ok := m.Actions[name]
	return t, ok
}

// Where names the map for messages: "selectors/degree.yaml:12".
func (m *Map) Where(line int) string {
	if line <= 0 {
		return m.File
	}
	return fmt.Sprintf("%s:%d", m.File, line)
}

// Set is every page map, by page id, and the flow that orders them.
type Set struct {
	Maps  map[string]*Map
	Order []string // the flow's page order (Flow.Order)
	Flow  *Flow    // flow.yaml; nil means the built-in flow
}

// Get returns the map of a page id.
func (s *Set) Get(page string) *Map { return s.Maps[page] }

// Pages returns the page ids in flow order, then any others sorted.
func (s *Set) Pages() []string {
	var out []string
	order := s.flow().Order()
	for _, p := range order {
		if _, ok := s.Maps[p]; ok {
			out = append(out, p)
		}
	}
	var extra []string
	for p := range s.Maps {
		if !slices.Contains(order, p) {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// Scope is where a page's controls are looked for by label: the form, else
// the element its detect rule finds.
func (m *Map) Scope() string {
	if m.Form != "" {
		return m.Form
	}
	return m.Detect.CSS
}

// DetectRule is one page's detect rule, shaped for the page script's detect().
type DetectRule struct {
	Page string `json:"page"`
	CSS  string `json:"css"`
	Text string `json:"text"`
}

// DetectRules returns every map's detect rule, in the order of Pages.
func (s *Set) DetectRules() []DetectRule {
	var out []DetectRule
	for _, p := range s.Pages() {
		out = append(out, DetectRule{p, s.Maps[p].Detect.CSS, s.Maps[p].Detect.Text})
	}
	return out
}

// AllFields returns a page's fields including the table dialog's and the
// verify code field, for checks that look at every control.
func (m *Map) AllFields() []Field {
	out := slices.Clone(m.Fields)
	for _, f := range m.Fields {
		if f.Table != nil {
			out = append(out, f.Table.Fields...)
		}
	}
	if m.Verify != nil && m.Verify.Code.CSS != "" {
		out = append(out, m.Verify.Code)
	}
	return out
}

// Truthy evaluates a `when` condition against a lookup of profile keys.
func Truthy(when string, lookup func(key string) (any, bool)) bool {
	when = strings.TrimSpace(when)
	if when == "" {
		return true
	}
	neg := strings.HasPrefix(when, "!")
	v, _ := lookup(strings.TrimSpace(strings.TrimPrefix(when, "!")))
	return isTruthy(v) != neg
}

func isTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case []string:
		return len(x) > 0
	case fmt.Stringer:
		return x.String() != ""
	}
	return true
}
