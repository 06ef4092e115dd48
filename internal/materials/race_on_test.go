//go:build race

package materials

// raceEnabled shrinks the largest generated images under -race, where
// every pixel access is instrumented; the full-size acceptance tests run
// without -race (go test ./internal/materials, make bench).
const raceEnabled = true
