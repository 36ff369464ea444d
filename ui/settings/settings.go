// Package settings is Hearth's Settings screen: appearance and text size, auto-lock,
// changing the passphrase, a new recovery code, backups, restore and export, a test
// bell, practice packs, the data folder, an optional daily reminder, and two
// toggles (streaks on the Progress screen, critic notes in the journal).
//
// # Hosting
//
// The shell builds one Screen with New after unlocking (it needs the open vault),
// shows Content(), calls Refresh when it is shown and Stop when it is hidden. The
// shell's own preferences (appearance, text size, auto-lock) are reached through
// the Shell interface, so they stay defined in one place. Slow work (key
// derivation, backups, exports, pack imports) runs through Config.Background and
// shows a progress bar meanwhile. Call RegisterTranslations once at start-up.
//
// Reminder (reminder.go) is the daily notification; the shell owns one and re-arms
// it when Shell.ReminderChanged is called.
package settings

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/page"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the screen's English strings to fyne's lang bundle.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("settings: load translations: %w", err)
	}
	return nil
}

// Vault is what Settings needs from the open journal; *journal.Vault satisfies it.
type Vault interface {
	VerifyPassphrase(p string) error
	ChangePassphrase(newPassphrase string) error
	NewRecoveryCode() (string, error)
	AutoBackup() (path string, err error)
	BackupToFile(path string) error
	Restore(r io.Reader, secret string) (journal.RestoreStats, error)
	ExportJSON(w io.Writer) error
	ExportMarkdown(dir string) error
}

// Shell is the part of the app shell Settings changes.
type Shell interface {
	Appearance() string // "system", "light" or "dark"
	SetAppearance(a string)
	TextScale() float32 // 1 is the default size
	SetTextScale(s float32)
	AutoLockMinutes() int
	SetAutoLockMinutes(m int)
	// PassphraseNote rates a new passphrase: a kind note, and whether it is long
	// enough to use.
	PassphraseNote(p string) (note string, ok bool)
	// LibraryChanged is called after a pack was imported or removed.
	LibraryChanged()
	// ReminderChanged is called after the reminder was turned on or off or moved.
	ReminderChanged()
}

// Config is what the screen needs.
type Config struct {
	Vault    Vault
	Shell    Shell
	Prefs    fyne.Preferences
	Player   audio.Player // for the test bell
	NoOutput func() error // why there is no sound (nil error: sound works)
	DataDir  string
	Version  string      // Hearth's version, checked by packs that need a newer one
	Window   fyne.Window // for dialogs; nil in tests that drive the methods
	// Background runs work off the UI goroutine, then done on it (nil: a goroutine
	// and fyne.Do).
	Background func(work, done func())
	Now        func() time.Time
	// OpenURL opens a folder in the system's file manager (nil hides "Open folder").
	OpenURL func(*url.URL) error
}

// Screen is the Settings screen. Use it on the UI goroutine.
type Screen struct {
	cfg  Config
	root fyne.CanvasObject

	appearance *widget.Select
	textSize   *widget.Select
	autoLock   *widget.Select

	security *page.Card
	dataBusy *widget.ProgressBarInfinite
	dataNote *widget.Label
	restore  *fyne.Container // the secret form for a chosen backup
	sound    *widget.Label
	packs    *fyne.Container
	packNote *widget.Label
	packBusy *widget.ProgressBarInfinite

	reminderOn   *widget.Check
	reminderTime *widget.Select

	busy bool // slow work is running
	// confirm is an open question (closed by Stop).
	confirm dialog.Dialog
}

