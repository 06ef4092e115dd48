package profile

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Validate checks a loaded profile against every rule of the profile contract (docs/profile.md) and
// returns all problems at once, errors first. Dates are judged against today.
func Validate(p *Profile) []Problem { return ValidateAt(p, time.Now()) }

// ValidateAt is Validate with "today" given, for tests and for runs that
// must judge a profile as of a fixed day.
func ValidateAt(p *Profile, now time.Time) []Problem {
	c := &checker{p: p, today: DateOf(now)}
	c.applicant()
	c.account()
	c.application()
	c.degrees()
	c.studyHistory()
	c.supplements()
	c.fileMode()
	c.encoding()
	c.text()
	c.materialsOutside()
	Sort(c.probs)
	return c.probs
}

// Check loads and validates one file and returns every problem of both
// steps, errors first. Validation findings under a key Load already
// complained about are dropped: they would only repeat it ("phone is
// required" after "phone was read as a number"). The profile is nil when the
// file could not be parsed.
func Check(path string, opts ...LoadOption) (*Profile, []Problem) {
	return CheckAt(path, time.Now(), opts...)
}

// CheckAt is Check with "today" given.
func CheckAt(path string, now time.Time, opts ...LoadOption) (*Profile, []Problem) {
	p, err := Load(path, opts...)
	var list []Problem
	if err != nil {
		pe, ok := err.(*Problems)
		if !ok {
			return p, []Problem{{Message: err.Error()}}
		}
		list = append(list, pe.List...)
	}
	return p, withValidation(p, list, now)
}

// withValidation adds to the load problems of p what ValidateAt finds under
// keys they do not cover, errors first. A nil p (not parsed) adds nothing.
func withValidation(p *Profile, list []Problem, now time.Time) []Problem {
	if p == nil {
		return list
	}
	reported := make([]string, len(list))
	for i, q := range list {
		reported[i] = q.Path
	}
	for _, q := range ValidateAt(p, now) {
		if !coveredBy(q.Path, reported) {
			list = append(list, q)
		}
	}
	Sort(list)
	return list
}

func coveredBy(path string, reported []string) bool {
	for _, r := range reported {
		if r == "" {
			continue
		}
		if path == r || strings.HasPrefix(path, r+".") || strings.HasPrefix(path, r+"[") {
			return true
		}
	}
	return false
}

// checker collects problems; its helpers attach the line of the key.
type checker struct {
	p     *Profile
	today Date
	probs []Problem
}

func (c *checker) report(sev Severity, path, hint, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if env := c.p.EnvOverride(path); env != "" {
		msg += " (from $" + env + ")"
	}
	c.probs = append(c.probs, Problem{Path: path, Line: c.p.Line(path), Severity: sev, Message: msg, Hint: hint})
}

func (c *checker) errorf(path, hint, format string, args ...any) {
	c.report(Error, path, hint, format, args...)
}

func (c *checker) warnf(path, hint, format string, args ...any) {
	c.report(Warning, path, hint, format, args...)
}

// required reports an empty value and says whether it is present.
func (c *checker) required(path, value, hint string) bool {
	if strings.TrimSpace(value) == "" {
		c.errorf(path, hint, "is required")
		return false
	}
	return true
}

// enum checks value against the allowed words; an empty value is "required".
func (c *checker) enum(path, value string, allowed ...string) bool {
	if !c.required(path, value, "one of: "+strings.Join(allowed, ", ")) {
		return false
	}
	if slices.Contains(allowed, value) {
		return true
	}
	hint := "use one of: " + strings.Join(allowed, ", ")
	if s := suggest(value, allowed); s != "" {
		hint = "did you mean " + s + "? " + hint
	}
	c.errorf(path, hint, "%q is not allowed", clip(value, 40))
	return false
}

// date checks a required date is set and not in the future.
func (c *checker) date(path string, d Date) bool {
	if d.IsZero() {
		c.errorf(path, "write it as YYYY-MM-DD", "is required")
		return false
	}
	if d.After(c.today) {
		c.errorf(path, "check the year", "%s is in the future", d)
		return false
	}
	return true
}

// month checks a required month is set and not in the future.
func (c *checker) month(path string, m Month) bool {
	if m.IsZero() {
		c.errorf(path, "write it as YYYY-MM", "is required")
		return false
	}
	if m.After(c.today.Month()) {
		c.errorf(path, "the study history lists finished studies only; check the year", "%s is in the future", m)
		return false
	}
	return true
}

// studyAge reports a study that started before the applicant was 14.
func (c *checker) studyAge(path string, start Date) {
	birth := c.p.Applicant.BirthDate
	if birth.IsZero() || start.IsZero() || birth.After(c.today) {
		return
	}
	if age := ageOn(birth, start); age < 14 {
		c.errorf(path, "check this date and applicant.birth_date",
			"starts on %s, when the applicant (born %s) was %d; studies start at 14 or later", start, birth, age)
	}
}

// fileMode warns, like ssh does for keys, when other users can read the
// profile: it holds an ID number. Windows has no such mode bits.
func (c *checker) fileMode() {
	if c.p.Path == "" || runtime.GOOS == "windows" {
		return
	}
	st, err := os.Stat(c.p.Path)
	if err != nil {
		return
	}
	if mode := st.Mode().Perm(); mode&0o044 != 0 {
		c.probs = append(c.probs, Problem{Severity: Warning,
			Message: fmt.Sprintf("the file can be read by other users of this computer (mode %04o) and holds your ID number", mode),
			Hint:    "chmod 600 " + c.p.Path})
	}
}
