package ui

import (
	"errors"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// journalScreen lists what the user has written (newest first) beside an editor that
// saves by itself: about a second after typing stops, and before switching entry,
// locking or quitting. "Saved" appears only after the vault's Create or Autosave has
// returned. The list can be searched and filtered (journal_find.go); entries can start
// from a prompt (journal_prompt.go), be previewed as Markdown and show critic notes
// (journal_write.go), be restored from earlier versions (journal_history.go) and be
// exported or printed (journal_export.go). Records of other kinds (exercises, practice
// sessions) are shown read-only.
type journalScreen struct {
	app   *App
	vault *journal.Vault

	entries []journal.Record // the records the list shows, newest first
	list    *widget.List

	find    finder        // search, filters and calendar (journal_find.go)
	write   writer        // prompt, preview, word count, tag hints, critic notes (journal_write.go)
	pick    picker        // choosing several records for export (journal_export.go)
	hist    *history      // the History dialog while open (journal_history.go)
	prompts *promptPicker // the prompt picker while open (journal_prompt.go)
	// overlays close the dialogs and pop-ups the journal opened (journal_export.go)
	overlays []func()
	extra    extras // the critic spotter, loaded on first use (journal_write.go)

	current  journal.Record // the entry in the editor; ID is empty until first saved
	dirty    bool           // the editor holds words the vault doesn't have yet
	loading  bool           // filling the editor, not typing
	stopSave func()

	date      *widget.RichText
	title     *widget.Entry
	tags      *widget.Entry
	body      *widget.Entry
	status    *widget.RichText
	deleteBtn *widget.Button
	start     *widget.Button // "Start writing" in the empty state

	confirm *dialog.ConfirmDialog // the delete question, while open

	editor   fyne.CanvasObject // title, tags, body and their tools
	reader   *recordReader     // a record of another kind, read-only
	historyB *widget.Button
	exportB  *widget.Button

	root    *fyne.Container
	split   fyne.CanvasObject // list and editor
	empty   fyne.CanvasObject // the invitation to write, when there are no entries
	writing bool              // the user chose to write: show the editor even with no entries
}

// newJournalScreen builds the journal screen for vault v, listing all writing (entries
// and exercises) newest first with its own filters.
func newJournalScreen(h *App, v *journal.Vault) *journalScreen {
	js := &journalScreen{app: h, vault: v}
	js.build()
	js.reload()
	if len(js.entries) > 0 {
		js.list.Select(0)
	} else {
		js.newDraft()
	}
	js.showSplitOrEmpty()
	return js
}

func (js *journalScreen) content() fyne.CanvasObject { return js.root }

func (js *journalScreen) focus() {
	switch {
	case js.app.win == nil:
	case js.empty.Visible():
		js.app.focus(js.start) // Space starts writing
	case js.current.ID == "":
		js.app.focus(js.body)
	}
}

// build creates the widgets.
func (js *journalScreen) build() {
	js.list = widget.NewList(
		func() int { return len(js.entries) },
		func() fyne.CanvasObject { return newEntryRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(js.entries) {
				r := js.entries[id]
				o.(*entryRow).set(r, js.kindLabel(r.Kind), js.app.cfg.Clock.Now(), js.pick.on, js.pick.chosen[r.ID])
			}
		},
	)
	js.list.OnSelected = js.selected

	js.date = newNote("")
	js.date.Wrapping = fyne.TextWrapOff
	js.title = widget.NewEntry()
	js.title.SetPlaceHolder(lang.L("Title (optional)"))
	js.tags = widget.NewEntry()
	js.tags.SetPlaceHolder(lang.L("Tags, separated by commas"))
	js.body = widget.NewMultiLineEntry()
	js.body.Wrapping = fyne.TextWrapWord
	js.body.SetPlaceHolder(bodyPlaceholder())
	for _, e := range []*widget.Entry{js.title, js.tags, js.body} {
		e.OnChanged = func(string) { js.edited() }
		e.OnCursorChanged = js.app.touch // reading and moving around count as activity
	}
	js.tags.OnChanged = func(string) { js.edited(); js.write.showTagHints(js) }
	js.body.OnChanged = func(text string) { js.edited(); js.write.bodyChanged(js, text) }
	js.status = newNote("")
	js.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), js.confirmDelete)
	js.deleteBtn.Importance = widget.LowImportance
	js.historyB = widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), js.showHistory)
	js.historyB.Importance = widget.LowImportance
	js.exportB = widget.NewButtonWithIcon(lang.L("Export"), theme.DocumentSaveIcon(), js.showExportMenu)
	js.exportB.Importance = widget.LowImportance
	newBtn := widget.NewButtonWithIcon(lang.L("New entry"), theme.ContentAddIcon(), js.app.NewEntry)
	newBtn.Importance = widget.HighImportance
	promptBtn := widget.NewButtonWithIcon(lang.L("From a prompt"), theme.QuestionIcon(), js.showPrompts)
	promptBtn.Importance = widget.LowImportance

	js.write.build(js)
	titleBox := container.NewThemeOverride(js.title, scaledText{factor: 1.3})
	tools := container.NewBorder(nil, nil, js.write.modes,
		container.NewHBox(js.historyB, js.exportB, js.deleteBtn))
	top := container.NewVBox(tools, js.write.promptCard, titleBox, js.tags, js.write.tagHints)
	// The status hides when empty; a stack keeps it placed for when it shows again.
	footer := container.NewBorder(nil, nil, js.date, container.NewStack(js.write.words), container.NewStack(js.status))
	bottom := container.NewVBox(js.write.critic, footer)
	editor := container.NewBorder(top, bottom, nil, nil, container.NewStack(js.body, js.write.previewBox))
	js.editor = editor
	js.write.relayout = func() { top.Refresh(); footer.Refresh(); bottom.Refresh(); editor.Refresh() }
	js.reader = newRecordReader(js)
	editorPane := container.New(measure{width: 760}, container.NewPadded(container.NewStack(js.editor, js.reader.root)))

	js.find.build(js)
	js.pick.build(js)
	listTop := container.NewVBox(
		container.NewPadded(container.NewBorder(nil, nil, nil, promptBtn, newBtn)),
		js.find.bar,
	)
	listPane := container.NewBorder(listTop, js.pick.bar, nil, nil, js.list)
	js.find.relayout = func() { listTop.Refresh(); listPane.Refresh() }
	split := container.NewHSplit(listPane, editorPane)
	split.Offset = 0.36
	js.split = split

	js.start = widget.NewButtonWithIcon(lang.L("Start writing"), theme.DocumentCreateIcon(), js.app.NewEntry)
	js.start.Importance = widget.HighImportance
	emptyPrompt := widget.NewButtonWithIcon(lang.L("Start from a prompt"), theme.QuestionIcon(), js.showPrompts)
	emptyPrompt.Importance = widget.LowImportance
	js.empty = centredPage(container.NewVBox(
		newHeading(lang.L("This is your space")),
		newParagraph(lang.X("journal.empty", "Nothing here yet, and that's fine. When you're ready, you might write a few words about how today feels. Only you can read it.")),
		container.NewHBox(layoutSpacer(), emptyPrompt, js.start),
	))
	js.root = container.NewStack(js.split, js.empty)
}

