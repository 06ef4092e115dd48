package progressui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/batch"
	"github.com/cscse-tools/autofill/internal/iostreams"
)

// fakeBatch records the codes handed over.
type fakeBatch struct{ got []string }

func (f *fakeBatch) Rows() []batch.Row { return nil }
func (f *fakeBatch) Parallel() int     { return 1 }
func (f *fakeBatch) Code(n int, code string) (string, error) {
	if len(code) != 8 {
		return "", errors.New("the code has 8 digits")
	}
	f.got = append(f.got, fmt.Sprint(n, " ", code))
	return "handed over", nil
}

func TestBatchRoutesTypedCodes(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := &fakeBatch{}
	c := NewBatch(ios, false, nil)
	c.b = f
	for _, tc := range []struct{ line, want string }{
		{"", ""},
		{"hello", `e.g. "3 12345678"`},
		{"1 1234567", "8 digits"},
		{"#1 12345678", "handed over"},
		{"2: 87654321", "handed over"},
		{" 3,11112222 ", "handed over"},
	} {
		if got := c.handle(tc.line); !strings.Contains(got, tc.want) || (tc.want == "" && got != "") {
			t.Errorf("%q → %q, want %q", tc.line, got, tc.want)
		}
	}
	if got := strings.Join(f.got, ","); got != "1 12345678,2 87654321,3 11112222" {
		t.Errorf("codes %s", got)
	}
}

// Without a terminal the console prints a line per change and still reads
// codes from its input, so a script can feed them.
func TestBatchPlainReadsCodes(t *testing.T) {
	ios, in, _, errOut := iostreams.Test()
	in.WriteString("1 12345678\n")
	f := &fakeBatch{}
	c := NewBatch(ios, false, nil)
	if err := c.Start(f); err != nil {
		t.Fatal(err)
	}
	answered := func() bool { c.mu.Lock(); defer c.mu.Unlock(); return c.msg != "" }
	for deadline := time.Now().Add(10 * time.Second); !answered() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond) // the reader answers in the background
	}
	c.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !strings.Contains(errOut.String(), "handed over") {
		t.Errorf("no answer printed:\n%s", errOut.String())
	}
}
