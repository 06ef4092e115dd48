package dryrun

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
)

// Expected is what the portal should hold after a correct run for degree d,
// in the simulator's terms (labels from the page maps, visible texts).
func Expected(p *profile.Profile, d *profile.Degree, maps *pagemap.Set) portalsim.Accepted {
	opt := func(page, key, v string) string { return optionText(maps, page, key, v) }
	yesNo := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	a := p.Applicant
	exp := portalsim.Accepted{
		BasicInfo: map[string]string{
			"姓名": a.Name, "性别": opt("basic-info", "applicant.gender", a.Gender), "国籍": a.Nationality,
			"证件类型": opt("basic-info", "applicant.id_type", a.IDType), "证件号码": a.IDNumber,
			"出生日期": a.BirthDate.String(), "姓名拼音": a.NamePinyin, "曾用名": a.FormerName,
			"手机号码": a.Phone, "电子邮箱": a.Email, "通讯地址": strings.Join(a.Address.Region, "/"),
			"详细地址": a.Address.Detail, "邮政编码": a.Address.PostalCode,
		},
		ApplyType: map[string]string{"申请类型": opt("apply-type", "application.type", p.Application.Type)},
		Degree: map[string]string{
			"颁证学校所在地点": d.AwardingCountry, "颁证学校外文名称": d.AwardingInstitution,
			"学位外文名称": d.DegreeName, "学位层次": opt("degree", "degree.level", d.Level),
			"认证学位/证书授予时间": d.AwardDate.String(), "学习专业（外文）": d.MajorForeign,
			"学习专业（中文）": d.MajorChinese, "学习开始时间": d.Start.String(), "学习结束时间": d.End.String(),
			"学号": d.StudentNumber, "学科类别": d.Discipline, "是否有远程修读经历": yesNo(d.RemoteStudy),
			"备注": d.Remarks,
		},
		Materials: map[string][]string{},
	}
	same := d.StudyCountry == "" && d.StudyInstitution == ""
	exp.Degree["就读学校与颁证学校相同"] = yesNo(same)
	if !same {
		exp.Degree["就读地点"] = d.StudyCountry
		exp.Degree["就读学校外文名称"] = d.StudyInstitution
	}
	if d.RemoteStudy {
		exp.Degree["远程修读说明"] = d.RemoteStudyExplanation
	}
	for _, s := range p.StudyHistory {
		exp.StudyHistory = append(exp.StudyHistory, map[string]string{
			"开始时间": s.From.String(), "结束时间": s.To.String(), "国家/地区": s.Country,
			"学校名称": s.School, "专业": s.Major, "学历/学位": opt("study-history", "study.level", s.Level),
		})
	}
	for key, files := range d.Materials.All() {
		slot, ok := materials.SlotByKey(key)
		if !ok || len(files) == 0 {
			continue
		}
		for _, f := range files {
			exp.Materials[slot.Label] = append(exp.Materials[slot.Label], filepath.Base(f))
		}
	}
	return exp
}

// Diff is one field where the portal holds something else than expected.
type Diff struct {
	Page, Label, Want, Got string
}

func (d Diff) String() string {
	return fmt.Sprintf("%s / %s: want %q, the portal holds %q", d.Page, d.Label, d.Want, d.Got)
}

// Compare lists every difference between what was expected and what the
// simulator accepted, and counts the fields compared. A missing field and
// an empty one are the same (an optional field left empty).
func Compare(want, got portalsim.Accepted) (diffs []Diff, fields int) {
	cmpMap := func(page string, w, g map[string]string) {
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		for _, k := range sortedKeys(keys) {
			fields++
			if strings.TrimSpace(w[k]) != strings.TrimSpace(g[k]) {
				diffs = append(diffs, Diff{page, k, w[k], g[k]})
			}
		}
	}
	cmpMap("basic-info", want.BasicInfo, got.BasicInfo)
	cmpMap("apply-type", want.ApplyType, got.ApplyType)
	cmpMap("degree", want.Degree, got.Degree)
	n := max(len(want.StudyHistory), len(got.StudyHistory))
	for i := 0; i < n; i++ {
		var w, g map[string]string
		if i < len(want.StudyHistory) {
			w = want.StudyHistory[i]
		}
		if i < len(got.StudyHistory) {
			g = got.StudyHistory[i]
		}
		cmpMap(fmt.Sprintf("study-history[%d]", i), w, g)
	}
	keys := map[string]bool{}
	for k := range want.Materials {
		keys[k] = true
	}
	for k := range got.Materials {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		fields++
		w, g := append([]string(nil), want.Materials[k]...), append([]string(nil), got.Materials[k]...)
		sort.Strings(w)
		sort.Strings(g)
		if strings.Join(w, "\n") != strings.Join(g, "\n") {
			diffs = append(diffs, Diff{"materials", k, strings.Join(w, ", "), strings.Join(g, ", ")})
		}
	}
	return diffs, fields
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
