package main

import (
	"github.com/spf13/pflag"

	"github.com/cscse-tools/autofill/internal/portalsim"
)

// variantFlag is --variant: which form of the portal the simulator shows.
// The CLI's default is the most likely live portal (portalsim.DefaultPreset);
// the library's zero value is the classic reconstruction.
func variantFlag(fs *pflag.FlagSet, p *string, what string) {
	fs.StringVar(p, "variant", portalsim.DefaultPreset, what+": a preset ("+joinNames(portalsim.PresetNames())+
		") and/or knobs, comma-separated, -knob to turn one off; see `autofill sim --help`")
}

// parseVariant reads --variant, as a flag error naming every unknown name.
func parseVariant(spec string) (portalsim.Variant, error) {
	v, err := portalsim.ParseVariant(spec)
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
