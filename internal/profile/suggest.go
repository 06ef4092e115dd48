package profile

import "strings"

// suggest returns the candidate closest to word when it is close enough to
// be a typo (degreee → degrees), or "".
func suggest(word string, candidates []string) string {
	word = strings.ToLower(strings.ReplaceAll(word, "-", "_"))
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	// A typo is a few keystrokes: up to a third of the word, at most 4.
	limit := min(max(2, len([]rune(word))/3), 4)
	if bestDist > limit || bestDist >= len([]rune(word)) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance over runes. Inputs are key names,
// so the quadratic table is tiny; keys longer than 64 runes are not typos of
// ours and are cut to keep fuzzed input cheap.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 {
		ra = ra[:64]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
