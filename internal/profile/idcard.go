package profile

import "fmt"

// GB 11643-1999: an 18-character citizen ID number is a 6-digit region code,
// the birth date as YYYYMMDD, a 3-digit sequence whose last digit is odd for
// men and even for women, and an ISO 7064 MOD 11-2 check character.

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheckChar returns the check character of the first 17 digits of a
// citizen ID number, or 0 when they are not 17 digits.
func IDCheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		ch := first17[i]
		if ch < '0' || ch > '9' {
			return 0
		}
		sum += int(ch-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// idCard is what an ID number says about its holder.
type idCard struct {
	birth Date
	male  bool
}

// parseIDCard checks the form and check character of a citizen ID number.
// Messages never repeat the number: validate output gets pasted into chats.
func parseIDCard(id string) (idCard, string, string) {
	if n := len([]rune(id)); n != 18 {
		hint := "a 居民身份证 number has 18 characters: 17 digits and a digit or X"
		if n == 15 {
			hint = "15-digit numbers are from first-generation cards; use the 18-digit number of your current card"
		}
		return idCard{}, fmt.Sprintf("has %d characters, not 18", n), hint
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return idCard{}, fmt.Sprintf("character %d is not a digit", i+1), "only the last character may be X"
		}
	}
	last := id[17]
	if (last < '0' || last > '9') && last != 'X' {
		return idCard{}, "the last character must be a digit or X", ""
	}
	birth, err := ParseDate(id[6:10] + "-" + id[10:12] + "-" + id[12:14])
	if err != nil {
		return idCard{}, "characters 7–14 are not a real birth date (YYYYMMDD)", "copy the number from your card again"
	}
	if want := IDCheckChar(id[:17]); want != last {
		return idCard{}, "the check character (the last one) does not match the first 17 digits",
			"copy the number from your card again: one digit is wrong or two are swapped"
	}
	return idCard{birth: birth, male: (id[16]-'0')%2 == 1}, "", ""
}
