package browser_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cscse-tools/autofill/internal/browser"
	"github.com/cscse-tools/autofill/internal/browser/browsertest"
)

// The smoke test: a real headless Chromium loads a page and reads its title.
func TestStartReadsTitle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><title>国(境)外学历学位认证</title><p>ok</p>`)
	}))
	defer srv.Close()

	ctx := browsertest.Tab(t)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "国(境)外学历学位认证" {
		t.Fatalf("title = %q", title)
	}
}

// Isolated tabs must not share cookies: batch runs rely on it.
func TestIsolatedTabsDoNotShareCookies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/set" {
			http.SetCookie(w, &http.Cookie{Name: "s", Value: "applicant-a"})
		}
		c, _ := r.Cookie("s")
		v := ""
		if c != nil {
			v = c.Value
		}
		fmt.Fprintf(w, `<!doctype html><title>%s</title>`, v)
	}))
	defer srv.Close()

	b := browsertest.Start(t)
	a, cancelA := b.NewIsolatedTab()
	defer cancelA()
	other, cancelB := b.NewIsolatedTab()
	defer cancelB()
	if err := chromedp.Do(a, chromedp.Navigate(srv.URL+"/set")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(other, chromedp.Navigate(srv.URL+"/get")); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(other, chromedp.Title()); got != "" {
		t.Fatalf("isolated tab saw cookie %q", got)
	}
}

// A persistent profile survives Close and a stale lock from a crash.
func TestPersistentProfileAndStaleLock(t *testing.T) {
	browsertest.SkipShort(t)
	if _, err := browser.Find(""); err != nil && !browsertest.Required() {
		t.Skip(err)
	}
	dir := t.TempDir()
	b, err := browser.Start(context.Background(), browser.Options{Headless: true, UserDataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	// A crash leaves SingletonLock pointing at a dead pid on this host.
	host, _ := os.Hostname()
	_ = os.Remove(filepath.Join(dir, "SingletonLock"))
	if err := os.Symlink(host+"-999999", filepath.Join(dir, "SingletonLock")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	b, err = browser.Start(context.Background(), browser.Options{Headless: true, UserDataDir: dir})
	if err != nil {
		t.Fatalf("stale lock blocked the start: %v", err)
	}
	_ = b.Close()
}

func TestLiveLockIsAClearError(t *testing.T) {
	dir := t.TempDir()
	host, _ := os.Hostname()
	if err := os.Symlink(fmt.Sprintf("%s-%d", host, os.Getpid()), filepath.Join(dir, "SingletonLock")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	_, err := browser.Start(context.Background(), browser.Options{Headless: true, UserDataDir: dir, ExecPath: os.Args[0]})
	if err == nil || !strings.Contains(err.Error(), "in use by a running Chrome") {
		t.Fatalf("err = %v", err)
	}
}

func TestMissingBrowserIsNamed(t *testing.T) {
	_, err := browser.Start(context.Background(), browser.Options{Headless: true, ExecPath: "/nonexistent/chrome"})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/chrome") {
		t.Fatalf("err = %v", err)
	}
}

func TestVisibleWithoutDisplaySuggestsHeadless(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux needs DISPLAY or WAYLAND_DISPLAY")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	_, err := browser.Start(context.Background(), browser.Options{})
	if !errors.Is(err, browser.ErrNoDisplay) || !strings.Contains(err.Error(), "--headless") {
		t.Fatalf("message does not suggest --headless: %v", err)
	}
}
