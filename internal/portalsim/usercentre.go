package portalsim

import "strings"

// userCentre is who the header says is logged in: the account holder's name
// and ID number masked as portals show it (first and last four), so a tool
// can check the identity before it creates anything.
type userCentre struct {
	Name     string
	MaskedID string
}

// userView is the header's user centre for a session; the caller must not
// hold s.mu.
func (s *Server) userView(sess *session) *userCentre {
	s.mu.Lock()
	defer s.mu.Unlock()
	if acc := s.accounts[sess.user]; acc != nil {
		return &userCentre{Name: acc.Name, MaskedID: maskID(acc.IDNumber)}
	}
	return &userCentre{Name: maskLogin(sess.user)}
}

// maskID keeps the first and last four characters of an ID number.
func maskID(id string) string {
	r := []rune(id)
	if len(r) <= 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// maskLogin hides a login that is a phone number or ID in logs and pages:
// the first three and last two characters stay.
func maskLogin(s string) string {
	r := []rune(s)
	if len(r) <= 5 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-5) + string(r[len(r)-2:])
}
