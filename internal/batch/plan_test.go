package batch_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/batch/batchtest"
)

func TestPlanOneJobPerDegreeAndInvalidProfilesListed(t *testing.T) {
	dir := t.TempDir()
	apps := batchtest.Write(t, dir, "plan", 1)
	bad := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(bad, []byte("applicant:\n  name: 1\ndegreee: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	twin := filepath.Join(dir, "other")
	if err := os.Mkdir(twin, 0o700); err != nil {
		t.Fatal(err)
	}
	clash := filepath.Join(twin, filepath.Base(apps[0].File))
	b, _ := os.ReadFile(apps[0].File)
	if err := os.WriteFile(clash, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "materials"), filepath.Join(twin, "materials")); err != nil {
		t.Fatal(err)
	}
	files := []string{apps[0].File, "../../examples/passport.yaml", bad, clash}
	jobs, inputs := batch.Plan(files, "out", time.Now())
	var got []string
	for _, j := range jobs {
		got = append(got, j.Name+"|"+j.RunDir)
	}
	want := []string{
		"applicant-01-msc|out/applicant-01-msc",
		"passport-bsc|out/passport-bsc", "passport-msc|out/passport-msc",
		"broken-degree1|",
		"applicant-01-msc|",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("jobs:\n got %v\nwant %v", got, want)
	}
	for i, j := range jobs {
		if j.N != i+1 {
			t.Errorf("%s: N=%d", j.Name, j.N)
		}
	}
	if jobs[3].Invalid == "" || !strings.Contains(jobs[3].Invalid, "autofill validate "+bad) {
		t.Errorf("invalid profile: %q", jobs[3].Invalid)
	}
	if jobs[4].Conflict == "" || jobs[4].Runnable() {
		t.Errorf("a second profile with the same file name must not share the run directory: %+v", jobs[4])
	}
	if len(inputs) != 4 || inputs[2].Errors() == 0 || inputs[0].Errors() != 0 {
		t.Errorf("inputs: %+v", inputs)
	}
	if a := jobs[0].Applicant(); !strings.Contains(a, "张伟") || strings.Contains(a, "110108199805120101") || !strings.Contains(a, "**********") {
		t.Errorf("applicant must be named with the ID masked: %q", a)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"me": "me", "a b/c": "a_b_c", "..": "profile", "学生 1": "学生_1"} {
		if got := batch.SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}