// bodyPlaceholder is the body's invitation when no prompt is chosen.
func bodyPlaceholder() string {
	return lang.L("Write whatever is on your mind. A few words is plenty.")
}

// showSplitOrEmpty shows the invitation while there are no entries and the user has
// not started writing, and the list and editor otherwise.
func (js *journalScreen) showSplitOrEmpty() {
	if len(js.entries) == 0 && !js.writing && js.find.filter.isDefault() {
		js.split.Hide()
		js.empty.Show()
		return
	}
	js.empty.Hide()
	js.split.Show()
}

// newEntry saves the open entry, then starts a fresh one.
func (js *journalScreen) newEntry() {
	if err := js.flush(); err != nil {
		return // the error is on show and the words stay in the editor
	}
	js.writing = true
	if js.pick.on {
		js.pick.setOn(js, false)
	}
	js.list.UnselectAll()
	js.newDraft()
	js.showSplitOrEmpty()
	js.app.focus(js.body)
}

// newDraft puts an empty, unsaved entry in the editor.
func (js *journalScreen) newDraft() {
	js.load(journal.Record{Kind: journal.KindEntry})
}

// load puts r in the editor (a journal entry) or the reader (any other kind).
func (js *journalScreen) load(r journal.Record) {
	js.stopTimer()
	js.loading = true
	js.current = r
	js.dirty = false
	if r.Kind != journal.KindEntry && r.Kind != "" {
		js.loading = false
		js.editor.Hide()
		js.reader.show(r, js.kindLabel(r.Kind))
		js.deleteBtn.Disable()
		return
	}
	js.reader.root.Hide()
	js.editor.Show()
	js.title.SetText(r.Title)
	js.tags.SetText(FormatTags(r.Tags))
	js.body.SetText(r.Body)
	js.loading = false
	js.write.loaded(js, r)
	if r.ID == "" {
		setNote(js.date, formatLongDate(js.app.cfg.Clock.Now()), colorNameMuted)
		js.deleteBtn.Disable()
		js.historyB.Disable()
		js.exportB.Disable()
	} else {
		setNote(js.date, formatLongDate(r.Created), colorNameMuted)
		js.deleteBtn.Enable()
		js.historyB.Enable()
		js.exportB.Enable()
	}
	setNote(js.status, "", colorNameMuted)
	js.write.relayout() // the date's width changed
}

