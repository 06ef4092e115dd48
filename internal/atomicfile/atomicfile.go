// Package atomicfile writes files whole or not at all: a crash or a kill
// mid-write leaves the old file (or none), never half of the new one. Run
// state, statuses, sessions, reports and recordings are written this way,
// because the next run trusts what it finds.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to a temporary file beside path, syncs it to the disk,
// renames it over path and syncs the directory where the system allows.
// Without the first sync a power cut after the rename can leave an empty
// file under the new name on some file systems; without the second, the
// old file.
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir makes the rename itself durable: until the directory is synced
// a power cut may bring back the old entry. Best effort: some systems
// (Windows, some network file systems) cannot open or sync a directory,
// and the data itself is already on the disk.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
