package portal

import "net/url"

// resumeURL is where a run starts: where the last run in this run directory
// stopped, when that was on the same portal (scheme, host and port), else
// the base URL. A run directory reused against another portal — a new
// dry-run simulator on another port, or the live portal after a rehearsal —
// must not open an address that is gone or belongs to someone else.
func resumeURL(last, base string) string {
	if last == "" {
		return base
	}
	l, err1 := url.Parse(last)
	b, err2 := url.Parse(base)
	if err1 != nil || err2 != nil || l.Scheme != b.Scheme || l.Host != b.Host {
		return base
	}
	return last
}
