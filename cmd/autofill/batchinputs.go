package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// reportBatchInputs lists, before a batch starts, what an operator must not
// miss: material files outside a profile's folder (maybe another client's)
// and AUTOFILL_<KEY> variables, which a batch never applies.
func reportBatchInputs(ios *iostreams.IOStreams, inputs []batch.Input) {
	ignored := map[string]bool{}
	for _, in := range inputs {
		if in.Profile == nil {
			continue
		}
		for _, v := range in.Profile.EnvIgnored() {
			ignored[v] = true
		}
		for _, d := range in.Profile.Degrees {
			for _, f := range in.Profile.OutsideMaterials(d.ID) {
				fmt.Fprintf(ios.ErrOut, "%s: degree %s: %s is outside the profile's folder — is it this applicant's file?\n",
					in.File, d.ID, iostreams.Escape(f))
			}
		}
	}
	if len(ignored) > 0 {
		vars := make([]string, 0, len(ignored))
		for v := range ignored {
			vars = append(vars, "$"+v)
		}
		sort.Strings(vars)
		fmt.Fprintf(ios.ErrOut, "note: %s set but ignored: a batch takes every value from the profile files\n", strings.Join(vars, ", "))
	}
}
