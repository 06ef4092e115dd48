package main

import (
	"strings"
	"testing"

	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/profile"
)

// A variable left in the shell never changes a profile unless asked for;
// asked for, each one used is said, masked.
func TestEnvOverridesOnlyWhenAsked(t *testing.T) {
	t.Setenv("AUTOFILL_APPLICANT_PHONE", "13900139000")
	ios, _, _, _ := iostreams.Test()
	p, err := loadChecked(ios, exampleProfile)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(envNotes(p), "\n")
	if p.Applicant.Phone == "13900139000" || !strings.Contains(notes, "$AUTOFILL_APPLICANT_PHONE is set but ignored") {
		t.Errorf("without --env-overrides: phone %q, notes %q", p.Applicant.Phone, notes)
	}
	p, err = loadChecked(ios, exampleProfile, profile.EnvOverrides())
	if err != nil {
		t.Fatal(err)
	}
	notes = strings.Join(envNotes(p), "\n")
	if p.Applicant.Phone != "13900139000" || !strings.Contains(notes, "applicant.phone is taken from $AUTOFILL_APPLICANT_PHONE") {
		t.Errorf("with --env-overrides: phone %q, notes %q", p.Applicant.Phone, notes)
	}
	if strings.Contains(notes, "13900139000") {
		t.Errorf("the note shows the phone unmasked: %s", notes)
	}
	if _, _, errOut := runCLI(t, "validate", exampleProfile); !strings.Contains(errOut, "$AUTOFILL_APPLICANT_PHONE is set but not applied") {
		t.Errorf("validate does not say the variable was not checked:\n%s", errOut)
	}
}
