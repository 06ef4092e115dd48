package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/exitcode"
	"github.com/cscse-tools/autofill/internal/iostreams"
	"github.com/cscse-tools/autofill/internal/materials"
	"github.com/cscse-tools/autofill/internal/profile"
)

func newMaterialsCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "materials",
		Short: "Check upload files against the portal's rules, and prepare files that fit",
		Long: `The 上传材料 page refuses a photo over 1 MB or a diploma that is not a PDF.
materials check lists every file of a profile with its real type, size, pages
or pixels and what is wrong; materials prepare makes upload-ready copies.`,
		Example: `  # What would the portal refuse?
  autofill materials check me.yaml

  # Make upload-ready copies (shrunk, converted, merged) and a profile that uses them
  autofill materials prepare me.yaml --out upload`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newMaterialsCheckCmd(a), newMaterialsPrepareCmd(a))
	return cmd
}

type materialsCheckOptions struct {
	io        *iostreams.IOStreams
	file      string
	degree    string
	json      bool
	selectors string // a copy of selectors/ whose materials map gives the limits
}

func newMaterialsCheckCmd(a *app) *cobra.Command {
	opts := &materialsCheckOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "check FILE",
		Short: "List every upload file of a profile and what is wrong with it",
		Long: `Check reads the profile FILE and checks each upload file against the portal's
rules: real type from the content (not the extension), size, number of files,
pixels (too small to read is an error), EXIF orientation (a sideways scan is a
warning), and for PDFs that they open, are not encrypted and have pages.

The limits (type, size, number of files) are those of the page maps'
materials page (selectors/materials.yaml), or of --selectors DIR.

Exit status: 0 when every file can be uploaded (warnings allowed), 2 when any
cannot.`,
		Example: `  autofill materials check me.yaml
  autofill materials check me.yaml --degree msc --json

  # The limits of an edited copy of the page maps (selectors/materials.yaml)
  autofill materials check me.yaml --selectors my-selectors`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			return runMaterialsCheck(opts)
		},
	}
	cmd.Flags().StringVar(&opts.degree, "degree", "", "check only the degree with this id (default: every degree)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the report as JSON")
	cmd.Flags().StringVar(&opts.selectors, "selectors", "", "take the upload limits from this copy of the page maps instead of the built-in ones")
	return cmd
}

// degreeReport is one degree's materials in --json output.
type degreeReport struct {
	Degree string `json:"degree"`
	materials.Report
}

func runMaterialsCheck(o *materialsCheckOptions) error {
	p, err := loadForMaterials(o.io, o.file)
	if err != nil {
		return err
	}
	idx, err := pickDegrees(p, o.degree)
	if err != nil {
		return err
	}
	slots := materials.Slots
	if o.selectors != "" {
		if slots, err = materials.SlotsFrom(os.DirFS(o.selectors)); err != nil {
			return exitcode.With(exitcode.BadInput, fmt.Errorf("--selectors %s: %w", o.selectors, err))
		}
	}
	reports := []degreeReport{}
	errs := 0
	for _, i := range idx {
		r := materials.CheckAllWith(slots, p.Degrees[i].Materials.All())
		reports = append(reports, degreeReport{p.Degrees[i].ID, r})
		errs += r.Errors()
	}
	if o.json {
		if err := writeJSONTo(o.io.Out, reports); err != nil {
			return err
		}
	} else {
		dir := filepath.Dir(p.Path)
		for n, r := range reports {
			if n > 0 {
				fmt.Fprintln(o.io.Out)
			}
			printReport(o.io, dir, r)
		}
		if errs > 0 {
			fixable := 0
			for _, r := range reports {
				for _, f := range r.Findings() {
					if f.IsError() && f.Fixable {
						fixable++
					}
				}
			}
			fmt.Fprintf(o.io.Out, "\n%s; `autofill materials prepare %s --out DIR` can fix %d of them and writes a profile using the fixed files.\n",
				plural(errs, "error"), o.file, fixable)
		}
	}
	if errs > 0 {
		return exitcode.With(exitcode.BadInput, errSilent)
	}
	return nil
}

