package portal

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/pagemap"
)

// errSubmitted ends a run whose application is past 提交: nothing to fill,
// and nothing is clicked. Run turns it into Result.Submitted, exit 0.
var errSubmitted = errors.New("the application was already submitted")

// fingerprint hashes the profile values a page is filled from (and, for
// uploads, each file's size and time), so a re-run can tell whether the
// draft's page may still equal the profile.
func (r *runner) fingerprint(m *pagemap.Map) string {
	var vals []any
	for _, f := range m.Fields {
		switch f.Kind {
		case pagemap.Table:
			vals = append(vals, f.Key, r.vals.p.StudyHistory)
		case pagemap.Upload:
			slot := strings.TrimPrefix(f.Key, "degree.materials.")
			for _, path := range r.vals.d.Materials.Files(slot) {
				st, err := os.Stat(path)
				if err != nil {
					vals = append(vals, path, err.Error())
					continue
				}
				vals = append(vals, path, st.Size(), st.ModTime().UnixNano())
			}
		default:
			v, _ := r.vals.get(f.Key)
			vals = append(vals, f.Key, v)
		}
	}
	b, err := json.Marshal(vals)
	if err != nil {
		b = fmt.Append(nil, vals...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// changedPages lists the form pages whose profile values differ from those
// the draft was last filled from (or that were never filled in a run that
// remembered them). Only when none did may a run resume where it stopped.
func (r *runner) changedPages() []string {
	if r.acct == nil {
		return nil // Open (status, certificate …) fills nothing and keeps no account state
	}
	deg := r.acct.Degree(r.vals.d.ID)
	var out []string
	for _, p := range r.maps.Pages() {
		m := r.maps.Get(p)
		if m.List != nil || m.Human != "" || len(m.Fields) == 0 {
			continue
		}
		if deg.Pages[p] != r.fingerprint(m) {
			out = append(out, p)
		}
	}
	return out
}

// pageDone records that page m now holds the profile's values.
func (r *runner) pageDone(m *pagemap.Map) error {
	r.acct.Degree(r.vals.d.ID).Pages[m.Page] = r.fingerprint(m)
	return r.saveAccount()
}

// saveAccount writes the account state; a failed write ends the run as
// failed (a run that cannot remember its draft could start a second one).
func (r *runner) saveAccount() error {
	r.acct.Degree(r.vals.d.ID).Updated = time.Now()
	if err := r.acct.Save(); err != nil {
		return failure(err)
	}
	return nil
}

// Extra is something the draft holds that the profile no longer has: an
// upload or a 学习经历 row.
type Extra struct {
	Page  string `json:"page"`
	Label string `json:"label"` // the slot or table
	Item  string `json:"item"`  // the file name or the row's text
}

func (e Extra) String() string { return fmt.Sprintf("%s, %s: %s", e.Page, e.Label, e.Item) }

// ExtrasError says the draft holds uploads or rows the profile does not:
// the draft is not the profile, so it is not ready.
type ExtrasError struct{ Extras []Extra }

func (e *ExtrasError) Error() string {
	items := make([]string, len(e.Extras))
	for i, x := range e.Extras {
		items[i] = x.String()
	}
	return "in the draft, not in your profile: " + strings.Join(items, "; ") +
		". Delete them on the portal, add them to the profile if they belong, or re-run with --prune to let autofill remove them"
}

// extra notes something in the draft the profile lacks, as a warning now
// and in the outcome at the end.
func (r *runner) extra(m *pagemap.Map, label, item string) {
	x := Extra{Page: m.Page, Label: label, Item: r.red.String(item)}
	for _, e := range r.res.Extras {
		if e == x {
			return
		}
	}
	r.res.Extras = append(r.res.Extras, x)
	do := " (delete it on the portal, or re-run with --prune)"
	if r.opts.Prune {
		do = " (--prune: deleting it)"
	}
	r.emit(Event{Type: EvWarning, Message: "in the draft, not in your profile: " + x.String() + do})
}

// pruned moves an extra that --prune deleted from Extras to Pruned.
func (r *runner) pruned(m *pagemap.Map, label, item string) {
	x := Extra{Page: m.Page, Label: label, Item: r.red.String(item)}
	for i, e := range r.res.Extras {
		if e == x {
			r.res.Extras = append(r.res.Extras[:i], r.res.Extras[i+1:]...)
			break
		}
	}
	r.res.Pruned = append(r.res.Pruned, x)
	r.emit(Event{Type: EvInfo, Message: "--prune: deleted " + x.String()})
}

func (r *runner) extrasLeft() error {
	if len(r.res.Extras) == 0 {
		return nil
	}
	return failure(&ExtrasError{Extras: r.res.Extras})
}
