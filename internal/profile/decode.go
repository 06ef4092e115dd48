package profile

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// decoder copies the values Viper read into a Profile, field by field, and
// records a problem for every value it cannot take instead of stopping at
// the first (mapstructure stops, and its weak typing would turn an
// unquoted postal code 010020 into "4112" without a word).
type decoder struct {
	src   *source
	probs []Problem
}

var (
	dateType  = reflect.TypeOf(Date{})
	monthType = reflect.TypeOf(Month{})
	isoDateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (d *decoder) add(path string, p Problem) {
	p.Path = path
	if p.Line == 0 {
		p.Line = d.src.line(path)
	}
	if env := d.src.env[path]; env != "" {
		p.Message += " (from $" + env + ")"
	}
	d.probs = append(d.probs, p)
}

// value decodes raw into v. A nil raw (key absent or empty) leaves v zero.
func (d *decoder) value(path string, raw any, v reflect.Value) {
	if raw == nil {
		return
	}
	switch t := v.Type(); {
	case t == dateType:
		if date, ok := d.date(path, raw); ok {
			v.Set(reflect.ValueOf(date))
		}
	case t == monthType:
		if m, ok := d.month(path, raw); ok {
			v.Set(reflect.ValueOf(m))
		}
	case t.Kind() == reflect.String:
		if s, ok := d.str(path, raw); ok {
			v.SetString(s)
		}
	case t.Kind() == reflect.Bool:
		d.boolean(path, raw, v)
	case t.Kind() == reflect.Struct:
		d.object(path, raw, v)
	case t.Kind() == reflect.Slice:
		d.list(path, raw, v)
	}
}

func (d *decoder) object(path string, raw any, v reflect.Value) {
	m, ok := raw.(map[string]any)
	if !ok {
		hint := "give its keys indented below it"
		if _, isList := raw.([]any); isList {
			hint = "remove the \"- \" before its keys: it holds one set of keys, not a list"
		}
		d.add(path, Problem{Message: "must be a group of keys, not " + describe(raw), Hint: hint})
		return
	}
	fields := fieldsOf(v.Type())
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := joinPath(path, k)
		i, known := fields[k]
		if !known {
			d.unknown(p, k, v.Type())
			continue
		}
		d.value(p, m[k], v.Field(i))
	}
}

func (d *decoder) list(path string, raw any, v reflect.Value) {
	elem := v.Type().Elem()
	items, ok := raw.([]any)
	if !ok {
		// One file where a list is expected is what people mean.
		if s, isStr := raw.(string); isStr && elem.Kind() == reflect.String && !strings.HasSuffix(path, "region") {
			if s != "" {
				v.Set(reflect.ValueOf([]string{s}))
			}
			return
		}
		hint := "write it as a list: a \"- \" before each item, or [a, b]"
		if elem.Kind() == reflect.Struct {
			hint = "write it as a list: put \"- \" before the first key of each entry"
		} else if strings.HasSuffix(path, "region") {
			hint = "write it as a list, top level first: [广东省, 深圳市, 南山区]"
		}
		d.add(path, Problem{Message: "must be a list, not " + describe(raw), Hint: hint})
		return
	}
	out := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", path, i)
		if it == nil {
			d.add(p, Problem{Message: "empty list item", Hint: "remove the lone \"-\" or give it a value"})
			continue
		}
		d.value(p, it, out.Index(i))
	}
	v.Set(out)
}

func (d *decoder) str(path string, raw any) (string, bool) {
	switch x := raw.(type) {
	case string:
		return x, true
	case int, int64, uint64, float64:
		num := formatNumber(x)
		written := d.src.text[path]
		if written == "" {
			written = num
		}
		msg := fmt.Sprintf("was read as the number %s, but must be text", num)
		if written != num {
			msg = fmt.Sprintf("%s was read as the number %s, but must be text", written, num)
		}
		d.add(path, Problem{Message: msg,
			Hint: fmt.Sprintf("quote it: %s: \"%s\" (unquoted digits are a number, which loses leading zeros and digits past the 15th)",
				lastKey(path), written)})
	case bool:
		d.add(path, Problem{Message: fmt.Sprintf("was read as %v (yes/no), but must be text", x),
			Hint: fmt.Sprintf("quote it: %s: \"%s\"", lastKey(path), d.written(path, x))})
	case time.Time:
		d.add(path, Problem{Message: "was read as a date, but must be text",
			Hint: fmt.Sprintf("quote it: %s: \"%s\"", lastKey(path), d.written(path, x.Format(dateLayout)))})
	default:
		d.add(path, Problem{Message: "must be text, not " + describe(raw)})
	}
	return "", false
}

