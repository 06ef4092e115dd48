package refdata

import "testing"

func TestLookupCountry(t *testing.T) {
	for in, want := range map[string]string{
		"英国": "英国", "UK": "英国", "United Kingdom": "英国", "gb": "英国", "GBR": "英国",
		"香港": "中国香港", "Hong Kong": "中国香港", "中国台湾省": "中国台湾", "China": "中国", "CN": "中国",
		"  new   zealand ": "新西兰",
	} {
		c, ok := LookupCountry(in)
		if !ok || c.Name != want {
			t.Errorf("LookupCountry(%q) = %q, %v; want %q", in, c.Name, ok, want)
		}
	}
	if _, ok := LookupCountry("Atlantis"); ok {
		t.Error("Atlantis found")
	}
	if n := len(Countries()); n != 250 {
		t.Errorf("%d countries", n)
	}
}

func TestRegionPath(t *testing.T) {
	if got := RegionPath([]string{"北京市", "海淀区"}); got != 2 {
		t.Errorf("北京市/海淀区 = %d", got)
	}
	if got := RegionPath([]string{"广东省", "深圳市", "南山区"}); got != 3 {
		t.Errorf("广东省/深圳市/南山区 = %d", got)
	}
	if got := RegionPath([]string{"广东省", "北京市"}); got != 1 {
		t.Errorf("广东省/北京市 = %d", got)
	}
	if len(RegionChildren(nil)) != 34 {
		t.Error("want 34 provinces")
	}
}

func TestCatalogues(t *testing.T) {
	if len(Disciplines()) != 14 || !IsDiscipline("工学") || IsDiscipline("计算机") {
		t.Fatal("disciplines")
	}
	if d := MajorDisciplines("计算机科学与技术"); len(d) == 0 || d[0] != "工学" {
		t.Errorf("计算机科学与技术 → %v", d)
	}
}
