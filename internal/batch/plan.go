package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/profile"
)

// Job is one degree of one profile: one application, one run directory.
type Job struct {
	N       int              // row number from 1, stable for the same command line: the operator types "N CODE"
	Name    string           // <profile file name>-<degree id>: the run directory's name
	File    string           // the profile file as given
	Profile *profile.Profile // nil when the file could not be read
	Degree  *profile.Degree  // nil when the profile has no usable degree
	RunDir  string           // empty when the job cannot run

	Invalid  string // the profile has errors (or no degrees): why, in one line
	Conflict string // another profile's job has the same run directory
}

// Runnable reports whether the job can run.
func (j *Job) Runnable() bool { return j.Invalid == "" && j.Conflict == "" }

// Input is one profile file and what validation found in it.
type Input struct {
	File     string
	Profile  *profile.Profile // nil when the file could not be read
	Problems []profile.Problem
}

// Errors counts the problems that stop a run.
func (in Input) Errors() int {
	n := 0
	for _, q := range in.Problems {
		if q.Severity == profile.Error {
			n++
		}
	}
	return n
}

// Plan loads and validates every profile and makes one job per degree, in
// the order given, under dir. A profile with errors still gives its jobs
// (marked Invalid), so the summary lists every application the agency
// expects; the inputs carry the problems for printing.
func Plan(files []string, dir string, now time.Time) ([]*Job, []Input) {
	var jobs []*Job
	var inputs []Input
	owner := map[string]string{} // run directory name → profile file
	for _, f := range files {
		p, list := profile.CheckAt(f, now)
		in := Input{File: f, Profile: p, Problems: list}
		inputs = append(inputs, in)
		base := SafeName(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
		invalid := ""
		if n := in.Errors(); n > 0 || p == nil {
			invalid = fmt.Sprintf("invalid profile: %d %s (autofill validate %s)", n, plural(n, "error"), f)
		}
		var degrees []*profile.Degree
		if p != nil {
			for i := range p.Degrees {
				degrees = append(degrees, &p.Degrees[i])
			}
		}
		if len(degrees) == 0 {
			degrees = []*profile.Degree{nil}
		}
		for i, d := range degrees {
			j := &Job{N: len(jobs) + 1, File: f, Profile: p, Degree: d, Invalid: invalid}
			id := ""
			if d != nil {
				id = d.ID
			}
			if id == "" {
				id = fmt.Sprintf("degree%d", i+1)
			}
			j.Name = base + "-" + SafeName(id)
			if j.Invalid == "" && d == nil {
				j.Invalid = "invalid profile: no degrees"
			}
			if prev, taken := owner[j.Name]; taken && j.Invalid == "" {
				j.Conflict = fmt.Sprintf("its run directory %s is %s's already: rename one of the two files", j.Name, prev)
			}
			if j.Runnable() {
				owner[j.Name] = f
				j.RunDir = filepath.Join(dir, j.Name)
			}
			jobs = append(jobs, j)
		}
	}
	return jobs, inputs
}

// DegreeID is the degree's id, or "-" when there is none.
func (j *Job) DegreeID() string {
	if j.Degree == nil || j.Degree.ID == "" {
		return "-"
	}
	return j.Degree.ID
}

// Applicant is how tables and summaries name the applicant: the name and
// the ID number, masked (1101**********0012); the file name when the
// profile could not be read.
func (j *Job) Applicant() string {
	if j.Profile == nil {
		return "(" + filepath.Base(j.File) + ")"
	}
	a := j.Profile.Applicant
	s := strings.TrimSpace(a.Name + " " + a.IDNumber)
	if s == "" {
		s = "(" + filepath.Base(j.File) + ")"
	}
	return profile.NewRedactor(j.Profile).String(s)
}

// username is the portal login the job uses (Profile.Login).
func (j *Job) username() string {
	if j.Profile == nil {
		return ""
	}
	return j.Profile.Login()
}

// fingerprint identifies the applicant (and, with a degree, the job) in
// files kept between runs, so a run directory reused for another person —
// next season's applicant-01.yaml — is never taken for theirs.
func (j *Job) fingerprint(withDegree bool) string {
	parts := []string{j.username(), ""}
	if j.Profile != nil {
		parts[1] = j.Profile.Applicant.Name // not the ID number: a hash of one can be reversed by trying them all
	}
	if withDegree {
		parts = append(parts, j.DegreeID())
	}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// valuesPrint fingerprints what the job fills: the profile's values and its
// material files (size and time), phone and ID number left out (a hash of
// them could be reversed; the engine checks the identity anyway).
func (j *Job) valuesPrint() string {
	if j.Profile == nil {
		return ""
	}
	p := *j.Profile
	p.Applicant.Phone, p.Applicant.IDNumber = "", ""
	var files []string
	if d, err := p.Degree(j.DegreeID()); err == nil {
		for _, slot := range []string{"photo", "passport", "visa", "diploma", "authorization", "transcript", "other"} {
			for _, f := range d.Materials.Files(slot) {
				if st, err := os.Stat(f); err == nil {
					files = append(files, fmt.Sprintf("%s %d %d", f, st.Size(), st.ModTime().UnixNano()))
				} else {
					files = append(files, f)
				}
			}
		}
	}
	b, err := json.Marshal(struct {
		P     profile.Profile
		D     string
		Files []string
	}{p, j.DegreeID(), files})
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

var unsafeChars = regexp.MustCompile(`[^\p{L}\p{N}._-]+`)

// SafeName makes s usable as one path element.
func SafeName(s string) string {
	s = strings.Trim(unsafeChars.ReplaceAllString(s, "_"), "._")
	if s == "" {
		return "profile"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
