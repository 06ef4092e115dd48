package aftercare

import (
	_ "embed"

	"github.com/cscse-tools/autofill/internal/page"
)

// After-care's own page functions, called through internal/page by value
// (one function a file under js/): nothing is installed in the portal.
var (
	//go:embed js/shown.js
	shownJS string
	//go:embed js/texts.js
	textsJS string
	//go:embed js/reupload_rows.js
	reuploadRowsJS string
	//go:embed js/reupload_slot.js
	reuploadSlotJS string
	//go:embed js/href.js
	hrefJS string
	//go:embed js/fetch.js
	fetchJS string

	shownFunc        = page.Func{Name: "aftercare.shown", Source: shownJS}
	textsFunc        = page.Func{Name: "aftercare.texts", Source: textsJS}
	reuploadRowsFunc = page.Func{Name: "aftercare.reupload_rows", Source: reuploadRowsJS}
	reuploadSlotFunc = page.Func{Name: "aftercare.reupload_slot", Source: reuploadSlotJS}
	hrefFunc         = page.Func{Name: "aftercare.href", Source: hrefJS}
	fetchFunc        = page.Func{Name: "aftercare.fetch", Source: fetchJS}
)
