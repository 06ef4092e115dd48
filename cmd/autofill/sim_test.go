package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// lockedBuffer is written by the server goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func simOpts(addr string, out io.Writer) *simOptions {
	ios, _, _, _ := iostreams.Test()
	ios.Out, ios.ErrOut = out, out
	return &simOptions{io: ios, log: zerolog.Nop, addr: addr, demo: true}
}

func TestSimServesAndStopsOnCancel(t *testing.T) {
	out := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runSim(ctx, simOpts("127.0.0.1:0", out)) }()

	re := regexp.MustCompile(`Open:\s+(http://\S+)/login`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no URL printed:\n%s", out)
		} else {
			select {
			case err := <-done:
				t.Fatalf("sim stopped early: %v\n%s", err, out)
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
	for _, want := range []string{"SIMULATOR", "user demo, password demo1234", "Ctrl-C"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	res, err := http.Get(base + "/login")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /login: %v %v", res, err)
	}
	res.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("stopping: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("sim did not stop after cancel")
	}
}

func TestSimPortInUseSuggestsAddr(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = runSim(context.Background(), simOpts(ln.Addr().String(), io.Discard))
	if err == nil || !strings.Contains(err.Error(), "--addr") || exitcode.Of(err) != exitcode.BadInput {
		t.Fatalf("port in use: %v (exit %d); want a bad-input error suggesting --addr", err, exitcode.Of(err))
	}
}
