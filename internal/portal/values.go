package portal

import (
	"reflect"
	"strings"

	"github.com/cscse-tools/autofill/internal/page"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/profile"
)

// values answers the page maps' profile keys for one degree of a profile.
type values struct {
	p     *profile.Profile
	d     *profile.Degree
	study *profile.Study // the row a table dialog is filling
	// given holds values the run was given for fields outside the profile,
	// by the field's key: the password typed into the login.password field.
	given map[string]string
}

// give makes key answer s: a value that is not the profile's (the field's
// role says where it comes from).
func (v *values) give(key, s string) {
	if v.given == nil {
		v.given = map[string]string{}
	}
	v.given[key] = s
}

// get returns the value behind a key. Key prefixes: applicant., account.,
// consent., application. (the profile), degree. (the chosen degree),
// study. (the current study-history row). degree.same_school is derived:
// PROFILE.md gives study_country/study_institution only when they differ.
func (v *values) get(key string) (any, bool) {
	switch key {
	case "degree.same_school":
		return v.d.StudyCountry == "" && v.d.StudyInstitution == "", true
	}
	if s, ok := v.given[key]; ok {
		return s, s != ""
	}
	head, rest, _ := strings.Cut(key, ".")
	switch head {
	case "degree":
		return lookup(reflect.ValueOf(v.d).Elem(), rest)
	case "study":
		if v.study == nil {
			return nil, false
		}
		return lookup(reflect.ValueOf(v.study).Elem(), rest)
	}
	return lookup(reflect.ValueOf(v.p).Elem(), key)
}

// lookup walks a dotted path of yaml tag names through structs.
func lookup(rv reflect.Value, path string) (any, bool) {
	for _, name := range strings.Split(path, ".") {
		if rv.Kind() == reflect.Pointer {
			rv = rv.Elem()
		}
		if rv.Kind() != reflect.Struct {
			return nil, false
		}
		found := false
		t := rv.Type()
		for i := 0; i < t.NumField(); i++ {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if tag == name {
				rv, found = rv.Field(i), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return rv.Interface(), true
}

// want is what a field should show, as text a person sees.
type want struct {
	text  string   // the visible value (option text, date, …)
	list  []string // cascader path or upload files
	empty bool     // nothing to enter
}

// wantFor maps a profile value to the field's visible text by the map's
// one rule (pagemap.Field.OptionText); a list is a cascader path or files.
func wantFor(f pagemap.Field, v any) (want, error) {
	if x, ok := v.([]string); ok {
		return want{list: x, empty: len(x) == 0, text: strings.Join(x, " / ")}, nil
	}
	text, empty, err := f.OptionText(v)
	return want{text: text, empty: empty}, err
}

// same compares what was wanted with what the page shows, after the
// normalisation the helpers apply (white space, full-width letters).
func same(kind pagemap.Kind, want, got string) bool {
	want, got = normText(want), normText(got)
	if kind == pagemap.Cascader {
		return normPath(want) == normPath(got)
	}
	return want == got
}

func normText(s string) string { return NormText(s) }

func normPath(s string) string {
	parts := strings.Split(s, "/")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return strings.Join(parts, "/")
}

// NormText is page.NormText: texts are compared after it, in the page and
// in Go alike.
func NormText(s string) string { return page.NormText(s) }
