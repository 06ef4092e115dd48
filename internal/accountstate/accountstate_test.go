package accountstate

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDirNamesNoLogin(t *testing.T) {
	d, err := Dir(t.TempDir(), "https://portal.example/", "13800138000")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d, "13800138000") {
		t.Errorf("Dir = %s: holds the phone", d)
	}
	d2, _ := Dir(filepath.Dir(filepath.Dir(d)), "https://portal.example/apply/A1", " 13800138000 ")
	if d2 != d {
		t.Errorf("Dir differs for the same login: %s, %s", d, d2)
	}
	if d3, _ := Dir(filepath.Dir(filepath.Dir(d)), "http://127.0.0.1:4001/", "13800138000"); d3 == d {
		t.Errorf("a simulator's account shares the portal's state: %s", d3)
	}
}

func TestLockTellsWhoHoldsItAndTakesOverStaleOnes(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(dir)
	var held *HeldError
	if !errors.As(err, &held) || held.Holder.PID != os.Getpid() || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("second Lock = %v, want a HeldError naming this process", err)
	}
	release()

	// A lock left by a process that has ended is taken over.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	b, _ := json.Marshal(Holder{PID: cmd.Process.Pid, Host: host, Started: time.Now().Add(-time.Hour), Command: "autofill run"})
	if err := os.WriteFile(filepath.Join(dir, lockFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
	release, err = Lock(dir)
	if err != nil {
		t.Fatalf("a stale lock was not taken over: %v", err)
	}
	release()
	if _, err := os.Stat(filepath.Join(dir, lockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("release left the lock: %v", err)
	}
}

func TestStateRemembersAndReportsWriteErrors(t *testing.T) {
	dir := t.TempDir()
	s, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Degree("msc").App = "A1"
	s.Degree("msc").Pages["degree"] = "f1"
	s.Degree("bsc").App = "A2"
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s, err = Load(dir, func(string, []byte, os.FileMode) error { return errors.New("no space left on device") })
	if err != nil {
		t.Fatal(err)
	}
	if d := s.Degree("msc"); d.App != "A1" || d.Pages["degree"] != "f1" {
		t.Errorf("loaded %+v", d)
	}
	if o := s.Others("msc"); len(o) != 1 || o[0] != "A2" {
		t.Errorf("Others = %v", o)
	}
	if err := s.Save(); err == nil || !strings.Contains(err.Error(), "no space") {
		t.Errorf("Save with a failing write = %v", err)
	}
}
