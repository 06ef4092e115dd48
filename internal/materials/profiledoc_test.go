package materials

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const docYAML = `# my profile

applicant:
  name: 张三          # as registered

degrees:
  - id: msc
    materials:                            # paths relative to this file
      photo: "materials/证件 照.jpg"       # studio photo
      passport:
        - materials/p1.png   # bio page
        - 'materials/p2.jpg'
      visa: [材料/visa.jpg, "材料/visa 2.jpg"]
      diploma: materials/diploma.pdf

      transcript: []
  - id: bsc
    materials:
      photo: old.jpg
`

func TestProfileDocKeepsEverythingButThePaths(t *testing.T) {
	d, err := ParseProfileDoc([]byte(docYAML), "me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	err = d.SetMaterials(0, map[string][]string{
		"photo":    {"photo.jpg"},
		"passport": {"passport-1.jpg", "/abs/with, comma #1.jpg"},
		"visa":     {"visa-1.jpg", "visa-2.jpg"},
		"diploma":  {"diploma.pdf"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		`"materials/证件 照.jpg"`, `photo.jpg`,
		`materials/p1.png`, `passport-1.jpg`,
		`'materials/p2.jpg'`, `"/abs/with, comma #1.jpg"`,
		`[材料/visa.jpg, "材料/visa 2.jpg"]`, `[visa-1.jpg, visa-2.jpg]`,
		`materials/diploma.pdf`, `diploma.pdf`,
	).Replace(docYAML)
	if string(got) != want {
		t.Errorf("spliced document:\n%s\nwant:\n%s", got, want)
	}
	var v struct {
		Degrees []struct {
			Materials map[string]any `yaml:"materials"`
		} `yaml:"degrees"`
	}
	if err := yaml.Unmarshal(got, &v); err != nil {
		t.Fatal(err)
	}
	if p := v.Degrees[0].Materials["passport"].([]any)[1]; p != "/abs/with, comma #1.jpg" {
		t.Errorf("quoted path read back as %q", p)
	}
}

func TestProfileDocAddsMissingKeys(t *testing.T) {
	d, err := ParseProfileDoc([]byte(docYAML), "me.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetMaterials(1, map[string][]string{"diploma": {"diploma.pdf"}, "transcript": {"t-1.jpg"}}); err != nil {
		t.Fatal(err)
	}
	got, _ := d.Bytes()
	for _, w := range []string{"# my profile", "# studio photo", "diploma: diploma.pdf", "- t-1.jpg", "photo: old.jpg"} {
		if !strings.Contains(string(got), w) {
			t.Errorf("re-encoded document lacks %q:\n%s", w, got)
		}
	}
	if err := d.SetMaterials(5, nil); err == nil {
		t.Error("degrees[5] does not exist, yet no error")
	}
}

func TestProfileDocConvertsJSONAndTOML(t *testing.T) {
	js := `{"applicant": {"phone": "13800138000", "birth_date": "1998-05-12"},
	  "degrees": [{"id": "msc", "materials": {"photo": "a.png", "passport": ["p.jpg"]}}]}`
	toml := "[applicant]\nphone = \"13800138000\"\nbirth_date = 1998-05-12\n\n[[degrees]]\nid = \"msc\"\n[degrees.materials]\nphoto = \"a.png\"\npassport = [\"p.jpg\"]\n"
	for name, src := range map[string]string{"me.json": js, "me.toml": toml} {
		d, err := ParseProfileDoc([]byte(src), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.ConvertedFrom == "" {
			t.Errorf("%s: not marked as converted", name)
		}
		if err := d.SetMaterials(0, map[string][]string{"photo": {"photo.jpg"}}); err != nil {
			t.Fatal(err)
		}
		out, _ := d.Bytes()
		var v map[string]any
		if err := yaml.Unmarshal(out, &v); err != nil {
			t.Fatalf("%s: output is not YAML: %v\n%s", name, err, out)
		}
		s := string(out)
		for _, w := range []string{`phone: "13800138000"`, "photo: photo.jpg", "- p.jpg", "1998-05-12"} {
			if !strings.Contains(s, w) {
				t.Errorf("%s: YAML lacks %q:\n%s", name, w, s)
			}
		}
		if strings.Contains(s, "{") {
			t.Errorf("%s: flow style left in:\n%s", name, s)
		}
	}
}
