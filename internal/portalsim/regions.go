package portalsim

import (
	"encoding/json"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// cascadeNode is a region as el-cascader reads it: n is the value and the
// label, d the children (absent on a leaf, so the leaf ends the path).
type cascadeNode struct {
	N string        `json:"n"`
	D []cascadeNode `json:"d,omitempty"`
}

func toCascade(rs []refdata.Region) []cascadeNode {
	out := make([]cascadeNode, 0, len(rs))
	for _, r := range rs {
		out = append(out, cascadeNode{N: r.Name, D: toCascade(r.Children)})
	}
	for i := range out {
		if len(out[i].D) == 0 {
			out[i].D = nil
		}
	}
	return out
}

// regionsJS is a script that sets window.SIM_REGIONS, loaded before the
// basic-info page so the cascader has its options from the first click.
func regionsJS() ([]byte, error) {
	b, err := json.Marshal(toCascade(refdata.Regions()))
	if err != nil {
		return nil, err
	}
	return append(append([]byte("window.SIM_REGIONS="), b...), ';', '\n'), nil
}
