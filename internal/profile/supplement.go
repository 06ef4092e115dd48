package profile

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