// selected opens the entry picked in the list, saving the open one first.
func (js *journalScreen) selected(id widget.ListItemID) {
	if id < 0 || id >= len(js.entries) {
		return
	}
	js.app.touch()
	r := js.entries[id]
	if js.pick.on {
		js.pick.toggle(js, id)
		return
	}
	if r.ID == js.current.ID {
		return
	}
	if err := js.flush(); err != nil {
		js.reselectCurrent()
		return
	}
	js.load(r)
	js.reselectCurrent() // saving a new entry put it on top and shifted the rows
}

// reselectCurrent makes the list's selection match the editor again.
func (js *journalScreen) reselectCurrent() {
	if js.pick.on {
		js.list.UnselectAll() // in Select mode a selected row means "tick it"
		return
	}
	for i, e := range js.entries {
		if e.ID == js.current.ID && e.ID != "" {
			js.list.Select(i)
			return
		}
	}
	js.list.UnselectAll()
}

// edited runs on every change in the editor: mark dirty and (re)start the autosave timer.
func (js *journalScreen) edited() {
	if js.loading {
		return
	}
	js.app.touch()
	js.dirty = true
	setNote(js.status, lang.L("Saving…"), colorNameMuted)
	js.stopTimer()
	js.stopSave = js.app.cfg.Clock.AfterFunc(autosaveDelay, func() {
		js.stopSave = nil
		_ = js.save() // an error is shown in the status line
	})
}

// stopTimer cancels a pending autosave.
func (js *journalScreen) stopTimer() {
	if js.stopSave != nil {
		js.stopSave()
		js.stopSave = nil
	}
}

// flush saves now if anything is unsaved.
func (js *journalScreen) flush() error {
	js.stopTimer()
	return js.save()
}

// discard forgets unsaved changes (only when the user chose to close anyway).
func (js *journalScreen) discard() {
	js.stopTimer()
	js.dirty = false
}

// stop cancels timers and closes the delete question when the screen goes away
// (lock, auto-lock, quit).
func (js *journalScreen) stop() {
	js.stopTimer()
	js.find.stopTimer()
	js.write.stop()
	if js.hist != nil {
		js.hist.dialog.Hide()
		js.hist = nil
	}
	if js.prompts != nil {
		js.prompts.dialog.Hide()
		js.prompts = nil
	}
	js.find.hideCalendar()
	for _, hide := range js.overlays {
		hide()
	}
	js.overlays = nil
	if js.confirm != nil {
		d := js.confirm
		js.confirm = nil
		d.Hide()
	}
}

