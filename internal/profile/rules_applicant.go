package profile

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"

	"github.com/cscse-tools/autofill/internal/refdata"
)

// Enumerations of the profile contract (docs/profile.md).
var (
	Genders          = []string{"male", "female"}
	IDTypes          = []string{"id_card", "passport", "hk_macao_permit", "taiwan_permit", "other"}
	ApplicationTypes = []string{"foreign_degree", "sino_foreign"}
	DegreeLevels     = []string{"bachelor", "master", "doctor", "other"}
	StudyLevels      = []string{"high_school", "associate", "bachelor", "master", "doctor", "other"}
	Verifications    = []string{"face", "no_records"}
)

var (
	hanNameRE   = regexp.MustCompile(`^[\p{Han}·]+$`)
	latinNameRE = regexp.MustCompile(`^[A-Z]+( [A-Z]+)*$`)
	mobileRE    = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	postalRE    = regexp.MustCompile(`^[0-9]{6}$`)
	docNumberRE = regexp.MustCompile(`^[A-Za-z0-9()（）-]+$`)
)

const china = "中国"

func (c *checker) applicant() {
	a := c.p.Applicant
	c.names(a)
	c.enum("applicant.gender", a.Gender, Genders...)
	c.date("applicant.birth_date", a.BirthDate)
	if c.required("applicant.nationality", a.Nationality, "the portal's Chinese short name, e.g. 中国") {
		c.country("applicant.nationality", a.Nationality)
	}
	if c.enum("applicant.id_type", a.IDType, IDTypes...) {
		c.idNumber(a)
	} else {
		c.required("applicant.id_number", a.IDNumber, "the number of the document you registered with")
	}
	if c.required("applicant.phone", a.Phone, "your mainland mobile number, 11 digits") && !mobileRE.MatchString(a.Phone) {
		hint := "11 digits starting with 13–19, e.g. 13800138000"
		if digits := onlyDigits(a.Phone); len(digits) == 13 && strings.HasPrefix(digits, "86") {
			hint = "leave out +86 and spaces: " + digits[2:]
		} else if digits != a.Phone && mobileRE.MatchString(digits) {
			hint = "write the digits only: " + digits
		}
		c.errorf("applicant.phone", hint, "is not a mainland mobile number")
	}
	if c.required("applicant.email", a.Email, "the address the portal writes to") && !validEmail(a.Email) {
		c.errorf("applicant.email", "write a plain address such as zhang.san@example.com", "%q is not an e-mail address", clip(a.Email, 60))
	}
	c.address(a.Address)
	if a.Verification != "" {
		c.enum("applicant.verification", a.Verification, Verifications...)
	}
}

func (c *checker) names(a Applicant) {
	if c.required("applicant.name", a.Name, "姓名 exactly as registered") {
		switch {
		case a.Nationality == "":
		case isChina(a.Nationality):
			if !hanNameRE.MatchString(a.Name) {
				c.errorf("applicant.name", "Chinese nationals write the name in Chinese characters (and · between parts), e.g. 张三",
					"%q must be Chinese characters for nationality 中国", clip(a.Name, 40))
			}
		case !latinNameRE.MatchString(a.Name):
			c.errorf("applicant.name", latinHint(a.Name, "JOHN SMITH"),
				"%q must be uppercase Latin letters and spaces, in passport order, for nationality %s", clip(a.Name, 40), a.Nationality)
		}
	}
	if c.required("applicant.name_pinyin", a.NamePinyin, "your name in uppercase Latin letters, as in the passport") &&
		!latinNameRE.MatchString(a.NamePinyin) {
		c.errorf("applicant.name_pinyin", latinHint(a.NamePinyin, "ZHANG SAN"),
			"%q must be uppercase Latin letters and spaces", clip(a.NamePinyin, 40))
	}
}

func latinHint(s, example string) string {
	if up := strings.Join(strings.Fields(strings.ToUpper(s)), " "); latinNameRE.MatchString(up) {
		return "write it as in the passport: " + up
	}
	return "as in the passport, e.g. " + example + "; write hyphens and apostrophes as spaces"
}

func isChina(nationality string) bool {
	c, ok := refdata.LookupCountry(nationality)
	return ok && c.Name == china
}

