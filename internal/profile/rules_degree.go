package profile

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/refdata"
)

var degreeIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// checkSlot is materials.CheckSlotAll; rule tests that are not about files
// replace it, since opening every PDF for each case is slow under -race.
var checkSlot = materials.CheckSlotAll

func (c *checker) degrees() {
	if len(c.p.Degrees) == 0 {
		c.errorf("degrees", "add the degree to authenticate under degrees (see `autofill init`)", "has no degrees")
		return
	}
	seen := map[string]int{}
	for i := range c.p.Degrees {
		d := &c.p.Degrees[i]
		at := fmt.Sprintf("degrees[%d]", i)
		if c.required(at+".id", d.ID, "a short name to pick it with --degree, e.g. msc") {
			if !degreeIDRE.MatchString(d.ID) {
				c.errorf(at+".id", "letters, digits, _ . and - only, e.g. msc", "%q cannot be typed after --degree", clip(d.ID, 40))
			} else if first, dup := seen[d.ID]; dup {
				c.errorf(at+".id", "give each degree its own id", "%q is also the id of degrees[%d]", d.ID, first)
			} else {
				seen[d.ID] = i
			}
		}
		c.degree(at, d)
	}
}

func (c *checker) degree(at string, d *Degree) {
	if c.required(at+".awarding_country", d.AwardingCountry, "where the awarding institution is, e.g. 英国") {
		c.country(at+".awarding_country", d.AwardingCountry)
	}
	if c.required(at+".awarding_institution", d.AwardingInstitution, "its name in the original language, as on the certificate") {
		c.institution(at+".awarding_institution", d.AwardingCountry, d.AwardingInstitution)
	}
	c.required(at+".degree_name", d.DegreeName, "exactly as printed on the certificate, e.g. Master of Science")
	c.enum(at+".level", d.Level, DegreeLevels...)
	c.required(at+".major_foreign", d.MajorForeign, "the major in the certificate's language")
	c.required(at+".major_chinese", d.MajorChinese, "the major in Chinese, e.g. 人工智能")
	c.required(at+".student_number", d.StudentNumber, "write \"无\" if you had none")

	switch {
	case d.StudyCountry != "" && d.StudyInstitution == "":
		c.errorf(at+".study_institution", "give both study_country and study_institution, or neither (you studied at the awarding institution)",
			"is required when study_country is given")
	case d.StudyCountry == "" && d.StudyInstitution != "":
		c.errorf(at+".study_country", "give both study_country and study_institution, or neither (you studied at the awarding institution)",
			"is required when study_institution is given")
	case d.StudyCountry != "":
		c.country(at+".study_country", d.StudyCountry)
		c.institution(at+".study_institution", d.StudyCountry, d.StudyInstitution)
	}

	start := c.date(at+".start", d.Start)
	end := c.date(at+".end", d.End)
	award := c.date(at+".award_date", d.AwardDate)
	if start && end && !d.Start.Before(d.End) {
		c.errorf(at+".end", "check both dates: start is the first day of study", "%s is not after start (%s)", d.End, d.Start)
	}
	if start && award && d.AwardDate.Before(d.Start) {
		c.errorf(at+".award_date", "the date on the certificate; check it and start", "%s is before start (%s)", d.AwardDate, d.Start)
	}
	if start {
		c.studyAge(at+".start", d.Start)
	}

	if c.required(at+".discipline", d.Discipline, "one of the 14 学科门类: "+disciplineList()) {
		if !refdata.IsDiscipline(d.Discipline) {
			c.errorf(at+".discipline", "use one of the 14 学科门类: "+disciplineList(), "%q is not a 学科门类", clip(d.Discipline, 20))
		} else {
			c.majorDiscipline(at+".discipline", d)
		}
	}
	if d.RemoteStudy && strings.TrimSpace(d.RemoteStudyExplanation) == "" {
		c.errorf(at+".remote_study_explanation", "say why, when and which courses you took remotely",
			"is required when remote_study is true")
	}
	c.materials(at+".materials", d.Materials)
	if c.p.Applicant.Verification == "no_records" && len(d.Materials.EntryExit) == 0 {
		c.errorf(at+".materials.entry_exit", "list JPEGs of the passport's entry/exit stamp pages (or the NIA record), one file per page",
			"is required with applicant.verification: no_records (the portal then asks for 出入境记录)")
	}
}

func disciplineList() string {
	var names []string
	for _, d := range refdata.Disciplines() {
		names = append(names, d.Name)
	}
	return strings.Join(names, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// materials checks each upload slot with internal/materials, which owns the
// portal's type, size, count and legibility rules; its warnings (a sideways
// scan) stay warnings here.
func (c *checker) materials(at string, m Materials) {
	dir := ""
	if c.p.Path != "" {
		dir = filepath.Dir(c.p.Path)
	}
	for _, slot := range materials.Slots {
		path := at + "." + slot.Key
		files := m.Files(slot.Key)
		if len(files) == 0 {
			hint := fmt.Sprintf("%s: %s, at most %s", slot.Label, typeWord(slot.Type), materials.HumanSize(slot.MaxBytes))
			if slot.Note != "" {
				hint += "; " + slot.Note
			}
			switch {
			case slot.Required && slot.Waivable:
				c.warnf(path, hint, "is empty; the portal asks for %s", slot.Label)
			case slot.Required:
				c.errorf(path, hint, "is required")
			}
			continue
		}
		var present []string
		var index []int
		for i, f := range files {
			if strings.TrimSpace(f) == "" {
				c.errorf(c.itemPath(path, slot, i), "give the file's path, relative to the profile's folder", "is an empty path")
				continue
			}
			present, index = append(present, f), append(index, i)
		}
		for _, f := range checkSlot(slot, present) {
			p := path
			if f.Index >= 0 {
				p = c.itemPath(path, slot, index[f.Index])
			}
			msg := f.Message
			if rel, err := filepath.Rel(dir, f.Path); dir != "" && f.Path != "" && err == nil && !strings.HasPrefix(rel, "..") {
				msg = strings.ReplaceAll(msg, f.Path, filepath.ToSlash(rel))
			}
			sev := Error
			if !f.IsError() {
				sev = Warning
			}
			c.report(sev, p, f.Hint, "%s", msg)
		}
	}
}

func (c *checker) itemPath(path string, slot materials.Slot, i int) string {
	if slot.Multi {
		return fmt.Sprintf("%s[%d]", path, i)
	}
	return path
}

func typeWord(t materials.Type) string {
	if t == materials.PDF {
		return "one PDF"
	}
	return "JPEG"
}
