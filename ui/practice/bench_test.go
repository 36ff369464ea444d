package practice

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// BenchmarkPoll is the cost of one position update while a practice plays (the
// screen does four a second): read the status, move the slider and times, check the
// step and bells.
func BenchmarkPoll(b *testing.B) {
	newTestApp(b)
	fake := newFakePlayer()
	s := newInline(builtinLibrary(b), fake, nil, nil, Callbacks{})
	w := test.NewTempWindow(b, s.Content())
	w.Resize(w.Canvas().Size().Max(s.Content().MinSize()))
	s.OpenPractice("compassion-flowing-in")
	s.Toggle()
	length := s.sess.Duration()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		fake.setPos(time.Duration(i%600) * time.Second % length)
		s.poll()
	}
}

// BenchmarkOpenPractice is the cost of opening a practice in the player, building
// its session (which reads each voice clip's header) inline.
func BenchmarkOpenPractice(b *testing.B) {
	newTestApp(b)
	s := newInline(builtinLibrary(b), newFakePlayer(), nil, nil, Callbacks{})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s.OpenPractice("compassion-flowing-in")
	}
}
