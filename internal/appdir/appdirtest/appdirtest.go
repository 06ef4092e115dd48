// Package appdirtest keeps tests off the person's real folders: Main points
// AUTOFILL_HOME (config, per-account state and locks) at a temporary folder
// for the whole test binary, child processes included.
package appdirtest

import (
	"fmt"
	"os"
	"testing"

	"github.com/cscse-tools/autofill/internal/appdir"
)

// Main runs the tests with AUTOFILL_HOME in a fresh temporary folder,
// removed afterwards. Use it as the package's TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(appdirtest.Main(m)) }
func Main(m *testing.M) int {
	dir, err := os.MkdirTemp("", "autofill-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "appdirtest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	if err := os.Setenv(appdir.EnvHome, dir); err != nil {
		fmt.Fprintln(os.Stderr, "appdirtest:", err)
		return 1
	}
	return m.Run()
}
