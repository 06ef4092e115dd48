// Package accountstate holds what autofill remembers per portal account
// beyond one run directory: which application on 我的申请 belongs to which
// degree and the fingerprints of the profile values each page was last
// filled from (state.go), and the lock that keeps two runs off one account
// (lock.go). It lives under appdir.State(), in a folder named by a hash of
// the login, never by the phone or ID number itself.
package accountstate