// New builds the screen.
func New(c Config) *Screen {
	if c.Background == nil {
		c.Background = func(work, done func()) { go func() { work(); fyne.Do(done) }() }
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	s := &Screen{cfg: c}
	s.build()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Refresh reloads what may have changed elsewhere (the menus change the
// appearance, the text size and auto-lock too; packs can change from the command
// line).
func (s *Screen) Refresh() {
	s.appearance.SetSelected(appearanceLabel(s.cfg.Shell.Appearance()))
	s.textSize.SetSelected(textSizeLabel(s.cfg.Shell.TextScale()))
	s.autoLock.SetSelected(minutesLabel(s.cfg.Shell.AutoLockMinutes()))
	s.showPacks()
}

// Stop closes an open question and forgets half-typed secrets.
func (s *Screen) Stop() {
	if s.confirm != nil {
		s.confirm.Hide()
		s.confirm = nil
	}
	if !s.busy {
		s.showSecurity()
		s.restore.Objects = nil
		s.restore.Refresh()
	}
}

func (s *Screen) build() {
	s.security = page.NewCard(lang.L("Privacy and security"))
	s.showSecurity()
	column := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*4),
		page.Heading(lang.L("Settings")),
		s.appearanceCard(),
		s.security,
		s.dataCard(),
		s.soundCard(),
		s.packsCard(),
		s.reminderCard(),
		s.extrasCard(),
		s.folderCard(),
	)
	s.root = page.Scroll(column)
}

// run does slow work off the UI goroutine with bar showing, then done.
func (s *Screen) run(bar *widget.ProgressBarInfinite, work func(), done func()) {
	s.busy = true
	bar.Show()
	bar.Start()
	s.cfg.Background(work, func() {
		bar.Stop()
		bar.Hide()
		s.busy = false
		done()
	})
}

func newBar() *widget.ProgressBarInfinite {
	b := widget.NewProgressBarInfinite()
	b.Stop()
	b.Hide()
	return b
}

// ---- appearance ----

func appearanceLabel(a string) string {
	switch a {
	case "light":
		return lang.L("Light")
	case "dark":
		return lang.L("Dark")
	}
	return lang.L("Follow the system")
}

// textScales are the text sizes offered.
func textScales() []struct {
	label string
	scale float32
} {
	return []struct {
		label string
		scale float32
	}{
		{lang.L("Smaller"), 0.9}, {lang.L("Default"), 1}, {lang.L("Larger"), 1.15}, {lang.L("Largest"), 1.3},
	}
}

func textSizeLabel(scale float32) string {
	best, diff := "", float32(10)
	for _, t := range textScales() {
		if d := max(t.scale-scale, scale-t.scale); d < diff {
			best, diff = t.label, d
		}
	}
	return best
}

// autoLockChoices are the idle times offered, in minutes.
func autoLockChoices() []int { return []int{5, 10, 15, 30, 60} }

func minutesLabel(m int) string {
	return lang.L("After {{.Minutes}} minutes", map[string]any{"Minutes": m})
}

func (s *Screen) appearanceCard() fyne.CanvasObject {
	s.appearance = widget.NewSelect([]string{appearanceLabel("system"), appearanceLabel("light"), appearanceLabel("dark")}, nil)
	s.appearance.SetSelected(appearanceLabel(s.cfg.Shell.Appearance()))
	s.appearance.OnChanged = func(label string) {
		for _, a := range []string{"system", "light", "dark"} {
			if appearanceLabel(a) == label && a != s.cfg.Shell.Appearance() {
				s.cfg.Shell.SetAppearance(a)
			}
		}
	}
	var sizes []string
	for _, t := range textScales() {
		sizes = append(sizes, t.label)
	}
	s.textSize = widget.NewSelect(sizes, nil)
	s.textSize.SetSelected(textSizeLabel(s.cfg.Shell.TextScale()))
	s.textSize.OnChanged = func(label string) {
		for _, t := range textScales() {
			if t.label == label && textSizeLabel(s.cfg.Shell.TextScale()) != label {
				s.cfg.Shell.SetTextScale(t.scale)
			}
		}
	}
	return page.NewCard(lang.L("Appearance"),
		form(lang.L("Colours"), s.appearance, lang.L("Text size"), s.textSize),
		page.Note(lang.L("Ctrl and + or − change the text size from anywhere too.")),
	)
}

// form lays out pairs of a label and a control in two aligned columns; the controls
// keep their natural width.
func form(pairs ...any) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		objs = append(objs, widget.NewLabel(pairs[i].(string)),
			container.NewHBox(container.New(minWidth{w: 280}, pairs[i+1].(fyne.CanvasObject))))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// minWidth gives its children at least w of width (a Select's own minimum cuts its
// text short).
type minWidth struct{ w float32 }

func (m minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, m.w), s.Height)
}

