package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// passphraseForm asks for a new passphrase twice, with an honest strength estimate
// and a kind note when the two don't match. It is used at first run and after
// unlocking with the recovery code.
type passphraseForm struct {
	pass, confirm *widget.Entry
	strength      *widget.RichText
	mismatch      *widget.RichText
	submit        *widget.Button
	root          fyne.CanvasObject
}

// newPassphraseForm builds the form; onSubmit runs when the passphrase is acceptable
// and the user presses the button (or Enter in the confirm field).
func newPassphraseForm(submitLabel string, onSubmit func(passphrase string)) *passphraseForm {
	f := &passphraseForm{
		pass:     widget.NewPasswordEntry(),
		confirm:  widget.NewPasswordEntry(),
		strength: newNote(""),
		mismatch: newNote(""),
	}
	f.pass.SetPlaceHolder(lang.L("New passphrase"))
	f.confirm.SetPlaceHolder(lang.L("The same passphrase again"))
	f.submit = widget.NewButton(submitLabel, func() {
		if f.ready() {
			onSubmit(f.pass.Text)
		}
	})
	f.submit.Importance = widget.HighImportance
	f.pass.OnChanged = func(string) { f.update() }
	f.confirm.OnChanged = func(string) { f.update() }
	f.pass.OnSubmitted = func(string) {
		if c := fyne.CurrentApp().Driver().CanvasForObject(f.pass); c != nil {
			c.Focus(f.confirm)
		}
	}
	f.confirm.OnSubmitted = func(string) { f.submit.OnTapped() }
	hint := newNote(lang.X("passphrase.hint", "A few unrelated words are strong and easy to remember. The strength shown is a rough estimate from length and variety."))
	f.root = container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Passphrase"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.pass,
		f.strength,
		widget.NewLabelWithStyle(lang.L("Confirm passphrase"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.confirm,
		f.mismatch,
		hint,
	)
	f.update()
	return f
}

// ready reports whether the passphrase is long enough and confirmed.
func (f *passphraseForm) ready() bool {
	s, _ := EstimateStrength(f.pass.Text)
	return s != StrengthTooShort && f.pass.Text == f.confirm.Text
}

// update refreshes the strength and match notes and the submit button.
func (f *passphraseForm) update() {
	s, _ := EstimateStrength(f.pass.Text)
	msg, col := strengthMessage(s, f.pass.Text == "")
	setNote(f.strength, msg, col)
	switch {
	case f.confirm.Text != "" && f.confirm.Text != f.pass.Text:
		setNote(f.mismatch, lang.L("These two don't match yet."), theme.ColorNameForeground)
	default:
		setNote(f.mismatch, "", colorNameMuted)
	}
	if f.ready() {
		f.submit.Enable()
	} else {
		f.submit.Disable()
	}
}

// setEnabled enables or disables the whole form (while the key is being derived).
func (f *passphraseForm) setEnabled(on bool) {
	if on {
		f.pass.Enable()
		f.confirm.Enable()
		f.update()
		return
	}
	f.pass.Disable()
	f.confirm.Disable()
	f.submit.Disable()
}

// clear forgets the typed passphrases.
func (f *passphraseForm) clear() {
	f.pass.SetText("")
	f.confirm.SetText("")
}

// strengthMessage is the note shown under the passphrase field and its colour.
func strengthMessage(s Strength, empty bool) (string, fyne.ThemeColorName) {
	switch {
	case empty:
		return lang.L("Use at least 8 characters."), colorNameMuted
	case s == StrengthTooShort:
		return lang.L("A little longer, please: at least 8 characters."), colorNameMuted
	case s == StrengthWeak:
		return lang.X("strength.weak", "Weak: this one would be fairly easy to guess. A few more words would make it much stronger. You can still use it if you prefer."), theme.ColorNameForeground
	case s == StrengthFair:
		return lang.L("Fair. Another word or two would make it stronger."), colorNameMuted
	case s == StrengthGood:
		return lang.L("Good."), colorNameMuted
	}
	return lang.L("Strong."), colorNameMuted
}
