package interview

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/cscse-tools/autofill/internal/profile"
)

// Render fills profile.Template with the answers: the same comments on
// every field, one degree block per degree and one study_history row per
// study, oldest first. Unanswered fields stay "" as in the template.
func Render(a Answers) []byte {
	lines := strings.Split(string(profile.Template()), "\n")
	degStart := indexOf(lines, "  - id:", 0)
	histHead := indexOf(lines, "study_history:", 0)
	row1 := indexOf(lines, "  - from:", histHead)
	row2 := indexOf(lines, "  - from:", row1+1)
	head, degree := lines[:degStart], trimBlank(lines[degStart:histHead])
	histHeader, first, rest := lines[histHead:row1], lines[row1:row2], trimBlank(lines[row2:])

	var out []string
	out = append(out, fill(head, topValues(a))...)
	for i := 0; ; i++ {
		out = append(out, fill(degree, degreeValues(a, i))...)
		if a[fmt.Sprintf("degrees[%d].more", i)] != yes {
			break
		}
	}
	out = append(out, "")
	out = append(out, histHeader...)
	for i, r := range historyRows(a) {
		block := first
		if i > 0 {
			block = rest
		}
		vals := map[string]string{}
		for k, v := range r.fields {
			if v != "" || r.degree >= 0 {
				vals[k] = scalar(v) // unanswered fields keep the template's value
			}
		}
		out = append(out, fill(block, vals)...)
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

func indexOf(lines []string, prefix string, from int) int {
	for i := from; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], prefix) {
			return i
		}
	}
	panic("interview: the template has no " + prefix) // the template is embedded
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func topValues(a Answers) map[string]string {
	v := map[string]string{}
	for _, f := range []string{"applicant.name", "applicant.name_pinyin", "applicant.former_name", "applicant.gender",
		"applicant.birth_date", "applicant.nationality", "applicant.id_type", "applicant.id_number", "applicant.phone",
		"applicant.email", "applicant.address.detail", "applicant.address.postal_code", "account.username", "application.type"} {
		if a.Has(f) {
			v[f[strings.LastIndexByte(f, '.')+1:]] = scalar(a[f])
		}
	}
	if a.Has("consent.service_agreement") {
		v["service_agreement"] = boolean(a["consent.service_agreement"])
	}
	var region []string
	for i := 0; a.Has(fmt.Sprintf("applicant.address.region[%d]", i)); i++ {
		region = append(region, a[fmt.Sprintf("applicant.address.region[%d]", i)])
	}
	if len(region) > 0 {
		v["region"] = list(region)
	}
	return v
}

func degreeValues(a Answers, i int) map[string]string {
	at := fmt.Sprintf("degrees[%d].", i)
	v := map[string]string{}
	for _, f := range []string{"id", "awarding_country", "awarding_institution", "degree_name", "level", "award_date",
		"major_foreign", "major_chinese", "study_country", "study_institution", "start", "end", "student_number",
		"discipline", "remote_study_explanation", "remarks", "materials.photo", "materials.diploma", "materials.authorization"} {
		if a.Has(at + f) {
			v[strings.TrimPrefix(f, "materials.")] = scalar(a[at+f])
		}
	}
	if a.Has(at + "remote_study") {
		v["remote_study"] = boolean(a[at+"remote_study"])
	}
	for _, f := range []string{"passport", "visa", "transcript", "other"} {
		if a.Has(at + "materials." + f) {
			v[f] = list(splitList(a[at+"materials."+f]))
		}
	}
	return v
}

// splitList reads "a.jpg, b.jpg" (or 、 and ， as Chinese keyboards type them).
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var keyLine = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):(.*)$`)

// fill replaces the value of each `key: value  # comment` line whose key
// has a value in vals, keeping the comment in its column.
func fill(block []string, vals map[string]string) []string {
	out := make([]string, len(block))
	for i, line := range block {
		out[i] = line
		m := keyLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		val, ok := vals[m[2]]
		if !ok {
			continue
		}
		rest, comment := m[3], ""
		if j := strings.Index(rest, " #"); j >= 0 {
			rest, comment = rest[:j], strings.TrimLeft(rest[j:], " ")
		}
		s := m[1] + m[2] + ": " + val
		if comment != "" {
			col := runewidth.StringWidth(line[:strings.Index(line, comment)])
			s = runewidth.FillRight(s, max(col, runewidth.StringWidth(s)+1)) + comment
		}
		out[i] = s
	}
	return out
}

var plainSafe = regexp.MustCompile(`^[\p{Han}\p{L}][^:#'"\[\]{},&*!|>%@` + "`" + `]*$`)
var dateLike = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// scalar writes a string as YAML: plain when it reads back as the same
// string, double-quoted otherwise (digits, which YAML would make a number).
func scalar(s string) string {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return quote(s)
	}
	if dateLike.MatchString(s) || (plainSafe.MatchString(s) && !strings.HasSuffix(s, " ")) {
		return s
	}
	return quote(s)
}

func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func list(items []string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = scalar(it)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func boolean(s string) string {
	if s == yes {
		return "true"
	}
	return "false"
}
