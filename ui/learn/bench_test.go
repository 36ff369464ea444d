package learn

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
)

// manyRecords is n records spread over the four weeks: sessions, entries and
// exercises, as a year of heavy use might leave.
func manyRecords(n int, start time.Time) []journal.Record {
	practices := []string{"soothing-rhythm-breathing-short", "safe-place", "compassionate-self", "breathing-pacer"}
	recs := make([]journal.Record, n)
	for i := range recs {
		at := start.Add(time.Duration(i%(28*24)) * time.Hour)
		switch i % 3 {
		case 0:
			recs[i] = session(practices[i%len(practices)], at, "seconds", "300")
		case 1:
			recs[i] = record(journal.KindEntry, at, "prompt_id", fmt.Sprintf("prompt-%d", i%50))
		default:
			recs[i] = record(journal.KindThoughtRecord, at, "exercise_id", "thought-record", "draft", "true")
		}
	}
	return recs
}

// BenchmarkProgrammeTicks is the work of one Refresh on the UI goroutine: ticking
// the 28 days of the programme once 10,000 records are indexed.
func BenchmarkProgrammeTicks(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(testTheme{test.Theme()})
	s := New(builtinLibrary(b), nil, a.Preferences(), (&clock{t: testNow}).now, (&navLog{}).nav())
	StartProgramme(a.Preferences(), "four-weeks", testStart)
	s.done = indexRecords(manyRecords(10000, testStart))
	b.ResetTimer()
	for b.Loop() {
		s.plan.update()
	}
}

// BenchmarkNewScreen builds the whole screen: 8 lesson rows and 28 programme days.
func BenchmarkNewScreen(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(testTheme{test.Theme()})
	lib := builtinLibrary(b)
	b.ResetTimer()
	for b.Loop() {
		New(lib, nil, a.Preferences(), (&clock{t: testNow}).now, (&navLog{}).nav())
	}
}

// BenchmarkOpenLesson parses and lays out the longest lesson in a window.
func BenchmarkOpenLesson(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(testTheme{test.Theme()})
	s := New(builtinLibrary(b), nil, a.Preferences(), (&clock{t: testNow}).now, (&navLog{}).nav())
	w := test.NewWindow(s.Content())
	defer w.Close()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.OpenLesson([]string{"compassion-not-self-esteem", "tricky-brain"}[i%2])
	}
}

// BenchmarkIndexRecords is the work of one Refresh off the UI goroutine: indexing
// 10,000 records.
func BenchmarkIndexRecords(b *testing.B) {
	recs := manyRecords(10000, testStart)
	for b.Loop() {
		indexRecords(recs)
	}
}