// save writes the editor to the vault if it changed. On failure the words stay in
// the editor, the status line says what happened, and the entry stays dirty.
func (js *journalScreen) save() error {
	if !js.dirty || (js.current.Kind != journal.KindEntry && js.current.Kind != "") {
		return nil
	}
	r := js.current
	r.Kind = journal.KindEntry
	r.Title = js.title.Text
	r.Body = js.body.Text
	r.Tags = ParseTags(js.tags.Text)
	blank := strings.TrimSpace(r.Title) == "" && strings.TrimSpace(r.Body) == "" && len(r.Tags) == 0
	if blank && r.ID == "" {
		js.dirty = false // nothing to keep yet
		setNote(js.status, "", colorNameMuted)
		return nil
	}
	var (
		saved journal.Record
		err   error
	)
	if r.ID == "" {
		saved, err = js.vault.Create(r)
	} else {
		saved, err = js.vault.Autosave(r) // one revision per editing session, not per save
	}
	if err != nil {
		if blank && errors.Is(err, journal.ErrInvalid) {
			setNote(js.status, lang.L("An empty entry can't be saved. Type something, or delete it."), theme.ColorNameForeground)
		} else {
			setNote(js.status, saveErrorMessage(err), theme.ColorNameForeground)
		}
		return err
	}
	js.dirty = false
	first := js.current.ID == ""
	js.current = saved
	setNote(js.date, formatLongDate(saved.Created), colorNameMuted)
	if first {
		js.write.relayout() // the date's width changed
	}
	js.deleteBtn.Enable()
	js.historyB.Enable()
	js.exportB.Enable()
	js.remember(saved)
	js.write.saved(js, saved)
	setNote(js.status, lang.L("Saved"), colorNameMuted)
	return nil
}

// remember puts a saved record in the list: replaced where it was, or on top if new.
func (js *journalScreen) remember(r journal.Record) {
	for i, e := range js.entries {
		if e.ID == r.ID {
			js.entries[i] = r
			js.list.RefreshItem(i)
			return
		}
	}
	js.entries = append([]journal.Record{r}, js.entries...)
	js.list.Refresh()
	js.reselectCurrent() // the editor already holds r, so selected() leaves it alone
}

// confirmDelete asks before deleting the open entry.
func (js *journalScreen) confirmDelete() {
	js.app.touch()
	if js.current.ID == "" {
		return
	}
	d := dialog.NewConfirm(lang.L("Delete this entry?"),
		lang.L("It will be removed from your journal. This can't be undone."),
		func(ok bool) {
			js.confirm = nil
			if ok {
				js.delete()
			}
		}, js.app.win)
	js.confirm = d
	d.SetConfirmText(lang.L("Delete"))
	d.SetDismissText(lang.L("Keep it"))
	d.Show()
}

// delete removes the open entry from the vault and the list.
func (js *journalScreen) delete() {
	id := js.current.ID
	js.stopTimer()
	if err := js.vault.Delete(id); err != nil {
		dialog.ShowInformation(lang.L("Not deleted"), describeVaultError(err, js.app.cfg.DataDir), js.app.win)
		return
	}
	for i, e := range js.entries {
		if e.ID == id {
			js.entries = append(js.entries[:i], js.entries[i+1:]...)
			break
		}
	}
	js.list.UnselectAll()
	js.list.Refresh()
	js.newDraft()
	js.writing = false // with no entries left, the invitation comes back
	js.showSplitOrEmpty()
}

// entryRow is one line in the entry list: title (or first line), then the kind (for
// anything but a journal entry), date and tags; in select mode a tick box in front.
type entryRow struct {
	widget.BaseWidget
	box   *fyne.Container
	check *widget.Icon
	title *widget.Label
	meta  *widget.RichText
}