func (m minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// ---- security ----

// showSecurity shows the security card's resting state.
func (s *Screen) showSecurity() {
	var choices []string
	for _, m := range autoLockChoices() {
		choices = append(choices, minutesLabel(m))
	}
	s.autoLock = widget.NewSelect(choices, nil)
	s.autoLock.SetSelected(minutesLabel(s.cfg.Shell.AutoLockMinutes()))
	s.autoLock.OnChanged = func(label string) {
		for _, m := range autoLockChoices() {
			if minutesLabel(m) == label && m != s.cfg.Shell.AutoLockMinutes() {
				s.cfg.Shell.SetAutoLockMinutes(m)
			}
		}
	}
	change := widget.NewButtonWithIcon(lang.L("Change passphrase…"), theme.AccountIcon(), s.showChangePassphrase)
	recovery := widget.NewButtonWithIcon(lang.L("Make a new recovery code…"), theme.ViewRefreshIcon(), s.showNewRecoveryCode)
	s.security.SetContent(
		form(lang.L("Lock when idle"), s.autoLock),
		page.Note(lang.L("Hearth locks itself when you've been away for a while, and always saves first.")),
		container.NewHBox(change, recovery),
	)
}

// showChangePassphrase asks for the current passphrase and the new one twice.
func (s *Screen) showChangePassphrase() {
	cur := widget.NewPasswordEntry()
	cur.SetPlaceHolder(lang.L("Current passphrase"))
	next := widget.NewPasswordEntry()
	next.SetPlaceHolder(lang.L("New passphrase"))
	again := widget.NewPasswordEntry()
	again.SetPlaceHolder(lang.L("The same new passphrase again"))
	note := page.Paragraph("")
	problem := page.Paragraph("")
	problem.Importance = widget.WarningImportance
	problem.Hide()
	bar := newBar()
	save := widget.NewButton(lang.L("Change passphrase"), nil)
	save.Importance = widget.HighImportance
	update := func(string) {
		msg, ok := s.cfg.Shell.PassphraseNote(next.Text)
		switch {
		case again.Text != "" && again.Text != next.Text:
			msg = lang.L("These two don't match yet.")
			ok = false
		case again.Text == "":
			ok = false
		}
		note.SetText(msg)
		if ok && cur.Text != "" {
			save.Enable()
		} else {
			save.Disable()
		}
	}
	cur.OnChanged, next.OnChanged, again.OnChanged = update, update, update
	update("")
	cancel := widget.NewButton(lang.L("Cancel"), s.showSecurity)
	cancel.Importance = widget.LowImportance
	save.OnTapped = func() {
		if save.Disabled() {
			return
		}
		old, fresh := cur.Text, next.Text
		var err error
		v := s.cfg.Vault
		save.Disable()
		cancel.Disable()
		problem.Hide()
		s.run(bar, func() {
			if err = v.VerifyPassphrase(old); err == nil {
				err = v.ChangePassphrase(fresh)
			}
		}, func() {
			cancel.Enable()
			if err != nil {
				if errors.Is(err, journal.ErrWrongSecret) {
					problem.SetText(lang.L("That isn't your current passphrase. Caps Lock? Nothing was changed."))
				} else {
					problem.SetText(lang.L("The passphrase couldn't be changed: {{.Err}}. Nothing was changed.", map[string]any{"Err": err.Error()}))
				}
				problem.Show()
				cur.SetText("")
				update("")
				return
			}
			s.security.SetContent(
				page.Paragraph(lang.L("Your passphrase is changed. Use the new one next time you unlock. Your recovery code still works.")),
				container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("OK"), s.showSecurity)),
			)
		})
	}
	again.OnSubmitted = func(string) { save.OnTapped() }
	s.security.SetContent(
		page.Subheading(lang.L("Change your passphrase")),
		cur, next, again, note, problem, bar,
		page.Note(lang.L("Backups you made earlier still open with the passphrase you had then.")),
		container.NewHBox(cancel, layout.NewSpacer(), save),
	)
}

