package pagemap

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/yamlfile"
	"github.com/cscse-tools/autofill/selectors"
)

// FlowFile is the file of a map directory that holds the flow, not a page.
const FlowFile = "flow.yaml"

// Step is the part of the engine that handles a page of the flow.
type Step string

// The engine's steps, named by flow.yaml's `step:`.
const (
	StepLogin   Step = "login"   // type the user name and password; the captcha is the person's
	StepList    Step = "list"    // 我的申请: pick this degree's draft or start one
	StepConsent Step = "consent" // accept the agreement only with the profile's consent
	StepVerify  Step = "verify"  // the person's face scan and code
	StepForm    Step = "form"    // fill the fields, save, 下一步
	StepFinish  Step = "finish"  // the run ends here (确认提交, 在线支付)
)

// Steps lists every step, for messages.
var Steps = []Step{StepLogin, StepList, StepConsent, StepVerify, StepForm, StepFinish}

// Flow is flow.yaml: the order in which a person meets the portal's pages,
// the page a run starts on, which step of the engine handles each page, and
// the pages after 提交 that no fill run visits.
type Flow struct {
	Entry string     `yaml:"entry"`
	Pages []FlowPage `yaml:"pages"`
	// After are the pages of an application after 提交 (查看, 补材料,
	// 复核), reached from 我的申请's row actions by the status, supplement,
	// certificate and review commands.
	After []string `yaml:"after"`
	File  string   `yaml:"-"`
}

// FlowPage is one page of the flow and the step that handles it.
type FlowPage struct {
	Page string `yaml:"page"`
	Step Step   `yaml:"step"`
}

// Order returns the flow's page ids in order.
func (f *Flow) Order() []string {
	out := make([]string, len(f.Pages))
	for i, p := range f.Pages {
		out[i] = p.Page
	}
	return out
}

// Knows reports whether page is a page of the flow or after it.
func (f *Flow) Knows(page string) bool {
	return slices.Contains(f.Order(), page) || slices.Contains(f.After, page)
}

// StepOf returns the step that handles page, "" for a page outside the flow.
func (f *Flow) StepOf(page string) Step {
	for _, p := range f.Pages {
		if p.Page == page {
			return p.Step
		}
	}
	return ""
}

// builtin is the flow of the embedded selectors/: it must load, and a test
// proves it does.
var builtin = func() *Flow {
	data, err := fs.ReadFile(selectors.FS, FlowFile)
	if err != nil {
		panic(err)
	}
	f, ps := ParseFlow("selectors/"+FlowFile, data)
	if len(ps) > 0 {
		panic(ps)
	}
	return f
}()

// FlowOrder and AfterPages are the built-in flow's pages, for code that
// names pages without a loaded Set (recording file names). The engine reads
// its Set's Flow, which a --selectors directory may change.
var (
	FlowOrder  = builtin.Order()
	AfterPages = builtin.After
)

// ParseFlow decodes and checks flow.yaml.
func ParseFlow(file string, data []byte) (*Flow, Problems) {
	f := &Flow{}
	doc, probs := decode(file, data, f, "empty file; flow.yaml needs entry: and pages:")
	if doc == nil {
		return nil, probs
	}
	f.File = file
	add := func(where string, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: lineAtPath(doc, where), Message: fmt.Sprintf(format, args...)})
	}
	if len(f.Pages) == 0 {
		add("pages", "flow.yaml lists no pages: give each page of the flow in order, e.g. - {page: login, step: login}")
	}
	seen := map[string]bool{}
	for i, p := range f.Pages {
		where := fmt.Sprintf("pages[%d]", i)
		switch {
		case p.Page == "":
			add(where, "flow page %d has no page id", i+1)
		case seen[p.Page]:
			add(where, "page %q is in the flow twice", p.Page)
		}
		seen[p.Page] = true
		if !slices.Contains(Steps, p.Step) {
			add(where, "page %s: step %q: use one of %s", p.Page, p.Step, joinSteps())
		}
	}
	for i, a := range f.After {
		if seen[a] {
			add(fmt.Sprintf("after[%d]", i), "page %q is both in the flow and after it", a)
		}
		seen[a] = true
	}
	if f.Entry == "" {
		add("entry", "flow.yaml needs entry: the page a run starts on (login)")
	} else if !slices.Contains(f.Order(), f.Entry) {
		add("entry", "entry %q is not a page of the flow (%s)", f.Entry, strings.Join(f.Order(), ", "))
	}
	return f, probs
}

