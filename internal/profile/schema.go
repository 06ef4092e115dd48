package profile

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// The schema is the Profile type itself: its mapstructure tags name the keys
// of the profile contract (docs/profile.md), so decoding, unknown-key hints, environment overrides and
// Get all follow the struct and never a second list of names.

var fieldCache sync.Map // reflect.Type → map[string]int

// fieldsOf maps a struct's key names to field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if name := keyName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	fieldCache.Store(t, m)
	return m
}

// fieldNames lists a struct's key names in declaration order.
func fieldNames(t reflect.Type) []string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name := keyName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func keyName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name := f.Tag.Get("mapstructure")
	if name == "-" {
		return ""
	}
	return name
}

var profileType = reflect.TypeOf(Profile{})

// walkSchema calls fn for every key of the profile with its schema path
// ("degrees[].award_date") and type.
func walkSchema(t reflect.Type, path string, fn func(path string, t reflect.Type)) {
	for i := 0; i < t.NumField(); i++ {
		name := keyName(t.Field(i))
		if name == "" {
			continue
		}
		ft := t.Field(i).Type
		p := joinPath(path, name)
		fn(p, ft)
		switch {
		case ft == dateType || ft == monthType:
		case ft.Kind() == reflect.Struct:
			walkSchema(ft, p, fn)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			walkSchema(ft.Elem(), p+"[]", fn)
		}
	}
}

// schemaHomes maps each key name to the places it belongs
// ("phone" → ["applicant"]), for "belongs under" hints.
var schemaHomes = sync.OnceValue(func() map[string][]string {
	homes := map[string][]string{}
	walkSchema(profileType, "", func(p string, _ reflect.Type) {
		name, parent := lastKey(p), parentPath(p)
		parent = strings.TrimSuffix(parent, "[]")
		if parent == "" {
			return
		}
		for _, h := range homes[name] {
			if h == parent {
				return
			}
		}
		homes[name] = append(homes[name], parent)
	})
	return homes
})

// scalarKeys lists the keys outside lists that hold one value: the ones an
// AUTOFILL_* environment variable may override.
var scalarKeys = sync.OnceValue(func() []string {
	var keys []string
	walkSchema(profileType, "", func(p string, t reflect.Type) {
		if strings.Contains(p, "[]") {
			return
		}
		if t == dateType || t == monthType || t.Kind() == reflect.String || t.Kind() == reflect.Bool {
			keys = append(keys, p)
		}
	})
	return keys
})

// EnvVar returns the environment variable that overrides a scalar key:
// applicant.phone → AUTOFILL_APPLICANT_PHONE.
func EnvVar(key string) string {
	return "AUTOFILL_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Get returns the value at a dotted profile key such as
// "applicant.address.region" or "degrees[0].award_date": a string, bool,
// Date, Month, []string or a nested struct.
func (p *Profile) Get(key string) (any, error) {
	v := reflect.ValueOf(p).Elem()
	rest := key
	for rest != "" {
		name := rest
		if i := strings.IndexAny(rest, ".["); i >= 0 {
			name, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if name != "" {
			if v.Kind() != reflect.Struct || v.Type() == dateType || v.Type() == monthType {
				return nil, fmt.Errorf("profile key %q: %s has no keys", key, v.Type())
			}
			i, ok := fieldsOf(v.Type())[name]
			if !ok {
				hint := ""
				if s := suggest(name, fieldNames(v.Type())); s != "" {
					hint = "; did you mean " + s + "?"
				}
				return nil, fmt.Errorf("profile key %q: no key %q%s", key, name, hint)
			}
			v = v.Field(i)
		}
		for strings.HasPrefix(rest, "[") {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, fmt.Errorf("profile key %q: missing ]", key)
			}
			n, err := strconv.Atoi(rest[1:end])
			if err != nil || v.Kind() != reflect.Slice || n < 0 || n >= v.Len() {
				return nil, fmt.Errorf("profile key %q: no item %s", key, rest[:end+1])
			}
			v, rest = v.Index(n), rest[end+1:]
		}
		rest = strings.TrimPrefix(rest, ".")
	}
	return v.Interface(), nil
}
