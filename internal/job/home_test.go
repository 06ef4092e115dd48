package job_test

import (
	"os"
	"testing"

	"github.com/cscse-tools/autofill/internal/appdir/appdirtest"
)

// Tests never touch the real per-account state: AUTOFILL_HOME is a
// temporary folder for this test binary.
func TestMain(m *testing.M) { os.Exit(appdirtest.Main(m)) }
