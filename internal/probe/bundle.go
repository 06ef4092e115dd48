package probe

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/atomicfile"
	"github.com/cscse-tools/autofill/internal/dryrun"
)

// Bundle is what a person sends the maintainers after a probe.
type Bundle struct {
	Result     *Result
	Recordings string   // the scrubbed recordings' directory
	Overrides  []string // the override files written, if any
	Tool       string   // version.Long()
	Secrets    []string // texts scrubbed once more from every file
	Now        time.Time
}

// telltales are texts that show one knob of the simulator's variants on a
// recorded page (portalsim.Variant): present, or absent, in the person's
// portal. They only rank the presets for the maintainers; nothing runs on
// them.
var telltales = []struct {
	knob, page, text string
	present          bool // the knob is on when the text is present
}{
	{"sso", "login", "统一用户身份认证", true},
	{"no_records", "verify", "无法获取出入境记录", true},
	{"old_verify", "verify", "跳过实人认证程序", true},
	{"no_same_school", "degree", "就读学校与颁证学校相同", false},
	{"no_address", "basic-info", "通讯地址", false},
	{"sign_online", "materials", "在线签署", true},
}

// BestVariant names the simulator preset the recorded pages agree with
// most, and the observations behind it ("no_address=on (basic-info)").
func BestVariant(recordings string, visits []Visit) (string, []string) {
	knobs := map[string]bool{}
	var seen []string
	for _, t := range telltales {
		for _, v := range visits {
			if v.Page != t.page || v.File == "" {
				continue
			}
			html, err := os.ReadFile(filepath.Join(recordings, v.File))
			if err != nil {
				continue
			}
			on := strings.Contains(string(html), t.text) == t.present
			knobs[t.knob] = on
			seen = append(seen, fmt.Sprintf("%s=%v (%s)", t.knob, on, t.page))
		}
	}
	return dryrun.BestPreset(knobs), seen
}

// Write packs the bundle into a zip at path: recordings/, drift.json (the
// walk, the check and the proposals), proposals.txt, overrides/, VERSION,
// VARIANT and README.txt. Every text is scrubbed of Secrets once more.
func (b *Bundle) Write(path string) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: b.Now})
		if err != nil {
			return err
		}
		_, err = w.Write([]byte(scrub(string(data), b.Secrets)))
		return err
	}
	err := fs.WalkDir(os.DirFS(b.Recordings), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(b.Recordings, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		return add("recordings/"+p, data)
	})
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	variant, seen := BestVariant(b.Recordings, b.Result.Visits)
	drift, err := json.MarshalIndent(b.Result, "", "  ")
	if err != nil {
		return err
	}
	var props strings.Builder
	for _, p := range b.Result.Proposals {
		props.WriteString(p.String() + "\n")
	}
	for _, d := range b.Result.Decisions {
		props.WriteString(d.String() + "\n")
	}
	for _, v := range b.Result.Unknown() {
		fmt.Fprintf(&props, "%s: no page map recognises this page (%s)\n", v.File, v.Seen)
	}
	files := map[string][]byte{
		"drift.json":    drift,
		"proposals.txt": []byte(props.String()),
		"VERSION":       []byte(b.Tool + "\n"),
		"VARIANT":       []byte(fmt.Sprintf("best matching simulator preset: %s\nobserved: %s\n", variant, strings.Join(seen, ", "))),
		"README.txt":    []byte(bundleReadme),
	}
	for _, f := range b.Overrides {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		files["overrides/"+filepath.Base(f)] = data
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := add(n, files[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o600)
}

const bundleReadme = `autofill probe bundle
=====================

This zip helps the autofill maintainers fix the page maps for everyone after
the CSCSE portal changed. It holds:

  recordings/    the portal pages as autofill saw them, SCRUBBED: every input
                 value, your name, ID number, phone, e-mail, address, the
                 values of your profile, table cells, captcha and QR images
                 are removed, and no scripts are kept
  drift.json     which page maps no longer fit, and what autofill proposes
  proposals.txt  the same, one line each; "needs a decision" lines were not
                 changed because more than one control could be meant
  overrides/     the changed page maps your next run uses
  VERSION        the autofill version
  VARIANT        which simulated form of the portal your pages resemble most

How to send it
--------------
1. Open the zip and look through it yourself: nothing in it should tell who
   you are. If something does, do not send it; tell the maintainers what kind
   of text slipped through instead.
2. Attach it to a new issue at the autofill project's issue tracker (title:
   "probe bundle: the portal changed"), or send it to the maintainers' e-mail
   address given in the project README.
3. Keep using your overrides meanwhile: ` + "`autofill --profile me.yaml`" + ` loads them and
   says so.
`
