package report

import (
	"strings"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
	"github.com/cscse-tools/autofill/internal/profile"
)

// MaskEvent returns a copy of e with personal data masked in every text:
// the profile's ID number, phone and e-mail wherever they appear (red), and
// the values of identity fields whatever they hold — an identity mismatch
// shows someone else's ID number, which red does not know. Every printer of
// events (console, --json, report) goes through here.
func MaskEvent(red *profile.Redactor, e portal.Event) portal.Event {
	e.Message = red.String(e.Message)
	e.MessageZH = red.String(e.MessageZH)
	e.File = red.String(e.File)
	e.Title = red.String(e.Title)
	if e.Field != nil {
		f := MaskField(red, *e.Field)
		e.Field = &f
	}
	return e
}

// MaskField masks one field report (see MaskEvent).
func MaskField(red *profile.Redactor, f portal.FieldReport) portal.FieldReport {
	mask := func(s string) string {
		s = red.String(s)
		if s == "" || strings.Contains(s, "*") {
			return s
		}
		switch {
		case f.Secret:
			return "••••••"
		case f.Role == pagemap.LoginUsername:
			if strings.Contains(s, "@") {
				return profile.RedactEmail(s)
			}
			return profile.RedactPhone(s)
		}
		switch f.Key {
		case "applicant.id_number":
			return profile.RedactID(s)
		case "applicant.phone":
			return profile.RedactPhone(s)
		case "applicant.email":
			return profile.RedactEmail(s)
		}
		return s
	}
	f.Value = mask(f.Value)
	f.Found = mask(f.Found)
	f.Error = red.String(f.Error)
	f.Note = red.String(f.Note)
	f.Healed = red.String(f.Healed)
	return f
}
