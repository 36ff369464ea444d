package exercise

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// positions lists where every object of the open form's first page sits.
func positions(f *form) []fyne.Position {
	var out []fyne.Position
	for _, o := range f.pages[0].(*fyne.Container).Objects {
		out = append(out, o.Position())
	}
	return out
}

// A big jump in window width (maximise, restore) lays wrapped text out afresh at
// once, with no gaps or overlaps left from the old width.
func TestResizeSettlesWrappedText(t *testing.T) {
	h := newHarness(t)
	for _, c := range []struct{ from, to float32 }{{320, 900}, {900, 420}} {
		fresh := h.newScreen()
		_ = fresh.Open("thought-record")
		test.NewTempWindow(t, fresh.Content()).Resize(fyne.NewSize(c.to, 900))
		want := positions(fresh.form)

		s := h.newScreen()
		_ = s.Open("thought-record")
		w := test.NewTempWindow(t, s.Content())
		w.Resize(fyne.NewSize(c.from, 900))
		w.Resize(fyne.NewSize(c.to, 900))
		got := positions(s.form)
		from := c.from
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("from width %v: object %d at %v, want %v", from, i, got[i], want[i])
			}
		}
	}
}
