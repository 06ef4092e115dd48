// Package refdata holds the public reference data autofill needs: the
// country names the portal shows, mainland regions, and the national
// discipline and major catalogues. The files under data/ are copies of
// ../shared/data with their licence notes (see data/README.md).
package refdata

import (
	"embed"
	"encoding/json"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.json
var files embed.FS

func mustLoad(name string, v any) {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen in a built binary
	}
	if err := json.Unmarshal(b, v); err != nil {
		panic("refdata: " + name + ": " + err.Error())
	}
}

// Country is one entry of the portal's country list.
type Country struct {
	Alpha2, Alpha3 string
	Name           string // as the portal shows it: 英国, 中国香港
}

// The portal's spelling differs from CLDR for these (docs/portal.md, data/README.md).
var portalSpelling = map[string]string{"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"}

// English names and common short forms for the countries applicants come back
// from most often; ISO codes and Chinese names cover the rest.
var englishAliases = map[string]string{
	"CN": "china|prc|people's republic of china|mainland china",
	"GB": "uk|united kingdom|great britain|britain|england|scotland|wales|northern ireland",
	"US": "usa|united states|united states of america|america",
	"AU": "australia", "CA": "canada", "JP": "japan", "KR": "korea|south korea|republic of korea",
	"DE": "germany", "FR": "france", "HK": "hong kong|hong kong sar|香港", "MO": "macao|macau|澳门",
	"TW": "taiwan|中国台湾省|台湾", "SG": "singapore", "NZ": "new zealand", "RU": "russia|russian federation",
	"MY": "malaysia", "NL": "netherlands|holland|the netherlands", "IE": "ireland", "IT": "italy",
	"ES": "spain", "CH": "switzerland", "SE": "sweden", "DK": "denmark", "FI": "finland", "NO": "norway",
	"BE": "belgium", "AT": "austria", "PT": "portugal", "TH": "thailand", "PH": "philippines",
	"UA": "ukraine", "BY": "belarus", "PL": "poland", "CZ": "czech republic|czechia", "HU": "hungary",
	"IN": "india", "PK": "pakistan", "AE": "uae|united arab emirates", "IL": "israel", "TR": "turkey|türkiye",
	"BR": "brazil", "MX": "mexico", "AR": "argentina", "ZA": "south africa", "EG": "egypt",
	"VN": "vietnam|viet nam", "ID": "indonesia", "MN": "mongolia", "KZ": "kazakhstan",
}

var countries = sync.OnceValues(func() ([]Country, map[string]Country) {
	var zh struct {
		Countries map[string]string `json:"countries"`
	}
	var codes [][]string
	mustLoad("countries-zh.json", &zh)
	mustLoad("countries-codes.json", &codes)
	alpha3 := map[string]string{}
	for _, c := range codes {
		alpha3[c[0]] = c[1]
	}
	var list []Country
	index := map[string]Country{}
	for a2, name := range zh.Countries {
		c := Country{Alpha2: a2, Alpha3: alpha3[a2], Name: name}
		if p, ok := portalSpelling[a2]; ok {
			c.Name = p
		}
		list = append(list, c)
		for _, k := range []string{c.Name, name, a2, c.Alpha3} {
			if k != "" {
				index[key(k)] = c
			}
		}
		for _, alias := range strings.Split(englishAliases[a2], "|") {
			if alias != "" {
				index[key(alias)] = c
			}
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Alpha2 < list[j].Alpha2 })
	return list, index
})

func key(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Countries returns every country and region, ordered by ISO code.
func Countries() []Country {
	list, _ := countries()
	return list
}

// LookupCountry accepts a portal name, a CLDR Chinese name, an ISO code or a
// common English name (case and spacing ignored) and returns the country.
func LookupCountry(s string) (Country, bool) {
	_, index := countries()
	c, ok := index[key(s)]
	return c, ok
}

// Region is one level of the mainland administrative divisions.
type Region struct {
	Code     string   `json:"c"`
	Name     string   `json:"n"`
	Children []Region `json:"d"`
}

var regions = sync.OnceValue(func() []Region {
	var r []Region
	mustLoad("regions-cn.json", &r)
	return r
})

// Regions returns the provinces with their cities and districts.
// Municipalities (北京市 …) list districts directly under the province.
func Regions() []Region { return regions() }

// RegionPath checks a path such as [广东省, 深圳市, 南山区]. It returns the
// number of leading names that exist; a full match returns len(path).
func RegionPath(path []string) int {
	level := regions()
	for i, name := range path {
		found := false
		for _, r := range level {
			if r.Name == name {
				level, found = r.Children, true
				break
			}
		}
		if !found {
			return i
		}
	}
	return len(path)
}

// RegionChildren returns the names one level below path (the provinces for an
// empty path), for "did you mean" hints.
func RegionChildren(path []string) []string {
	level := regions()
	for _, name := range path {
		var next []Region
		for _, r := range level {
			if r.Name == name {
				next = r.Children
			}
		}
		level = next
	}
	names := make([]string, len(level))
	for i, r := range level {
		names[i] = r.Name
	}
	return names
}

// Discipline is one of the 14 学科门类 of the 2022 graduate catalogue.
type Discipline struct {
	Code, Name string
}

type gradCatalogue struct {
	Categories []struct {
		Code  string `json:"code"`
		Name  string `json:"name"`
		Items []struct {
			Name string `json:"name"`
		} `json:"items"`
	} `json:"categories"`
}

type ugCatalogue struct {
	Majors []struct {
		Name string `json:"name"`
		Disc string `json:"disc"`
	} `json:"majors"`
}

var catalogues = sync.OnceValues(func() ([]Discipline, map[string][]string) {
	var g gradCatalogue
	var u ugCatalogue
	mustLoad("graduate-disciplines-2022.json", &g)
	mustLoad("undergraduate-majors-2024.json", &u)
	var ds []Discipline
	majors := map[string][]string{}
	add := func(major, disc string) {
		for _, d := range majors[major] {
			if d == disc {
				return
			}
		}
		majors[major] = append(majors[major], disc)
	}
	for _, c := range g.Categories {
		ds = append(ds, Discipline{Code: c.Code, Name: c.Name})
		for _, it := range c.Items {
			add(it.Name, c.Name)
		}
	}
	for _, m := range u.Majors {
		add(m.Name, m.Disc)
	}
	return ds, majors
})

// Disciplines returns the 14 学科门类 in catalogue order.
func Disciplines() []Discipline {
	ds, _ := catalogues()
	return ds
}

// IsDiscipline reports whether name is one of the 14 学科门类.
func IsDiscipline(name string) bool {
	for _, d := range Disciplines() {
		if d.Name == name {
			return true
		}
	}
	return false
}

// MajorDisciplines returns the 学科门类 under which a Chinese major name
// appears in the national catalogues (undergraduate 专业 or graduate 一级学科),
// or nil when the name is in neither.
func MajorDisciplines(major string) []string {
	_, m := catalogues()
	return m[strings.TrimSpace(major)]
}
