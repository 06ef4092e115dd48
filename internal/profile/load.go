package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/spf13/viper"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// MaxFileSize bounds a profile file. A real one is a few KB; the cap keeps a
// wrong path (a video, /dev/zero) from filling memory.
const MaxFileSize = 1 << 20

// formats maps file extensions to the Viper config types Load reads.
var formats = map[string]string{".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}

// Load reads a profile from a YAML, JSON or TOML file (by extension), applies
// AUTOFILL_* environment overrides of scalar keys (AUTOFILL_APPLICANT_PHONE
// for applicant.phone), normalises country names to the portal's and
// resolves material paths against the file's folder.
//
// Every problem is reported at once in a *Problems error. When the file
// parsed but some values could not be taken, Load returns the partial
// profile too, so a caller may add Validate's findings (see ValidateLoaded).
func Load(path string) (*Profile, error) {
	fail := func(list ...Problem) error { return &Problems{File: path, List: list} }
	format, ok := formats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return nil, fail(Problem{Message: fmt.Sprintf("cannot tell the format of %s", filepath.Base(path)),
			Hint: "name the file .yaml, .yml, .json or .toml"})
	}
	data, prob := readCapped(path)
	if prob != nil {
		return nil, fail(*prob)
	}
	data, enc, ok := decodeText(data)
	if !ok {
		return nil, fail(Problem{Message: "not a text file (it is not UTF-8, UTF-16 or GB18030 text)",
			Hint: "save the profile as UTF-8 text; a word processor document will not do"})
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p, list := parse(data, format, filepath.Dir(abs))
	if p != nil {
		p.Path = abs
		p.src.encoding = enc
	}
	if len(list) > 0 {
		Sort(list)
		return p, fail(list...)
	}
	return p, nil
}

func readCapped(path string) ([]byte, *Problem) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Problem{Message: "cannot read the file: " + pathErr(err),
			Hint: "check the path, or run `autofill init " + path + "` to create it"}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Problem{Message: "cannot read the file: " + pathErr(err)}
	}
	if st.IsDir() {
		return nil, &Problem{Message: "is a folder, not a profile file"}
	}
	tooBig := &Problem{Message: fmt.Sprintf("the file is larger than %d KB; a profile is a few KB", MaxFileSize>>10),
		Hint: "is this the right file? Materials are named by path in the profile, not pasted into it"}
	if st.Size() > MaxFileSize {
		return nil, tooBig
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Problem{Message: "cannot read the file: " + pathErr(err)}
	}
	if len(data) > MaxFileSize {
		return nil, tooBig
	}
	return data, nil
}

// parse reads data in format into a Profile. It returns a nil profile when
// the file itself cannot be read (syntax), and a partial one with problems
// when only some values are wrong.
func parse(data []byte, format, dir string) (*Profile, []Problem) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Windows editors' BOM
	src := newSource()
	switch format {
	case "yaml":
		if list := scanYAML(data, src); len(list) > 0 {
			return nil, list
		}
	case "json":
		// JSON is YAML too: the same scan gives key lines. Syntax errors
		// are left to the JSON decoder, whose offsets are exact.
		if err := json.Unmarshal(data, new(map[string]any)); err != nil {
			return nil, []Problem{jsonSyntax(err, data)}
		}
		scanYAML(data, src)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{Message: "the file is empty", Hint: "run `autofill init FILE` for a commented template"}}
	}
	v := viper.New()
	v.SetConfigType(format)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		if format == "yaml" { // what the scan let through: a !!int "abc" tag, say
			return nil, []Problem{yamlSyntax(errors.Unwrap(err), data)}
		}
		return nil, []Problem{decodeSyntax(err, format)}
	}
	bindEnv(v, src)
	p := &Profile{src: src}
	d := &decoder{src: src}
	d.object("", v.AllSettings(), reflect.ValueOf(p).Elem())
	p.normalise(dir)
	return p, d.probs
}

// bindEnv lets AUTOFILL_<KEY> override a scalar key. Only keys whose
// variable is set are bound, and only where the file has a group of keys (or
// nothing) above them, so unrelated AUTOFILL_* variables (AUTOFILL_LOG_LEVEL,
// AUTOFILL_PASSWORD) never reach the profile.
func bindEnv(v *viper.Viper, src *source) {
	for _, key := range scalarKeys() {
		name := EnvVar(key)
		if val, ok := os.LookupEnv(name); !ok || val == "" {
			continue
		}
		parentsOK := true
		for parent := parentPath(key); parent != ""; parent = parentPath(parent) {
			switch v.Get(parent).(type) {
			case nil, map[string]any:
			default:
				parentsOK = false
			}
		}
		if parentsOK {
			_ = v.BindEnv(key, name) // fails only for an empty key
			src.env[key] = name
		}
	}
}

// normalise makes countries the portal's names (UK → 英国) and material
// paths absolute, and spells an ID's check character X as printed.
func (p *Profile) normalise(dir string) {
	country := func(s *string) {
		if c, ok := refdata.LookupCountry(*s); ok {
			*s = c.Name
		}
	}
	country(&p.Applicant.Nationality)
	if p.Applicant.IDType == "id_card" {
		p.Applicant.IDNumber = strings.ToUpper(p.Applicant.IDNumber)
	}
	home, _ := os.UserHomeDir()
	resolve := func(f string) string {
		if f == "" {
			return ""
		}
		if home != "" && (f == "~" || strings.HasPrefix(f, "~/")) {
			return filepath.Join(home, f[1:])
		}
		if filepath.IsAbs(f) {
			return filepath.Clean(f)
		}
		return filepath.Join(dir, filepath.FromSlash(f))
	}
	for i := range p.Degrees {
		d := &p.Degrees[i]
		country(&d.AwardingCountry)
		country(&d.StudyCountry)
		d.Materials.resolve(resolve)
	}
	for i := range p.StudyHistory {
		country(&p.StudyHistory[i].Country)
	}
}

func jsonSyntax(err error, data []byte) Problem {
	p := Problem{Message: "JSON syntax: " + err.Error()}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		p.Line, p.Column = lineCol(data, se.Offset)
		p.Hint = "check for a missing comma or quote, or a comma after the last item"
	case errors.As(err, &te):
		p.Line, p.Column = lineCol(data, te.Offset)
		p.Message = "the top level must be an object of keys ({\"applicant\": …}), not " + te.Value
	}
	return p
}

// decodeSyntax reports an error Viper's decoder found; TOML errors carry a
// position.
func decodeSyntax(err error, format string) Problem {
	p := Problem{Message: strings.ToUpper(format) + " syntax: " + err.Error()}
	var pe interface{ Position() (int, int) }
	if errors.As(err, &pe) {
		p.Line, p.Column = pe.Position()
		p.Message = strings.ToUpper(format) + " syntax: " + errors.Unwrap(err).Error()
	}
	return p
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	if col == 0 {
		col = 1
	}
	return line, col
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
