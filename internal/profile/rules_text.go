package profile

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"unicode"
)

// eachText calls fn with the field path and address of every text value of
// the profile except material paths (file names are taken as written).
func eachText(p *Profile, fn func(path string, s *string)) {
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			fn(path, v.Addr().Interface().(*string))
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(Materials{}) {
				return
			}
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
				if tag == "" || tag == "-" || !t.Field(i).IsExported() {
					continue
				}
				walk(joinPath(path, tag), v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		}
	}
	walk("", reflect.ValueOf(p).Elem())
}

// trimSpaces removes spaces around every text value (a stray space is typed
// into the portal as part of the value) and returns the paths it changed,
// for Validate's warnings.
func trimSpaces(p *Profile) []string {
	var changed []string
	eachText(p, func(path string, s *string) {
		if t := strings.TrimSpace(*s); t != *s {
			*s = t
			changed = append(changed, path)
		}
	})
	return changed
}

// hiddenRune is a character a person cannot see that would be typed into
// the portal: control characters (but newline and tab in long texts),
// zero-width characters and bidi controls (Unicode Cf).
func hiddenRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// text refuses invisible characters and warns about trimmed spaces.
func (c *checker) text() {
	eachText(c.p, func(path string, s *string) {
		if i := strings.IndexFunc(*s, hiddenRune); i >= 0 {
			r := []rune((*s)[i:])[0]
			c.errorf(path, "retype the value by hand: invisible characters come with text copied from web pages and PDFs, and the portal would store them",
				"contains the invisible character U+%04X at position %d", r, len([]rune((*s)[:i]))+1)
		}
	})
	if c.p.src == nil {
		return
	}
	for _, path := range c.p.src.trimmed {
		c.warnf(path, "remove the spaces in the file to silence this warning", "has spaces at its start or end; autofill uses the value without them")
	}
}

// leavesFolder reports whether a material path as written climbs out of the
// profile's folder (../other-client/passport.jpg).
func leavesFolder(written string) bool {
	if written == "" || filepath.IsAbs(written) || strings.HasPrefix(written, "~") {
		return false
	}
	c := filepath.Clean(filepath.FromSlash(written))
	return c == ".." || strings.HasPrefix(c, ".."+string(filepath.Separator))
}

// outsideFiles notes, before paths are made absolute, which material files
// of degree i are written as paths that leave the profile's folder.
func (s *source) outsideFiles(i int, m Materials) {
	for _, slot := range slotKeys {
		for _, f := range m.Files(slot) {
			if leavesFolder(f) {
				if s.outside == nil {
					s.outside = map[int][]string{}
				}
				s.outside[i] = append(s.outside[i], slot+": "+f)
			}
		}
	}
}

// materialsOutside warns about material files outside the profile's folder:
// a path like ../other-client/passport.jpg may be another person's file.
func (c *checker) materialsOutside() {
	if c.p.src == nil {
		return
	}
	for i := range c.p.Degrees {
		for _, f := range c.p.src.outside[i] {
			c.warnf(fmt.Sprintf("degrees[%d].materials", i), "keep each applicant's files in a folder beside their profile, so no one else's file is uploaded by mistake",
				"%s is outside the profile's folder", f)
		}
	}
}

// OutsideMaterials lists the material files of degree id written as paths
// that leave the profile's folder ("slot: path"); batch lists them.
func (p *Profile) OutsideMaterials(id string) []string {
	if p == nil || p.src == nil {
		return nil
	}
	for i := range p.Degrees {
		if p.Degrees[i].ID == id {
			return p.src.outside[i]
		}
	}
	return nil
}
