package exercise

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/resources/critic"
)

// benchScreen is a screen on a real vault for benchmarks.
func benchScreen(b *testing.B) (*Screen, *fakeTimers) {
	b.Helper()
	a := test.NewTempApp(b)
	a.Settings().SetTheme(testTheme{test.Theme()})
	v, _, err := journal.Create(b.TempDir(), "a long test passphrase", journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	pk, err := resources.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	sp, err := critic.New("en")
	if err != nil {
		b.Fatal(err)
	}
	timers := &fakeTimers{}
	s := New(resources.NewLibrary(pk), v, a.Preferences(), sp, nil)
	s.after = timers.after
	s.background = func(work, done func()) { work(); done() }
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(900, 700))
	return s, timers
}

// BenchmarkLetterKeystroke is one typed character in a long letter (word wrap on):
// the form's own work (answer, status, autosave timer) plus Fyne's entry update, on
// the test driver (no GPU).
func BenchmarkLetterKeystroke(b *testing.B) {
	para := strings.Repeat("It makes sense that you feel tired; you have carried a lot. ", 16) + "\n\n"
	for _, size := range []int{1 << 10, 10 << 10, 50 << 10} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			s, timers := benchScreen(b)
			_ = s.Open("compassionate-letter")
			f := s.form
			f.move(2)
			e := f.entries["letter"]
			e.SetText(strings.Repeat(para, size/len(para)+1)[:size])
			for b.Loop() {
				e.TypedRune('a')
				if len(timers.pending) > 1000 {
					timers.pending = timers.pending[:0]
				}
			}
		})
	}
}

// BenchmarkThoughtKeystroke is one typed character in a threat-based thought with
// critic notes on (the Spotter itself runs only after a pause).
func BenchmarkThoughtKeystroke(b *testing.B) {
	s, timers := benchScreen(b)
	_ = s.Open("thought-record")
	f := s.form
	f.move(2)
	e := f.entries["thoughts_self"]
	e.SetText(strings.Repeat("I'm useless and I always mess up. ", 60))
	for b.Loop() {
		e.TypedRune('a')
		if len(timers.pending) > 1000 {
			timers.pending = timers.pending[:0]
		}
	}
}

// BenchmarkCriticLook is the pause-time work under a 2 KB thought: the Spotter and
// the notes' rebuild.
func BenchmarkCriticLook(b *testing.B) {
	s, _ := benchScreen(b)
	n := NewCriticNotes(s.spotter)
	text := strings.Repeat("The meeting went on. I'm useless and I always mess up. ", 40)
	for b.Loop() {
		n.SetTextNow(text)
	}
}

// BenchmarkAutosave is one autosave of an edited thought record: building the record
// and its Markdown body, the vault's Update (sealed, synced), the list update. It runs
// on the UI goroutine a second after typing stops.
func BenchmarkAutosave(b *testing.B) {
	s, _ := benchScreen(b)
	_ = s.Open("thought-record")
	f := s.form
	for _, st := range f.ex.Steps {
		for _, fd := range st.Fields {
			if e := f.entries[fd.ID]; e != nil {
				e.SetText(strings.Repeat("A calm sentence about the day. ", 10))
			}
		}
	}
	if err := f.save(false); err != nil {
		b.Fatal(err)
	}
	e := f.entries["situation"]
	for b.Loop() {
		e.TypedRune('a')
		if err := f.save(false); err != nil {
			b.Fatal(err)
		}
	}
}
