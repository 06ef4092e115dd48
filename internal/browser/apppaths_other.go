//go:build !windows

package browser

// systemAppPaths is nil: only Windows has a registry.
func systemAppPaths() AppPaths { return nil }