type materialsPrepareOptions struct {
	io           *iostreams.IOStreams
	file         string
	out          string
	degree       string
	diplomaPages []string
	json         bool
	force        bool
}

func newMaterialsPrepareCmd(a *app) *cobra.Command {
	opts := &materialsPrepareOptions{io: a.io}
	cmd := &cobra.Command{
		Use:   "prepare FILE --out DIR",
		Short: "Make upload-ready copies of a profile's files, and a profile pointing at them",
		Long: `Prepare writes upload-ready copies of the profile FILE's materials into DIR and
DIR/profile.yaml, a copy of the profile (comments kept) pointing at them. It
never changes the originals.

  - PNG, GIF, WebP, BMP and TIFF images become JPEG; JPEGs over the limit are
    scaled down and re-compressed until they fit, never below what stays
    legible (1200 px on the long side for documents, 600 px for the photo);
    sideways phone pictures are turned upright.
  - An image given where the portal takes a PDF (学位证书, 授权声明) becomes a
    one-page PDF; --diploma-pages merges several images or PDFs (front and
    back) into the one diploma PDF. A PDF encrypted only with permissions is
    saved unprotected.
  - Files that are fine are copied unchanged.

What cannot be fixed (a missing or damaged file, a password-protected PDF,
an image too small to read) is listed with what you need to do; prepare then
exits 2, after writing everything it could.`,
		Example: `  autofill materials prepare me.yaml --out upload
  autofill validate upload/profile.yaml

  # diploma front and back from two photos
  autofill materials prepare me.yaml --out upload --diploma-pages front.jpg,back.jpg`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			if opts.out == "" {
				return &flagError{errors.New("--out DIR is required: the folder for the prepared files (your originals stay as they are)")}
			}
			return runMaterialsPrepare(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "folder for the prepared files and profile.yaml (created)")
	f.StringVar(&opts.degree, "degree", "", "prepare only the degree with this id (default: every degree)")
	f.StringSliceVar(&opts.diplomaPages, "diploma-pages", nil, "images or PDFs, in order, to merge into the diploma PDF instead of the profile's diploma")
	f.BoolVar(&opts.json, "json", false, "print what was done as JSON")
	f.BoolVar(&opts.force, "force", false, "write into --out even when it holds other files (files of the same name are replaced)")
	return cmd
}

// degreePrepared is one degree's result in --json output.
type degreePrepared struct {
	Degree string `json:"degree"`
	Dir    string `json:"dir"`
	materials.Prepared
}

func runMaterialsPrepare(o *materialsPrepareOptions) error {
	p, err := loadForMaterials(o.io, o.file)
	if err != nil {
		return err
	}
	idx, err := pickDegrees(p, o.degree)
	if err != nil {
		return err
	}
	if len(o.diplomaPages) > 0 && len(idx) != 1 {
		return &flagError{fmt.Errorf("--diploma-pages belongs to one degree; the profile has %d, so add --degree ID", len(idx))}
	}
	src, err := os.ReadFile(p.Path)
	if err != nil {
		return exitcode.Errorf(exitcode.BadInput, "reading %s: %v", o.file, err)
	}
	doc, err := materials.ParseProfileDoc(src, p.Path)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	outDir, err := filepath.Abs(o.out)
	if err != nil {
		return exitcode.With(exitcode.BadInput, err)
	}
	if err := emptyOut(o.out, outDir, o.force, p); err != nil {
		return err
	}
	dst := filepath.Join(outDir, "profile.yaml")
	if sameFile(dst, p.Path) {
		return &flagError{fmt.Errorf("--out %s would overwrite the profile itself; choose an empty folder", o.out)}
	}

	var results []degreePrepared
	ok := true
	for _, i := range idx {
		d := p.Degrees[i]
		dir := outDir
		if len(idx) > 1 { // several degrees: one folder each, so names do not clash
			sub := d.ID
			if sub == "" || sub != filepath.Base(sub) || sub == "." || sub == ".." {
				sub = fmt.Sprintf("degree-%d", i+1)
			}
			dir = filepath.Join(outDir, sub)
		}
		files := d.Materials.All()
		if len(o.diplomaPages) > 0 {
			files["diploma"] = absPaths(o.diplomaPages)
		}
		res, err := materials.Prepare(files, dir)
		if errors.Is(err, materials.ErrOutHoldsOriginals) {
			return &flagError{err}
		}
		if err != nil {
			return err
		}
		if err := doc.SetMaterials(i, relTo(outDir, res.Files)); err != nil {
			return err
		}
		results = append(results, degreePrepared{d.ID, dir, res})
		ok = ok && res.OK()
	}
	// degrees not prepared keep their files: absolute paths, since the
	// copy lives in another folder than the original
	for i, d := range p.Degrees {
		if !hasIndex(idx, i) {
			if err := doc.SetMaterials(i, d.Materials.All()); err != nil {
				return err
			}
		}
	}
	if err := writeProfileCopy(doc, dst, p.Path); err != nil {
		return err
	}

	if o.json {
		if err := writeJSONTo(o.io.Out, results); err != nil {
			return err
		}
	} else {
		printPrepared(o, results, dst, doc.ConvertedFrom)
	}
	if !ok {
		return exitcode.With(exitcode.BadInput, errSilent)
	}
	return nil
}

// loadForMaterials loads a profile for its material paths. Problems in other
// fields do not stop the materials commands; `validate` is for those.
func loadForMaterials(ios *iostreams.IOStreams, file string) (*profile.Profile, error) {
	p, err := profile.Load(file)
	if p == nil {
		return nil, exitcode.With(exitcode.BadInput, err)
	}
	if err != nil {
		fmt.Fprintf(ios.ErrOut, "note: %s has other problems; `autofill validate %s` lists them\n", file, file)
	}
	if len(p.Degrees) == 0 {
		return nil, exitcode.Errorf(exitcode.BadInput, "%s: no degrees, so no materials: add a degree with its materials (see `autofill init`)", file)
	}
	return p, nil
}

// pickDegrees returns the indexes of the degrees to work on.
func pickDegrees(p *profile.Profile, id string) ([]int, error) {
	var ids []string
	for i, d := range p.Degrees {
		if id != "" && d.ID == id {
			return []int{i}, nil
		}
		ids = append(ids, d.ID)
	}
	if id != "" {
		return nil, &flagError{fmt.Errorf("--degree %s: no such degree in %s; its degrees are %s", id, filepath.Base(p.Path), strings.Join(ids, ", "))}
	}
	all := make([]int, len(p.Degrees))
	for i := range all {
		all[i] = i
	}
	return all, nil
}

// relTo writes prepared paths relative to the profile copy's folder (they
// live there); originals that were kept stay absolute.
func relTo(dir string, files map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, list := range files {
		for _, p := range list {
			out[k] = append(out[k], displayPath(dir, p))
		}
	}
	return out
}

// emptyOut refuses an --out folder that holds anything (unless force): the
// prepared files and profile.yaml would overwrite what is there.
func emptyOut(flag, dir string, force bool, p *profile.Profile) error {
	if force {
		return nil
	}
	for _, d := range p.Degrees {
		for _, files := range d.Materials.All() {
			for _, f := range files {
				if filepath.Dir(f) == dir {
					return nil // the originals' own folder: Prepare refuses it and says why
				}
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil // missing: prepare creates it
	}
	names := make([]string, 0, 3)
	for _, e := range entries[:min(3, len(entries))] {
		names = append(names, e.Name())
	}
	more := ""
	if len(entries) > 3 {
		more = fmt.Sprintf(" and %d more", len(entries)-3)
	}
	return &flagError{fmt.Errorf("--out %s is not empty (%s%s); prepare writes into an empty folder so nothing of yours is overwritten: choose a new folder, or add --force", flag, strings.Join(names, ", "), more)}
}

func writeProfileCopy(doc *materials.ProfileDoc, dst, from string) error {
	body, err := doc.Bytes()
	if err != nil {
		return fmt.Errorf("writing the profile copy: %w", err)
	}
	head := fmt.Sprintf("# Prepared by `autofill materials prepare` from %s:\n# the materials point at the upload-ready files in this folder.\n", from)
	if err := atomicfile.Write(dst, append([]byte(head), body...), 0o600); err != nil {
		return fmt.Errorf("writing the profile copy: %w", err)
	}
	return nil
}

func printPrepared(o *materialsPrepareOptions, results []degreePrepared, dst, converted string) {
	out := o.io.Out
	for n, r := range results {
		if n > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "degree %s → %s\n", r.Degree, r.Dir)
		t := &textTable{header: []string{"SLOT", "FROM", "TO", "DONE", "DETAILS"}}
		for _, x := range r.Outputs {
			from := make([]string, len(x.Inputs))
			for i, in := range x.Inputs {
				from[i] = filepath.Base(in)
			}
			to := displayPath(r.Dir, x.Path)
			t.add(x.Label, strings.Join(from, "+"), to, x.Action, x.Note)
		}
		t.write(out)
		if !r.OK() {
			fmt.Fprintln(out, "\nStill to do by you:")
			printProblemsList(o.io, r.Check)
		}
	}
	fmt.Fprintf(out, "\nwrote %s", dst)
	if converted != "" {
		fmt.Fprintf(out, " (YAML, converted from your %s profile)", strings.ToUpper(converted))
	}
	fmt.Fprintf(out, "\ncheck it with: autofill validate %s\n", dst)
}

func printProblemsList(ios *iostreams.IOStreams, r materials.Report) {
	c := newPalette(ios.ColorEnabled())
	for _, f := range r.Findings() {
		sev := c.yellow("warning")
		if f.IsError() {
			sev = c.red("error")
		}
		where := f.Label
		if f.Path != "" {
			where += " " + filepath.Base(f.Path)
		}
		fmt.Fprintf(ios.Out, "  %s: %s: %s\n", sev, where, f.Reason)
		if f.Hint != "" {
			fmt.Fprintf(ios.Out, "      fix: %s\n", f.Hint)
		}
	}
}

// printReport writes one degree's materials as a table: one row a file,
// more rows for a file with several findings.
func printReport(ios *iostreams.IOStreams, dir string, r degreeReport) {
	c := newPalette(ios.ColorEnabled())
	out := ios.Out
	fmt.Fprintf(out, "degree %s: %d files, %s, %s\n", r.Degree, len(r.Files),
		plural(r.Errors(), "error"), plural(r.Warnings(), "warning"))
	t := &textTable{header: []string{"SLOT", "FILE", "TYPE", "SIZE", "PAGES/PIXELS", "VERDICT", "PROBLEM → HOW TO FIX"}}
	verdict := func(v string) string {
		switch v {
		case "error":
			return c.red(v)
		case "warning":
			return c.yellow(v)
		}
		return c.green(v)
	}
	problem := func(f materials.Finding) string {
		if f.Hint == "" {
			return f.Reason
		}
		return f.Reason + " → " + f.Hint
	}
	for _, f := range r.Slots {
		v := "error"
		if !f.IsError() {
			v = "warning"
		}
		t.add(f.Label, "—", "", "", "", verdict(v), problem(f))
	}
	for _, fi := range r.Files {
		size := ""
		if fi.Kind != "" {
			size = materials.HumanSize(fi.Size)
		}
		first := ""
		if len(fi.Findings) > 0 {
			first = problem(fi.Findings[0])
		}
		t.add(fi.Label, displayPath(dir, fi.Path), fi.Kind, size, fi.Detail(), verdict(fi.Verdict()), first)
		for _, f := range fi.Findings[min(1, len(fi.Findings)):] {
			t.add("", "", "", "", "", "", problem(f))
		}
	}
	t.write(out)
}

// displayPath shows a path relative to dir when it lies inside it.
func displayPath(dir, p string) string {
	if rel, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

func absPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		out[i] = p
	}
	return out
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func hasIndex(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}
