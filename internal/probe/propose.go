package probe

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// Proposal is one change of a map that makes it fit the page again, found
// the way a person finds things: the control now labelled so, the button
// that now reads so, the page's heading.
type Proposal struct {
	Page   string `json:"page"`
	Where  string `json:"where"` // the built-in map's file:line
	What   string `json:"what"`  // field, action next, detect, …
	Key    string `json:"key,omitempty"`
	Change string `json:"change"` // css, label, text
	Old    string `json:"old"`
	New    string `json:"new"`
	Why    string `json:"why"`
	line   int
}

// String reads like a compiler message.
func (p Proposal) String() string {
	name := p.What
	if p.Key != "" {
		name += " " + p.Key
	}
	return fmt.Sprintf("%s: %s: %s %q → %q (%s)", p.Where, name, p.Change, p.Old, p.New, p.Why)
}

// Decision is a mismatch probe does not resolve: more than one candidate,
// or none a person would recognise. Nothing is written for it.
type Decision struct {
	Page       string   `json:"page"`
	Where      string   `json:"where"`
	What       string   `json:"what"`
	Key        string   `json:"key,omitempty"`
	Label      string   `json:"label,omitempty"`
	Message    string   `json:"message"`
	Candidates []string `json:"candidates,omitempty"`
}

// String names the mismatch and every candidate.
func (d Decision) String() string {
	s := fmt.Sprintf("%s: needs a decision: %s", d.Where, d.Message)
	if len(d.Candidates) > 0 {
		s += "; candidates: " + strings.Join(quote(d.Candidates), ", ")
	}
	return s
}

// Propose turns a check's problems into proposals and decisions. visits
// give each page's headings, for a detect rule that no longer fits.
func Propose(maps *pagemap.Set, rep *pagecheck.Report, visits []Visit) ([]Proposal, []Decision) {
	var props []Proposal
	var decs []Decision
	for _, pr := range rep.Pages {
		m := maps.Get(pr.Page)
		for _, q := range pr.Problems {
			if q.What == "recording" {
				continue // a page the walk did not reach: nothing to compare
			}
			p := Proposal{Page: q.Page, Where: q.Where, What: q.What, Key: q.Key, line: lineOf(q.Where)}
			undecided := Decision{Page: q.Page, Where: q.Where, What: q.What, Key: q.Key, Label: q.Label, Message: q.Message, Candidates: q.Candidates}
			switch {
			case len(q.Candidates) > 0:
				decs = append(decs, undecided)
			case q.What == "detect":
				if d, ok := detectProposal(m, q, visits); ok {
					props = append(props, d)
				} else {
					undecided.Candidates = headingsOf(visits, q.Page)
					decs = append(decs, undecided)
				}
			case q.Found != "" && q.Key != "":
				p.Change, p.Old, p.New = "label", q.Label, q.Found
				p.Why = "the control this selector finds is now labelled " + quote1(q.Found)
				if q.Missing {
					p.Why = "the one control whose placeholder names " + quote1(q.Label) + " is now labelled " + quote1(q.Found)
				}
				props = append(props, p)
				if q.Missing && q.Proposal != "" && q.Selector != "" {
					c := p
					c.Change, c.Old, c.New = "css", q.Selector, q.Proposal
					c.Why = "the control labelled " + quote1(q.Found) + " is found so"
					props = append(props, c)
				}
			case q.Found != "" && q.Label != "":
				p.Change, p.Old, p.New = "text", q.Label, q.Found
				p.Why = "the button this selector finds now reads " + quote1(q.Found)
				props = append(props, p)
			case q.Proposal != "" && q.Selector != "":
				p.Change, p.Old, p.New = "css", q.Selector, q.Proposal
				p.Why = "the only control labelled " + quote1(q.Label) + " is found so"
				props = append(props, p)
			default:
				decs = append(decs, undecided)
			}
		}
	}
	return props, decs
}

// detectProposal proposes the page's own heading as its detect text when
// the page shows exactly one heading that is not the step bar's.
func detectProposal(m *pagemap.Map, q pagecheck.Problem, visits []Visit) (Proposal, bool) {
	if m == nil || m.Detect.Text == "" || !q.Unrecognised {
		return Proposal{}, false
	}
	hs := headingsOf(visits, q.Page)
	if len(hs) != 1 {
		return Proposal{}, false
	}
	return Proposal{Page: q.Page, Where: q.Where, What: "detect", Change: "text", Old: m.Detect.Text, New: hs[0],
		Why: "the page's heading now reads " + quote1(hs[0]), line: lineOf(q.Where)}, true
}

// headingsOf is a page's headings, without the step bar's current step.
func headingsOf(visits []Visit, page string) []string {
	for _, v := range visits {
		if v.Page == page {
			return slices.DeleteFunc(slices.Clone(v.Seen.Headings), func(h string) bool { return h == "" })
		}
	}
	return nil
}

// headerEnd ends the header of an override file (Header), so that a second
// probe replaces it instead of stacking another.
const headerEnd = "# to go back to the built-in map.\n"

// Header is the comment an override file starts with.
func Header(tool string, at time.Time) string {
	return fmt.Sprintf("# Written by `autofill probe` (%s) on %s: the built-in map with the\n# proposals applied. `autofill run` and `autofill batch` load it; delete it\n", tool, at.Format("2006-01-02")) + headerEnd
}

// WriteOverrides writes, for each page with proposals, the built-in map
// with the proposals applied as dir/<page>.yaml, and returns the files.
// Each is parsed back before it is written: a proposal never leaves a map
// that does not load.
func WriteOverrides(dir string, maps *pagemap.Set, props []Proposal, header string) ([]string, error) {
	byPage := map[string][]pagemap.Edit{}
	for _, p := range props {
		byPage[p.Page] = append(byPage[p.Page], pagemap.Edit{Line: p.line, Key: p.Change, Old: p.Old, New: p.New})
	}
	pages := make([]string, 0, len(byPage))
	for p := range byPage {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	if len(pages) == 0 {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("override set: %w", err)
	}
	var files []string
	for _, page := range pages {
		m := maps.Get(page)
		if m == nil {
			continue
		}
		data, err := m.Patched(byPage[page])
		if err != nil {
			return files, err
		}
		file := filepath.Join(dir, page+".yaml")
		if _, probs := pagemap.Parse(file, data); len(probs) > 0 {
			return files, fmt.Errorf("the proposed map for %s does not load: %w", page, probs)
		}
		if i := bytes.Index(data, []byte(headerEnd)); i >= 0 && bytes.HasPrefix(data, []byte("# Written by `autofill probe`")) {
			data = data[i+len(headerEnd):]
		}
		data = append([]byte(header), data...)
		if err := atomicfile.Write(file, data, 0o644); err != nil {
			return files, err
		}
		files = append(files, file)
	}
	return files, nil
}

func lineOf(where string) int {
	var n int
	if i := strings.LastIndexByte(where, ':'); i >= 0 {
		fmt.Sscan(where[i+1:], &n)
	}
	return n
}

func quote1(s string) string { return fmt.Sprintf("%q", s) }

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote1(s)
	}
	return out
}
