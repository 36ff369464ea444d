package ui

import (
	"bytes"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/printout"
)

// picker is the list's Select mode: tick several records, then save them together
// as Markdown or print them to one PDF.
type picker struct {
	on     bool
	chosen map[string]bool

	bar      fyne.CanvasObject
	selectB  *widget.Button
	actions  *fyne.Container
	count    *widget.RichText
	markdown *widget.Button
	pdf      *widget.Button
}

func (p *picker) build(js *journalScreen) {
	p.chosen = map[string]bool{}
	p.selectB = widget.NewButtonWithIcon(lang.L("Select to export"), theme.CheckButtonCheckedIcon(), func() { js.app.touch(); p.setOn(js, true) })
	p.selectB.Importance = widget.LowImportance
	p.count = newNote("")
	p.markdown = widget.NewButtonWithIcon(lang.L("Markdown"), theme.DocumentSaveIcon(), func() { js.app.touch(); js.askMarkdown(p.records(js)) })
	p.pdf = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), func() { js.app.touch(); js.askPDF(p.records(js)) })
	done := widget.NewButton(lang.L("Done"), func() { js.app.touch(); p.setOn(js, false) })
	p.markdown.Importance, p.pdf.Importance, done.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	p.actions = container.NewVBox(p.count, container.NewHBox(p.markdown, p.pdf, layoutSpacer(), done))
	p.actions.Hide()
	p.bar = container.NewPadded(container.NewVBox(widget.NewSeparator(), container.NewHBox(p.selectB), p.actions))
}

// setOn enters or leaves Select mode.
func (p *picker) setOn(js *journalScreen, on bool) {
	p.on = on
	clear(p.chosen)
	if on {
		p.selectB.Hide()
		p.actions.Show()
		js.list.UnselectAll()
	} else {
		p.actions.Hide()
		p.selectB.Show()
		js.reselectCurrent()
	}
	p.refresh(js)
	js.list.Refresh()
	js.find.relayout()
}

// toggle ticks or unticks the record in list row id.
func (p *picker) toggle(js *journalScreen, id widget.ListItemID) {
	r := js.entries[id]
	if p.chosen[r.ID] {
		delete(p.chosen, r.ID)
	} else {
		p.chosen[r.ID] = true
	}
	js.list.Unselect(id)
	js.list.RefreshItem(id)
	p.refresh(js)
}

// refresh shows how many are ticked and enables the actions when any are.
func (p *picker) refresh(js *journalScreen) {
	n := len(p.records(js))
	switch n {
	case 0:
		setNote(p.count, lang.L("Tap entries to choose them."), colorNameMuted)
		p.markdown.Disable()
		p.pdf.Disable()
		return
	case 1:
		setNote(p.count, lang.L("1 chosen"), colorNameMuted)
	default:
		setNote(p.count, lang.L("{{.Count}} chosen", map[string]any{"Count": n}), colorNameMuted)
	}
	p.markdown.Enable()
	p.pdf.Enable()
}

// records are the ticked records still in the list, oldest first (the order they
// were written, the natural order to read them in).
func (p *picker) records(js *journalScreen) []journal.Record {
	var out []journal.Record
	for i := len(js.entries) - 1; i >= 0; i-- {
		if p.chosen[js.entries[i].ID] {
			out = append(out, js.entries[i])
		}
	}
	return out
}

// showExportMenu offers Markdown or PDF for the open entry, under the editor's
// Export button.
func (js *journalScreen) showExportMenu() { js.showExportMenuAt(js.exportB) }

// showExportMenuAt offers Markdown or PDF for the open record, under anchor.
func (js *journalScreen) showExportMenuAt(anchor fyne.CanvasObject) {
	js.app.touch()
	if js.current.ID == "" {
		return
	}
	if err := js.flush(); err != nil {
		return
	}
	r := js.current
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("Save as Markdown…"), func() { js.askMarkdown([]journal.Record{r}) }),
		fyne.NewMenuItem(lang.L("Save as PDF for printing…"), func() { js.askPDF([]journal.Record{r}) }),
	)
	pop := widget.NewPopUpMenu(menu, js.app.win.Canvas())
	js.keep(pop.Hide)
	pop.ShowAtRelativePosition(fyne.NewPos(0, anchor.Size().Height), anchor)
}

// printEntries pairs records with their prompt question and kind name for printout.
func (js *journalScreen) printEntries(recs []journal.Record) []printout.Entry {
	es := make([]printout.Entry, len(recs))
	for i, r := range recs {
		es[i] = printout.Entry{Record: r}
		if p := js.prompt(r.Meta[metaPromptID]); p != nil {
			es[i].Prompt = p.Question
		}
		if r.Kind != journal.KindEntry {
			es[i].KindLabel = js.kindLabel(r.Kind)
		}
	}
	return es
}

// printLabels are the translated words printout puts in files.
func printLabels() printout.Labels {
	return printout.Labels{Tags: lang.L("Tags"), Prompt: lang.L("Prompt"), Untitled: lang.L("Untitled")}
}

