package profile

import (
	"io"
	"sort"
	"strings"
)

// RedactID masks a citizen ID number, keeping the first 4 (province and
// city) and last 4 characters: 110105199805120012 → 1101**********0012.
// Other lengths are masked like passport numbers.
func RedactID(s string) string {
	if len(s) == 18 {
		return s[:4] + strings.Repeat("*", 10) + s[14:]
	}
	return RedactPassport(s)
}

// RedactPassport keeps the first 2 and last 2 characters: E12345678 →
// E1*****78. Short values are masked whole.
func RedactPassport(s string) string { return keep(s, 2, 2) }

// RedactPhone keeps the first 3 and last 4 digits of a mobile number:
// 13912345678 → 139****5678.
func RedactPhone(s string) string {
	if len(s) >= 11 {
		return keep(s, 3, 4)
	}
	return keep(s, 0, 2)
}

// RedactEmail keeps the first character of the local part and the domain:
// zhang.san@example.com → z***@example.com.
func RedactEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return keep(s, 1, 0)
	}
	r := []rune(s[:at])
	return string(r[0]) + "***" + s[at:]
}

// keep masks all but the first head and last tail runes; values too short to
// keep anything after masking are masked whole.
func keep(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail+1 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}

// Redactor masks one applicant's personal numbers in any text: the exact
// ID number, phone and e-mail of the profile, and anything shaped like a
// citizen ID number (18 digits, or 17 and X) or a mainland mobile number (11
// digits from 13 to 19) that stands alone. It sits on every log line, so it
// scans each string once and allocates only when it masks something.
type Redactor struct {
	secrets []secret // longest first, so a phone inside an ID is never half-masked
}

type secret struct{ raw, masked string }

// NewRedactor returns a Redactor for p's ID number, phone, e-mail and login
// name. A nil profile gives one that masks the generic patterns only.
func NewRedactor(p *Profile) *Redactor {
	r := &Redactor{}
	if p == nil {
		return r
	}
	add := func(raw, masked string) {
		if len(raw) < 5 { // too short to be a secret; masking it would hit everything
			return
		}
		for _, s := range r.secrets {
			if s.raw == raw {
				return
			}
		}
		r.secrets = append(r.secrets, secret{raw, masked})
	}
	a := p.Applicant
	id := strings.TrimSpace(a.IDNumber)
	if a.IDType == "id_card" {
		add(id, RedactID(id))
		add(strings.ToLower(id), RedactID(strings.ToLower(id)))
	} else {
		add(id, RedactPassport(id))
	}
	add(strings.TrimSpace(a.Phone), RedactPhone(strings.TrimSpace(a.Phone)))
	add(strings.TrimSpace(a.Email), RedactEmail(strings.TrimSpace(a.Email)))
	if u := strings.TrimSpace(p.Account.Username); strings.Contains(u, "@") {
		add(u, RedactEmail(u))
	} else {
		add(u, RedactPhone(u))
	}
	sort.SliceStable(r.secrets, func(i, j int) bool { return len(r.secrets[i].raw) > len(r.secrets[j].raw) })
	return r
}

// String returns s with every secret and ID- or phone-shaped number masked.
// It returns s itself when there is nothing to mask.
func (r *Redactor) String(s string) string {
	for _, sec := range r.secrets {
		if strings.Contains(s, sec.raw) {
			s = strings.ReplaceAll(s, sec.raw, sec.masked)
		}
	}
	return maskNumbers(s)
}

// maskNumbers masks free-standing runs of digits shaped like a citizen ID
// number or a mainland mobile number. A run that touches other digits or
// letters is left alone: order numbers and hashes are not personal data.
func maskNumbers(s string) string {
	var b []byte // nil until the first mask
	last := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		end, masked := j, ""
		switch n := j - i; {
		case n == 18:
			masked = RedactID(s[i:j])
		case n == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x'):
			end = j + 1
			masked = RedactID(s[i:end])
		case n == 11 && s[i] == '1' && s[i+1] >= '3':
			masked = RedactPhone(s[i:j])
		}
		if masked != "" && (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			b = append(b, s[last:i]...)
			b = append(b, masked...)
			last = end
		}
		i = end
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isWordByte(c byte) bool { return isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// Writer returns an io.Writer that masks what is written before passing it
// to w. Each Write is masked on its own, so a number split across two
// writes is missed: loggers (zerolog, fmt.Fprintln) write whole lines.
func (r *Redactor) Writer(w io.Writer) io.Writer { return &redactWriter{r: r, w: w} }

type redactWriter struct {
	r *Redactor
	w io.Writer
}

func (rw *redactWriter) Write(p []byte) (int, error) {
	s := string(p)
	m := rw.r.String(s)
	if _, err := io.WriteString(rw.w, m); err != nil {
		return 0, err
	}
	return len(p), nil
}
