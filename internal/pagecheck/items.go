package pagecheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
)

// item is one selector of a map to check, with what it must satisfy. The
// JSON part goes to check.js.
type item struct {
	CSS     string   `json:"css"`
	Kind    string   `json:"kind,omitempty"`    // a field's widget kind: kind and label are checked
	Label   string   `json:"label,omitempty"`   // a field's label (also searched for a proposal)
	Scope   string   `json:"scope,omitempty"`   // where the label search looks
	Within  string   `json:"within,omitempty"`  // count only matches inside these (rows)
	Many    bool     `json:"many,omitempty"`    // one or more matches are right (rows)
	Columns []string `json:"columns,omitempty"` // table headers that must be there

	what     string   // for messages: field, action next, list.rows, …
	key      string   // a field's profile key
	text     string   // the text a person sees on a target
	options  []string // option texts that must be offered
	line     int
	optional string // why it may be absent (a condition); absence is then a note
	hidden   bool   // shown only at times (a notice): hidden matches are fine
	isField  bool
	aliases  []string // other labels of the same control on other forms of the portal
	absentOK bool     // may_be_absent: missing on this form, even with its label left over
}

// items lists every selector of a map.
func items(m *pagemap.Map) []item {
	scope := m.Scope()
	var out []item
	if m.Form != "" {
		out = append(out, item{CSS: m.Form, what: "form", line: m.LineAt("form")})
	}
	for i, f := range m.Fields {
		out = append(out, fieldItem(f, scope, ""))
		if f.Manual != nil {
			out = append(out, item{CSS: f.Manual.CSS, Kind: string(pagemap.Text), Label: f.Manual.Label, Scope: scope,
				what: "field", key: f.Key + " manual entry", line: m.LineAt(fmt.Sprintf("fields[%d].manual", i)), isField: true,
				optional: "shown only after choosing " + f.Manual.Option})
		}
		if t := f.Table; t != nil {
			at := func(s string) int { return m.LineAt(fmt.Sprintf("fields[%d].table.%s", i, s)) }
			out = append(out,
				item{CSS: t.Rows, Many: true, what: "table rows", Label: f.Label, line: at("rows")},
				item{CSS: t.Add.CSS, what: "table add", text: t.Add.Text, line: at("add")},
				item{CSS: t.Dialog, what: "table dialog", line: at("dialog")},
				item{CSS: t.OK.CSS, what: "table ok", text: t.OK.Text, line: at("ok")},
				item{CSS: t.Cancel.CSS, what: "table cancel", text: t.Cancel.Text, line: at("cancel")},
			)
			for _, df := range t.Fields {
				out = append(out, fieldItem(df, t.Dialog, "dialog field"))
			}
		}
	}
	if v := m.Verify; v != nil {
		out = append(out,
			item{CSS: v.QR, what: "verify qr", line: m.LineAt("verify.qr")},
			item{CSS: v.Status, what: "verify status", line: m.LineAt("verify.status")},
			fieldItem(v.Code, scope, "verify code"),
			item{CSS: v.CodeOK.CSS, what: "verify code_ok", text: v.CodeOK.Text, line: m.LineAt("verify.code_ok")},
			item{CSS: v.Records, what: "verify records", line: m.LineAt("verify.records")},
		)
	}
	if l := m.List; l != nil {
		cols := make([]string, 0, len(l.Columns))
		for _, c := range l.Columns {
			cols = append(cols, c)
		}
		slices.Sort(cols)
		out = append(out,
			item{CSS: l.Table, Columns: cols, what: "list table", line: m.LineAt("list.table")},
			item{CSS: l.Rows, Many: true, what: "list rows", line: m.LineAt("list.rows")},
			item{CSS: l.Continue.CSS, Within: l.Rows, Many: true, what: "list continue", text: l.Continue.Text, line: m.LineAt("list.continue"),
				optional: "shown only in rows of drafts (未提交)"},
			item{CSS: l.New.CSS, what: "list new", text: l.New.Text, line: m.LineAt("list.new")},
		)
		for _, a := range []struct {
			name string
			t    pagemap.Target
			when string
		}{{"view", l.View, "after 提交"}, {"supplement", l.Supplement, "补交材料"}, {"review", l.Review, "认证完成"}} {
			if a.t.CSS != "" {
				out = append(out, item{CSS: a.t.CSS, Within: l.Rows, Many: true, what: "list " + a.name, text: a.t.Text,
					line: m.LineAt("list." + a.name), optional: "shown only in rows of applications " + a.when})
			}
		}
	}
	for _, n := range m.ValueNames() {
		v := m.Values[n]
		it := item{CSS: v.CSS, Many: v.Many, what: "value " + n, line: v.Line}
		if v.When != "" {
			it.optional = "shown only " + v.When
		}
		out = append(out, it)
	}
	for _, t := range m.Targets() {
		it := item{CSS: t.CSS, what: t.What, text: t.Text, line: t.Line}
		if t.What == "dismiss" {
			it.hidden = true
			it.optional = "shown only at times"
		}
		if t.Optional {
			it.hidden = true
			it.optional = "shown only on some forms of the portal"
		}
		out = append(out, it)
	}
	return out
}

