// Package browser starts or attaches the Chrome that autofill drives:
// visible by default (the applicant watches and takes over for human steps),
// headless on request, with a persistent profile so logins survive, or
// attached to a browser that is already running (--remote-url).
package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// Options say which browser to use and how.
type Options struct {
	ExecPath    string // --chrome; empty means Find
	Headless    bool   // --headless
	UserDataDir string // --user-data-dir; empty means a throw-away profile
	RemoteURL   string // --remote-url ws://… or http://host:port: attach, start nothing
	WindowW     int    // window size; 0 means 1366×900, a common laptop
	WindowH     int
	Output      io.Writer            // Chrome's own stdout/stderr; nil discards it
	Logf        func(string, ...any) // chromedp's diagnostics; nil discards them
	ExtraFlags  map[string]any       // more command-line switches (tests)
	getenv      func(string) string  // for tests of the display check
}

// Browser is a running (or attached) browser and its first tab.
type Browser struct {
	tab         context.Context
	cancelTab   context.CancelFunc
	cancelAlloc context.CancelFunc
	attached    bool
}

// ErrNoDisplay is returned when a visible window is asked for on a Linux
// machine without X11 or Wayland.
var ErrNoDisplay = errors.New("cannot open a visible Chrome window: no display (DISPLAY and WAYLAND_DISPLAY are empty); run with --headless, or start a desktop session (or Xvfb) first")

// Flags every start passes, whatever else is asked for: this tool talks only
// to the portal, and a closed network turns Chrome's background fetches into
// a stream of refused connections (and slow starts).
var baseFlags = map[string]any{
	"disable-background-networking": true,
	"disable-component-update":      true,
	"no-first-run":                  true,
	"disable-sync":                  true,
	"disable-quic":                  true,
	// chromedp's own list (Translate, BlinkGenPropertyTrees) and what a
	// run never uses but pays for in memory and CPU: the omnibox popup's
	// WebUI (a --top-chrome-webui renderer for each isolated tab's window;
	// the feature's name changed across releases, unknown names are
	// ignored), preloaded top-chrome WebUIs, optimization hints, the media
	// router (cast discovery), and the back/forward cache, which keeps the
	// portal's earlier pages alive in the renderer (the tool never goes
	// back; a back navigation would only load the page afresh).
	"disable-features": "Translate,BlinkGenPropertyTrees,PreloadTopChromeWebUI,OptimizationHints,MediaRouter,BackForwardCache,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
}

// Start launches Chrome (or attaches to it) and opens the first tab. The
// browser lives until Close or until ctx ends.
func Start(ctx context.Context, o Options) (*Browser, error) {
	if o.getenv == nil {
		o.getenv = os.Getenv
	}
	if o.RemoteURL != "" {
		return attach(ctx, o)
	}
	if !o.Headless && runtime.GOOS == "linux" && o.getenv("DISPLAY") == "" && o.getenv("WAYLAND_DISPLAY") == "" {
		return nil, ErrNoDisplay
	}
	exe, err := Find(o.ExecPath)
	if err != nil {
		return nil, err
	}
	if o.UserDataDir != "" {
		if err := os.MkdirAll(o.UserDataDir, 0o700); err != nil {
			return nil, fmt.Errorf("browser profile directory: %w", err)
		}
		if err := clearStaleLock(o.UserDataDir); err != nil {
			return nil, err
		}
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, execOptions(exe, o)...)
	b := &Browser{cancelAlloc: cancelAlloc}
	b.tab, b.cancelTab = chromedp.NewContext(allocCtx, contextOptions(o)...)
	if err := chromedp.Do(b.tab); err != nil { // starts the browser
		b.cancelTab()
		cancelAlloc()
		if errors.Is(err, chromedp.ErrNoDisplay) {
			return nil, ErrNoDisplay
		}
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return b, nil
}

func execOptions(exe string, o Options) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe))
	if !o.Headless {
		opts = append(opts, chromedp.VisibleWindow)
	}
	w, h := o.WindowW, o.WindowH
	if w == 0 || h == 0 {
		w, h = 1366, 900
	}
	opts = append(opts, chromedp.WindowSize(w, h))
	for k, v := range baseFlags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	opts = append(opts, chromedp.Flag("js-flags", jsFlags(o.Headless)))
	// Chrome's sandbox needs user namespaces that root in a container lacks;
	// as a normal user we keep it.
	if isRoot() {
		opts = append(opts, chromedp.NoSandbox)
	}
	if o.UserDataDir != "" {
		opts = append(opts, chromedp.UserDataDir(o.UserDataDir))
	}
	if o.Output != nil {
		opts = append(opts, chromedp.CombinedOutput(o.Output))
	}
	for k, v := range o.ExtraFlags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	return opts
}

