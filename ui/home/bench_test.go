package home

import (
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/learn"
)

// BenchmarkApply measures the part of Refresh that runs on the UI goroutine (today's
// step, letters due, recent rows) for a vault of 10,000 records: years of use.
func BenchmarkApply(b *testing.B) {
	a := test.NewTempApp(b)
	pk, err := resources.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	lib := resources.NewLibrary(pk)
	learn.StartProgramme(a.Preferences(), lib.Programmes[0].ID, evening.AddDate(0, 0, -2))
	recs := make([]journal.Record, 10000)
	for i := range recs {
		at := evening.Add(-time.Duration(i) * 3 * time.Hour)
		recs[i] = journal.Record{ID: strconv.Itoa(i), Kind: journal.KindPracticeSession, Title: "Safe place",
			Created: at, Updated: at, Meta: map[string]string{"practice_id": "safe-place", "seconds": "600"}}
		if i%3 == 0 {
			recs[i].Kind, recs[i].Meta = journal.KindEntry, nil
		}
	}
	s := New(Config{Library: lib, Store: store(recs), Prefs: a.Preferences(), Now: func() time.Time { return evening }})
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(900, 1400))
	for b.Loop() {
		s.apply(recs, nil)
	}
}
