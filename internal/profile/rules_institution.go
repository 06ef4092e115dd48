package profile

import (
	"fmt"
	"strings"

	"github.com/cscse-tools/autofill/internal/institutions"
)

// manualInstitution is the portal's way out when its list lacks the school.
const manualInstitution = "其他（手动输入）"

// institution checks a name against CSCSE's list for the country: the
// portal's 颁证学校外文名称 is a select over that list, so a spelling it does
// not offer cannot be filled. Everything here is a warning: the snapshot may
// be older than the portal, and 其他（手动输入） accepts any name.
func (c *checker) institution(path, country, name string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	r := institutions.Lookup(country, name)
	if !r.Listed {
		return // no list for the country (中国香港, or a country CSCSE has none for)
	}
	switch {
	case len(r.Found) == 1:
		in := r.Found[0]
		if in.Review != "" {
			c.warnf(path, "CSCSE looks more closely at degrees from this institution; keep transcripts, visas and proof of attendance at hand",
				"%s (%s) carries CSCSE's notice %q", in.Foreign, in.Chinese, strings.TrimLeft(in.Review, "*"))
		}
	case len(r.Found) > 1:
		var names []string
		for _, in := range r.Found {
			names = append(names, in.Chinese)
		}
		c.warnf(path, "write the Chinese name of yours instead ("+strings.Join(names, ", ")+") so autofill can tell them apart",
			"%q is listed %d times for %s, as %s", clip(name, 60), len(r.Found), r.Found[0].Country, strings.Join(names, ", "))
	case len(r.Elsewhere) > 0:
		e := r.Elsewhere[0]
		c.warnf(path, fmt.Sprintf("check the country: CSCSE lists %s (%s) under %s", e.Foreign, e.Chinese, e.Country),
			"%q is not on CSCSE's list for %s", clip(name, 60), country)
	case len(r.Closest) > 0:
		var means []string
		for _, in := range r.Closest {
			means = append(means, fmt.Sprintf("%s (%s)", in.Foreign, in.Chinese))
		}
		c.warnf(path, "did you mean "+strings.Join(means, " or ")+"? Write the name as listed so the portal's list can be filled",
			"%q is not on CSCSE's list for %s", clip(name, 60), country)
	default:
		c.warnf(path, "check the spelling on the certificate (the foreign name or CSCSE's Chinese name); if the portal's list lacks it, choose "+
			manualInstitution+" there and type the name",
			"%q is not on CSCSE's list for %s, so the portal may not list it", clip(name, 60), country)
	}
}

// ListedInstitution returns the awarding institution as CSCSE's list spells
// it when the profile's name matches exactly one listed institution of the
// awarding country (The University of Edinburgh for "University of
// Edinburgh" or 爱丁堡大学), so a fill can pick it from the portal's list;
// otherwise the name as written and false.
func (d *Degree) ListedInstitution() (string, bool) {
	return institutions.Canonical(d.AwardingCountry, d.AwardingInstitution)
}

// ListedStudyInstitution is ListedInstitution for study_institution.
func (d *Degree) ListedStudyInstitution() (string, bool) {
	return institutions.Canonical(d.StudyCountry, d.StudyInstitution)
}
