package profile

import (
	"fmt"
	"os"
	"strings"
)

// Supplement is the answer to a 补交材料 request for one degree: the files
// `autofill supplement` uploads when no files are given on its command
// line. Entries without files are placeholders and ignored.
type Supplement struct {
	Degree string   `yaml:"degree" json:"degree" mapstructure:"degree"`
	Files  []string `yaml:"files" json:"files" mapstructure:"files"`
}

// SupplementFiles returns the files the profile lists for a degree's
// 补交材料 request (resolved like the materials), or nil.
func (p *Profile) SupplementFiles(degreeID string) []string {
	var out []string
	for _, s := range p.Supplements {
		if s.Degree == degreeID || (s.Degree == "" && len(p.Degrees) == 1 && p.Degrees[0].ID == degreeID) {
			out = append(out, s.Files...)
		}
	}
	return out
}

// supplements checks that each entry names a degree of the profile and
// files that exist; their upload rules are checked by autofill supplement,
// which knows what the request asks for.
func (c *checker) supplements() {
	for i, s := range c.p.Supplements {
		at := fmt.Sprintf("supplements[%d]", i)
		if s.Degree == "" && len(s.Files) == 0 {
			continue // the template's placeholder
		}
		if s.Degree != "" {
			if _, err := c.p.Degree(s.Degree); err != nil {
				ids := make([]string, len(c.p.Degrees))
				for j, d := range c.p.Degrees {
					ids[j] = d.ID
				}
				c.errorf(at+".degree", "use the id of one of your degrees: "+strings.Join(ids, ", "), "no degree %q", s.Degree)
			}
		} else if len(c.p.Degrees) > 1 {
			c.errorf(at+".degree", "say which degree the files are for (its id)", "is empty but the profile has %d degrees", len(c.p.Degrees))
		}
		for j, f := range s.Files {
			if _, err := os.Stat(f); err != nil {
				c.errorf(fmt.Sprintf("%s.files[%d]", at, j), "check the path (relative to the profile's folder)", "%s: no such file", f)
			}
		}
	}
}
