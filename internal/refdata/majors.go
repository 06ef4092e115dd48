package refdata

import "sync"

// Catalogue names one of the two national catalogues CSCSE files a degree's
// 专业领域 by.
type Catalogue string

const (
	Undergraduate Catalogue = "本科专业目录（2024年）"
	Graduate      Catalogue = "研究生教育学科专业目录（2022年）"
)

// Major is one 专业 of the undergraduate catalogue or one 一级学科 or
// 专业学位类别 of the graduate catalogue.
type Major struct {
	Code       string // 080717T, 0812
	Name       string // 人工智能
	Discipline string // its 学科门类: 工学
	Catalogue  Catalogue
}

var majors = sync.OnceValue(func() []Major {
	var g struct {
		Categories []struct {
			Name  string `json:"name"`
			Items []struct {
				Code string `json:"code"`
				Name string `json:"name"`
			} `json:"items"`
		} `json:"categories"`
	}
	var u struct {
		Majors []struct {
			Code string `json:"code"`
			Name string `json:"name"`
			Disc string `json:"disc"`
		} `json:"majors"`
	}
	mustLoad("undergraduate-majors-2024.json", &u)
	mustLoad("graduate-disciplines-2022.json", &g)
	var out []Major
	for _, m := range u.Majors {
		out = append(out, Major{m.Code, m.Name, m.Disc, Undergraduate})
	}
	for _, c := range g.Categories {
		for _, it := range c.Items {
			out = append(out, Major{it.Code, it.Name, c.Name, Graduate})
		}
	}
	return out
})

// Majors returns every entry of both catalogues, undergraduate first. The
// slice is shared: do not modify it.
func Majors() []Major { return majors() }
