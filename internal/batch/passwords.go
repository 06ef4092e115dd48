package batch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

// Passwords is where a batch finds each applicant's portal password. Never
// in a profile (profiles travel between the agency and its applicants), but
// in one file that only its owner can read, like an ssh key or ~/.netrc:
//
//	# passwords.yaml (chmod 600)          # or passwords.csv
//	"13800138000": the-password           username,password
//	tan.weiming@example.com: another      13800138000,the-password
//
// AUTOFILL_PASSWORD, when set, is the password of every user the file does
// not list (one shared test account, or a batch of one). A user with no
// password is parked; the others run.
type Passwords struct {
	file     string
	byUser   map[string]string
	fallback string
}

// maxPasswordsFile bounds what LoadPasswords reads: thousands of lines.
const maxPasswordsFile = 1 << 20

// LoadPasswords reads a passwords file (.csv, or YAML otherwise); an empty
// path gives the fallback alone. The file must be a regular file that no
// other user can read (checked by its mode; skipped on Windows, which has
// no such mode and keeps files in the user's folder private by its ACLs).
// Messages never quote a password.
func LoadPasswords(path, fallback string) (*Passwords, error) {
	p := &Passwords{file: path, byUser: map[string]string{}, fallback: fallback}
	if path == "" {
		return p, nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, exitcode.Errorf(exitcode.BadInput, "passwords file: %v", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, exitcode.Errorf(exitcode.BadInput, "passwords file %s is not a regular file", path)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return nil, exitcode.Errorf(exitcode.BadInput,
			"passwords file %s can be read by other users (mode %04o): it holds your applicants' passwords; run `chmod 600 %s` and try again",
			path, fi.Mode().Perm(), path)
	}
	if fi.Size() > maxPasswordsFile {
		return nil, exitcode.Errorf(exitcode.BadInput, "passwords file %s is larger than 1 MB; it should hold one line per applicant", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, exitcode.Errorf(exitcode.BadInput, "passwords file: %v", err)
	}
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		err = p.parseCSV(data)
	} else {
		err = p.parseYAML(data)
	}
	if err != nil {
		return nil, exitcode.Errorf(exitcode.BadInput, "passwords file %s: %v", path, err)
	}
	return p, nil
}

func (p *Passwords) add(user, pw, where string) error {
	user = strings.TrimSpace(user)
	if user == "" {
		return fmt.Errorf("%s: the user name is empty", where)
	}
	if pw == "" {
		return fmt.Errorf("%s: user %s has an empty password", where, user)
	}
	if _, dup := p.byUser[user]; dup {
		return fmt.Errorf("%s: user %s is listed twice; keep one line", where, user)
	}
	p.byUser[user] = pw
	return nil
}

// parseCSV reads "username,password" lines; a first line naming the columns
// and lines starting with # are skipped.
func (p *Passwords) parseCSV(data []byte) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("line %d: %v (the format is username,password — quote a password with a comma or quote in it: \"a,b\")", pe.Line, pe.Err)
			}
			return err
		}
		if first && len(rec) > 0 && isHeader(rec[0]) {
			continue
		}
		if len(rec) != 2 {
			return fmt.Errorf("line %d: %d fields; the format is username,password (quote a password with a comma in it)", line, len(rec))
		}
		if err := p.add(rec[0], rec[1], fmt.Sprintf("line %d", line)); err != nil {
			return err
		}
	}
}

func isHeader(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "username", "user", "login", "用户名":
		return true
	}
	return false
}

// parseYAML reads a mapping of user name to password. Unquoted numbers (a
// phone number as user name) are taken as written.
func (p *Passwords) parseYAML(data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("not valid YAML (%v); write one `username: password` per line", scrubYAMLError(err))
	}
	if len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected `username: password` lines", m.Line)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: expected `username: password`", k.Line)
		}
		if err := p.add(k.Value, v.Value, fmt.Sprintf("line %d", k.Line)); err != nil {
			return err
		}
	}
	return nil
}

// scrubYAMLError keeps the line of a syntax error and drops any quoted
// text, which could be a password.
func scrubYAMLError(err error) string {
	s := err.Error()
	if i := strings.IndexAny(s, "`'\""); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// Lookup returns user's password: from the file, else the fallback.
func (p *Passwords) Lookup(user string) (string, bool) {
	if p == nil {
		return "", false
	}
	if pw, ok := p.byUser[strings.TrimSpace(user)]; ok {
		return pw, true
	}
	return p.fallback, p.fallback != ""
}

// Missing says how to give user a password; user is shown masked by the
// caller's Redactor.
func (p *Passwords) Missing(user string) string {
	if p == nil || p.file == "" {
		return fmt.Sprintf("no password for %s: pass --passwords FILE with a line `%s: PASSWORD` (the file must be chmod 600), or set AUTOFILL_PASSWORD", user, user)
	}
	return fmt.Sprintf("no password for %s in %s: add a line `%s: PASSWORD` and run the batch again", user, p.file, user)
}
