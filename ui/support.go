package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// dialogBody gives wrapped text in a dialog a readable width and lets it scroll when
// the window is small or the text large, so nothing hides behind the buttons.
func dialogBody(content fyne.CanvasObject, w fyne.Window, width float32) fyne.CanvasObject {
	return container.New(&dialogSize{width: width, win: w, content: content}, container.NewVScroll(content))
}

// dialogSize sizes a dialog body: at most width wide, as tall as the content needs
// but no taller than the window allows.
type dialogSize struct {
	width   float32
	win     fyne.Window
	content fyne.CanvasObject
}

func (d *dialogSize) MinSize([]fyne.CanvasObject) fyne.Size {
	win := d.win.Canvas().Size()
	w := d.width
	if win.Width > 0 {
		w = max(160, min(w, win.Width-120))
	}
	d.content.Resize(fyne.NewSize(w, d.content.MinSize().Height))
	h := d.content.MinSize().Height
	if win.Height > 0 {
		h = min(h, max(80, win.Height-200))
	}
	return fyne.NewSize(w, h)
}

func (d *dialogSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}
