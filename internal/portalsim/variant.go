package portalsim

import (
	"fmt"
	"sort"
	"strings"
)

// Variant is the shape of the portal the simulator shows. Public evidence
// (docs/portal.md, "Forms that exist side by side") allows more than one form of
// several pages; each knob is one such fork. The zero value is the classic
// reconstruction every older test was written against.
type Variant struct {
	// SSO sends login to 统一用户身份认证系统 on its own origin (a second
	// listener, see SSOHandler): placeholders instead of labels, a slider
	// captcha, and a redirect back with ?token=….
	SSO bool
	// NoRecords adds 无法获取出入境记录 to the 2025 verification page.
	NoRecords bool
	// OldVerify shows the 2020–2024 verification page instead: the
	// 国家政务服务平台 QR, 已完成实人认证，获取出入境记录 and
	// 跳过实人认证程序，自行上传出入境记录.
	OldVerify bool
	// ForeignIDs lets accounts whose 证件类型 is not 居民身份证 skip the face
	// step; their 出入境记录 upload becomes required.
	ForeignIDs bool
	// NoSameSchool drops the 就读学校与颁证学校相同 checkbox: 就读地点 and
	// 就读学校外文名称 are always shown and required.
	NoSameSchool bool
	// NoAddress drops 通讯地址, 详细地址 and 邮政编码 from 基本信息.
	NoAddress bool
	// ExtraField adds an optional field to 基本信息 no page map knows.
	ExtraField bool
	// OfficialSlots names the upload slots as the official list does, shows
	// red hints, and accepts PNG where one source says so.
	OfficialSlots bool
	// SignOnline replaces the 授权声明 upload with 在线签署 (a dialog the
	// person signs in).
	SignOnline bool
	// CSCSEList searches 颁证学校外文名称 in CSCSE's list of institutions
	// (refdata.Institutions) instead of the built-in short list.
	CSCSEList bool
	// Returning gives every new account the 我的申请 of a returning
	// applicant: other degrees' applications in every status (returning.go).
	Returning bool
}

// knob is one switch of a Variant, as `--variant` names it.
type knob struct {
	name, help string
	field      func(v *Variant) *bool
}

var knobs = []knob{
	{"sso", "login on the separate 统一用户身份认证系统 with a slider captcha", func(v *Variant) *bool { return &v.SSO }},
	{"no_records", "the 2025 verification page offers 无法获取出入境记录", func(v *Variant) *bool { return &v.NoRecords }},
	{"old_verify", "the 2020–2024 verification page (国家政务服务平台 QR, 跳过实人认证程序…)", func(v *Variant) *bool { return &v.OldVerify }},
	{"foreign_ids", "accounts whose ID is not a 居民身份证 skip the face step and upload 出入境记录", func(v *Variant) *bool { return &v.ForeignIDs }},
	{"no_same_school", "no 就读学校与颁证学校相同 checkbox: 就读地点 and 就读学校外文名称 always required", func(v *Variant) *bool { return &v.NoSameSchool }},
	{"no_address", "基本信息 without 通讯地址, 详细地址 and 邮政编码", func(v *Variant) *bool { return &v.NoAddress }},
	{"extra_field", "基本信息 has an optional field the page maps do not know", func(v *Variant) *bool { return &v.ExtraField }},
	{"official_slots", "upload slots named as the official list names them, red hints, PNG accepted", func(v *Variant) *bool { return &v.OfficialSlots }},
	{"sign_online", "授权声明 is signed online (在线签署) instead of uploaded", func(v *Variant) *bool { return &v.SignOnline }},
	{"cscse_list", "颁证学校外文名称 searches CSCSE's list of 7,574 institutions", func(v *Variant) *bool { return &v.CSCSEList }},
	{"returning", "我的申请 already holds other degrees' applications in every status (认证中, 补交材料, 认证完成, 未提交, waiting on 在线支付)", func(v *Variant) *bool { return &v.Returning }},
}

// Presets are the named variants. DefaultPreset is the most likely live
// portal; classic is the first reconstruction (the zero Variant).
var Presets = map[string]Variant{
	"classic": {},
	"2025": {SSO: true, NoRecords: true, ForeignIDs: true, NoSameSchool: true, NoAddress: true,
		ExtraField: true, OfficialSlots: true, CSCSEList: true},
	"older": {SSO: true, OldVerify: true, ForeignIDs: true, OfficialSlots: true},
	"2026": {SSO: true, NoRecords: true, ForeignIDs: true, NoSameSchool: true, NoAddress: true,
		ExtraField: true, OfficialSlots: true, SignOnline: true, CSCSEList: true},
}

// DefaultPreset is what `autofill sim`, --dry-run and make demo show.
const DefaultPreset = "2025"

// ParseVariant reads a --variant value: presets and knobs separated by
// commas, applied left to right; "-knob" turns a knob off. Every unknown
// name is reported at once.
func ParseVariant(spec string) (Variant, error) {
	var v Variant
	var bad []string
	for _, part := range strings.Split(spec, ",") {
		name := strings.TrimSpace(part)
		if name == "" {
			continue
		}
		if p, ok := Presets[name]; ok {
			v = v.with(p)
			continue
		}
		on := !strings.HasPrefix(name, "-")
		name = strings.TrimPrefix(name, "-")
		k, ok := knobByName(name)
		if !ok {
			bad = append(bad, part)
			continue
		}
		*k.field(&v) = on
	}
	if len(bad) > 0 {
		return v, fmt.Errorf("unknown variant %s; use a preset (%s) and/or knobs (%s), comma-separated, e.g. classic,sso",
			strings.Join(bad, ", "), strings.Join(PresetNames(), ", "), strings.Join(KnobNames(), ", "))
	}
	return v, nil
}

// with turns on every knob of o as well.
func (v Variant) with(o Variant) Variant {
	for _, k := range knobs {
		if *k.field(&o) {
			*k.field(&v) = true
		}
	}
	return v
}

func knobByName(name string) (knob, bool) {
	for _, k := range knobs {
		if k.name == name {
			return k, true
		}
	}
	return knob{}, false
}

// String lists the knobs that are on ("classic" when none is).
func (v Variant) String() string {
	var on []string
	for _, k := range knobs {
		if *k.field(&v) {
			on = append(on, k.name)
		}
	}
	if len(on) == 0 {
		return "classic"
	}
	return strings.Join(on, ",")
}

// PresetNames lists the presets, sorted.
func PresetNames() []string {
	out := make([]string, 0, len(Presets))
	for n := range Presets {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// KnobNames lists the knobs in the order of the Variant's fields.
func KnobNames() []string {
	out := make([]string, len(knobs))
	for i, k := range knobs {
		out[i] = k.name
	}
	return out
}

// KnobHelp is one line per knob, for --help.
func KnobHelp() string {
	var b strings.Builder
	for _, k := range knobs {
		fmt.Fprintf(&b, "  %-15s %s\n", k.name, k.help)
	}
	return b.String()
}

// Knob returns the variant with only the named knob on (for test matrices).
func Knob(name string) (Variant, bool) {
	k, ok := knobByName(name)
	var v Variant
	if ok {
		*k.field(&v) = true
	}
	return v, ok
}
