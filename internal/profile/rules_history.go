package profile

import (
	"fmt"
	"sort"
)

func (c *checker) studyHistory() {
	h := c.p.StudyHistory
	if len(h) < 2 {
		c.errorf("study_history", "list your studies from high school on, oldest first, the degrees included",
			"has %d entries; the portal needs at least two, starting with high school", len(h))
	}
	valid := make([]bool, len(h))
	for i, s := range h {
		at := fmt.Sprintf("study_history[%d]", i)
		from := c.month(at+".from", s.From)
		to := c.month(at+".to", s.To)
		if from && to && !s.From.Before(s.To) {
			c.errorf(at+".to", "to is the month the study ended", "%s is not after from (%s)", s.To, s.From)
		} else {
			valid[i] = from && to
		}
		if from {
			c.studyAge(at+".from", NewDate(s.From.t.Year(), s.From.t.Month(), 1))
		}
		if c.required(at+".country", s.Country, "e.g. 中国") {
			c.country(at+".country", s.Country)
		}
		c.required(at+".school", s.School, "the school's name as on its certificate")
		c.enum(at+".level", s.Level, StudyLevels...)
		if i > 0 && !s.From.IsZero() && !h[i-1].From.IsZero() && s.From.Before(h[i-1].From) {
			c.errorf(at+".from", "order the entries oldest first", "%s is before the previous entry's from (%s)", s.From, h[i-1].From)
		}
	}
	if len(h) > 0 && h[0].Level != "" && h[0].Level != "high_school" {
		c.errorf("study_history[0].level", "start the list with your high school (level: high_school)", "is %s; the first entry must be high_school", h[0].Level)
	}
	c.overlapsAndGaps(valid)
	c.degreeRows()
}

// overlapsAndGaps compares each entry with the one that ran latest before
// it, in order of start: linear after sorting, whatever the list's length.
func (c *checker) overlapsAndGaps(valid []bool) {
	h := c.p.StudyHistory
	var order []int
	for i, ok := range valid {
		if ok {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return h[order[a]].From.Before(h[order[b]].From) })
	latest := -1 // the entry with the latest end so far
	for _, i := range order {
		if latest >= 0 {
			prev := h[latest]
			at := fmt.Sprintf("study_history[%d]", i)
			end := prev.To
			if h[i].To.Before(end) {
				end = h[i].To
			}
			if overlap := monthsBetween(h[i].From, end); overlap > 1 {
				c.errorf(at+".from", "entries may share at most one month; check both entries' dates",
					"%s–%s overlaps study_history[%d] (%s–%s) by %d months", h[i].From, h[i].To, latest, prev.From, prev.To, overlap)
			} else if gap := monthsBetween(prev.To, h[i].From); gap > 12 {
				c.warnf(at+".from", "the portal compares the history with your entry and exit records; a missing study would show here",
					"starts %d months after study_history[%d] ended (%s): a gap of more than a year", gap, latest, prev.To)
			}
		}
		if latest < 0 || h[latest].To.Before(h[i].To) {
			latest = i
		}
	}
}

// degreeRows checks that every degree appears in the study history: the
// portal adds the degree's own row and compares it with the rest.
func (c *checker) degreeRows() {
	for i, d := range c.p.Degrees {
		if d.Start.IsZero() || d.End.IsZero() || d.Level == "" {
			continue
		}
		from, to := d.Start.Month(), d.End.Month()
		found := false
		for _, s := range c.p.StudyHistory {
			if s.Level == d.Level && !s.From.IsZero() && !s.To.IsZero() && !s.From.After(to) && !s.To.Before(from) {
				found = true
				break
			}
		}
		if !found {
			country, school := d.AwardingCountry, d.AwardingInstitution
			if d.StudyInstitution != "" {
				country, school = d.StudyCountry, d.StudyInstitution
			}
			c.errorf(fmt.Sprintf("degrees[%d]", i),
				fmt.Sprintf("add to study_history: {from: %s, to: %s, country: %s, school: %s, major: %s, level: %s}",
					from, to, country, school, d.MajorForeign, d.Level),
				"has no study_history entry of level %s during %s–%s", d.Level, from, to)
		}
	}
}
