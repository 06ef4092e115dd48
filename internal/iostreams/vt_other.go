//go:build !windows

package iostreams

import "os"

// enableVT reports true: terminals outside Windows speak ANSI.
func enableVT(*os.File) bool { return true }
