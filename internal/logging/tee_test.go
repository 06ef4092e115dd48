package logging_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/logging"
)

// The run's file gets every entry from debug up, the console only those at
// its level in its own format, and both get them masked.
func TestTee(t *testing.T) {
	var console, file bytes.Buffer
	base, err := logging.New(&console, logging.Options{Level: "info", Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	mask := func(s string) string { return strings.ReplaceAll(s, "13800138000", "138****8000") }
	log := logging.Tee(base, &file, mask)
	log.Debug().Str("phone", "13800138000").Msg("typing")
	log.Info().Int("n", 3).Msg("page 13800138000 done")
	log.Trace().Msg("never")

	fileLines := strings.Split(strings.TrimSpace(file.String()), "\n")
	consoleLines := strings.Split(strings.TrimSpace(console.String()), "\n")
	if len(fileLines) != 2 || len(consoleLines) != 1 {
		t.Fatalf("file:\n%s\nconsole:\n%s", file.String(), console.String())
	}
	if strings.Contains(file.String()+console.String(), "13800138000") {
		t.Error("a raw phone number got through")
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(consoleLines[0]), &m); err != nil {
		t.Fatal(err)
	}
	if m["level"] != "info" || m["message"] != "page 138****8000 done" || m["n"] != float64(3) || m["time"] == nil {
		t.Errorf("console entry %v", m)
	}
}

// A disabled console (zerolog.Nop) still leaves the file complete.
func TestTeeNopConsole(t *testing.T) {
	var file bytes.Buffer
	log := logging.Tee(zerolog.Nop(), &file, nil)
	log.Debug().Msg("kept")
	if !strings.Contains(file.String(), `"message":"kept"`) {
		t.Errorf("file: %q", file.String())
	}
}
