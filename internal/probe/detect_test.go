package probe

import (
	"testing"

	"github.com/cscse-tools/autofill/internal/pagecheck"
	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portal"
)

// A detect proposal follows the check's typed finding, not its words.
func TestDetectProposalOnlyForAnUnrecognisedPage(t *testing.T) {
	m := &pagemap.Map{Page: "degree", Detect: pagemap.Detect{CSS: ".page-degree", Text: "申请信息"}}
	visits := []Visit{{Page: "degree", Seen: portal.Seen{Headings: []string{"学位信息"}}}}
	for _, c := range []struct {
		name string
		q    pagecheck.Problem
		want bool
	}{
		{"unrecognised", pagecheck.Problem{Page: "degree", What: "detect", Unrecognised: true, Message: "reworded"}, true},
		{"matches another page", pagecheck.Problem{Page: "degree", What: "detect", Message: "does not recognise its own page"}, false},
	} {
		p, ok := detectProposal(m, c.q, visits)
		if ok != c.want || (ok && p.New != "学位信息") {
			t.Errorf("%s: proposal %+v, %v", c.name, p, ok)
		}
	}
}
