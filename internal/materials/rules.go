// Package materials checks upload files against the portal's upload rules:
// real type from content, size, count. The rules are read from the
// materials page map (selectors/materials.yaml), so the profile validator,
// the `materials` command and the engine follow one table, and a rule
// changes in the map alone. The simulator keeps its own copy, so a wrong
// map fails a test.
package materials

// Type is a file type as the portal accepts it.
type Type string

const (
	JPEG Type = "jpg"
	PDF  Type = "pdf"
)

// Slot is one upload slot of the 上传材料 page.
type Slot struct {
	Key      string // profile key under degrees[i].materials
	Label    string // the label on the page
	Required bool
	Type     Type
	MaxBytes int64
	MaxFiles int  // 0 means no limit
	Multi    bool // the profile gives a list of files
	Note     string

	// Waivable marks a required slot some applicants legitimately leave
	// empty (visa-free study): an empty one is a warning, not an error.
	Waivable bool
	// MinLongSide is the long side in pixels below which an image in this
	// slot is too small to read (an error); PrepareFloor is the long side
	// prepare never scales below, and PrepareCap the one it scales down to
	// before searching for a size, since more is wasted bytes. See
	// legibility.go for how the numbers were chosen. Images only.
	MinLongSide  int
	PrepareFloor int
	PrepareCap   int
}

const mb = 1 << 20

// ours are the slots in page order with what this tool adds to the
// portal's limits: which the profile must fill, whether it gives a list,
// advice, and the legibility floors. The portal's own limits (type, size,
// count) and the labels come from the materials page map (maps.go).
var ours = []Slot{
	{Key: "photo", Required: true,
		MinLongSide: photoMin, PrepareFloor: photoFloor, PrepareCap: photoCap},
	{Key: "passport", Required: true, Multi: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "visa", Required: true, Multi: true,
		Note: "required unless you studied visa-free", Waivable: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "diploma", Required: true,
		Note:        "source-language version; front and back in one PDF",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "authorization", Required: true,
		Note:        "signed by hand",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "transcript", Multi: true,
		Note:        "recommended",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "other", Multi: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	// Shown when verification was skipped (applicant.verification:
	// no_records) or the ID is not a 居民身份证; then it is required.
	{Key: "entry_exit", Multi: true,
		Note:        "required when the entry/exit records were not fetched on 实人认证",
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
}

// SlotByKey returns the slot with the given profile key.
func SlotByKey(key string) (Slot, bool) {
	for _, s := range Slots {
		if s.Key == key {
			return s, true
		}
	}
	return Slot{}, false
}

// SlotByLabel returns the slot with the given page label.
func SlotByLabel(label string) (Slot, bool) {
	for _, s := range Slots {
		if s.Label == label {
			return s, true
		}
	}
	return Slot{}, false
}
