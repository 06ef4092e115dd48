package accountstate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Holder is who holds an account's lock.
type Holder struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host"`
	Started time.Time `json:"started"`
	Command string    `json:"command"`
}

// HeldError says another live run holds the account.
type HeldError struct {
	Path   string
	Holder Holder
}

func (e *HeldError) Error() string {
	h := e.Holder
	return fmt.Sprintf("another autofill run is working on this account: pid %d on %s, started %s (%s ago), command %q; "+
		"wait for it to finish or stop it — two runs on one account would create two applications (lock: %s)",
		h.PID, h.Host, h.Started.Format("2006-01-02 15:04:05"), time.Since(h.Started).Round(time.Second), h.Command, e.Path)
}

const lockFile = "lock"

// Lock takes the account's lock in dir for this process, or returns a
// *HeldError naming the live run that has it. A lock left by a process that
// is gone (on this host) is taken over. release removes it.
func Lock(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lockFile)
	host, _ := os.Hostname()
	me := Holder{PID: os.Getpid(), Host: host, Started: time.Now(), Command: command()}
	b, err := json.Marshal(me)
	if err != nil {
		return nil, err
	}
	for try := 0; try < 3; try++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			_, werr := f.Write(b)
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				_ = os.Remove(path)
				return nil, fmt.Errorf("writing the account lock: %w", werr)
			}
			return func() { _ = os.Remove(path) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("taking the account lock: %w", err)
		}
		var h Holder
		raw, rerr := os.ReadFile(path)
		if rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			return nil, rerr
		}
		if rerr == nil && json.Unmarshal(raw, &h) != nil {
			// Half-written by a run starting this instant, or damaged.
			if st, err := os.Stat(path); err == nil && time.Since(st.ModTime()) < 10*time.Second {
				return nil, &HeldError{Path: path, Holder: Holder{Host: "?", Started: st.ModTime(), Command: "(starting)"}}
			}
		} else if rerr == nil && (h.Host != host || alive(h.PID)) {
			return nil, &HeldError{Path: path, Holder: h}
		}
		// Stale: move it aside (one taker wins the rename) and try again.
		aside := path + ".stale." + strconv.Itoa(os.Getpid())
		if err := os.Rename(path, aside); err == nil {
			_ = os.Remove(aside)
		}
	}
	return nil, fmt.Errorf("could not take the account lock %s: it keeps changing hands", path)
}

func command() string {
	args := make([]string, len(os.Args))
	copy(args, os.Args)
	if len(args) > 0 {
		args[0] = filepath.Base(args[0])
	}
	return strings.Join(args, " ")
}
