package portalsim

import (
	"fmt"

	"github.com/cscse-tools/autofill/internal/materials"
)

// The simulator's own upload rules: the portal's as its 上传材料 page states
// them (the tip under each button). They are written out here rather than
// read from selectors/materials.yaml, so the simulator stays an independent
// oracle: a wrong limit in the maps makes the simulator refuse what
// autofill let through, and a test fails (slots_test.go).
const mb = 1 << 20

var slots = []materials.Slot{
	{Key: "photo", Label: "证件照片", Required: true, Type: materials.JPEG, MaxBytes: 1 * mb, MaxFiles: 1},
	{Key: "passport", Label: "护照/通行证", Required: true, Type: materials.JPEG, MaxBytes: 1 * mb, MaxFiles: 5, Multi: true},
	{Key: "visa", Label: "签证/居留许可", Required: true, Type: materials.JPEG, MaxBytes: 1 * mb, Multi: true},
	{Key: "diploma", Label: "学位证书", Required: true, Type: materials.PDF, MaxBytes: 5 * mb, MaxFiles: 1},
	{Key: "authorization", Label: "授权声明", Required: true, Type: materials.PDF, MaxBytes: 1 * mb, MaxFiles: 1},
	{Key: "transcript", Label: "成绩单", Type: materials.JPEG, MaxBytes: 1 * mb, MaxFiles: 30, Multi: true},
	{Key: "other", Label: "其他材料", Type: materials.JPEG, MaxBytes: 1 * mb, Multi: true},
	{Key: "entry_exit", Label: "出入境记录", Type: materials.JPEG, MaxBytes: 1 * mb, Multi: true},
}

// slotByKey returns the simulator's slot with the given key.
func slotByKey(key string) (materials.Slot, bool) {
	for _, s := range slots {
		if s.Key == key {
			return s, true
		}
	}
	return materials.Slot{}, false
}

// SlotDifferences lists where the given slots (materials.Slots, read from
// the page maps) and the simulator's own rules disagree on a limit the
// portal enforces: type, size per file, number of files.
func SlotDifferences(mapped []materials.Slot) []string {
	var out []string
	for _, sim := range slots {
		var m *materials.Slot
		for i := range mapped {
			if mapped[i].Key == sim.Key {
				m = &mapped[i]
			}
		}
		switch {
		case m == nil:
			out = append(out, sim.Key+": the simulator has this slot, the maps do not")
		case m.Type != sim.Type:
			out = append(out, sim.Key+": the maps say type "+string(m.Type)+", the simulator takes "+string(sim.Type))
		case m.MaxBytes != sim.MaxBytes:
			out = append(out, sim.Key+": the maps allow "+materials.HumanSize(m.MaxBytes)+" a file, the simulator "+materials.HumanSize(sim.MaxBytes))
		case m.MaxFiles != sim.MaxFiles:
			out = append(out, sim.Key+": the maps allow "+count(m.MaxFiles)+", the simulator "+count(sim.MaxFiles))
		}
	}
	return out
}

func count(n int) string {
	if n == 0 {
		return "any number of files"
	}
	return fmt.Sprintf("%d file(s)", n)
}
