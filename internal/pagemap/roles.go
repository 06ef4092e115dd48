package pagemap

import "slices"

// Role is what the engine does with a field beyond filling it from the
// profile. The maps say which control is which, so no Go code names a
// page's profile keys.
type Role string

// Field roles.
const (
	NoRole        Role = ""
	LoginUsername Role = "login.username" // typed on the login page from the profile
	LoginPassword Role = "login.password" // typed from AUTOFILL_PASSWORD or a prompt, never from the profile
	CaptchaRole   Role = "captcha"        // the person's: typed or dragged by them, never by the tool
)

// Roles lists every role value.
var Roles = []Role{NoRole, LoginUsername, LoginPassword, CaptchaRole}

// FromProfile reports whether a field of this role takes its value from
// the profile, so that its key must be a profile key.
func (r Role) FromProfile() bool { return r == NoRole || r == LoginUsername }

// WithRole returns the fields of m that have role r, in map order.
func (m *Map) WithRole(r Role) []Field {
	var out []Field
	for _, f := range m.Fields {
		if f.Role == r {
			out = append(out, f)
		}
	}
	return out
}

// FieldByKey returns the field of m (or of its table dialog) with key.
func (m *Map) FieldByKey(key string) (Field, bool) {
	i := slices.IndexFunc(m.AllFields(), func(f Field) bool { return f.Key == key })
	if i < 0 {
		return Field{}, false
	}
	return m.AllFields()[i], true
}

// ButtonText is the text a person sees on a named action of the page
// ("next" → 下一步), for instructions that must match the page; fallback
// when the map has no such action.
func (m *Map) ButtonText(action, fallback string) string {
	if t, ok := m.Actions[action]; ok && t.Text != "" {
		return t.Text
	}
	return fallback
}

func checkRole(f Field, add func(int, string, ...any), where, name string) {
	if !slices.Contains(Roles, f.Role) {
		add(f.Line, "%sfield %s: unknown role %q; use login.username, login.password or captcha (or leave it out)", where, name, f.Role)
	}
	if f.Role == LoginPassword && !f.Secret {
		add(f.Line, "%sfield %s: a login.password field must say secret: true, so its value is never shown", where, name)
	}
}
