package settings

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/page"
	"github.com/hearth-app/hearth/ui/progress"
)

// Export formats.
const (
	FormatMarkdown = "markdown" // a folder of Markdown files
	FormatJSON     = "json"     // one JSON file with every revision
)

// ---- backups, restore, export ----

func (s *Screen) dataCard() fyne.CanvasObject {
	s.dataBusy = newBar()
	s.dataNote = page.Paragraph("")
	s.dataNote.Hide()
	s.restore = container.NewVBox()
	backup := widget.NewButtonWithIcon(lang.L("Back up now"), theme.DocumentSaveIcon(), func() { s.BackupNow() })
	backup.Importance = widget.HighImportance
	saveAs := widget.NewButtonWithIcon(lang.L("Save a backup to…"), theme.FolderOpenIcon(), s.chooseBackupFile)
	restore := widget.NewButtonWithIcon(lang.L("Restore from a backup…"), theme.HistoryIcon(), s.chooseRestoreFile)
	exportMD := widget.NewButtonWithIcon(lang.L("Export as Markdown…"), theme.DownloadIcon(), func() { s.chooseExport(FormatMarkdown) })
	exportJSON := widget.NewButtonWithIcon(lang.L("Export as JSON…"), theme.DownloadIcon(), func() { s.chooseExport(FormatJSON) })
	for _, b := range []*widget.Button{saveAs, restore, exportMD, exportJSON} {
		b.Importance = widget.MediumImportance
	}
	return page.NewCard(lang.L("Backups and export"),
		page.Note(lang.L("Hearth keeps a week of encrypted daily backups in your data folder. A backup file opens only with your passphrase or recovery code, so it's safe to keep in a synced folder or on a USB stick.")),
		container.NewGridWithColumns(2, backup, saveAs, restore),
		s.restore,
		page.Note(lang.L("Exporting writes everything as plain, unencrypted text that anyone with the files can read. It's there for when you want your words in another app.")),
		container.NewGridWithColumns(2, exportMD, exportJSON),
		s.dataBusy, s.dataNote,
	)
}

// say shows the outcome of data work.
func (s *Screen) say(text string) {
	s.dataNote.SetText(text)
	s.dataNote.Show()
}

// BackupNow writes today's automatic backup into the data folder.
func (s *Screen) BackupNow() {
	if s.busy {
		return
	}
	v := s.cfg.Vault
	var (
		path string
		err  error
	)
	s.run(s.dataBusy, func() { path, err = v.AutoBackup() }, func() { s.sayBackedUp(path, err) })
}

// BackupTo writes an encrypted backup file at path.
func (s *Screen) BackupTo(path string) {
	if s.busy {
		return
	}
	v := s.cfg.Vault
	var err error
	s.run(s.dataBusy, func() { err = v.BackupToFile(path) }, func() { s.sayBackedUp(path, err) })
}

// sayBackedUp tells how writing the backup at path went.
func (s *Screen) sayBackedUp(path string, err error) {
	if err != nil {
		s.say(lang.L("The backup couldn't be written: {{.Err}}. Your journal itself is fine.", map[string]any{"Err": err.Error()}))
		return
	}
	s.say(lang.L("Backed up to {{.Path}}", map[string]any{"Path": path}))
}

// RestoreFrom merges the backup at path into the journal, opening it with secret
// (the passphrase or recovery code valid when it was made).
func (s *Screen) RestoreFrom(path, secret string) {
	if s.busy {
		return
	}
	v := s.cfg.Vault
	var (
		st  journal.RestoreStats
		err error
	)
	s.run(s.dataBusy, func() {
		f, ferr := os.Open(path)
		if ferr != nil {
			err = ferr
			return
		}
		defer f.Close()
		st, err = v.Restore(f, secret)
	}, func() {
		switch {
		case errors.Is(err, journal.ErrWrongSecret):
			s.say(lang.L("That passphrase or recovery code didn't open this backup. It needs the one you had when the backup was made. Nothing was changed."))
		case err != nil:
			s.say(lang.L("The backup couldn't be restored: {{.Err}}. Nothing was changed.", map[string]any{"Err": err.Error()}))
		default:
			s.restore.Objects = nil
			s.restore.Refresh()
			s.say(lang.L("Restored: {{.Added}} added, {{.Replaced}} updated, {{.Kept}} already up to date. Nothing was deleted.",
				map[string]any{"Added": st.Added, "Replaced": st.Replaced, "Kept": st.Kept}))
		}
	})
}

