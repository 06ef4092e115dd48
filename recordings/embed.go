// Package recordings embeds the recorded portal pages: one scrubbed,
// script-free HTML file per page id, the stylesheets they use (styles/) and
// manifest.yaml. `autofill check` tests the page maps against them; `autofill
// record --sim --out recordings` makes them again from the simulator.
package recordings

import "embed"

// FS holds the recordings.
//
//go:embed manifest.yaml *.html styles/*.css
var FS embed.FS
