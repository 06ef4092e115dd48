//go:build !race

package materials

const raceEnabled = false