// ExportTo writes a plaintext export: a folder of Markdown files or one JSON file.
func (s *Screen) ExportTo(format, path string) {
	if s.busy {
		return
	}
	v := s.cfg.Vault
	var err error
	s.run(s.dataBusy, func() {
		if format == FormatMarkdown {
			err = v.ExportMarkdown(path)
			return
		}
		err = writeFileAtomic(path, func(f *os.File) error { return v.ExportJSON(f) })
	}, func() {
		if err != nil {
			s.say(lang.L("The export couldn't be written: {{.Err}}.", map[string]any{"Err": err.Error()}))
			return
		}
		s.say(lang.L("Exported to {{.Path}}. Remember these files aren't encrypted.", map[string]any{"Path": path}))
	})
}

// writeFileAtomic writes path through a temporary file, so a failed export leaves
// no half-written file.
func writeFileAtomic(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".hearth-export-*")
	if err != nil {
		return fmt.Errorf("create export file: %w", err)
	}
	tmp := f.Name()
	if err = write(f); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// chooseBackupFile asks where to save a backup file.
func (s *Screen) chooseBackupFile() {
	if s.cfg.Window == nil {
		return
	}
	s.saveFileDialog("hearth-"+s.cfg.Now().Format("2006-01-02")+".hearthbackup", s.BackupTo).Show()
}

// saveFileDialog returns a dialog that asks where to save a file, suggesting name, and
// passes the chosen path to then. Cancelling does nothing.
func (s *Screen) saveFileDialog(name string, then func(path string)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		then(path)
	}, s.cfg.Window)
	d.SetFileName(name)
	return d
}

// openFileDialog returns a dialog that asks for a file to open and passes its path to
// then. Cancelling does nothing.
func (s *Screen) openFileDialog(then func(path string)) *dialog.FileDialog {
	return dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		then(path)
	}, s.cfg.Window)
}

