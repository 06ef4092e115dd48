// Package materials knows the portal's upload rules (the materials table of
// PORTAL.md) and checks files against them: real type from content, size,
// count. The profile validator, the `materials` command and the engine all
// use this one table, so a rule changes in one place.
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

// Slots lists the upload slots in page order.
var Slots = []Slot{
	{Key: "photo", Label: "证件照片", Required: true, Type: JPEG, MaxBytes: 1 * mb, MaxFiles: 1,
		MinLongSide: photoMin, PrepareFloor: photoFloor, PrepareCap: photoCap},
	{Key: "passport", Label: "护照/通行证", Required: true, Type: JPEG, MaxBytes: 1 * mb, MaxFiles: 5, Multi: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "visa", Label: "签证/居留许可", Required: true, Type: JPEG, MaxBytes: 1 * mb, Multi: true,
		Note: "required unless you studied visa-free", Waivable: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "diploma", Label: "学位证书", Required: true, Type: PDF, MaxBytes: 5 * mb, MaxFiles: 1,
		Note:        "source-language version; front and back in one PDF",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "authorization", Label: "授权声明", Required: true, Type: PDF, MaxBytes: 1 * mb, MaxFiles: 1,
		Note:        "signed by hand",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "transcript", Label: "成绩单", Type: JPEG, MaxBytes: 1 * mb, MaxFiles: 30, Multi: true,
		Note:        "recommended",
		MinLongSide: a4PageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	{Key: "other", Label: "其他材料", Type: JPEG, MaxBytes: 1 * mb, Multi: true,
		MinLongSide: idPageMin, PrepareFloor: docFloor, PrepareCap: docCap},
	// Shown when verification was skipped (applicant.verification:
	// no_records) or the ID is not a 居民身份证; then it is required.
	{Key: "entry_exit", Label: "出入境记录", Type: JPEG, MaxBytes: 1 * mb, Multi: true,
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
