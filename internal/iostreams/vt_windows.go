//go:build windows

package iostreams

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableVT turns on ANSI escape processing for a console (Windows 10 1511
// and later: conhost and Windows Terminal). Older consoles refuse it, and
// then autofill prints plain lines without colours.
func enableVT(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false // not a console: a pipe or a Cygwin/MSYS terminal, which speaks ANSI itself
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
