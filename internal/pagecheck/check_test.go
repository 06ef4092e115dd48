package pagecheck

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cscse-tools/autofill/internal/browser/browsertest"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/recordings"
	"github.com/cscse-tools/autofill/selectors"
)

func loadMaps(t *testing.T) *pagemap.Set {
	t.Helper()
	maps, err := pagemap.Load(selectors.FS, "selectors")
	if err != nil {
		t.Fatal(err)
	}
	return maps
}

func tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(browsertest.Tab(t), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func TestCommittedRecordingsFitTheMaps(t *testing.T) {
	ctx := tab(t)
	start := time.Now()
	rep, err := Check(ctx, loadMaps(t), recordings.FS, "recordings")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("checked %d pages in %s", len(rep.Pages), time.Since(start).Round(time.Millisecond))
	if want := len(pagemap.FlowOrder) + len(pagemap.AfterPages); len(rep.Pages) != want {
		t.Errorf("%d pages, want %d", len(rep.Pages), want)
	}
	for _, p := range rep.Pages {
		for _, q := range p.Problems {
			t.Errorf("%s", q)
		}
		for _, n := range p.Notes {
			if afterNote(p.Page, n) {
				continue
			}
			if strings.Contains(n, "shown only on some forms of the portal") || strings.Contains(n, "shown only when the person must act") {
				continue // a control of another variant of the portal (portalsim.Variant), not of these classic recordings
			}
			t.Errorf("%s: every control of the simulator should be recorded and checked, but: %s", p.Page, n)
		}
		if p.Recording == "" || p.Selectors == 0 {
			t.Errorf("%s: nothing checked", p.Page)
		}
	}
	want := map[string]int{"login": 4, "verify": 1, "basic-info": 13, "apply-type": 1, "degree": 18, "study-history": 7, "materials": 8}
	for _, p := range rep.Pages {
		if n, ok := want[p.Page]; ok && p.Fields != n {
			t.Errorf("%s: %d fields checked, want %d", p.Page, p.Fields, n)
		}
	}
	if err := rep.Err(); err != nil {
		t.Errorf("clean report: Err() = %v", err)
	}
}

// copyFS copies the committed recordings into memory with edits applied to
// some files (old → new, each of which must occur).
func copyFS(t *testing.T, edits map[string][][2]string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(recordings.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(recordings.FS, p)
		if err != nil {
			return err
		}
		s := string(b)
		for _, e := range edits[p] {
			if !strings.Contains(s, e[0]) {
				t.Fatalf("%s has no %q to change", p, e[0])
			}
			s = strings.Replace(s, e[0], e[1], 1)
		}
		out[p] = &fstest.MapFile{Data: []byte(s)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDriftIsNamedWithProposals(t *testing.T) {
	ctx := tab(t)
	recs := copyFS(t, map[string][][2]string{
		"degree.html": {
			{">学位外文名称<", ">学位名称<"},                  // a renamed label
			{"fi-major-foreign", "fi-major-x"},      // a renamed class
			{"<span>硕士</span>", "<span>研究生</span>"}, // a mapped option gone
		},
		"apply-type.html": {{"<span>下一步</span>", "<span>继续</span>"}}, // a button's text
		"payment.html":    {{"btn-pay-alipay", "btn-pay-ali"}},       // a never_click target gone
		"basic-info.html": {{"page page-basic-info", "page page-basic-info page-degree"}, {">基本信息</h2>", ">基本信息（申请信息）</h2>"}},
	})
	rep, err := Check(ctx, loadMaps(t), recs, "copy")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range rep.Pages {
		for _, q := range p.Problems {
			all = append(all, q.String())
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`selectors/degree.yaml:23: field degree.degree_name (学位外文名称): the form item of selector ".fi-degree-name input" is labelled "学位名称" in copy/degree.html, not "学位外文名称"; if the portal renamed the field, set label: 学位名称`,
		`proposed selector: .el-form-item:has(> label[for="degree_name"]) input`,
		`selectors/degree.yaml:30: field degree.major_foreign (学习专业（外文）): selector ".fi-major-foreign input" matches nothing in copy/degree.html; the form item labelled "学习专业（外文）" is still there`,
		`proposed selector: .el-form-item:has(> label[for="major_foreign"]) input`,
		`field degree.level (学位层次): option(s) "硕士" not offered in copy/degree.html; it offers "学士", "研究生", "博士", "其他"`,
		`selectors/apply-type.yaml:15: action next (下一步): selector ".btn-next" finds button.el-button.btn-next.el-button--primary "继续"; the map says its text is "下一步"`,
		`selectors/payment.yaml:8: never_click: selector ".btn-pay-alipay" matches nothing in copy/payment.html`,
		`selectors/degree.yaml:6: detect: the detect rule also matches the recording of page basic-info (copy/basic-info.html); make it specific to degree`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if len(all) != 6 {
		t.Errorf("%d problems, want 6:\n%s", len(all), text)
	}
	var ec *exitcode.Error
	if err := rep.Err(); !errors.As(err, &ec) || ec.Code != exitcode.Drift {
		t.Errorf("Err() = %v, want exit code %d", err, exitcode.Drift)
	}
}

// afterNote tells the notes that one recording per page cannot avoid: a
// page after 提交 shows one state at a time (a re-upload request hides the
// add upload, 认证完成 has no request), and the recorded 我的申请 has only
// the demo draft, without the row actions of later states.
func afterNote(page, note string) bool {
	if slices.Contains(pagemap.AfterPages, page) {
		return true
	}
	for _, a := range []string{"list view ", "list supplement ", "list review "} {
		if strings.HasPrefix(note, a) {
			return true
		}
	}
	return false
}