func (d *decoder) boolean(path string, raw any, v reflect.Value) {
	switch x := raw.(type) {
	case bool:
		v.SetBool(x)
		return
	case string:
		// Environment variables arrive as text.
		if b, err := strconv.ParseBool(x); err == nil && d.src.env[path] != "" {
			v.SetBool(b)
			return
		}
	}
	d.add(path, Problem{Message: fmt.Sprintf("must be true or false, not %s", describe(raw)),
		Hint: fmt.Sprintf("write %s: true or %s: false (without quotes)", lastKey(path), lastKey(path))})
}

func (d *decoder) date(path string, raw any) (Date, bool) {
	hint := fmt.Sprintf("write it as YYYY-MM-DD, e.g. %s: 2023-11-28", lastKey(path))
	var s string
	switch x := raw.(type) {
	case time.Time:
		if h, m, sec := x.Clock(); h != 0 || m != 0 || sec != 0 || x.Nanosecond() != 0 {
			d.add(path, Problem{Message: "must be a date without a time of day", Hint: hint})
			return Date{}, false
		}
		return DateOf(x), true
	case string:
		s = strings.TrimSpace(x)
	case fmt.Stringer: // TOML local dates
		s = x.String()
	default:
		d.add(path, Problem{Message: "must be a date, not " + describe(raw), Hint: hint})
		return Date{}, false
	}
	if s == "" {
		return Date{}, true
	}
	date, err := ParseDate(s)
	if err != nil {
		msg := fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", clip(s, 40))
		if isoDateRE.MatchString(s) {
			msg = fmt.Sprintf("%s is not a real calendar date", s)
			hint = "check the month and the day"
		}
		d.add(path, Problem{Message: msg, Hint: hint})
		return Date{}, false
	}
	return date, true
}

func (d *decoder) month(path string, raw any) (Month, bool) {
	hint := fmt.Sprintf("write it as YYYY-MM, e.g. %s: 2016-09", lastKey(path))
	var s string
	switch x := raw.(type) {
	case string:
		s = strings.TrimSpace(x)
	case time.Time:
		d.add(path, Problem{Message: fmt.Sprintf("is a month: write %s, not a full date", x.Format(monthLayout)), Hint: hint})
		return Month{}, false
	case fmt.Stringer:
		s = x.String()
	default:
		d.add(path, Problem{Message: "must be a month, not " + describe(raw), Hint: hint})
		return Month{}, false
	}
	if s == "" {
		return Month{}, true
	}
	m, err := ParseMonth(s)
	if err != nil {
		msg := fmt.Sprintf("%q is not a month in the form YYYY-MM", clip(s, 40))
		if isoDateRE.MatchString(s) {
			msg = fmt.Sprintf("is a month: write %s, not a full date", s[:7])
		}
		d.add(path, Problem{Message: msg, Hint: hint})
		return Month{}, false
	}
	return m, true
}

// unknown reports a key the profile does not have, with the likeliest
// intended one: a sibling with a similar name, or the same name elsewhere.
func (d *decoder) unknown(path, key string, t reflect.Type) {
	if key == "password" {
		d.add(path, Problem{Message: "a password never belongs in a profile",
			Hint: "remove it; autofill reads the password from $AUTOFILL_PASSWORD or asks for it without echo"})
		return
	}
	names := fieldNames(t)
	p := Problem{Message: fmt.Sprintf("unknown key %q", key)}
	if s := suggest(key, names); s != "" {
		p.Message += fmt.Sprintf("; did you mean %s?", s)
	} else if where := schemaHomes()[key]; len(where) > 0 {
		p.Message += fmt.Sprintf("; %s belongs under %s", key, strings.Join(where, " or "))
	} else {
		p.Hint = "the keys here are: " + strings.Join(names, ", ")
	}
	d.add(path, p)
}

func describe(raw any) string {
	switch x := raw.(type) {
	case map[string]any:
		return "a group of keys"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("the text %q", clip(x, 40))
	case bool:
		return fmt.Sprintf("%v", x)
	case time.Time:
		return "a date"
	case int, int64, uint64, float64:
		return "the number " + formatNumber(x)
	}
	return fmt.Sprintf("%v", raw)
}

func formatNumber(x any) string {
	if f, ok := x.(float64); ok {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return fmt.Sprint(f)
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return fmt.Sprint(x)
}

func (d *decoder) written(path string, v any) string {
	if s := d.src.text[path]; s != "" {
		return s
	}
	return fmt.Sprint(v)
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}
