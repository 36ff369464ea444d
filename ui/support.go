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
	body := container.New(fixedWidth{width: 460}, supportContent())
	d := dialog.NewCustom(lang.L("Need support?"), lang.L("Close"), body, w)
	d.Show()
}

// fixedWidth gives its children a fixed width (so wrapped text in a dialog has a
// sensible measure) and the height they need at that width.
type fixedWidth struct{ width float32 }

func (f fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		o.Resize(fyne.NewSize(f.width, o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

func (f fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}
