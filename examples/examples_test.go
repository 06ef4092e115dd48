// Tests that the fictional applicant stays valid and its generated
// materials stay in step with their generator.
package examples

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/examples/samples"
	"github.com/cscse-tools/autofill/internal/profile"
)

// Every example validates without errors. The only warnings allowed are the
// checkout's file mode (git's, not the user's) and, in passport.yaml, the
// visa-free bachelor's empty visa slot, which is there on purpose.
func TestExamplesValidate(t *testing.T) {
	allowed := map[string]string{"me.yaml": "", "passport.yaml": "degrees[0].materials.visa", "hk-permit.yaml": "", "no-records.yaml": ""}
	for file, warn := range allowed {
		_, list := profile.CheckAt(file, time.Now())
		for _, p := range list {
			if p.Severity == profile.Error || (p.Path != "" && p.Path != warn) {
				t.Errorf("%s: %s (%s)", file, p, p.Hint)
			}
		}
	}
}

func TestMeIsFictional(t *testing.T) {
	p, err := profile.Load("me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := p.Applicant
	if a.Phone != "13800138000" || filepath.Ext(a.Email) != ".com" || !regexp.MustCompile(`@example\.com$`).MatchString(a.Email) {
		t.Errorf("phone %s, e-mail %s: use the placeholder number and example.com", a.Phone, a.Email)
	}
	d, err := p.Degree("msc")
	if err != nil || d.AwardingInstitution != "The University of Edinburgh" || d.DegreeName != "Master of Science" {
		t.Errorf("the degree must stay docs/profile.md's sample: %+v, %v", d, err)
	}
}

func TestMaterialsAreUpToDate(t *testing.T) {
	for name, want := range samples.Files() {
		got, err := os.ReadFile(filepath.Join("materials", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("materials/%s differs from what examples/gen writes: run go generate ./examples/...", name)
		}
	}
}

func TestSampleJPEGs(t *testing.T) {
	for name, b := range samples.Files() {
		if filepath.Ext(name) != ".jpg" {
			continue
		}
		if _, err := jpeg.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(b) >= 1<<20 {
			t.Errorf("%s: %d bytes, the portal takes at most 1 MB", name, len(b))
		}
	}
}

// The PDFs are written by hand; check the structure strict readers rely on:
// every xref entry points at its object, startxref at the table.
func TestSamplePDFStructure(t *testing.T) {
	for name, b := range samples.Files() {
		if filepath.Ext(name) != ".pdf" {
			continue
		}
		m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no startxref at the end", name)
		}
		xref, _ := strconv.Atoi(string(m[1]))
		if !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
			t.Fatalf("%s: startxref %d does not point at the table", name, xref)
		}
		entries := regexp.MustCompile(`(\d{10}) 00000 n\r\n`).FindAllSubmatch(b[xref:], -1)
		if len(entries) == 0 {
			t.Fatalf("%s: empty xref table", name)
		}
		for i, e := range entries {
			off, _ := strconv.Atoi(string(e[1]))
			if want := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
				t.Errorf("%s: xref entry %d points at %q", name, i+1, b[off:off+10])
			}
		}
		stream := regexp.MustCompile(`/Length (\d+) >>\nstream\n`).FindSubmatchIndex(b)
		n, _ := strconv.Atoi(string(b[stream[2]:stream[3]]))
		if !bytes.HasPrefix(b[stream[1]+n:], []byte("endstream")) {
			t.Errorf("%s: stream /Length is wrong", name)
		}
	}
}
