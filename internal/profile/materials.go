package profile

// Materials are one degree's upload files, by the slot keys of
// internal/materials. Load resolves relative paths against the profile's
// folder, so every path here can be opened as it is.
type Materials struct {
	Photo         string   `yaml:"photo" json:"photo" mapstructure:"photo"`
	Passport      []string `yaml:"passport" json:"passport" mapstructure:"passport"`
	Visa          []string `yaml:"visa" json:"visa" mapstructure:"visa"`
	Diploma       string   `yaml:"diploma" json:"diploma" mapstructure:"diploma"`
	Authorization string   `yaml:"authorization" json:"authorization" mapstructure:"authorization"`
	Transcript    []string `yaml:"transcript" json:"transcript" mapstructure:"transcript"`
	Other         []string `yaml:"other" json:"other" mapstructure:"other"`
	// EntryExit is 出入境记录: the passport's entry/exit stamp pages or the
	// NIA e-record, needed when verification was skipped (no_records) or
	// the account's ID is not a 居民身份证.
	EntryExit []string `yaml:"entry_exit" json:"entry_exit" mapstructure:"entry_exit"`
}

// Files returns the files of one slot (photo, passport, visa, diploma,
// authorization, transcript, other); nil for an empty or unknown slot.
func (m Materials) Files(key string) []string {
	one := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	switch key {
	case "photo":
		return one(m.Photo)
	case "passport":
		return m.Passport
	case "visa":
		return m.Visa
	case "diploma":
		return one(m.Diploma)
	case "authorization":
		return one(m.Authorization)
	case "transcript":
		return m.Transcript
	case "other":
		return m.Other
	case "entry_exit":
		return m.EntryExit
	}
	return nil
}

// slotKeys are the materials keys in page order (materials.Slots).
var slotKeys = []string{"photo", "passport", "visa", "diploma", "authorization", "transcript", "other", "entry_exit"}

// All returns every slot that has files, keyed by slot key.
func (m Materials) All() map[string][]string {
	out := map[string][]string{}
	for _, k := range slotKeys {
		if f := m.Files(k); len(f) > 0 {
			out[k] = f
		}
	}
	return out
}

func (m *Materials) resolve(fn func(string) string) {
	m.Photo, m.Diploma, m.Authorization = fn(m.Photo), fn(m.Diploma), fn(m.Authorization)
	for _, list := range []*[]string{&m.Passport, &m.Visa, &m.Transcript, &m.Other, &m.EntryExit} {
		for i, p := range *list {
			(*list)[i] = fn(p)
		}
	}
}
