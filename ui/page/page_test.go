package page

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestReadableCentresAtWidth(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name         string
		window       float32
		wantW, wantX float32
	}{
		{"wide window", 1200, ReadingWidth, (1200 - ReadingWidth) / 2},
		{"narrow window", 400, 400, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := widget.NewLabel("text")
			r := Readable(0, l)
			r.Resize(fyne.NewSize(tt.window, 300))
			if l.Size().Width != tt.wantW || l.Position().X != tt.wantX {
				t.Errorf("child at x=%v width %v, want x=%v width %v", l.Position().X, l.Size().Width, tt.wantX, tt.wantW)
			}
		})
	}
}

func TestCardShowsTitleAndContent(t *testing.T) {
	test.NewTempApp(t)
	body := widget.NewLabel("inside")
	c := NewCard("A title", body)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 200))
	if c.title.Text != "A title" || !c.title.Visible() {
		t.Errorf("title = %q visible=%v", c.title.Text, c.title.Visible())
	}
	if !body.Visible() || body.Size().Width == 0 {
		t.Error("content not laid out")
	}
	if p := fyne.CurrentApp().Driver().AbsolutePositionForObject(body); p.X <= 0 || p.Y <= 0 {
		t.Error("content should be inset from the card's edge")
	}
	untitled := NewCard("", widget.NewLabel("x"))
	if untitled.title.Visible() {
		t.Error("an empty title should be hidden")
	}
	repl := widget.NewLabel("replaced")
	c.SetContent(repl)
	if len(c.content.Objects) != 1 || c.content.Objects[0] != repl {
		t.Error("SetContent did not replace the content")
	}
}

func TestSetNote(t *testing.T) {
	test.NewTempApp(t)
	n := Note("first")
	SetNote(n, "second")
	if got := n.Segments[0].(*widget.TextSegment).Text; got != "second" {
		t.Errorf("note text = %q", got)
	}
}
