package main

import (
	"fmt"
	"io"

	"github.com/cscse-tools/autofill/internal/profile"
)

// explainDegrees prints, for each degree of a profile, how CSCSE's lists
// read it: the institution's listed spelling and the 专业领域 CSCSE will most
// likely file the degree under (validate --explain).
func explainDegrees(out io.Writer, file string, p *profile.Profile) {
	if p == nil {
		return
	}
	for i := range p.Degrees {
		d := &p.Degrees[i]
		fmt.Fprintf(out, "%s: degrees[%d] (%s):\n", file, i, d.ID)
		if name, ok := d.ListedInstitution(); ok {
			fmt.Fprintf(out, "  颁证学校: CSCSE lists it as %s, the spelling the portal's list offers\n", name)
		} else if d.AwardingInstitution != "" {
			fmt.Fprintf(out, "  颁证学校: %s is not matched to one listed institution (see the warnings above)\n", d.AwardingInstitution)
		}
		likely, cands, ok := d.MajorExplanation()
		if !ok {
			fmt.Fprintf(out, "  专业: %q is like nothing in the national catalogues; CSCSE will choose the 专业领域 from the transcript\n", d.MajorChinese)
		} else {
			fmt.Fprintf(out, "  专业: CSCSE will most likely file %s under %s: %s %s (%s)\n", d.MajorChinese, likely.Discipline, likely.Name, likely.Code, likely.Catalogue)
			if len(cands) > 1 {
				fmt.Fprintf(out, "        catalogue entries like it: %s\n", profile.CandidateList(cands))
			}
			if d.Discipline != "" && d.Discipline != likely.Discipline {
				fmt.Fprintf(out, "        your discipline is %s\n", d.Discipline)
			}
		}
		fmt.Fprintln(out, "  复核: only the 专业领域 (not the degree) can be reviewed, once, within 12 months of the result")
	}
	fmt.Fprintln(out)
}
