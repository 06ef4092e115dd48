package profile

import (
	"fmt"
	"time"
)

// Date is a calendar date without a time of day or zone. The zero value
// means unset. It is written as "2006-01-02" in every format.
type Date struct{ t time.Time }

// Month is a year and month, written "2006-01". The zero value means unset.
type Month struct{ t time.Time }

const (
	dateLayout  = "2006-01-02"
	monthLayout = "2006-01"
)

// NewDate returns the date y-m-d. Out-of-range values normalise like
// time.Date; use ParseDate to reject them.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads "2006-01-02" and rejects dates that do not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a real date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// DateOf returns the calendar date of t in t's own zone.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Time() time.Time      { return d.t }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Month() Month         { return NewMonth(d.t.Year(), d.t.Month()) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (m Month) IsZero() bool        { return m.t.IsZero() }
func (m Month) Time() time.Time     { return m.t }
func (m Month) Before(o Month) bool { return m.t.Before(o.t) }
func (m Month) After(o Month) bool  { return m.t.After(o.t) }

// String returns "2006-01-02", or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// MarshalText writes the date as "2006-01-02" (YAML, JSON, TOML).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02"; empty text means unset.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// NewMonth returns the month y-m.
func NewMonth(y int, m time.Month) Month { return Month{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)} }

// ParseMonth reads "2006-01".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse(monthLayout, s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is not a month in the form YYYY-MM", s)
	}
	return Month{t}, nil
}

// String returns "2006-01", or "" when unset.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return m.t.Format(monthLayout)
}

// MarshalText writes the month as "2006-01".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads "2006-01"; empty text means unset.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// index counts months from year 0, so that differences are month counts.
func (m Month) index() int { return m.t.Year()*12 + int(m.t.Month()) - 1 }

// monthsBetween returns b - a in months.
func monthsBetween(a, b Month) int { return b.index() - a.index() }

// ageOn returns the age in whole years of someone born on birth, on day d.
func ageOn(birth, d Date) int {
	age := d.t.Year() - birth.t.Year()
	if d.t.Month() < birth.t.Month() || (d.t.Month() == birth.t.Month() && d.t.Day() < birth.t.Day()) {
		age--
	}
	return age
}
