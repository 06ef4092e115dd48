package dryrun_test

import (
	"testing"

	"github.com/cscse-tools/autofill/internal/dryrun"
)

func TestBestPreset(t *testing.T) {
	cases := []struct {
		knobs map[string]bool
		want  string
	}{
		{map[string]bool{"sso": false, "no_records": false, "no_address": false, "sign_online": false}, "classic"},
		{map[string]bool{"sso": true, "old_verify": true, "no_address": false}, "older"},
		{map[string]bool{"sso": true, "no_records": true, "no_address": true, "sign_online": true}, "2026"},
		{map[string]bool{"sso": true, "no_records": true, "no_address": true, "sign_online": false, "old_verify": false}, "2025"},
	}
	for _, c := range cases {
		if got := dryrun.BestPreset(c.knobs); got != c.want {
			t.Errorf("BestPreset(%v) = %s, want %s", c.knobs, got, c.want)
		}
	}
}