func newEntryRow() *entryRow {
	r := &entryRow{
		check: widget.NewIcon(theme.CheckButtonIcon()),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		meta:  newNote(""),
	}
	r.check.Hide()
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta.Wrapping = fyne.TextWrapOff
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	r.box = container.NewBorder(nil, nil, container.NewCenter(r.check), nil,
		container.New(tightVBox{}, r.title, r.meta))
	return widget.NewSimpleRenderer(r.box)
}

// set shows rec in the row; kind is the kind's name, shown for anything but an entry.
// picking shows the tick box, ticked when chosen.
func (r *entryRow) set(rec journal.Record, kind string, now time.Time, picking, chosen bool) {
	r.title.SetText(entryTitle(rec))
	meta := formatShortDate(rec.Created, now)
	if rec.Kind != journal.KindEntry {
		meta = kind + "  ·  " + meta
	}
	if len(rec.Tags) > 0 {
		meta += "  ·  " + strings.Join(rec.Tags, ", ")
	}
	setNote(r.meta, meta, colorNameMuted)
	if picking != r.check.Visible() && r.box != nil {
		defer r.box.Refresh() // the tick box appeared or went away: lay the row out again
	}
	switch {
	case !picking:
		r.check.Hide()
	case chosen:
		r.check.SetResource(theme.CheckButtonCheckedIcon())
		r.check.Show()
	default:
		r.check.SetResource(theme.CheckButtonIcon())
		r.check.Show()
	}
}

// maxRowTitle bounds the text a list row measures: the row shows far fewer
// characters, and shaping a whole paragraph on every save would cost milliseconds.
const maxRowTitle = 120

// entryTitle is the title, or the body's first line, or a gentle placeholder, at
// most maxRowTitle characters.
func entryTitle(r journal.Record) string {
	short := func(s string) string {
		if len(s) > maxRowTitle*4 { // bytes; cheap pre-cut before splitting into words
			s = s[:maxRowTitle*4]
		}
		s = strings.Join(strings.Fields(s), " ")
		if rs := []rune(s); len(rs) > maxRowTitle {
			s = string(rs[:maxRowTitle])
		}
		return strings.ToValidUTF8(s, "")
	}
	if t := short(r.Title); t != "" {
		return t
	}
	body := r.Body
	for body != "" {
		line, rest, _ := strings.Cut(body, "\n")
		if t := short(line); t != "" {
			return t
		}
		body = rest
	}
	return lang.L("Untitled")
}

// formatShortDate is the date in the list: "Today, 18:40", "Yesterday, 09:12",
// "Mon 23 Nov" this year, else "23 Nov 2025".
func formatShortDate(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	py, pm, pd := now.AddDate(0, 0, -1).Date()
	switch {
	case y == ny && m == nm && d == nd:
		return lang.L("Today, {{.Time}}", map[string]any{"Time": t.Format("15:04")})
	case y == py && m == pm && d == pd:
		return lang.L("Yesterday, {{.Time}}", map[string]any{"Time": t.Format("15:04")})
	case y == ny:
		return t.Format("Mon 2 Jan")
	}
	return t.Format("2 Jan 2006")
}

// formatLongDate is the date above the editor, e.g. "Wednesday 25 November 2026, 18:40".
func formatLongDate(t time.Time) string { return t.Local().Format("Monday 2 January 2006, 15:04") }

// tightVBox stacks its children with no gap (the list rows pad themselves).
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s.Subtract(fyne.NewSize(0, theme.Padding()*2))
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	overlap := theme.Padding() * 2
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - overlap
	}
}

// scaledText is the app's theme with larger text (for the entry title).
type scaledText struct{ factor float32 }

func (s scaledText) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (s scaledText) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return s.base().Color(n, v)
}
func (s scaledText) Font(st fyne.TextStyle) fyne.Resource    { return s.base().Font(st) }
func (s scaledText) Icon(n fyne.ThemeIconName) fyne.Resource { return s.base().Icon(n) }
func (s scaledText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return s.base().Size(n) * s.factor
	}
	return s.base().Size(n)
}
