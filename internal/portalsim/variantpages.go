package portalsim

import (
	"net/http"
	"strings"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// What the variants (variant.go) change on the application system's side:
// the verification branches, 授权声明 signed online, and the institution
// search over CSCSE's list. The SSO is in sso.go.

// idCard is the 证件类型 of mainland residents, the only one with a face step
// under Variant.ForeignIDs.
const idCard = "居民身份证"

// variantApp sets up a new application for the variant; the caller holds s.mu.
func (s *Server) variantApp(acc *account, a *application) {
	v := s.o.Variant
	a.noFace = v.ForeignIDs && acc.IDType != idCard
	a.wantSkip = acc.Verification == "no_records" && (v.NoRecords || v.OldVerify)
}

// variantRoutes adds the API of the variants' controls.
func (s *Server) variantRoutes(api func(string, apiFunc)) {
	api("POST /api/applications/{id}/verify/skip", s.authed(s.apiVerifySkip))
	api("POST /api/applications/{id}/verify/fetch", s.authed(s.apiVerifyFetch))
	api("GET /api/applications/{id}/sign", s.authed(s.apiSignStatus))
	api("POST /api/applications/{id}/sign", s.authed(s.apiSign))
}

// apiVerifySkip is 无法获取出入境记录 / 跳过实人认证程序，自行上传出入境记录,
// clicked in the page: counted, because a tool must never click it.
func (s *Server) apiVerifySkip(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.ownApp(r, sess)
	if err != nil {
		return nil, err
	}
	if !s.o.Variant.NoRecords && !s.o.Variant.OldVerify {
		return nil, httpErr(http.StatusNotFound, "接口不存在")
	}
	s.accounts[sess.user].skipClicks++
	a.skipped = true
	return map[string]string{"message": "已选择自行上传出入境记录，请在“上传材料”页上传", "redirect": "/apply/" + a.id + "/basic-info"}, nil
}

// apiVerifyFetch is the older page's 已完成实人认证，获取出入境记录.
func (s *Server) apiVerifyFetch(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.ownApp(r, sess)
	if err != nil {
		return nil, err
	}
	s.refreshVerify(a)
	if !a.faceDone {
		return nil, httpErr(http.StatusUnprocessableEntity, "尚未完成实人认证，请先使用国家政务服务平台APP扫码")
	}
	a.codeDone = true
	return s.verifyStatusOf(a), nil
}

// signStatus is what the materials page polls while 授权声明 waits for a
// signature.
type signStatus struct {
	Signed bool `json:"signed"`
}

// refreshSign signs for Demo's person about a second after the materials
// page first asked; the caller holds s.mu.
func (s *Server) refreshSign(a *application) {
	if !s.o.Demo || a.signed {
		return
	}
	if a.signSeen.IsZero() {
		a.signSeen = s.now()
		return
	}
	if s.now().Sub(a.signSeen) >= demoStep {
		a.signed = true
	}
}

func (s *Server) apiSignStatus(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.ownApp(r, sess)
	if err != nil {
		return nil, err
	}
	s.refreshSign(a)
	return signStatus{a.signed}, nil
}

// apiSign is the signature dialog's 确认签署.
func (s *Server) apiSign(r *http.Request, sess *session) (any, error) {
	var in struct {
		Strokes int `json:"strokes"`
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	return s.editApp(r, sess, func(a *application) (any, error) {
		if in.Strokes == 0 {
			return nil, bad("授权声明", "请在签名区域手写签名")
		}
		a.signed = true
		s.saved()
		return map[string]any{"message": "签署成功", "signed": true}, nil
	})
}

// SignAuthorization signs 授权声明 online for every draft of user, as the
// person would in the dialog (POST /__sim/sign does the same).
func (s *Server) SignAuthorization(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if acc := s.accounts[user]; acc != nil {
		for _, a := range acc.apps {
			a.signed = true
		}
	}
}

// officialLabels are the slot names of the official materials list.
var officialLabels = map[string]string{
	"passport": "护照(通行证/身份证)",
	"visa":     "居留卡/签证/签注",
	"diploma":  "文凭证书",
}

// officialHints are the red hint texts the official list gives per slot.
var officialHints = map[string]string{
	"photo":         "近期证件照片，JPG格式，不超过1MB，背景颜色不限",
	"passport":      "护照个人信息页及留学期间的签证页，每页一张，JPG或PNG格式，每张不超过1MB",
	"visa":          "留学期间的居留卡、签证或签注，JPG或PNG格式，每张不超过1MB",
	"diploma":       "学位证书原件（源语言版本）正反面扫描为一个PDF，不超过5MB",
	"authorization": "授权声明，签字后扫描为PDF，不超过1MB",
	"transcript":    "成绩单，JPG格式，每张不超过1MB（学习时间较短或跨校、跨国学习的必传）",
	"other":         "其他材料，JPG或PNG格式，每张不超过1MB",
	"entry_exit":    "护照出入境章页或国家移民管理局出入境记录，JPG或PNG格式，每张不超过1MB",
}

// pngSlots accept PNG besides JPG on the official list (one source says so).
var pngSlots = map[string]bool{"passport": true, "visa": true, "other": true, "entry_exit": true}

// variantSlots adapts the materials page's slots to the variant and the
// application; the caller holds s.mu.
func (s *Server) variantSlots(a *application, in []slotView) []slotView {
	v := s.o.Variant
	var out []slotView
	for _, sv := range in {
		if sv.Key == "entry_exit" {
			if a == nil || !a.recordsRequired() {
				continue
			}
			sv.Required = true
		}
		if v.OfficialSlots {
			if l, ok := officialLabels[sv.Key]; ok {
				sv.Label = l
			}
			sv.Hint = officialHints[sv.Key]
			if pngSlots[sv.Key] {
				sv.Accept += ",.png,image/png"
				sv.PNG = true
				sv.Tip = strings.Replace(sv.Tip, "JPG 图片", "JPG/PNG 图片", 1)
			}
		}
		if v.SignOnline && sv.Key == "authorization" {
			sv.Sign = true
			if a != nil {
				sv.Signed = a.signed
			}
		}
		out = append(out, sv)
	}
	return out
}

// slotMissing says which required slot of the variant is empty, for 下一步
// on the materials page; "" when none. The caller holds s.mu.
func (s *Server) slotMissing(a *application) (label, msg string) {
	for _, sv := range s.variantSlots(a, slotViews()) {
		switch {
		case sv.Sign && !a.signed:
			return sv.Label, "请点击“在线签署”完成授权声明的签署"
		case sv.Sign:
		case sv.Required && len(a.files[sv.Key]) == 0:
			return sv.Label, "必传材料，请上传后再进入下一步"
		}
	}
	return "", ""
}

// cscseSearch is the remote search of 颁证学校外文名称 over CSCSE's list:
// the foreign names of the country containing q (case-insensitive), and
// those whose Chinese name contains it, at most 50, in the list's order.
func cscseSearch(country, q string) []string {
	out := []string{}
	for _, in := range refdata.Institutions()[country] {
		if q == "" || strings.Contains(strings.ToLower(in.Foreign), q) || strings.Contains(in.Chinese, q) {
			out = append(out, in.Foreign)
			if len(out) == 50 {
				break
			}
		}
	}
	return out
}

// inCSCSE reports whether name is on CSCSE's list for country (native
// scripts included, so the Latin-only rule does not apply to it).
func inCSCSE(country, name string) bool {
	for _, in := range refdata.Institutions()[country] {
		if in.Foreign == name {
			return true
		}
	}
	return false
}

// Expect turns what a correct run would leave on the classic portal into
// what it leaves on this variant for app: fields the variant does not
// show are dropped, derived ones added. Tests and dry runs compare with it.
func (s *Server) Expect(want Accepted, app AppState) Accepted {
	v := s.o.Variant
	out := Accepted{ApplyType: want.ApplyType, StudyHistory: want.StudyHistory,
		BasicInfo: clone(want.BasicInfo), Degree: clone(want.Degree), Materials: map[string][]string{}}
	if v.NoAddress {
		for _, k := range []string{"通讯地址", "详细地址", "邮政编码"} {
			delete(out.BasicInfo, k)
		}
	}
	if v.NoSameSchool && out.Degree != nil {
		delete(out.Degree, "就读学校与颁证学校相同")
		if out.Degree["就读地点"] == "" && out.Degree["就读学校外文名称"] == "" {
			out.Degree["就读地点"] = out.Degree["颁证学校所在地点"]
			out.Degree["就读学校外文名称"] = out.Degree["颁证学校外文名称"]
		}
	}
	for label, files := range want.Materials {
		switch {
		case label == "出入境记录" && !app.RecordsRequired:
		case label == "授权声明" && v.SignOnline:
		default:
			out.Materials[label] = files
		}
	}
	return out
}

func clone(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
