package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// welcomeScreen is the first run: a short welcome, the "companion, not therapy" note,
// creating a passphrase, and saving the recovery code.
type welcomeScreen struct {
	stepPages

	form     *passphraseForm
	back     *widget.Button
	progress *busy
	problem  *widget.RichText

	// recovery step
	code    *widget.Label
	copyBtn *widget.Button
	saved   *widget.Check
	next    *widget.Button
}

func newWelcomeScreen(h *App) *welcomeScreen {
	s := &welcomeScreen{stepPages: newStepPages(h)}
	s.showIntro()
	return s
}

// stepPages is the part the welcome and unlock screens share: they show one page at a
// time in the same place, and each page names the field that takes the focus.
type stepPages struct {
	app  *App
	root *fyne.Container
	step fyne.Focusable // where focus goes on the current page
}

// newStepPages starts an empty set of pages for a screen of h.
func newStepPages(h *App) stepPages {
	return stepPages{app: h, root: container.NewStack()}
}

// content is what the shell shows: the current page.
func (p *stepPages) content() fyne.CanvasObject { return p.root }

// focus moves the focus to the current page's field, when there is a window.
func (p *stepPages) focus() {
	if p.step != nil && p.app.win != nil {
		p.app.focus(p.step)
	}
}

// setPage replaces the current page with o, centred.
func (p *stepPages) setPage(o fyne.CanvasObject) {
	if p.app.win != nil {
		p.app.win.Canvas().Unfocus() // the old page's field must not keep the focus
	}
	p.root.Objects = []fyne.CanvasObject{centredPage(o)}
	p.root.Refresh()
}

// showIntro is the first page: who Hearth is for and what it is not.
func (s *welcomeScreen) showIntro() {
	begin := widget.NewButton(lang.L("Begin"), func() { s.app.touch(); s.showPassphrase() })
	begin.Importance = widget.HighImportance
	s.step = begin // Space begins
	s.setPage(container.NewVBox(
		newHeading(lang.L("Welcome to Hearth")),
		newParagraph(lang.X("welcome.body", "A quiet place to practise self-compassion: guided practices, a private journal, and exercises from Compassion Focused Therapy. Everything you write is encrypted and stays on this computer.")),
		newNote(lang.X("welcome.notTherapy", "Hearth is a practice companion, not therapy or a crisis service. If things feel like too much, the \"Need support?\" button at the top is always there.")),
		container.NewHBox(layoutSpacer(), begin),
	))
	s.focus()
}

// showPassphrase asks for the passphrase that will lock the journal.
func (s *welcomeScreen) showPassphrase() {
	s.form = newPassphraseForm(lang.L("Create my journal"), s.create)
	s.progress = newBusy(lang.L("Setting up your journal. This takes a moment…"))
	s.problem = newNote("")
	s.back = widget.NewButton(lang.L("Back"), func() { s.showIntro() })
	s.back.Importance = widget.LowImportance
	s.step = s.form.pass
	s.setPage(container.NewVBox(
		newHeading(lang.L("Choose a passphrase")),
		newParagraph(lang.X("welcome.passphrase", "Your journal is locked with a passphrase that only you know. Nobody else can read it, and nobody (not even Hearth's makers) can reset it for you.")),
		s.form.root,
		s.problem,
		s.progress.root,
		container.NewHBox(s.back, layoutSpacer(), s.form.submit),
	))
	s.focus()
}

// create makes the vault off the UI goroutine (key derivation takes a moment).
func (s *welcomeScreen) create(pass string) {
	s.app.touch()
	s.form.setEnabled(false)
	s.back.Disable()
	s.progress.set(true)
	setNote(s.problem, "", colorNameMuted)
	var (
		v    *journal.Vault
		code string
		err  error
	)
	dir, opts := s.app.cfg.DataDir, s.app.cfg.VaultOptions
	s.app.cfg.Background(func() {
		v, code, err = journal.Create(dir, pass, opts...)
	}, func() {
		s.progress.set(false)
		if err != nil {
			s.form.setEnabled(true)
			s.back.Enable()
			setNote(s.problem, describeVaultError(err, dir), theme.ColorNameForeground)
			return
		}
		s.form.clear()
		if s.app.stopped {
			_ = v.Close()
			return
		}
		s.app.vault = v // closed by Shutdown if Hearth quits on the next page
		s.showRecoveryCode(code)
	})
}

// showRecoveryCode shows the recovery code once and waits until the user says it is
// saved.
func (s *welcomeScreen) showRecoveryCode(code string) {
	s.code = widget.NewLabelWithStyle(displayRecoveryCode(code), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	s.code.SizeName = theme.SizeNameHeadingText
	s.code.Selectable = true
	s.copyBtn = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), nil)
	s.copyBtn.OnTapped = func() {
		s.app.touch()
		s.app.fyne.Clipboard().SetContent(journal.FormatRecoveryCode(code))
		s.copyBtn.SetText(lang.L("Copied"))
	}
	s.next = widget.NewButton(lang.L("Continue to my journal"), func() {
		s.app.touch()
		s.app.unlocked(s.app.vault)
	})
	s.next.Importance = widget.HighImportance
	s.next.Disable()
	s.saved = widget.NewCheck(lang.L("I've saved it somewhere safe"), func(on bool) {
		s.app.touch()
		if on {
			s.next.Enable()
		} else {
			s.next.Disable()
		}
	})
	s.step = s.saved // Space ticks the box, Tab moves on to Continue
	s.setPage(container.NewVBox(
		newHeading(lang.L("Your recovery code")),
		newParagraph(lang.X("welcome.recovery", "If you ever forget your passphrase, this code is the only other way into your journal. Write it down or print it, and keep it somewhere safe and private. Hearth won't show it again.")),
		newCard(s.code),
		container.NewHBox(layoutSpacer(), s.copyBtn, layoutSpacer()),
		s.saved,
		container.NewHBox(layoutSpacer(), s.next),
	))
	s.focus()
}

// displayRecoveryCode lays the grouped code out in lines of four groups, so it reads
// easily and never needs to wrap mid-group.
func displayRecoveryCode(code string) string {
	groups := strings.FieldsFunc(journal.FormatRecoveryCode(code), func(r rune) bool { return r == '-' || r == ' ' })
	var lines []string
	for i := 0; i < len(groups); i += 4 {
		lines = append(lines, strings.Join(groups[i:min(i+4, len(groups))], "  "))
	}
	return strings.Join(lines, "\n")
}
