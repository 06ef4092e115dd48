package dryrun

import "github.com/cscse-tools/autofill/internal/portalsim"

// The simulator as the commands see it (`autofill sim`, --variant,
// --dry-run, record --sim): the dry-run is the one package above the
// simulator that names it, so these are its words for the simulator's.
type (
	// Variant is a form of the portal the simulator shows.
	Variant = portalsim.Variant
	// SimOptions configure a simulator server.
	SimOptions = portalsim.Options
	// Server is a running simulator.
	Server = portalsim.Server
)

const (
	// DefaultPreset is the variant `autofill sim`, --dry-run and make demo show.
	DefaultPreset = portalsim.DefaultPreset
	// EnvAssets names the variable that points at another copy of Vue and Element UI.
	EnvAssets = portalsim.EnvAssets
)

// ParseVariant reads a --variant value: a preset, then knobs to turn on.
func ParseVariant(spec string) (Variant, error) { return portalsim.ParseVariant(spec) }

// PresetNames lists the presets, for help texts.
func PresetNames() []string { return portalsim.PresetNames() }

// KnobHelp describes every knob, for `autofill sim --help`.
func KnobHelp() string { return portalsim.KnobHelp() }

// NewServer makes a simulator server that `autofill sim` serves itself.
func NewServer(o SimOptions) (*Server, error) { return portalsim.New(o) }