// spaceless compares button texts as a person reads them: 登 录 is 登录.
func spaceless(s string) string { return strings.ReplaceAll(page.NormText(s), " ", "") }

func fieldItem(f pagemap.Field, scope, what string) item {
	if what == "" {
		what = "field"
	}
	it := item{CSS: f.CSS, Kind: string(f.Kind), Label: f.Label, Scope: scope, what: what, key: f.Key, line: f.Line, isField: true}
	if f.Kind == pagemap.Table && f.Table != nil {
		it.Columns = f.Table.Headers()
	}
	if f.When != "" {
		it.optional = "shown only when " + f.When
	}
	it.aliases = f.Aliases
	switch {
	case f.MayBeAbsent:
		it.optional = "shown only on some forms of the portal"
		it.absentOK = true
	case f.Role == pagemap.CaptchaRole && f.Optional:
		// The person's control (a captcha, a slider): never filled by the
		// tool, so its kind and label are not the map's to confirm.
		it.optional = "shown only when the person must act"
		it.Kind = ""
	}
	if f.Kind == pagemap.Select || f.Kind == pagemap.Radio {
		for _, t := range f.Options {
			it.options = append(it.options, t)
		}
		if f.Manual != nil && f.Manual.Option != "" {
			it.options = append(it.options, f.Manual.Option)
		}
		slices.Sort(it.options)
		it.options = slices.Compact(it.options)
	}
	return it
}

// found is what check.js reports for an item.
type found struct {
	Bad           string    `json:"bad"`
	Visible       int       `json:"visible"`
	Hidden        int       `json:"hidden"`
	Is            string    `json:"is"`
	Text          string    `json:"text"`
	KindOK        bool      `json:"kindOK"`
	InItem        bool      `json:"inItem"`
	ItemLabel     string    `json:"itemLabel"`
	LabelOK       bool      `json:"labelOK"` // the item's label is the map's, as the engine compares them
	Options       *[]string `json:"options"`
	Headers       []string  `json:"headers"`
	Proposal      string    `json:"proposal"`
	ByLabel       int       `json:"byLabel"`
	LabelProposal string    `json:"labelProposal"`
	// LabelProposals are selectors of every form item with the label when
	// more than one has it: a person must decide.
	LabelProposals []string `json:"labelProposals"`
	// PlaceholderLabel and PlaceholderProposal: with neither the selector
	// nor the label on the page, the one form item whose placeholder still
	// names the field, its label now and a selector for it.
	PlaceholderLabel    string `json:"placeholderLabel"`
	PlaceholderProposal string `json:"placeholderProposal"`
}

