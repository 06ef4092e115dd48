package refdata

import "sync"

// Institution is one entry of CSCSE's list of recognised foreign
// institutions (认证院校查询), as data/cscse-institutions.json holds it.
type Institution struct {
	// Foreign is the foreign-language name as CSCSE lists it; native script
	// for Japan, Korea and Cyrillic countries.
	Foreign string `json:"en"`
	// Chinese is CSCSE's Chinese name.
	Chinese string `json:"zh"`
	// Review is the 加强审查 notice CSCSE shows for the institution, if any.
	Review string `json:"review,omitempty"`
}

var institutions = sync.OnceValue(func() map[string][]Institution {
	var f struct {
		Countries map[string][]Institution `json:"countries"`
	}
	mustLoad("cscse-institutions.json", &f)
	return f.Countries
})

// Institutions returns CSCSE's list by country, keyed by the country's
// Chinese name as CSCSE spells it (英国, 日本, 中国香港 …). The map is shared:
// do not modify it.
func Institutions() map[string][]Institution { return institutions() }
