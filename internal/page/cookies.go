package page

import (
	"context"
	"errors"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// Cookie is a cookie as the browser reports it (saved as JSON between runs).
type Cookie = network.Cookie

// ErrSharedContext refuses the cookies of a tab that has no browser
// context of its own: its cookies are every other such tab's too.
var ErrSharedContext = errors.New("the tab has no browser context of its own")

func contextID(tab context.Context) (cdp.BrowserContextID, error) {
	c := chromedp.FromContext(tab)
	if c == nil || c.BrowserContextID == "" {
		return "", ErrSharedContext
	}
	return c.BrowserContextID, nil
}

// Cookies lists the cookies of an isolated tab's browser context.
func Cookies(tab context.Context) ([]*Cookie, error) {
	id, err := contextID(tab)
	if err != nil {
		return nil, err
	}
	var out []*Cookie
	err = Bounded(tab, 10*time.Second, "reading cookies", func(ctx context.Context) error {
		res, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: id})
		out = res.Cookies
		return err
	})
	return out, err
}

// SetCookies puts cookies, those not expired at now, into an isolated
// tab's browser context, and says how many.
func SetCookies(tab context.Context, cookies []*Cookie, now time.Time) (int, error) {
	id, err := contextID(tab)
	if err != nil {
		return 0, err
	}
	secs := float64(now.Unix())
	var params []*network.CookieParam
	for _, c := range cookies {
		if !c.Session && c.Expires > 0 && c.Expires < secs {
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
		return 0, nil
	}
	err = Bounded(tab, 10*time.Second, "restoring cookies", func(ctx context.Context) error {
		_, err := chromedp.CallBrowser(ctx, storage.SetCookies, storage.SetCookiesParams{Cookies: params, BrowserContextID: id})
		return err
	})
	return len(params), err
}
