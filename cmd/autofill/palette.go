package main

import "github.com/cscse-tools/autofill/internal/iostreams"

// palette is the commands' short hand for the streams' colour scheme
// (iostreams.ColorScheme, which owns the escape codes and NO_COLOR).
type palette struct{ cs *iostreams.ColorScheme }

func newPalette(on bool) palette { return palette{iostreams.NewColorScheme(on)} }

func (p palette) bold(s string) string   { return p.cs.Bold(s) }
func (p palette) dim(s string) string    { return p.cs.Dim(s) }
func (p palette) red(s string) string    { return p.cs.Red(s) }
func (p palette) green(s string) string  { return p.cs.Green(s) }
func (p palette) yellow(s string) string { return p.cs.Yellow(s) }
