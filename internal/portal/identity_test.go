package portal

import "testing"

// Labels are one identity whatever their width, spacing or decoration.
func TestLabelKey(t *testing.T) {
	same := [][2]string{
		{"学习专业（外文）", "学习专业(外文)"},
		{"* 学位外文名称：", "学位外文名称"},
		{"学位外文名称:", "学位 外文名称"},
		{"ＩＤ　号码", "ID号码"},
	}
	for _, c := range same {
		if !sameLabel(c[0], c[1]) {
			t.Errorf("%q and %q should be one label (%q, %q)", c[0], c[1], LabelKey(c[0]), LabelKey(c[1]))
		}
	}
	differ := [][2]string{
		{"学位外文名称", "学位名称（外文）"},
		{"学习专业（外文）", "学习专业（中文）"},
		{"认证学位/证书授予时间", "学习结束时间"},
	}
	for _, c := range differ {
		if sameLabel(c[0], c[1]) {
			t.Errorf("%q and %q are different labels", c[0], c[1])
		}
	}
}

// A proposal only when exactly one offered option could be the wanted one.
func TestOfferProposal(t *testing.T) {
	cases := []struct {
		want    string
		offered []string
		propose string
	}{
		{"硕士", []string{"学士", "硕士研究生", "博士", "其他"}, "硕士研究生"},
		{"硕士", []string{"硕士研究生", "硕士（专业学位）"}, ""},
		{"英国", []string{"美国", "法国"}, ""},
	}
	for _, c := range cases {
		if got := proposal(&offerError{Want: c.want, Offered: c.offered}); got != c.propose {
			t.Errorf("%q in %v: proposal %q, want %q", c.want, c.offered, got, c.propose)
		}
	}
}