// chooseRestoreFile asks for a backup file, then for its secret.
func (s *Screen) chooseRestoreFile() {
	if s.cfg.Window == nil {
		return
	}
	d := s.openFileDialog(s.AskRestoreSecret)
	if dir := filepath.Join(s.cfg.DataDir, "backups"); isDir(dir) {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// AskRestoreSecret shows the form for the backup at path: its passphrase or code.
func (s *Screen) AskRestoreSecret(path string) {
	secret := widget.NewPasswordEntry()
	secret.SetPlaceHolder(lang.L("Passphrase or recovery code for this backup"))
	go1 := widget.NewButton(lang.L("Restore"), nil)
	go1.Importance = widget.HighImportance
	go1.OnTapped = func() {
		if secret.Text != "" {
			s.RestoreFrom(path, secret.Text)
			secret.SetText("")
		}
	}
	secret.OnSubmitted = func(string) { go1.OnTapped() }
	cancel := widget.NewButton(lang.L("Cancel"), func() { s.restore.Objects = nil; s.restore.Refresh() })
	cancel.Importance = widget.LowImportance
	s.restore.Objects = []fyne.CanvasObject{
		page.Paragraph(lang.L("Restore {{.File}}? Entries from the backup are merged in; where both have an entry, the newest edit wins and the other is kept as an earlier version. Nothing is deleted.",
			map[string]any{"File": filepath.Base(path)})),
		secret,
		container.NewHBox(cancel, layout.NewSpacer(), go1),
	}
	s.restore.Refresh()
}

// chooseExport warns that an export is plaintext, then asks where to write it.
func (s *Screen) chooseExport(format string) {
	if s.cfg.Window == nil {
		return
	}
	c := dialog.NewConfirm(lang.L("Export as plain text?"),
		lang.L("The exported files aren't encrypted: anyone who can open them can read everything you wrote. Keep them somewhere private, and delete them when you no longer need them."),
		func(ok bool) {
			s.confirm = nil
			if !ok {
				return
			}
			if format == FormatMarkdown {
				dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
					if err != nil || u == nil {
						return
					}
					s.ExportTo(FormatMarkdown, filepath.Join(u.Path(), "hearth-export-"+s.cfg.Now().Format("2006-01-02")))
				}, s.cfg.Window)
				return
			}
			s.saveFileDialog("hearth-export-"+s.cfg.Now().Format("2006-01-02")+".json",
				func(path string) { s.ExportTo(FormatJSON, path) }).Show()
		}, s.cfg.Window)
	c.SetConfirmText(lang.L("Export"))
	c.SetDismissText(lang.L("Cancel"))
	s.confirm = c
	c.Show()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// ---- sound ----

func (s *Screen) soundCard() fyne.CanvasObject {
	s.sound = page.Paragraph("")
	s.sound.Hide()
	test := widget.NewButtonWithIcon(lang.L("Play a test bell"), theme.VolumeUpIcon(), func() { s.TestBell() })
	return page.NewCard(lang.L("Sound"),
		page.Note(lang.L("Practices play through your computer's usual sound output.")),
		container.NewHBox(test), s.sound)
}

// TestBell plays a soft bell through the player, or says kindly that there is no
// sound output.
func (s *Screen) TestBell() {
	noSound := lang.L("Hearth can't find a sound output on this computer, so practices show their words and bells on screen instead. Everything else works just the same.")
	if s.cfg.NoOutput != nil {
		if err := s.cfg.NoOutput(); err != nil {
			s.sound.SetText(noSound)
			s.sound.Show()
			return
		}
	}
	// A moment of quiet between the opening and closing bells.
	script := audio.Script{Title: lang.L("Test bell"), Steps: []audio.ScriptStep{{Pause: 3 * time.Second}}}
	sess, err := audio.NewGuided(script, audio.Options{Bell: audio.BellBowl})
	if err == nil && s.cfg.Player != nil {
		err = s.cfg.Player.Play(sess)
	}
	switch {
	case errors.Is(err, audio.ErrNoOutput):
		s.sound.SetText(noSound)
	case err != nil:
		s.sound.SetText(lang.L("The bell couldn't play: {{.Err}}. Practices will still show their words and bells on screen.", map[string]any{"Err": err.Error()}))
	default:
		s.sound.SetText(lang.L("You should hear a soft bell now, and another in a few seconds. If not, you might check the volume and which output your computer is using."))
	}
	s.sound.Show()
}

// ---- packs ----

func (s *Screen) packsCard() fyne.CanvasObject {
	s.packs = container.NewVBox()
	s.packNote = page.Paragraph("")
	s.packNote.Hide()
	s.packBusy = newBar()
	zip := widget.NewButtonWithIcon(lang.L("Import a pack file (.zip)…"), theme.FileIcon(), s.choosePackZip)
	folder := widget.NewButtonWithIcon(lang.L("Import a pack folder…"), theme.FolderIcon(), s.choosePackFolder)
	s.showPacks()
	return page.NewCard(lang.L("Practice packs"),
		page.Note(lang.L("A facilitator may give you a pack of recordings, prompts and a plan after a workshop. Packs add to Hearth's own content; what you write while using them stays in your journal.")),
		s.packs,
		container.NewGridWithColumns(2, zip, folder),
		s.packBusy, s.packNote)
}

// showPacks lists the installed packs.
func (s *Screen) showPacks() {
	s.packs.Objects = nil
	packs, err := resources.ListPacks(s.cfg.DataDir)
	if err != nil {
		s.packs.Add(page.Paragraph(lang.L("The packs folder couldn't be read: {{.Err}}", map[string]any{"Err": err.Error()})))
	}
	if err == nil && len(packs) == 0 {
		s.packs.Add(page.Note(lang.L("No packs yet.")))
	}
	for i, p := range packs {
		if i > 0 {
			s.packs.Add(widget.NewSeparator())
		}
		s.packs.Add(s.packRow(p))
	}
	s.packs.Refresh()
}

func (s *Screen) packRow(p resources.InstalledPack) fyne.CanvasObject {
	m := p.Manifest
	id := m.ID
	if id == "" {
		id = filepath.Base(p.Dir)
	}
	title := m.Title
	if title == "" {
		title = id
	}
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.confirmRemove(id, title) })
	remove.Importance = widget.LowImportance
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	var meta []string
	if m.Facilitator != "" {
		meta = append(meta, lang.L("by {{.Who}}", map[string]any{"Who": m.Facilitator}))
	}
	if m.Version != "" {
		meta = append(meta, lang.L("version {{.Version}}", map[string]any{"Version": m.Version}))
	}
	if m.Licence != "" {
		meta = append(meta, lang.L("licence: {{.Licence}}", map[string]any{"Licence": m.Licence}))
	}
	if len(meta) > 0 {
		objs = append(objs, page.Note(strings.Join(meta, "  ·  ")))
	}
	if m.Description != "" {
		objs = append(objs, page.Paragraph(m.Description))
	}
	if p.Err != nil {
		objs = append(objs, page.Paragraph(lang.L("This pack can't be loaded any more. You can remove it and import it again.")))
	}
	return container.NewBorder(nil, nil, nil, container.NewVBox(remove), container.NewVBox(objs...))
}

