package main

import (
	"github.com/spf13/pflag"

	"github.com/cscse-tools/autofill/internal/dryrun"
)

// variantFlag is --variant: which form of the portal the simulator shows.
// The CLI's default is the most likely live portal (dryrun.DefaultPreset);
// the library's zero value is the classic reconstruction.
func variantFlag(fs *pflag.FlagSet, p *string, what string) {
	fs.StringVar(p, "variant", dryrun.DefaultPreset, what+": a preset ("+joinNames(dryrun.PresetNames())+
		") and/or knobs, comma-separated, -knob to turn one off; see `autofill sim --help`")
}

// parseVariant reads --variant, as a flag error naming every unknown name.
func parseVariant(spec string) (dryrun.Variant, error) {
	v, err := dryrun.ParseVariant(spec)
	if err != nil {
		return v, &flagError{err}
	}
	return v, nil
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
