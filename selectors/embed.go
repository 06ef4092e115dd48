// Package selectors embeds the page maps (*.yaml): one file per portal page,
// mapping profile keys to controls. `autofill check` tests them against the
// recordings; `--selectors DIR` replaces them without a rebuild.
package selectors

import "embed"

// FS holds the page maps.
//
//go:embed *.yaml
var FS embed.FS