// judge turns what the page showed into problems (and notes for what may
// rightly be absent).
func judge(m *pagemap.Map, file string, it item, f found) (probs []Problem, notes []string) {
	p := Problem{Page: m.Page, Where: m.Where(it.line), What: it.what, Key: it.key, Label: it.Label, Selector: it.CSS}
	if p.Label == "" {
		p.Label = it.text
	}
	fail := func(format string, a ...any) {
		q := p
		q.Message = fmt.Sprintf(format, a...)
		probs = append(probs, q)
	}
	sel := strconv.Quote(it.CSS)
	if it.CSS == "" {
		return nil, nil // the loader already refuses empty selectors where they matter
	}
	if f.Bad != "" {
		fail("selector %s is not valid CSS (%s)", sel, f.Bad)
		return
	}
	// Where to look when the selector fails: the unique form item with the
	// field's label.
	if it.isField && f.ByLabel == 1 && f.LabelProposal != "" && f.Visible != 1 {
		p.Proposal = f.LabelProposal
	}
	switch {
	case f.Visible == 0 && f.Hidden > 0 && it.hidden:
		notes = append(notes, fmt.Sprintf("%s %s: present but not shown in %s (%s)", it.what, sel, file, it.optional))
		return
	case f.Visible == 0 && it.optional != "" && (f.ByLabel == 0 || it.absentOK):
		notes = append(notes, fmt.Sprintf("%s %s: not in %s (%s); not checked", describe(it), sel, file, it.optional))
		return
	case f.Visible == 0 && it.isField && f.ByLabel == 0 && f.PlaceholderLabel != "" && f.PlaceholderProposal != "":
		p.Missing, p.Found, p.Proposal = true, f.PlaceholderLabel, f.PlaceholderProposal
		fail("selector %s matches nothing in %s and no form item is labelled %q; the one whose placeholder names it is labelled %q", sel, file, it.Label, f.PlaceholderLabel)
		return
	case f.Visible == 0 && f.Hidden > 0:
		fail("selector %s matches only hidden elements (%d) in %s", sel, f.Hidden, file)
		return
	case f.Visible == 0 && it.isField && f.ByLabel > 1:
		p.Candidates = f.LabelProposals
		fail("selector %s matches nothing in %s, and %d form items are labelled %q, so a run could not tell which is meant", sel, file, f.ByLabel, it.Label)
		return
	case f.Visible == 0 && it.isField && f.ByLabel == 1:
		p.Missing = true
		fail("selector %s matches nothing in %s; the form item labelled %q is still there (a run would heal it by label)", sel, file, it.Label)
		return
	case f.Visible == 0:
		fail("selector %s matches nothing in %s", sel, file)
		return
	case f.Visible > 1 && !it.Many:
		fail("selector %s matches %d visible elements in %s; it must match exactly one", sel, f.Visible, file)
		return
	}
	if it.text != "" && spaceless(f.Text) != spaceless(it.text) {
		p.Found = f.Text
		fail("selector %s finds %s; the map says its text is %q", sel, f.Is, it.text)
	}
	if it.Kind != "" {
		if !f.KindOK {
			fail("selector %s finds %s, which is not a %s control; point it at the widget's root", sel, f.Is, it.Kind)
		}
		if it.Kind != string(pagemap.Table) {
			switch {
			case !f.InItem:
				fail("selector %s finds %s outside any form item (.el-form-item), so its label cannot be confirmed", sel, f.Is)
			case !f.LabelOK && (f.ItemLabel == "" || slices.Contains(it.aliases, f.ItemLabel)):
				// A label-less form (the SSO's placeholders) cannot contradict
				// the map; an alias is the same control on another form.
			case !f.LabelOK:
				q := p
				q.Message = fmt.Sprintf("the form item of selector %s is labelled %q in %s, not %q; if the portal renamed the field, set label: %s (if the selector now finds another field, fix the selector)", sel, f.ItemLabel, file, it.Label, f.ItemLabel)
				if f.ByLabel == 1 && f.LabelProposal != "" {
					q.Proposal = f.LabelProposal // the selector now finds another field
				} else {
					q.Proposal = f.Proposal
					q.Found = f.ItemLabel // the field itself was renamed
				}
				probs = append(probs, q)
			}
		}
	}
	if len(it.options) > 0 {
		if f.Options == nil {
			fail("no options of this control are in %s; re-record the page (`autofill record` opens every dropdown of the map)", file)
		} else if miss := missing(it.options, *f.Options); len(miss) > 0 {
			fail("option(s) %s not offered in %s; it offers %s", quoteAll(miss), file, sample(*f.Options))
		}
	}
	if len(it.Columns) > 0 {
		if miss := missing(it.Columns, f.Headers); len(miss) > 0 {
			fail("column(s) %s not in the table in %s; its headers are %s", quoteAll(miss), file, quoteAll(f.Headers))
		}
	}
	return probs, notes
}

func describe(it item) string {
	if it.key != "" {
		return fmt.Sprintf("%s %s (%s)", it.what, it.key, it.Label)
	}
	return it.what
}

func missing(want, have []string) []string {
	set := map[string]bool{}
	for _, h := range have {
		set[page.NormText(h)] = true
	}
	var out []string
	for _, w := range want {
		if !set[page.NormText(w)] {
			out = append(out, w)
		}
	}
	return out
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// sample lists a few options: a country list has hundreds.
func sample(ss []string) string {
	if len(ss) == 0 {
		return "nothing"
	}
	if len(ss) > 12 {
		return quoteAll(ss[:12]) + fmt.Sprintf(" and %d more", len(ss)-12)
	}
	return quoteAll(ss)
}
