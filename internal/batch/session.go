package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/page"
)

// SessionFile keeps an applicant's portal login (the cookies of their
// browser context) in their run directory, readable by the owner only, so
// the next batch continues without a new login — and without a new captcha
// on the live portal. The cookies are secrets: they are never logged.
const SessionFile = "session.json"

type savedSession struct {
	Identity string         `json:"identity"` // the applicant's fingerprint: never restored into anyone else
	Saved    time.Time      `json:"saved"`
	Cookies  []*page.Cookie `json:"cookies"`
}

// saveSession writes the cookies of tab's browser context to dir.
func saveSession(tab context.Context, dir, identity string) error {
	cookies, err := page.Cookies(tab)
	if err != nil {
		return err
	}
	b, err := json.Marshal(savedSession{Identity: identity, Saved: time.Now(), Cookies: cookies})
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, SessionFile), b, 0o600)
}

// newestSession finds the most recent session saved for identity in dirs
// (an applicant with several degrees has several run directories).
func newestSession(dirs []string, identity string) *savedSession {
	var best *savedSession
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, SessionFile))
		if err != nil {
			continue
		}
		var s savedSession
		if json.Unmarshal(b, &s) != nil || s.Identity != identity {
			continue
		}
		if best == nil || s.Saved.After(best.Saved) {
			best = &s
		}
	}
	return best
}

// restoreSession puts a saved session's cookies, those not expired, into
// tab's browser context. It reports whether there was one.
func restoreSession(tab context.Context, s *savedSession) (bool, error) {
	if s == nil || len(s.Cookies) == 0 {
		return false, nil
	}
	n, err := page.SetCookies(tab, s.Cookies, time.Now())
	return n > 0, err
}
