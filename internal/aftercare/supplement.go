package aftercare

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/page"
)

// Answer is what supplement did for a 补交材料 request. The request's own
// 提交 is left to the person.
type Answer struct {
	App      string            `json:"app"`
	Request  Request           `json:"request"`
	Uploaded []string          `json:"uploaded,omitempty"` // files sent now
	Already  []string          `json:"already,omitempty"`  // files the page listed before (not sent again)
	Replaced map[string]string `json:"replaced,omitempty"` // reupload: named file → the file that replaces it
	Listed   []string          `json:"listed,omitempty"`   // what the page lists after a reload
}

// OpenSupplement clicks 补材料 in a's row and reads the request the page
// shows (for a reupload, the named files come from the page's rows).
func (s *Session) OpenSupplement(a *Application) (*Request, error) {
	if !a.has("supplement") {
		return nil, fmt.Errorf("application %s (%s) has no open 补交材料 request", a.ID, a.Status)
	}
	if err := s.rowAction(a, "supplement", SupplementPage); err != nil {
		return nil, err
	}
	return s.readRequest()
}

func (s *Session) readRequest() (*Request, error) {
	p := SupplementPage
	m := s.maps.Get(p)
	word, err := s.value(p, "kind")
	if err != nil {
		return nil, err
	}
	kv, _ := m.Value("kind")
	kind, ok := kv.Word(word)
	if !ok {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("%s: request kind %q is none of values.kind.words (%v); the portal has a new kind: add it", m.File, word, kv.Words))
	}
	q := &Request{Kind: Kind(kind)}
	if q.Text, err = s.value(p, "text"); err != nil {
		return nil, err
	}
	if q.Deadline, err = s.value(p, "deadline"); err != nil {
		return nil, err
	}
	q.DaysLeft = daysLeft(q.Deadline, s.now())
	if q.Kind == Reupload {
		if q.Files, err = s.namedFiles(); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// reuploadRow is one row of a re-upload request (js/reupload_rows.js).
type reuploadRow struct {
	File     string `json:"file"`     // the file it replaces
	State    string `json:"state"`    // values.reupload_state's text
	Category string `json:"category"` // 材料类别: the slot label
}

// reuploadRows reads the rows of a re-upload request.
func (s *Session) reuploadRows() ([]reuploadRow, error) {
	m := s.maps.Get(SupplementPage)
	slot, ok := m.Value("reupload_slot")
	if !ok {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no values.reupload_slot", m.File))
	}
	state, _ := m.Value("reupload_state")
	cat, _ := m.Value("reupload_category")
	return page.CallFunc[[]reuploadRow](s.tab, "", reuploadRowsFunc, map[string]string{"slot": slot.CSS, "state": state.CSS, "category": cat.CSS})
}

// namedFiles lists the files a reupload request names.
func (s *Session) namedFiles() ([]string, error) {
	rows, err := s.reuploadRows()
	var out []string
	for _, r := range rows {
		out = append(out, r.File)
	}
	return out, err
}

// reuploadState is the state text of the row of a named file.
func (s *Session) reuploadState(name string) (string, error) {
	rows, err := s.reuploadRows()
	for _, r := range rows {
		if r.File == name {
			return r.State, err
		}
	}
	return "", err
}

// MatchReupload pairs the files given with the files a reupload request
// names: a file with the same name replaces it; the rest pair in order when
// as many remain on both sides. Anything left over is an error naming what
// is asked.
func MatchReupload(named, files []string) (map[string]string, error) {
	out := map[string]string{}
	var restNamed, restFiles []string
	for _, n := range named {
		i := slices.IndexFunc(files, func(f string) bool { return filepath.Base(f) == n })
		if i >= 0 {
			out[n] = files[i]
		} else {
			restNamed = append(restNamed, n)
		}
	}
	for _, f := range files {
		if !slices.Contains(named, filepath.Base(f)) {
			restFiles = append(restFiles, f)
		}
	}
	if len(restNamed) != len(restFiles) {
		return nil, exitcode.Errorf(exitcode.BadInput,
			"the request asks to re-upload %s; give one file for each (%d given, %d still unmatched): a file named like the one it replaces, or exactly as many files as remain, in the same order",
			strings.Join(named, ", "), len(files), len(restNamed))
	}
	for i, n := range restNamed {
		out[n] = restFiles[i]
	}
	return out, nil
}

// AnswerSupplement uploads what the request on the page asks for: for add,
// every file not yet listed (the files on record stay); for reupload,
// replace[name] in place of each named file (no other file is touched). It
// reloads the page and reads the list back. It never clicks 提交.
func (s *Session) AnswerSupplement(a *Application, q *Request, files []string, replace map[string]string) (*Answer, error) {
	ans := &Answer{App: a.ID, Request: *q}
	switch q.Kind {
	case Offline, Notice:
		if len(files) > 0 {
			return ans, exitcode.Errorf(exitcode.BadInput, "this request (%s) takes no upload: %s", q.Kind, q.Text)
		}
		return ans, nil
	case Add:
		return ans, s.answerAdd(ans, files)
	case Reupload:
		return ans, s.answerReupload(ans, replace)
	}
	return ans, fmt.Errorf("unknown request kind %q", q.Kind)
}

func (s *Session) answerAdd(ans *Answer, files []string) error {
	if len(files) == 0 {
		return exitcode.Errorf(exitcode.BadInput, "the request asks for more files (%s): give them", ans.Request.Text)
	}
	c, err := s.find(SupplementPage, "supplement.files")
	if err != nil {
		return err
	}
	before, err := s.listed(c)
	if err != nil {
		return err
	}
	for _, f := range files {
		name := filepath.Base(f)
		if slices.Contains(before.List, name) {
			ans.Already = append(ans.Already, name)
			continue
		}
		if err := s.uploadTo(SupplementPage, c, f); err != nil {
			return err
		}
		ans.Uploaded = append(ans.Uploaded, name)
	}
	if err := s.reload(SupplementPage); err != nil {
		return err
	}
	if c, err = s.find(SupplementPage, "supplement.files"); err != nil {
		return err
	}
	after, err := s.listed(c)
	if err != nil {
		return err
	}
	ans.Listed = after.List
	var missing []string
	for _, f := range append(slices.Clone(before.List), baseNames(files)...) {
		if !slices.Contains(after.List, f) {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("after a reload the page lists %v; missing %v", after.List, missing)
	}
	return nil
}

func (s *Session) answerReupload(ans *Answer, replace map[string]string) error {
	m := s.maps.Get(SupplementPage)
	done, _ := m.Value("reupload_state")
	slot, _ := m.Value("reupload_slot")
	doneWord := done.Words["done"]
	ans.Replaced = map[string]string{}
	for _, n := range ans.Request.Files {
		path, ok := replace[n]
		if !ok {
			return exitcode.Errorf(exitcode.BadInput, "no file given for %s", n)
		}
		name := filepath.Base(path)
		st, err := s.reuploadState(n)
		if err != nil {
			return err
		}
		if strings.HasPrefix(st, doneWord) && strings.Contains(st, name) {
			ans.Already = append(ans.Already, name)
			ans.Replaced[n] = name
			continue
		}
		seq := s.seq()
		_, el, err := page.LocateFunc[struct{}](s.tab, "", reuploadSlotFunc, slot.CSS, n)
		if err == nil && el == "" {
			err = exitcode.With(exitcode.Drift, fmt.Errorf("%s: no %s for %s", m.File, slot.CSS, n))
		}
		if err == nil {
			err = s.setFiles(SupplementPage, el, "重新上传", path)
		}
		if err != nil {
			return fmt.Errorf("补交材料: cannot hand %s to the upload of %s: %w", name, n, err)
		}
		var refused string
		if err := waitFor(s, "re-upload of "+n, func() (bool, error) {
			st, err := s.reuploadState(n)
			if err != nil {
				return false, err
			}
			refused = s.errorSince(seq)
			return (strings.HasPrefix(st, doneWord) && strings.Contains(st, name)) || refused != "", nil
		}); err != nil {
			return err
		}
		if refused != "" {
			return exitcode.Errorf(exitcode.BadInput, "补交材料: the portal refused %s for %s: %s", name, n, refused)
		}
		ans.Uploaded = append(ans.Uploaded, name)
		ans.Replaced[n] = name
	}
	if err := s.reload(SupplementPage); err != nil {
		return err
	}
	var bad []string
	for n, name := range ans.Replaced {
		st, err := s.reuploadState(n)
		if err != nil {
			return err
		}
		ans.Listed = append(ans.Listed, st)
		if !strings.HasPrefix(st, doneWord) || !strings.Contains(st, name) {
			bad = append(bad, fmt.Sprintf("%s shows %q", n, st))
		}
	}
	if len(bad) > 0 {
		return errors.New("after a reload: " + strings.Join(bad, "; "))
	}
	return nil
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// NamedSlots returns the 材料类别 (the slot label) of each file a reupload
// request names, from its row.
func (s *Session) NamedSlots(named []string) (map[string]string, error) {
	m := s.maps.Get(SupplementPage)
	if _, ok := m.Value("reupload_category"); !ok {
		return nil, exitcode.With(exitcode.Drift, fmt.Errorf("%s: no values.reupload_category", m.File))
	}
	rows, err := s.reuploadRows()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, n := range named {
		out[n] = ""
		for _, r := range rows {
			if r.File == n {
				out[n] = r.Category
			}
		}
	}
	return out, nil
}
