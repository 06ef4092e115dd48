// Package version says which build of autofill is running. Reports and
// recordings carry it so a person can tell which tool made them.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is set at build time: -ldflags "-X github.com/cscse-tools/autofill/internal/version.Version=v1.2.3".
var Version = ""

// String returns the version, falling back to the module version or the VCS
// revision recorded by the Go toolchain, then to "dev".
func String() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}

// Long is the one-line description `autofill version` prints.
func Long() string {
	return fmt.Sprintf("autofill %s (%s, %s/%s)", String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