// showNewRecoveryCode asks for the passphrase, then shows a new code once.
func (s *Screen) showNewRecoveryCode() {
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder(lang.L("Your passphrase"))
	problem := page.Paragraph("")
	problem.Importance = widget.WarningImportance
	problem.Hide()
	bar := newBar()
	cancel := widget.NewButton(lang.L("Cancel"), s.showSecurity)
	cancel.Importance = widget.LowImportance
	makeBtn := widget.NewButton(lang.L("Make a new code"), nil)
	makeBtn.Importance = widget.HighImportance
	makeBtn.OnTapped = func() {
		if pass.Text == "" || s.busy {
			return
		}
		p := pass.Text
		v := s.cfg.Vault
		var (
			code string
			err  error
		)
		makeBtn.Disable()
		problem.Hide()
		s.run(bar, func() {
			if err = v.VerifyPassphrase(p); err == nil {
				code, err = v.NewRecoveryCode()
			}
		}, func() {
			makeBtn.Enable()
			pass.SetText("")
			if err != nil {
				if errors.Is(err, journal.ErrWrongSecret) {
					problem.SetText(lang.L("That passphrase didn't match. Your recovery code is unchanged."))
				} else {
					problem.SetText(lang.L("A new code couldn't be made: {{.Err}}. Your recovery code is unchanged.", map[string]any{"Err": err.Error()}))
				}
				problem.Show()
				return
			}
			s.showCodeOnce(code)
		})
	}
	pass.OnSubmitted = func(string) { makeBtn.OnTapped() }
	s.security.SetContent(
		page.Subheading(lang.L("A new recovery code")),
		page.Paragraph(lang.L("A new code replaces the old one, which stops working. You'll see the new code once, so have a safe place ready for it.")),
		pass, problem, bar,
		container.NewHBox(cancel, layout.NewSpacer(), makeBtn),
	)
}

// showCodeOnce shows a new recovery code until the user says it is saved.
func (s *Screen) showCodeOnce(code string) {
	label := widget.NewLabelWithStyle(GroupCode(code), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	label.SizeName = theme.SizeNameSubHeadingText
	label.Selectable = true
	copyBtn := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), nil)
	copyBtn.OnTapped = func() {
		if app := fyne.CurrentApp(); app != nil {
			app.Clipboard().SetContent(journal.FormatRecoveryCode(code))
		}
		copyBtn.SetText(lang.L("Copied"))
	}
	done := widget.NewButton(lang.L("Done"), s.showSecurity)
	done.Importance = widget.HighImportance
	done.Disable()
	saved := widget.NewCheck(lang.L("I've saved it somewhere safe"), func(on bool) {
		if on {
			done.Enable()
		} else {
			done.Disable()
		}
	})
	s.security.SetContent(
		page.Subheading(lang.L("Your new recovery code")),
		page.Paragraph(lang.L("Write it down or print it, and keep it somewhere safe and private. Hearth won't show it again. Your old code no longer works.")),
		page.NewCard("", label),
		container.NewHBox(layout.NewSpacer(), copyBtn, layout.NewSpacer()),
		saved,
		container.NewHBox(layout.NewSpacer(), done),
	)
}

// GroupCode lays a recovery code out in lines of four groups.
func GroupCode(code string) string {
	groups := strings.FieldsFunc(journal.FormatRecoveryCode(code), func(r rune) bool { return r == '-' || r == ' ' })
	var lines []string
	for i := 0; i < len(groups); i += 4 {
		lines = append(lines, strings.Join(groups[i:min(i+4, len(groups))], "  "))
	}
	return strings.Join(lines, "\n")
}
