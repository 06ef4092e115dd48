package portalsim

import "github.com/cscse-tools/autofill/internal/profile"

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
		return &userCentre{Name: acc.Name, MaskedID: profile.RedactID(acc.IDNumber)}
	}
	return &userCentre{Name: maskLogin(sess.user)}
}

// maskLogin hides a login (often a phone or ID number) in logs and pages.
func maskLogin(s string) string { return profile.RedactPassport(s) }