// loadFlow reads flow.yaml from fsys; a directory without one (a set of
// override pages) has the built-in flow.
func loadFlow(fsys fs.FS, label string) (*Flow, Problems) {
	data, err := fs.ReadFile(fsys, FlowFile)
	if err != nil {
		return builtin, nil
	}
	return ParseFlow(path.Join(label, FlowFile), data)
}

// flow is the set's flow, the built-in one for a Set made by hand.
func (s *Set) flow() *Flow {
	if s.Flow != nil {
		return s.Flow
	}
	return builtin
}

// Entry is the page a run starts on.
func (s *Set) Entry() string { return s.flow().Entry }

// StepOf returns the step that handles page, "" for a page outside the flow.
func (s *Set) StepOf(page string) Step { return s.flow().StepOf(page) }

// After returns the pages after 提交.
func (s *Set) After() []string { return s.flow().After }

// PageOf returns the first flow page handled by step ("" if none): the
// list page (我的申请) is PageOf(StepList).
func (s *Set) PageOf(step Step) string {
	for _, p := range s.flow().Pages {
		if p.Step == step {
			return p.Page
		}
	}
	return ""
}

// checkFlow reports the maps the flow names but the set lacks, and the maps
// whose page the flow does not know.
func (s *Set) checkFlow() Problems {
	f := s.flow()
	var ps Problems
	for _, p := range append(f.Order(), f.After...) {
		if s.Maps[p] == nil {
			ps = append(ps, Problem{File: f.File, Message: fmt.Sprintf("the flow names page %s but there is no %s.yaml", p, p)})
		}
	}
	// A step reads its part of the map: without it the run would fail on
	// the page instead of at load.
	for _, fp := range f.Pages {
		m := s.Maps[fp.Page]
		if m == nil {
			continue
		}
		need := ""
		switch {
		case fp.Step == StepList && m.List == nil:
			need = "a list: section"
		case fp.Step == StepVerify && m.Verify == nil:
			need = "a verify: section"
		case fp.Step == StepLogin && len(m.WithRole(LoginUsername)) == 0:
			need = "a field with role: login.username"
		}
		if need != "" {
			ps = append(ps, Problem{File: m.File, Line: m.Line, Message: fmt.Sprintf("%s has step %s, which needs %s in %s.yaml", path.Base(f.File), fp.Step, need, m.Page)})
		}
	}
	for _, p := range s.Pages() {
		ps = append(ps, s.checkMap(s.Maps[p])...)
	}
	return ps
}

// checkMap is what a map must agree on with the flow: its page ids, and on
// a flow page, profile keys.
func (s *Set) checkMap(m *Map) Problems {
	ps := s.checkPageIDs(m)
	if slices.Contains(s.flow().Order(), m.Page) {
		ps = append(ps, checkKeys(m)...)
	}
	return ps
}

// checkPageIDs reports page ids in m that the flow does not know: its own,
// and those its summary names.
func (s *Set) checkPageIDs(m *Map) Problems {
	f := s.flow()
	var ps Problems
	if !f.Knows(m.Page) {
		ps = append(ps, Problem{File: m.File, Line: m.Line, Message: fmt.Sprintf("unknown page id %q; %s has %s, and after 提交 %s; add the page there or fix the id",
			m.Page, f.File, strings.Join(f.Order(), ", "), strings.Join(f.After, ", "))})
	}
	if sm := m.Summary; sm != nil {
		for i, sec := range sm.Sections {
			if sec.Page != "" && !slices.Contains(f.Order(), sec.Page) {
				ps = append(ps, Problem{File: m.File, Line: m.LineAt(fmt.Sprintf("summary.sections[%d]", i)),
					Message: fmt.Sprintf("summary section %d: page %q is not a page of the flow", i+1, sec.Page)})
			}
		}
		if h := sm.History; h != nil && h.Page != "" && !slices.Contains(f.Order(), h.Page) {
			ps = append(ps, Problem{File: m.File, Line: m.LineAt("summary.history"),
				Message: fmt.Sprintf("summary.history: page %q is not a page of the flow", h.Page)})
		}
	}
	return ps
}

func joinSteps() string {
	s := make([]string, len(Steps))
	for i, st := range Steps {
		s[i] = string(st)
	}
	return strings.Join(s, ", ")
}

// decode is yamlfile.Decode with the map files' wording of unknown keys.
func decode(file string, data []byte, v any, empty string) (*yaml.Node, Problems) {
	return yamlfile.Decode(file, data, v, empty, unknownKey)
}

// lineAtPath is the line of a path ("pages[2]") in a document.
func lineAtPath(doc *yaml.Node, path string) int { return pathLine(doc, 1, path) }

// FlowPages returns the flow's page ids in order: the pages a run needs.
func (s *Set) FlowPages() []string { return s.flow().Order() }
