package profile

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/majors"
)

// majorDiscipline warns when discipline is none of the 学科门类 the national
// catalogues give the entries major_chinese most likely means: CSCSE assigns
// 专业领域 by those catalogues, whatever the form said.
func (c *checker) majorDiscipline(path string, d *Degree) {
	cands := majors.Match(d.MajorChinese)
	ds := majors.Disciplines(cands)
	if len(ds) == 0 || contains(ds, d.Discipline) {
		return
	}
	what := d.MajorChinese
	if majors.Key(cands[0].Name) != majors.Key(d.MajorChinese) {
		what = "the nearest majors to " + d.MajorChinese
	}
	c.warnf(path, "check it; the portal files the application under the 学科门类 you choose, and CSCSE's 专业领域 follows the catalogues: "+
		CandidateList(cands),
		"is %s, but the national catalogue lists %s under %s", d.Discipline, what, strings.Join(ds, "、"))
}

// CandidateList formats catalogue entries for a message:
// 计算机科学与技术 080901 (工学, 本科专业目录（2024年）); ….
func CandidateList(cands []majors.Major) string {
	parts := make([]string, len(cands))
	for i, m := range cands {
		parts[i] = fmt.Sprintf("%s %s (%s, %s)", m.Name, m.Code, m.Discipline, m.Catalogue)
	}
	return strings.Join(parts, "; ")
}

// MajorExplanation says what CSCSE will most likely file a degree under,
// from its major_chinese and level, for `validate --explain` and the run
// report. ok is false when the catalogues have nothing like the major.
func (d *Degree) MajorExplanation() (likely majors.Major, candidates []majors.Major, ok bool) {
	candidates = majors.Match(d.MajorChinese)
	graduate := d.Level == "master" || d.Level == "doctor"
	likely, ok = majors.Likely(candidates, graduate)
	return likely, candidates, ok
}
