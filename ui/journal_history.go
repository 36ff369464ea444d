package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// history is the History dialog: the earlier versions of the open entry (newest
// first, with their date and first line), the chosen one shown in full, and a button
// to bring it back. Restoring saves it as the current version, so what was there
// before stays in the history too.
type history struct {
	dialog  dialog.Dialog
	revs    []journal.Record
	list    *widget.List
	view    *widget.RichText
	restore *widget.Button
	chosen  int
}

// showHistory opens the History dialog for the open entry.
func (js *journalScreen) showHistory() {
	js.app.touch()
	if js.current.ID == "" {
		return
	}
	if err := js.flush(); err != nil {
		return
	}
	revs, err := js.vault.Revisions(js.current.ID)
	if err != nil {
		js.inform(lang.L("History"), describeVaultError(err, js.app.cfg.DataDir))
		return
	}
	if len(revs) == 0 {
		js.inform(lang.L("No earlier versions yet"),
			lang.X("journal.history.none", "When you come back to this entry later and change it, Hearth keeps the version from before, so you can always return to it."))
		return
	}
	hv := &history{revs: revs, chosen: -1}
	js.hist = hv
	now := js.app.cfg.Clock.Now()
	hv.list = widget.NewList(
		func() int { return len(hv.revs) },
		func() fyne.CanvasObject { return newEntryRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := hv.revs[id]
			row := o.(*entryRow)
			row.title.SetText(entryTitle(r))
			setNote(row.meta, lang.L("Saved {{.When}}", map[string]any{"When": formatShortDate(r.Updated, now)}), colorNameMuted)
		},
	)
	hv.view = widget.NewRichText()
	hv.view.Wrapping = fyne.TextWrapWord
	hv.view.ParseMarkdown("*" + lang.L("Choose a version to read it.") + "*")
	hv.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), func() {
		js.app.touch()
		if hv.chosen >= 0 {
			js.restoreRevision(hv.revs[hv.chosen])
		}
	})
	hv.restore.Importance = widget.HighImportance
	hv.restore.Disable()
	hv.list.OnSelected = func(id widget.ListItemID) {
		js.app.touch()
		hv.chosen = id
		r := hv.revs[id]
		text := "**" + entryTitle(r) + "**\n\n" + r.Body
		if len(r.Tags) > 0 {
			text += "\n\n*" + FormatTags(r.Tags) + "*"
		}
		hv.view.ParseMarkdown(text)
		hv.restore.Enable()
	}
	note := newNote(lang.L("Restoring keeps what's there now as an earlier version, so nothing is lost."))
	right := container.NewBorder(nil, container.NewVBox(note, container.NewHBox(layoutSpacer(), hv.restore)), nil, nil,
		container.NewVScroll(container.NewPadded(hv.view)))
	split := container.NewHSplit(hv.list, right)
	split.Offset = 0.36
	hv.dialog = dialog.NewCustom(lang.L("Earlier versions"), lang.L("Close"), split, js.app.win)
	hv.dialog.SetOnClosed(func() {
		if js.hist == hv {
			js.hist = nil
		}
	})
	hv.dialog.Resize(fyne.NewSize(820, 540))
	hv.dialog.Show()
}

// restoreRevision makes rev's words the open entry's current version.
func (js *journalScreen) restoreRevision(rev journal.Record) {
	r := js.current
	r.Title, r.Body, r.Tags = rev.Title, rev.Body, rev.Tags
	saved, err := js.vault.Update(r)
	if err != nil {
		js.inform(lang.L("Not restored"), saveErrorMessage(err))
		return
	}
	if js.hist != nil {
		js.hist.dialog.Hide()
		js.hist = nil
	}
	js.load(saved)
	js.remember(saved)
	setNote(js.status, lang.L("Restored the earlier version"), colorNameMuted)
}