// jsFlags are V8's switches.
//
// Its young generation is capped at 1 MB a semi-space (it grows to 16 MB
// by default, and most of it sits unused between the portal's page loads).
// make bench: a tab's renderer holds ~215 MB instead of ~275 MB after a
// whole application, a batch ~185 MB per open tab instead of ~230 MB, at
// the same drafts per minute. --optimize-for-size would halve the renderer
// again but costs about a tenth of a batch's throughput on two cores.
//
// Headless, V8's optimizing compilers (Maglev, TurboFan) are off: each of
// the portal's pages lives a few seconds, so code they optimize is thrown
// away at the next page load, and on two cores their threads take CPU the
// other tabs of a batch need. make bench: ~6 % less browser CPU per
// application, the same time. A visible window keeps them, being the
// person's browser too (a login page's password encryption is the kind of
// code they speed up).
func jsFlags(headless bool) string {
	f := "--max-semi-space-size=1"
	if headless {
		f += " --no-maglev --no-opt"
	}
	return f
}

func contextOptions(o Options) []chromedp.ContextOption {
	logf := o.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	return []chromedp.ContextOption{chromedp.WithLogf(logf), chromedp.WithErrorf(logf)}
}

func attach(ctx context.Context, o Options) (*Browser, error) {
	allocCtx, cancelAlloc := remote.NewAllocator(ctx, o.RemoteURL)
	b := &Browser{cancelAlloc: cancelAlloc, attached: true}
	b.tab, b.cancelTab = chromedp.NewContext(allocCtx, contextOptions(o)...)
	if err := chromedp.Do(b.tab); err != nil {
		b.cancelTab()
		cancelAlloc()
		return nil, fmt.Errorf("attaching to the browser at %s: %w (start Chrome with --remote-debugging-port=9222 and pass --remote-url http://127.0.0.1:9222)", o.RemoteURL, err)
	}
	return b, nil
}

// Tab is the first tab's chromedp context.
func (b *Browser) Tab() context.Context { return b.tab }

// Attached reports whether the browser was started by someone else.
func (b *Browser) Attached() bool { return b.attached }

// NewTab opens another tab sharing cookies with the first.
func (b *Browser) NewTab() (context.Context, context.CancelFunc) {
	return chromedp.NewContext(b.tab)
}

// NewIsolatedTab opens a tab in a fresh browser context: its own cookies,
// storage and cache, like an incognito window. Batch runs give each applicant
// one, so one applicant's session can never leak into another's.
func (b *Browser) NewIsolatedTab() (context.Context, context.CancelFunc) {
	return chromedp.NewContext(b.tab, chromedp.WithNewBrowserContext())
}

// Close shuts the browser down gracefully, so a persistent profile is
// flushed to disk (cookies, the login). An attached browser stays open: only
// our tab is closed.
func (b *Browser) Close() error {
	if b == nil || b.tab == nil {
		return nil
	}
	defer b.cancelAlloc()
	if b.attached {
		b.cancelTab()
		return nil
	}
	ctx, cancel := context.WithTimeout(b.tab, 10*time.Second)
	defer cancel()
	err := chromedp.Cancel(ctx)
	b.cancelTab()
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}
