package aftercare

import (
	"reflect"
	"testing"
	"time"

	"github.com/cscse-tools/autofill/internal/exitcode"
)

func TestMatchReupload(t *testing.T) {
	named := []string{"passport.jpg", "visa.jpg"}
	// Same name first, then the rest in order.
	got, err := MatchReupload(named, []string{"/x/new-visa.jpg", "/y/passport.jpg"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"passport.jpg": "/y/passport.jpg", "visa.jpg": "/x/new-visa.jpg"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Too few files: an error that names what is asked.
	if _, err := MatchReupload(named, []string{"/x/a.jpg"}); exitcode.Of(err) != exitcode.BadInput {
		t.Errorf("one file for two: %v", err)
	}
}

func TestDaysLeft(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 30, 0, 0, time.Local)
	for deadline, want := range map[string]int{"2026-12-06": 0, "2026-12-09": 3, "2026-12-01": -5} {
		if got := daysLeft(deadline, now); got == nil || *got != want {
			t.Errorf("%s: %v, want %d", deadline, got, want)
		}
	}
	if daysLeft("31.12.2026", now) != nil {
		t.Error("an unreadable deadline gives no count")
	}
}

func TestSplitList(t *testing.T) {
	if got := splitList("a.jpg、b.jpg, c.pdf"); !reflect.DeepEqual(got, []string{"a.jpg", "b.jpg", "c.pdf"}) {
		t.Errorf("%v", got)
	}
}