// confirmRemove asks before removing a pack.
func (s *Screen) confirmRemove(id, title string) {
	if s.cfg.Window == nil {
		s.RemovePack(id)
		return
	}
	c := dialog.NewConfirm(lang.L("Remove this pack?"),
		lang.L("{{.Title}} will be removed from Hearth. What you wrote while using it stays in your journal, and you can import the pack again later.", map[string]any{"Title": title}),
		func(ok bool) {
			s.confirm = nil
			if ok {
				s.RemovePack(id)
			}
		}, s.cfg.Window)
	c.SetConfirmText(lang.L("Remove"))
	c.SetDismissText(lang.L("Keep it"))
	s.confirm = c
	c.Show()
}

// RemovePack uninstalls a pack and tells the shell the content changed.
func (s *Screen) RemovePack(id string) {
	if err := resources.RemovePack(s.cfg.DataDir, id); err != nil {
		s.packNote.SetText(lang.L("The pack couldn't be removed: {{.Err}}", map[string]any{"Err": err.Error()}))
		s.packNote.Show()
		return
	}
	s.packNote.SetText(lang.L("Removed."))
	s.packNote.Show()
	s.showPacks()
	s.cfg.Shell.LibraryChanged()
}

// ImportPack installs the pack at src (a .zip file or a folder) off the UI goroutine.
func (s *Screen) ImportPack(src string) {
	if s.busy {
		return
	}
	dir, version := s.cfg.DataDir, s.cfg.Version
	var (
		p   *resources.Pack
		err error
	)
	s.packNote.Hide()
	s.run(s.packBusy, func() {
		var opts []resources.ImportOption
		if version != "" && version != "dev" && version != "test" {
			opts = append(opts, resources.WithHearthVersion(strings.TrimPrefix(version, "v")))
		}
		p, err = resources.ImportPack(dir, src, opts...)
	}, func() {
		if err != nil {
			s.packNote.SetText(packError(err))
			s.packNote.Show()
			return
		}
		s.packNote.SetText(lang.L("{{.Title}} is ready. Its practices, lessons and plan are now in Hearth.", map[string]any{"Title": p.Manifest.Title}))
		s.packNote.Show()
		s.showPacks()
		s.cfg.Shell.LibraryChanged()
	})
}

// packError explains why a pack didn't import.
func packError(err error) string {
	var ve *resources.ValidationError
	switch {
	case errors.As(err, &ve), errors.Is(err, resources.ErrInvalidPack):
		return lang.L("This pack has problems, so nothing was installed. The person who made it can check it with \"hearth pack validate\". Details: {{.Err}}", map[string]any{"Err": err.Error()})
	case errors.Is(err, resources.ErrTooOld):
		return lang.L("This pack needs a newer Hearth. Nothing was installed.")
	}
	return lang.L("The pack couldn't be imported: {{.Err}}. Nothing was installed.", map[string]any{"Err": err.Error()})
}

