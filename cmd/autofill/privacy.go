package main

import "runtime"

// privacyNote says how a file holding personal data is kept private here:
// by its mode where files have one, by the user folder on Windows, where
// autofill's mode checks (profile, passwords file) are skipped.
func privacyNote() string {
	if runtime.GOOS == "windows" {
		return "keep it in your own user folder: Windows has no owner-only file mode, so autofill does not check who can read it"
	}
	return "readable by you only"
}
