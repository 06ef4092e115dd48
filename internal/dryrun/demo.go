package dryrun

import "github.com/cscse-tools/autofill/internal/portalsim"

// The simulator's demo account and its application, whose pages `autofill
// record --sim` records (capture.Sim). Only the dry-run knows the simulator.
var DemoAccount = portalsim.DemoAccount

// DemoAppID is the demo account's application.
const DemoAppID = portalsim.DemoAppID

// BestPreset names the simulator preset that agrees with most of the
// observed variant knobs (knob → on in the person's portal, e.g.
// "no_address" → true); probe's bundle uses it to tell the maintainers
// which form of the portal a person has.
func BestPreset(knobs map[string]bool) string {
	best, bestScore := "", -1
	for _, name := range portalsim.PresetNames() {
		v := portalsim.Presets[name]
		score := 0
		for knob, on := range knobs {
			with, _ := portalsim.ParseVariant(name + "," + knob)
			if (with == v) == on { // the preset has the knob already
				score++
			}
		}
		if score > bestScore {
			best, bestScore = name, score
		}
	}
	return best
}
