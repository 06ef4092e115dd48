package profile

import _ "embed"

//go:embed template.yaml
var template []byte

// Template returns a commented profile covering every field, with Chinese
// and English notes. It loads as it is; Validate then lists what to fill in.
func Template() []byte { return append([]byte(nil), template...) }
