package dryrun

import (
	"fmt"

	"github.com/cscse-tools/autofill/internal/pagemap"
	"github.com/cscse-tools/autofill/internal/portalsim"
	"github.com/cscse-tools/autofill/internal/profile"
)

// applicationOf picks degree d's application from what the simulator holds
// for the applicant. A profile with several degrees has one application per
// degree on one account (a batch fills them one after another), so the
// check is: exactly one names d (颁证学校外文名称 and 学位外文名称), and
// every other one names another degree of the profile — a second draft of
// d, or one of no degree at all, is a duplicate. With a single application
// it is d's, and the field comparison judges it.
func applicationOf(st portalsim.State, p *profile.Profile, d *profile.Degree, expected portalsim.Accepted, maps *pagemap.Set) (portalsim.AppState, error) {
	if len(st.Applications) == 1 {
		return st.Applications[0], nil
	}
	const inst, name = "颁证学校外文名称", "学位外文名称"
	key := func(deg map[string]string) string { return deg[inst] + "\x00" + deg[name] }
	others := map[string]bool{}
	for i := range p.Degrees {
		if o := &p.Degrees[i]; o.ID != d.ID {
			others[key(Expected(p, o, maps).Degree)] = true
		}
	}
	want := key(expected.Degree)
	var mine []portalsim.AppState
	stray := 0
	for _, a := range st.Applications {
		switch k := key(a.Accepted.Degree); {
		case k == want:
			mine = append(mine, a)
		case !others[k]:
			stray++
		}
	}
	if len(mine) != 1 || stray > 0 {
		return portalsim.AppState{}, fmt.Errorf("the simulator holds %d applications for this applicant: %d for degree %s, %d for none of the profile's degrees; expected one per degree",
			len(st.Applications), len(mine), d.ID, stray)
	}
	return mine[0], nil
}