func (c *checker) idNumber(a Applicant) {
	const path = "applicant.id_number"
	if !c.required(path, a.IDNumber, "the number of the document you registered with") {
		return
	}
	if a.IDType != "id_card" {
		if !docNumberRE.MatchString(a.IDNumber) {
			c.errorf(path, "letters and digits only, exactly as printed on the document", "is not a document number")
		}
		return
	}
	card, msg, hint := parseIDCard(a.IDNumber)
	if msg != "" {
		c.errorf(path, hint, "is not a valid 居民身份证 number: %s", msg)
		return
	}
	if b := a.BirthDate; !b.IsZero() && !b.Equal(card.birth) {
		c.errorf("applicant.birth_date", "one of the two is mistyped: the card's number holds the birth date as YYYYMMDD (characters 7–14)",
			"%s differs from the birth date in id_number (%s)", b, card.birth)
	}
	switch {
	case a.Gender == "male" && !card.male:
		c.errorf("applicant.gender", "the 17th character of id_number is odd for men and even for women; check both", "is male, but id_number is a woman's")
	case a.Gender == "female" && card.male:
		c.errorf("applicant.gender", "the 17th character of id_number is odd for men and even for women; check both", "is female, but id_number is a man's")
	}
}

func (c *checker) address(ad Address) {
	const path = "applicant.address.region"
	if len(ad.Region) == 0 {
		c.errorf(path, "the 通讯地址 picker path, top level first, e.g. [北京市, 海淀区]", "is required")
	} else if n := refdata.RegionPath(ad.Region); n < len(ad.Region) {
		item := fmt.Sprintf("%s[%d]", path, n)
		level := "the provinces"
		if n > 0 {
			level = "the places under " + ad.Region[n-1]
		}
		c.errorf(item, regionHint(ad.Region[:n], ad.Region[n], level), "%q is not in the region list", clip(ad.Region[n], 40))
	} else if children := refdata.RegionChildren(ad.Region); len(children) > 0 {
		c.warnf(path, regionHint(ad.Region, "", "the places under "+ad.Region[len(ad.Region)-1]),
			"stops at %s; the portal's region picker usually needs the next level too", ad.Region[len(ad.Region)-1])
	}
	c.required("applicant.address.detail", ad.Detail, "street and number, e.g. 中关村大街 1 号")
	if c.required("applicant.address.postal_code", ad.PostalCode, "6 digits, quoted: \"100080\"") && !postalRE.MatchString(ad.PostalCode) {
		c.errorf("applicant.address.postal_code", "6 digits, quoted: \"100080\"", "%q is not a 6-digit postal code", clip(ad.PostalCode, 20))
	}
}

// regionHint names the valid choices at one level of the region list, the
// likeliest first when the given name is close to one.
func regionHint(prefix []string, got, level string) string {
	children := refdata.RegionChildren(prefix)
	if got != "" {
		for _, ch := range children {
			if strings.HasPrefix(ch, got) || strings.HasPrefix(got, ch) {
				return "did you mean " + ch + "? Names are written in full, as the picker shows them"
			}
		}
	}
	list := children
	if len(list) > 40 {
		list = append(list[:40:40], "…")
	}
	return level + ": " + strings.Join(list, ", ")
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") &&
		!strings.ContainsAny(s, " \"()<>[]\\,;")
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// country checks a country name against the portal's list (aliases accepted).
func (c *checker) country(path, name string) {
	if _, ok := refdata.LookupCountry(name); ok {
		return
	}
	hint := "the portal's Chinese short name (中国, 英国, 美国), an ISO code (GB) or an English name (United Kingdom)"
	var names []string
	for _, co := range refdata.Countries() {
		names = append(names, co.Name)
	}
	if s := suggest(name, names); s != "" {
		hint = "did you mean " + s + "? " + hint
	}
	c.errorf(path, hint, "%q is not in the country list", clip(name, 40))
}

func (c *checker) account() {
	c.required("account.username", c.p.Account.Username, "your portal login name, often your phone number, quoted")
}

func (c *checker) application() {
	c.enum("application.type", c.p.Application.Type, ApplicationTypes...)
}
