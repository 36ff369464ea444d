package ui

import (
	"math/rand/v2"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// WriteFromPrompt opens the journal on a new entry that answers the prompt with that
// ID (its question shows above the body, and the entry remembers it in
// Meta["prompt_id"]). Learn, Home and the practice player call it. It does nothing
// while locked or when no prompt has that ID.
func (h *App) WriteFromPrompt(promptID string) {
	if h.journal == nil {
		return
	}
	h.touch()
	if h.navID != navJournal {
		h.openNav(navJournal)
	}
	h.journal.writeFromPrompt(promptID)
}

// OpenRecord shows the journal with the record that has this ID open (in the editor
// for an entry, read-only for other kinds). It reports whether the record was found.
func (h *App) OpenRecord(id string) bool {
	if h.journal == nil {
		return false
	}
	h.touch()
	if h.navID != navJournal {
		h.openNav(navJournal)
	}
	return h.journal.open(id)
}

// writeFromPrompt saves the open entry and starts a new one answering promptID.
func (js *journalScreen) writeFromPrompt(promptID string) {
	if js.prompt(promptID) == nil {
		return
	}
	if err := js.flush(); err != nil {
		return // the error is on show and the words stay in the editor
	}
	js.writing = true
	js.list.UnselectAll()
	js.load(journal.Record{Kind: journal.KindEntry, Meta: map[string]string{metaPromptID: promptID}})
	js.showSplitOrEmpty()
	js.app.focus(js.body)
}

// open loads the record with this ID.
func (js *journalScreen) open(id string) bool {
	r, err := js.vault.Get(id)
	if err != nil {
		return false
	}
	if r.ID == js.current.ID {
		return true
	}
	if err := js.flush(); err != nil {
		return false
	}
	js.writing = true
	js.load(r)
	js.showSplitOrEmpty()
	js.reselectCurrent()
	return true
}

// promptPicker is the "Start from a prompt" dialog: themes on the left, their
// questions on the right, and "Give me a prompt" for a random one.
type promptPicker struct {
	dialog  dialog.Dialog
	themes  *widget.List
	prompts *fyne.Container // the chosen theme's questions, each with a Write button
	scroll  *container.Scroll
	right   *fyne.Container    // the description above the questions
	shown   []resources.Prompt // the prompts of the chosen theme
	random  *widget.Button
}

// showPrompts opens the prompt picker.
func (js *journalScreen) showPrompts() {
	js.app.touch()
	lib := js.library()
	if lib == nil || len(lib.Prompts) == 0 {
		js.inform(lang.L("No prompts just now"), lang.L("Hearth couldn't load its prompts. You can still write freely."))
		return
	}
	pp := &promptPicker{}
	js.prompts = pp
	desc := newNote("")
	pp.themes = widget.NewList(
		func() int { return len(lib.PromptThemes) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lib.PromptThemes[id].Title) },
	)
	pp.prompts = container.NewVBox()
	choose := func(p *resources.Prompt) {
		pp.dialog.Hide()
		js.prompts = nil
		js.writeFromPrompt(p.ID)
	}
	pp.themes.OnSelected = func(id widget.ListItemID) {
		js.app.touch()
		pp.shown = lib.PromptThemes[id].Prompts
		setNote(desc, lib.PromptThemes[id].Description, colorNameMuted)
		pp.prompts.Objects = nil
		for _, p := range pp.shown {
			b := widget.NewButtonWithIcon(lang.L("Write"), theme.DocumentCreateIcon(), func() { js.app.touch(); choose(&p) })
			b.Importance = widget.LowImportance
			pp.prompts.Objects = append(pp.prompts.Objects,
				container.NewBorder(nil, nil, nil, container.NewCenter(b), newParagraph(p.Question)), widget.NewSeparator())
		}
		pp.prompts.Refresh()
		pp.scroll.ScrollToTop()
		pp.right.Refresh()
	}
	pp.random = widget.NewButtonWithIcon(lang.L("Give me a prompt"), theme.ViewRefreshIcon(), func() {
		js.app.touch()
		choose(lib.Prompts[rand.IntN(len(lib.Prompts))])
	})
	pp.random.Importance = widget.HighImportance
	intro := newNote(lang.L("Choose a theme, then a question that speaks to you. Or let Hearth pick one."))
	pp.scroll = container.NewVScroll(pp.prompts)
	right := container.NewBorder(desc, nil, nil, nil, pp.scroll)
	pp.right = right
	split := container.NewHSplit(pp.themes, right)
	split.Offset = 0.32
	content := container.NewBorder(intro, container.NewHBox(layoutSpacer(), pp.random), nil, nil, split)
	pp.dialog = dialog.NewCustom(lang.L("Start from a prompt"), lang.L("Close"), content, js.app.win)
	pp.dialog.SetOnClosed(func() { js.prompts = nil })
	pp.dialog.Resize(fyne.NewSize(820, 540))
	pp.dialog.Show()
	pp.themes.Select(0)
	pp.prompts.Refresh() // the questions wrap at their real width only once shown
}