func (s *Screen) choosePackZip() {
	if s.cfg.Window == nil {
		return
	}
	d := s.openFileDialog(s.ImportPack)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.Show()
}

func (s *Screen) choosePackFolder() {
	if s.cfg.Window == nil {
		return
	}
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		s.ImportPack(u.Path())
	}, s.cfg.Window)
}

// ---- reminder ----

// reminderTimes are the times offered, every half hour from 06:00 to 22:30.
func reminderTimes() []string {
	var out []string
	for h := 6; h <= 22; h++ {
		out = append(out, fmt.Sprintf("%02d:00", h), fmt.Sprintf("%02d:30", h))
	}
	return out
}

func (s *Screen) reminderCard() fyne.CanvasObject {
	p := s.cfg.Prefs
	s.reminderTime = widget.NewSelect(reminderTimes(), nil)
	s.reminderTime.SetSelected(defaultReminderTime)
	if p != nil {
		s.reminderTime.SetSelected(p.StringWithFallback(PrefReminderTime, defaultReminderTime))
	}
	s.reminderTime.OnChanged = func(t string) {
		if p != nil && p.StringWithFallback(PrefReminderTime, defaultReminderTime) != t {
			p.SetString(PrefReminderTime, t)
			s.cfg.Shell.ReminderChanged()
		}
	}
	s.reminderOn = widget.NewCheck(lang.L("A gentle daily reminder while Hearth is open"), func(on bool) {
		if p != nil && p.Bool(PrefReminderOn) != on {
			p.SetBool(PrefReminderOn, on)
			s.cfg.Shell.ReminderChanged()
		}
	})
	if p != nil {
		s.reminderOn.SetChecked(p.Bool(PrefReminderOn))
	}
	return page.NewCard(lang.L("Reminder"),
		s.reminderOn,
		form(lang.L("At"), s.reminderTime),
		page.Note(lang.L("A quiet notification, once a day, only while Hearth is running. Where your desktop has a system tray, Hearth's icon there offers \"Breathe now\".")),
	)
}

// ---- toggles ----

func (s *Screen) extrasCard() fyne.CanvasObject {
	p := s.cfg.Prefs
	toggle := func(label, key string) *widget.Check {
		c := widget.NewCheck(label, nil)
		if p != nil {
			c.SetChecked(p.Bool(key))
		}
		c.OnChanged = func(on bool) {
			if p != nil {
				p.SetBool(key, on)
			}
		}
		return c
	}
	return page.NewCard(lang.L("Progress and writing"),
		toggle(lang.L("Show streaks (days in a row) on the Progress screen"), progress.PrefShowStreaks),
		page.Note(lang.L("Off by default: every day is a fresh start, and there's nothing to keep up.")),
		toggle(lang.L("Spot the critic in journal entries"), exercise.PrefCriticInJournal),
		page.Note(lang.L("Gently marks phrases that sound like the inner critic while you write, with a kinder question beside each.")),
	)
}

// ---- data folder ----

func (s *Screen) folderCard() fyne.CanvasObject {
	path := widget.NewLabelWithStyle(s.cfg.DataDir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	objs := []fyne.CanvasObject{
		page.Note(lang.L("Your encrypted journal, its backups and your packs live here.")),
		path,
	}
	if s.cfg.OpenURL != nil {
		open := widget.NewButtonWithIcon(lang.L("Open folder"), theme.FolderOpenIcon(), func() {
			u := &url.URL{Scheme: "file", Path: filepath.ToSlash(s.cfg.DataDir)}
			if err := s.cfg.OpenURL(u); err != nil {
				fyne.LogError("Hearth: opening the data folder", err)
			}
		})
		objs = append(objs, container.NewHBox(open))
	}
	return page.NewCard(lang.L("Your data folder"), objs...)
}
