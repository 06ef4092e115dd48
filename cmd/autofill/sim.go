package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/dryrun"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

type simOptions struct {
	io      *iostreams.IOStreams
	log     func() zerolog.Logger
	addr    string
	demo    bool
	hooks   bool
	assets  string
	variant string
	ssoAddr string
}

func newSimCmd(a *app, runF func(context.Context, *simOptions) error) *cobra.Command {
	opts := &simOptions{io: a.io, log: func() zerolog.Logger { return a.log }}
	cmd := &cobra.Command{
		Use:   "sim",
		Short: "Run the local portal simulator for practice and demos",
		Long: `sim runs a local stand-in for the CSCSE degree authentication portal
(国(境)外学历学位认证): the same pages, fields and steps, built with Vue and
Element UI like the real one, with accounts, sessions, captchas and server-side
validation. Nothing you do there reaches the real portal.

--variant chooses the form of the portal (default 2025, the most likely live
one: login through the separate 统一用户身份认证系统 with a slider captcha,
微留服 + 12367 with 无法获取出入境记录, no same-school checkbox, 基本信息
without address). Presets: classic (the first reconstruction), 2025, older
(the 2020–2024 verification page), 2026 (2025 with 授权声明 signed online).
Knobs, one form each, added to a preset or on their own:
` + dryrun.KnobHelp() + `
With --demo it also plays the person: no captcha (the slider counts as dragged), the face scan and the
移民局12367 code complete by themselves about a second after the QR code
appears, and a demo account with a verified, filled draft is ready, so every
page can be opened directly. Submit and payment never complete in demo mode.

Vue and Element UI are built into autofill: nothing else to install.`,
		Example: `  # Walk through every page by hand with the demo account
  autofill sim --demo

  # Another port, reachable from other machines on your network
  autofill sim --demo --addr 0.0.0.0:9090

  # Without demo mode: register accounts and complete steps via /__sim/ hooks
  autofill sim --hooks

  # Today's pages as first reconstructed, or one knob on top of them
  autofill sim --demo --variant classic
  autofill sim --demo --variant classic,sso

  # The 2025 portal with 授权声明 signed online
  autofill sim --demo --variant 2025,sign_online`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSim(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port)")
	f.BoolVar(&opts.demo, "demo", false, "stand in for the person and seed a demo account with a filled draft")
	f.BoolVar(&opts.hooks, "hooks", false, "serve the /__sim/ test hooks (always on with --demo)")
	variantFlag(f, &opts.variant, "the form of the portal to show")
	f.StringVar(&opts.ssoAddr, "sso-addr", "", "with an SSO variant: where the 统一用户身份认证系统 listens (default: the next port after --addr)")
	f.StringVar(&opts.assets, "assets", "", "a node_modules directory with vue and element-ui to serve instead of the copy built into autofill (or $"+dryrun.EnvAssets+")")
	return cmd
}

func runSim(ctx context.Context, o *simOptions) error {
	log := o.log()
	variant, err := parseVariant(o.variant)
	if err != nil {
		return err
	}
	srv, err := dryrun.NewServer(dryrun.SimOptions{Demo: o.demo, Hooks: o.hooks, AssetsDir: o.assets, Logger: &log, Variant: variant})
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	ln, err := listen(o.addr, "--addr")
	if err != nil {
		return err
	}
	url := "http://" + displayAddr(ln.Addr().String())
	var sso *http.Server
	if variant.SSO {
		addr := o.ssoAddr
		if addr == "" {
			addr = nextPort(ln.Addr().String())
		}
		sln, err := listen(addr, "--sso-addr")
		if err != nil {
			_ = ln.Close()
			return err
		}
		srv.SetLoginURL("http://" + displayAddr(sln.Addr().String()))
		sso = &http.Server{Handler: srv.SSOHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = sso.Serve(sln) }()
	}
	out := o.io.Out
	fmt.Fprintf(out, "Portal simulator (模拟器 SIMULATOR) — not the real CSCSE portal; nothing here is submitted anywhere.\n\n")
	fmt.Fprintf(out, "  Variant:  %s (%s)\n", o.variant, variant)
	fmt.Fprintf(out, "  Open:     %s/login\n", url)
	if variant.SSO {
		fmt.Fprintf(out, "  Login:    %s (统一用户身份认证系统, its own origin; drag the slider to the end)\n", srv.LoginURL())
	}
	if o.demo {
		fmt.Fprintf(out, "  Log in:   user %s, password %s (fictional applicant %s)\n", dryrun.DemoAccount.Username, dryrun.DemoAccount.Password, dryrun.DemoAccount.Name)
		fmt.Fprintf(out, "  Draft:    %s/apply/%s/basic-info (verified and filled)\n", url, dryrun.DemoAppID)
		fmt.Fprintf(out, "  Demo:     no captcha; face scan and 12367 code complete ~1 s after the QR appears\n")
	}
	if o.demo || o.hooks {
		fmt.Fprintf(out, "  Hooks:    %s/__sim/ (accounts, state, verify, faults, reset, captcha)\n", url)
	} else {
		fmt.Fprintf(out, "  Accounts: none yet; run with --hooks (POST /__sim/accounts) or --demo\n")
	}
	fmt.Fprintf(out, "\nPress Ctrl-C to stop.\n")

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("simulator stopped: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutCtx)
	if sso != nil {
		_ = sso.Shutdown(shutCtx)
	}
	fmt.Fprintln(o.io.ErrOut, "simulator stopped")
	return nil
}

// listen opens addr, saying which flag to change when it cannot.
func listen(addr, flag string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, exitcode.Errorf(exitcode.BadInput, "cannot listen on %s: the port is in use (another simulator?); choose another with %s, e.g. %s 127.0.0.1:8090", addr, flag, flag)
		}
		return nil, exitcode.Errorf(exitcode.BadInput, "cannot listen on %s: %v; check %s (host:port)", addr, err, flag)
	}
	return ln, nil
}

// nextPort is addr with the port after its own (the SSO beside the portal).
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "127.0.0.1:0"
	}
	n, err := strconv.Atoi(port)
	if err != nil || n == 0 || n >= 65535 {
		return net.JoinHostPort(host, "0")
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}

// displayAddr turns a wildcard listen address into one a browser can open.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || (host != "0.0.0.0" && host != "::") {
		return addr
	}
	return net.JoinHostPort("127.0.0.1", port)
}
