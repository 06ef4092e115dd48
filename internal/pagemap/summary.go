package pagemap

import "fmt"

// Summary is how the confirm page shows what the portal saved, so the
// engine can compare the portal's own record with the profile before it
// calls a draft ready. Labels are the page maps' field labels unless
// Labels says otherwise.
type Summary struct {
	// Sections hold label/value pairs; each is checked against the fields
	// of one page map (its table and upload fields excepted).
	Sections []SummarySection `yaml:"sections"`
	// Pairs says which elements of a section are labels and which values;
	// they pair up in document order.
	Pairs SummaryPairs `yaml:"pairs"`
	// Empty is what the summary shows for an empty value ("—").
	Empty string `yaml:"empty"`
	// Values words a profile value the way the summary does where it differs
	// from the control's options: key → profile value → text.
	Values map[string]map[string]string `yaml:"values"`
	// Labels are summary labels that differ from the page map's: key → label.
	Labels map[string]string `yaml:"labels"`
	// Skip lists profile keys the summary does not show.
	Skip []string `yaml:"skip"`
	// History is the study-history table: its rows must be the profile's.
	History *SummaryTable `yaml:"history"`
}

// SummaryPairs are the selectors of a section's labels and values.
type SummaryPairs struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// SummarySection is one block of label/value pairs.
type SummarySection struct {
	CSS       string `yaml:"css"`
	Page      string `yaml:"page"`      // the page map whose fields it shows
	Empty     string `yaml:"empty"`     // overrides Summary.Empty (上传材料: 未上传)
	Separator string `yaml:"separator"` // between the file names of an upload slot
}

// SummaryTable is a table of the summary checked against a table field.
type SummaryTable struct {
	Table string `yaml:"table"` // the table (its header row)
	Rows  string `yaml:"rows"`  // one element per data row
	Page  string `yaml:"page"`  // the page map holding the table field
}

// checkSummary reports a summary section or table that lacks what the
// engine needs to read it.
func checkSummary(m *Map) Problems {
	s := m.Summary
	if s == nil {
		return nil
	}
	var ps Problems
	add := func(where, msg string) {
		ps = append(ps, Problem{File: m.File, Line: m.LineAt(where), Message: msg})
	}
	if len(s.Sections) > 0 && (s.Pairs.Label == "" || s.Pairs.Value == "") {
		add("summary.pairs", "summary.pairs needs label and value: the selectors of a section's labels and values")
	}
	for i, sec := range s.Sections {
		if sec.CSS == "" || sec.Page == "" {
			add(fmt.Sprintf("summary.sections[%d]", i), fmt.Sprintf("summary section %d needs css and page (a page id of the flow, e.g. degree)", i+1))
		}
	}
	if h := s.History; h != nil && (h.Table == "" || h.Rows == "" || h.Page == "") {
		add("summary.history", "summary.history needs table, rows and page (the page whose table field it shows, e.g. study-history)")
	}
	return ps
}
