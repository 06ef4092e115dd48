package portalsim

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"time"
)

// DemoAccount is the account Demo seeds. Its identity is fictional but well
// formed (the ID number carries a valid GB 11643 check digit and agrees with
// the birth date and gender), and it is the one identity recordings and
// demos may show: keep it here, in one place.
var DemoAccount = Account{
	Username:    "demo",
	Password:    "demo1234",
	Name:        "王小明",
	Gender:      "男",
	Nationality: "中国",
	IDType:      "居民身份证",
	IDNumber:    withCheckDigit("11010819990315123"), // 海淀区, 1999-03-15, odd sequence: male
}

// DemoAppID is the id of the demo account's verified draft.
const DemoAppID = "A20250001"

// withCheckDigit appends the GB 11643 check digit to 17 digits.
func withCheckDigit(d17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d17[i]-'0') * w
	}
	return d17 + string("10X98765432"[sum%11])
}

// seedDemo registers the demo account with a verified draft filled with
// fictional data, so every step URL opens directly. The caller holds s.mu.
func (s *Server) seedDemo() {
	acc := &account{Account: DemoAccount}
	s.accounts[acc.Username] = acc
	a := newApplication(DemoAppID, s.now().Add(-48*time.Hour))
	a.faceDone, a.codeDone, a.code = true, true, "20250315"
	a.basic = &basicInfo{
		BirthDate: "1999-03-15", NamePinyin: "WANG XIAOMING", Phone: "13900001234",
		Email: "wang.xiaoming@example.com", Region: []string{"北京市", "海淀区"},
		AddressDetail: "学院路 100 号 示例小区 1 号楼 101 室", PostalCode: "100083",
	}
	a.applyType = applyTypes[0]
	a.degree = &degreeForm{
		AwardingCountry: "英国", AwardingInstitution: "The University of Edinburgh",
		DegreeName: "Master of Science", Level: "硕士", AwardDate: "2023-11-28",
		MajorForeign: "Artificial Intelligence", MajorChinese: "人工智能", SameSchool: true,
		Start: "2022-09-12", End: "2023-09-01", StudentNumber: "s2212345", Discipline: "工学",
		RemoteStudy: "否",
	}
	a.history = []*historyRow{
		{ID: 1, From: "2014-09", To: "2017-06", Country: "中国", School: "北京市示例中学", Level: "高中"},
		{ID: 2, From: "2017-09", To: "2021-06", Country: "中国", School: "北京示例大学", Major: "计算机科学与技术", Level: "本科"},
	}
	a.nextRowID = 2
	jpg, pdf := demoJPEG(), demoPDF()
	for i, f := range []struct{ key, name string }{
		{"photo", "photo.jpg"}, {"passport", "passport-bio.jpg"}, {"visa", "visa.jpg"},
		{"diploma", "diploma.pdf"}, {"authorization", "authorization.pdf"}, {"transcript", "transcript-1.jpg"},
	} {
		data := jpg
		if f.key == "diploma" || f.key == "authorization" {
			data = pdf
		}
		a.files[f.key] = []*upload{{ID: i + 1, Name: f.name, Size: int64(len(data)), data: data}}
	}
	a.nextFile = 6
	for _, p := range stepPages {
		a.saved[p] = true
	}
	acc.apps = append(acc.apps, a)
}

func demoJPEG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 60, 80))
	for y := 0; y < 80; y++ {
		for x := 0; x < 60; x++ {
			img.Set(x, y, color.RGBA{0x40, 0x80, uint8(0x80 + y), 0xFF})
		}
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	return b.Bytes()
}

func demoPDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
}
