package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/logging"
)

// app is what every command shares: the streams, the configuration and the
// logger. Commands copy what they need into their own options struct, so
// their run functions can be tested without cobra or viper; and, as in
// cli/cli, newXCmd(a, runF) calls runF with the parsed options instead of
// running when runF is not nil, so flags → options are tested without a
// browser (options_test.go).
type app struct {
	io  *iostreams.IOStreams
	v   *viper.Viper
	log zerolog.Logger

	// global flags
	configFile string
	logLevel   string
	logFormat  string
	noColor    bool
}

func newApp(ios *iostreams.IOStreams) *app {
	v := viper.New()
	v.SetEnvPrefix("AUTOFILL")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	return &app{io: ios, v: v, log: zerolog.Nop()}
}

// configure applies the precedence flags > AUTOFILL_* env > config file >
// defaults to every flag of cmd, then builds the logger. A flag the user did
// not type takes its value from the environment or the config file; one the
// user typed always wins.
func (a *app) configure(cmd *cobra.Command) error {
	if err := a.readConfig(cmd); err != nil {
		return err
	}
	var errs []error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Changed || !a.v.IsSet(f.Name) {
			return
		}
		if err := setFlag(f, a.v.Get(f.Name)); err != nil {
			errs = append(errs, fmt.Errorf("%s (from $AUTOFILL_%s or the config file): %w",
				f.Name, strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_")), err))
		}
	})
	if err := errors.Join(errs...); err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	if a.noColor { // NO_COLOR and CLICOLOR_FORCE: iostreams.System
		a.io.SetColorEnabled(false)
	}
	log, err := logging.New(a.io.ErrOut, a.logOptions())
	if err != nil {
		return &flagError{err}
	}
	a.log = log
	return nil
}

// logOptions are --log-level, --log-format and the terminal's colours.
func (a *app) logOptions() logging.Options {
	return logging.Options{Level: a.logLevel, Format: a.logFormat, TTY: a.io.IsStderrTTY(), Color: a.io.ColorEnabled()}
}

func setFlag(f *pflag.Flag, v any) error {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, p := range list {
			parts[i] = fmt.Sprint(p)
		}
		v = strings.Join(parts, ",")
	}
	return f.Value.Set(fmt.Sprint(v))
}

// readConfig loads --config, or the default config file when one exists.
// Keys are flag names: `log-level: debug`, `headless: true`.
func (a *app) readConfig(cmd *cobra.Command) error {
	path := a.configFile
	if path == "" {
		path = a.v.GetString("config")
	}
	if path == "" {
		path = defaultConfigFile()
		if path == "" {
			return nil
		}
	}
	a.v.SetConfigFile(path)
	if err := a.v.ReadInConfig(); err != nil {
		return exitcode.Errorf(exitcode.BadInput, "config file %s: %v", path, err)
	}
	a.log.Debug().Str("file", path).Msg("config loaded")
	return nil
}

// defaultConfigFile returns the first existing autofill/config.{yaml,yml,json,toml}
// under the user's config directory (~/.config on Linux).
func defaultConfigFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	for _, ext := range []string{"yaml", "yml", "json", "toml"} {
		p := filepath.Join(dir, "autofill", "config."+ext)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}
