package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// unlockScreen opens the vault with the passphrase, or with the recovery code followed
// by a new passphrase.
type unlockScreen struct {
	stepPages

	pass     *widget.Entry
	unlock   *widget.Button
	problem  *widget.RichText
	progress *busy
	busy     bool

	// recovery path
	code      *widget.Entry
	useCode   *widget.Button
	form      *passphraseForm
	recovered *journal.Vault
}

func newUnlockScreen(h *App) *unlockScreen {
	s := &unlockScreen{stepPages: newStepPages(h)}
	s.showPassphrase()
	return s
}

// showPassphrase is the usual unlock page.
func (s *unlockScreen) showPassphrase() {
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder(lang.L("Passphrase"))
	s.pass.OnSubmitted = func(string) { s.tryPassphrase() }
	s.unlock = widget.NewButton(lang.L("Unlock"), s.tryPassphrase)
	s.unlock.Importance = widget.HighImportance
	s.useCode = widget.NewButton(lang.L("Use recovery code"), func() { s.app.touch(); s.showRecovery() })
	s.useCode.Importance = widget.LowImportance
	s.problem = newNote("")
	s.progress = newBusy(lang.L("Opening your journal…"))
	s.step = s.pass
	s.setPage(container.NewVBox(
		newHeading(lang.L("Welcome back")),
		newParagraph(lang.L("Your journal is locked. Enter your passphrase to open it.")),
		s.pass,
		s.problem,
		s.progress.root,
		container.NewHBox(s.useCode, layoutSpacer(), s.unlock),
	))
}

// tryPassphrase opens the vault off the UI goroutine.
func (s *unlockScreen) tryPassphrase() {
	if s.busy || s.pass.Text == "" {
		return
	}
	s.app.touch()
	s.setBusy(true)
	setNote(s.problem, "", colorNameMuted)
	pass := s.pass.Text
	dir, opts := s.app.cfg.DataDir, s.app.cfg.VaultOptions
	var (
		v   *journal.Vault
		err error
	)
	s.app.cfg.Background(func() {
		v, err = journal.Open(dir, pass, opts...)
	}, func() {
		s.setBusy(false)
		if err != nil {
			setNote(s.problem, describeVaultError(err, dir), theme.ColorNameForeground)
			s.pass.SetText("")
			s.focus()
			return
		}
		s.pass.SetText("")
		s.app.unlocked(v)
	})
}

// setBusy disables the page while the key is derived.
func (s *unlockScreen) setBusy(on bool) {
	s.busy = on
	s.progress.set(on)
	for _, w := range []fyne.Disableable{s.pass, s.unlock, s.useCode} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// showRecovery asks for the recovery code.
func (s *unlockScreen) showRecovery() {
	s.code = widget.NewEntry()
	s.code.SetPlaceHolder(lang.L("Recovery code"))
	s.code.OnSubmitted = func(string) { s.tryCode() }
	s.unlock = widget.NewButton(lang.L("Unlock with this code"), s.tryCode)
	s.unlock.Importance = widget.HighImportance
	s.useCode = widget.NewButton(lang.L("Back"), func() { s.app.touch(); s.showPassphrase(); s.focus() })
	s.useCode.Importance = widget.LowImportance
	s.pass = widget.NewPasswordEntry() // unused on this page; keeps setBusy simple
	s.problem = newNote("")
	s.progress = newBusy(lang.L("Checking the code…"))
	s.step = s.code
	s.setPage(container.NewVBox(
		newHeading(lang.L("Use your recovery code")),
		newParagraph(lang.X("unlock.recovery", "Type the recovery code you saved when you set up Hearth. Spaces, dashes and capitals don't matter. Afterwards you'll choose a new passphrase.")),
		s.code,
		s.problem,
		s.progress.root,
		container.NewHBox(s.useCode, layoutSpacer(), s.unlock),
	))
	s.focus()
}

// tryCode opens the vault with the recovery code off the UI goroutine.
func (s *unlockScreen) tryCode() {
	if s.busy || s.code.Text == "" {
		return
	}
	s.app.touch()
	s.setBusy(true)
	s.code.Disable()
	setNote(s.problem, "", colorNameMuted)
	code := s.code.Text
	dir, opts := s.app.cfg.DataDir, s.app.cfg.VaultOptions
	var (
		v   *journal.Vault
		err error
	)
	s.app.cfg.Background(func() { v, err = journal.OpenWithRecoveryCode(dir, code, opts...) }, func() {
		s.setBusy(false)
		s.code.Enable()
		if err != nil {
			setNote(s.problem, describeRecoveryError(err, dir), theme.ColorNameForeground)
			return
		}
		s.code.SetText("")
		if s.app.stopped {
			_ = v.Close()
			return
		}
		s.recovered = v
		s.app.vault = v // closed by Shutdown if Hearth quits before the new passphrase is set
		s.showNewPassphrase()
	})
}

// showNewPassphrase asks for a new passphrase after a recovery-code unlock.
func (s *unlockScreen) showNewPassphrase() {
	s.form = newPassphraseForm(lang.L("Save new passphrase"), s.setNewPassphrase)
	s.problem = newNote("")
	s.progress = newBusy(lang.L("Saving your new passphrase…"))
	s.step = s.form.pass
	s.setPage(container.NewVBox(
		newHeading(lang.L("Choose a new passphrase")),
		newParagraph(lang.L("Your journal is open. Choose a new passphrase to use from now on; your recovery code keeps working too.")),
		s.form.root,
		s.problem,
		s.progress.root,
		container.NewHBox(layoutSpacer(), s.form.submit),
	))
	s.focus()
}

// setNewPassphrase re-wraps the vault key with the new passphrase, off the UI goroutine.
func (s *unlockScreen) setNewPassphrase(pass string) {
	s.app.touch()
	s.form.setEnabled(false)
	s.progress.set(true)
	setNote(s.problem, "", colorNameMuted)
	v := s.recovered
	var err error
	s.app.cfg.Background(func() {
		err = v.ChangePassphrase(pass)
	}, func() {
		s.progress.set(false)
		if err != nil {
			s.form.setEnabled(true)
			setNote(s.problem, describeVaultError(err, s.app.cfg.DataDir), theme.ColorNameForeground)
			return
		}
		s.form.clear()
		s.app.unlocked(v)
	})
}
