package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// supportContent is the text of the "Need support?" dialog: what Hearth is and isn't,
// what to do in a crisis, and a small grounding step. A fuller support screen with a
// dated list of helplines comes with the content library.
func supportContent() fyne.CanvasObject {
	crisis := widget.NewLabelWithStyle(
		lang.X("support.crisis", "If you might act on thoughts of harming yourself, call your local emergency number now."),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	crisis.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		newParagraph(lang.X("support.notTherapy", "Hearth is a practice companion. It isn't therapy, and it isn't a crisis service.")),
		crisis,
		newParagraph(lang.X("support.reachOut", "If you can, reach out to someone you trust, or to your doctor or therapist. You don't have to carry this alone.")),
		newParagraph(lang.X("support.ground", "Right now, you might feel your feet on the floor, notice five things you can see, and let your breath slow a little.")),
		newNote(lang.X("support.later", "A fuller support page, with helplines for your country, will come with Hearth's content library.")),
	)
}

// showSupport opens the calm support dialog over w.
func showSupport(w fyne.Window) {
	d := dialog.NewCustom(lang.L("Need support?"), lang.L("Close"), dialogBody(supportContent(), w, 460), w)
	d.Show()
}

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
