// Package atomicfile writes files whole or not at all: a crash or a kill
// mid-write leaves the old file (or none), never half of the new one. Run
// state, statuses, sessions, reports and recordings are written this way,
// because the next run trusts what it finds.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to a temporary file beside path, syncs it to the disk
// and renames it over path. Without the sync a power cut after the rename
// can leave an empty file under the new name on some file systems.
func Write(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
