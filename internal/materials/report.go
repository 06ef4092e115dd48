package materials

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Report is the state of a whole profile's materials: every file with what
// was learned about it, and problems of slots as a whole (too many files,
// a required slot left empty).
type Report struct {
	Files []FileInfo `json:"files"`
	Slots []Finding  `json:"slot_problems"`
}

// CheckAll checks every slot's files, keyed by slot key, in page order.
// Required slots left empty are reported too.
func CheckAll(files map[string][]string) Report { return CheckAllWith(Slots, files) }

// CheckAllWith is CheckAll against the given slots (SlotsFrom a copy of
// the page maps).
func CheckAllWith(slots []Slot, files map[string][]string) Report {
	r := Report{Files: []FileInfo{}, Slots: []Finding{}}
	for _, s := range slots {
		paths := files[s.Key]
		if len(paths) == 0 && s.Required {
			r.Slots = append(r.Slots, missingSlot(s))
		}
		if f, bad := checkCount(s, len(paths)); bad {
			r.Slots = append(r.Slots, f)
		}
		for i, p := range paths {
			fi := Inspect(s, p)
			fi.Index = i
			for j := range fi.Findings {
				fi.Findings[j].Index = i
			}
			r.Files = append(r.Files, fi)
		}
	}
	for _, k := range unknownKeys(files) {
		reason := fmt.Sprintf("%q is no upload slot", k)
		r.Slots = append(r.Slots, Finding{Severity: SeverityError, Slot: k, Label: k, Index: -1,
			Message: reason, Reason: reason, Hint: "use one of: " + slotKeys()})
	}
	return r
}

func missingSlot(s Slot) Finding {
	sev, reason := SeverityError, fmt.Sprintf("%s is required but no file is given", s.Label)
	hint := fmt.Sprintf("add materials.%s to the profile", s.Key)
	if s.Waivable {
		sev = SeverityWarning
		reason = fmt.Sprintf("no file for %s (%s)", s.Label, s.Note)
		hint = fmt.Sprintf("add materials.%s unless that applies to you", s.Key)
	}
	return Finding{Severity: sev, Slot: s.Key, Label: s.Label, Index: -1,
		Message: reason, Reason: reason, Hint: hint}
}

func unknownKeys(files map[string][]string) []string {
	var out []string
	for k := range files {
		if _, ok := SlotByKey(k); !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func slotKeys() string {
	keys := make([]string, len(Slots))
	for i, s := range Slots {
		keys[i] = s.Key
	}
	return strings.Join(keys, ", ")
}

// Findings lists every finding: slot problems first, then per file.
func (r Report) Findings() []Finding {
	out := slices.Clone(r.Slots)
	for _, f := range r.Files {
		out = append(out, f.Findings...)
	}
	return out
}

// Errors counts the findings that stop an upload.
func (r Report) Errors() int {
	n := 0
	for _, f := range r.Findings() {
		if f.IsError() {
			n++
		}
	}
	return n
}

// Warnings counts the findings that do not.
func (r Report) Warnings() int { return len(r.Findings()) - r.Errors() }

// OK reports whether every file may be uploaded as it is.
func (r Report) OK() bool { return r.Errors() == 0 }

// VerifyError names every file that would fail its upload.
type VerifyError struct {
	Findings []Finding // errors only
}

func (e *VerifyError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "materials not ready for upload, %d problem(s):", len(e.Findings))
	for _, f := range e.Findings {
		b.WriteString("\n  ")
		if f.Path != "" {
			fmt.Fprintf(&b, "%s (%s): ", filepath.Base(f.Path), f.Label)
		} else {
			fmt.Fprintf(&b, "%s: ", f.Label)
		}
		b.WriteString(f.Reason)
		if f.Hint != "" {
			b.WriteString(" — " + f.Hint)
		}
	}
	return b.String()
}

// Verify is the engine's last look before uploading: nil when every file
// fits its slot, else a *VerifyError naming each file that fails (file,
// slot label, reason, fix). Warnings do not stop an upload.
func Verify(files map[string][]string) error {
	var errs []Finding
	for _, f := range CheckAll(files).Findings() {
		if f.IsError() {
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &VerifyError{Findings: errs}
}
