// Package layers holds no code: its test checks the import rules that keep
// autofill's layers apart (docs/design.md), so that breaking one fails the
// build's tests instead of waiting for a reviewer to notice.
package layers
