package batch

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/atomicfile"
)

// SessionFile keeps an applicant's portal login (the cookies of their
// browser context) in their run directory, readable by the owner only, so
// the next batch continues without a new login — and without a new captcha
// on the live portal. The cookies are secrets: they are never logged.
const SessionFile = "session.json"

type savedSession struct {
	Identity string            `json:"identity"` // the applicant's fingerprint: never restored into anyone else
	Saved    time.Time         `json:"saved"`
	Cookies  []*network.Cookie `json:"cookies"`
}

// contextID is the browser context of an isolated tab; the default
// context (shared by every tab that is not isolated) is refused, so a
// batch can never save or restore cookies across applicants.
func contextID(tab context.Context) (cdp.BrowserContextID, error) {
	c := chromedp.FromContext(tab)
	if c == nil || c.BrowserContextID == "" {
		return "", errors.New("the tab has no browser context of its own")
	}
	return c.BrowserContextID, nil
}

// saveSession writes the cookies of tab's browser context to dir.
func saveSession(tab context.Context, dir, identity string) error {
	id, err := contextID(tab)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	res, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: id})
	if err != nil {
		return err
	}
	b, err := json.Marshal(savedSession{Identity: identity, Saved: time.Now(), Cookies: res.Cookies})
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
	id, err := contextID(tab)
	if err != nil {
		return false, err
	}
	now := float64(time.Now().Unix())
	var params []*network.CookieParam
	for _, c := range s.Cookies {
		if !c.Session && c.Expires > 0 && c.Expires < now {
			continue
		}
		p := &network.CookieParam{
			Name: c.Name, Value: c.Value, Domain: c.Domain, Path: c.Path,
			Secure: c.Secure, HTTPOnly: c.HTTPOnly, SameSite: c.SameSite, Priority: c.Priority,
			SourceScheme: c.SourceScheme, PartitionKey: c.PartitionKey,
		}
		if !c.Session && c.Expires > 0 {
			p.Expires = cdp.TimeSinceEpoch(c.Expires)
		}
		params = append(params, p)
	}
	if len(params) == 0 {
		return false, nil
	}
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	if _, err := chromedp.CallBrowser(ctx, storage.SetCookies, storage.SetCookiesParams{Cookies: params, BrowserContextID: id}); err != nil {
		return false, err
	}
	return true, nil
}