// pdfFonts are the theme's text fonts, which cover most languages' letters.
func pdfFonts() printout.Fonts {
	th := fyne.CurrentApp().Settings().Theme()
	return printout.Fonts{
		Regular: th.Font(fyne.TextStyle{}).Content(),
		Bold:    th.Font(fyne.TextStyle{Bold: true}).Content(),
		Italic:  th.Font(fyne.TextStyle{Italic: true}).Content(),
	}
}

// writeMarkdown writes recs as one Markdown document.
func (js *journalScreen) writeMarkdown(w io.Writer, recs []journal.Record) error {
	return printout.WriteMarkdown(w, js.printEntries(recs), printLabels())
}

// writeMarkdownFolder writes each record to its own .md file in dir.
func (js *journalScreen) writeMarkdownFolder(dir string, recs []journal.Record) ([]string, error) {
	return printout.WriteMarkdownDir(dir, js.printEntries(recs), printLabels())
}

// writePDF prints recs to one PDF.
func (js *journalScreen) writePDF(w io.Writer, recs []journal.Record) error {
	return printout.WritePDF(w, js.printEntries(recs), pdfFonts(), printLabels())
}

// askMarkdown saves recs as Markdown: one record to a file the user names; several,
// to one file or a file each in a folder, as the user prefers.
func (js *journalScreen) askMarkdown(recs []journal.Record) {
	if len(recs) == 0 {
		return
	}
	if len(recs) == 1 {
		js.saveFile(printout.FileName(recs[0], ".md"), ".md", func(w io.Writer) error { return js.writeMarkdown(w, recs) })
		return
	}
	var d *dialog.CustomDialog
	one := widget.NewButton(lang.L("One file"), func() {
		d.Hide()
		js.saveFile(lang.L("Journal")+".md", ".md", func(w io.Writer) error { return js.writeMarkdown(w, recs) })
	})
	each := widget.NewButton(lang.L("A file for each"), func() {
		d.Hide()
		js.saveFolder(recs)
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	one.Importance, each.Importance = widget.HighImportance, widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Save as Markdown"),
		newParagraph(lang.L("Would you like them all in one file, or a file for each in a folder you choose?")), js.app.win)
	d.SetButtons([]fyne.CanvasObject{cancel, each, one})
	js.keep(d.Hide)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// askPDF prints recs to a PDF file the user names.
func (js *journalScreen) askPDF(recs []journal.Record) {
	if len(recs) == 0 {
		return
	}
	name := lang.L("Journal") + ".pdf"
	if len(recs) == 1 {
		name = printout.FileName(recs[0], ".pdf")
	}
	js.saveFile(name, ".pdf", func(w io.Writer) error { return js.writePDF(w, recs) })
}

// saveFile asks where to save, writes with write, and says it is done.
func (js *journalScreen) saveFile(name, ext string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil || uc == nil {
			if err != nil {
				js.exportFailed(err)
			}
			return
		}
		var buf bytes.Buffer // write whole, so a failure leaves no half file
		err = write(&buf)
		if err == nil {
			_, err = uc.Write(buf.Bytes())
		}
		if cerr := uc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			js.exportFailed(err)
			return
		}
		js.exported()
	}, js.app.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	js.keep(d.Hide)
	d.Show()
	d.Resize(fyne.NewSize(760, 520))
}

// saveFolder asks for a folder and writes a Markdown file per record into it.
func (js *journalScreen) saveFolder(recs []journal.Record) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			if err != nil {
				js.exportFailed(err)
			}
			return
		}
		if _, err := js.writeMarkdownFolder(dir.Path(), recs); err != nil {
			js.exportFailed(err)
			return
		}
		js.exported()
	}, js.app.win)
	js.keep(d.Hide)
	d.Show()
	d.Resize(fyne.NewSize(760, 520))
}

// exported says the copy is saved, and that it is not encrypted.
func (js *journalScreen) exported() {
	js.inform(lang.L("Saved"), lang.L("Your copy is saved. It isn't encrypted, so you might keep it somewhere private."))
}

// exportFailed says a copy could not be saved.
func (js *journalScreen) exportFailed(err error) {
	js.inform(lang.L("Not saved"), lang.L("Hearth couldn't save the copy: {{.Err}}", map[string]any{"Err": fmt.Sprint(err)}))
}

// keep remembers how to close a dialog or pop-up, so stop can close it when the
// journal goes away (lock, quit) instead of leaving it over the unlock screen.
func (js *journalScreen) keep(hide func()) {
	if len(js.overlays) > 8 { // they close themselves too; forget the oldest
		js.overlays = js.overlays[1:]
	}
	js.overlays = append(js.overlays, hide)
}

// inform shows a small message that stop will close.
func (js *journalScreen) inform(title, message string) {
	d := dialog.NewInformation(title, message, js.app.win)
	js.keep(d.Hide)
	d.Show()
}
