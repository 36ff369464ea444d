package exercise

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// panelsWidth is the widest the finished view grows when it shows four panels.
const panelsWidth float32 = 960

// done is the view of a finished exercise.
type done struct {
	ex  *resources.Exercise
	rec journal.Record

	pairs  []Pair
	panels []Panel
	reread *widget.Button // "Remind me…" (letters)
	unset  *widget.Button // "No reminder, thanks" (letters)
	when   *widget.Label  // when the reminder is due (letters)
}

// showDone shows a finished exercise: a thank-you when just finished, before/after
// ratings, the letter's reading and reminder, the four selves, and every answer.
func (s *Screen) showDone(ex *resources.Exercise, r journal.Record, justFinished bool) {
	s.form = nil
	d := &done{ex: ex, rec: r, pairs: Pairs(ex, r), panels: Panels(ex, r)}
	toList := widget.NewButtonWithIcon(lang.L("Exercises"), theme.NavigateBackIcon(), s.backToList)
	toList.Importance = widget.LowImportance
	items := []fyne.CanvasObject{container.NewHBox(toList), page.Heading(r.Title),
		page.Note(lang.X("exercise.done.date", "Finished {{.Date}}", map[string]any{"Date": formatDate(r.Updated, s.now())}))}
	if justFinished {
		items = append(items, page.Paragraph(lang.L("Thank you for taking this time. However it went, and however it felt, the practice counts.")))
	}
	if len(d.pairs) > 0 {
		items = append(items, page.NewCard(lang.L("Before and after"), pairsView(d.pairs)))
	}
	if letter := strings.TrimSpace(r.Fields["letter"]); letter != "" {
		items = append(items, s.letterCard(d))
	}
	inPanels := map[string]bool{}
	for _, p := range d.panels {
		for _, fd := range allFields(ex) {
			if strings.HasPrefix(fd.ID, p.Self+"_") {
				inPanels[fd.ID] = true
			}
		}
	}
	panelsShown := false
	for _, st := range ex.Steps {
		var rows []fyne.CanvasObject
		for _, fd := range st.Fields {
			if inPanels[fd.ID] && !panelsShown {
				items = append(items, panelsView(d.panels)) // where the first self's step is
				panelsShown = true
			}
			if inPanels[fd.ID] || fd.ID == "letter" {
				continue
			}
			if t, ok := answerText(fd, r); ok {
				q := widget.NewLabelWithStyle(fd.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				q.Wrapping = fyne.TextWrapWord
				rows = append(rows, q, page.Paragraph(t))
			}
		}
		if len(rows) > 0 {
			items = append(items, page.NewCard(st.Title, rows...))
		}
	}
	if len(r.Fields) == 0 && len(r.Ratings) == 0 {
		items = append(items, page.Paragraph(lang.L("You left every question open this time, and that's fine. Sometimes reading the steps is the practice.")))
	}
	edit := widget.NewButtonWithIcon(lang.L("Edit your answers"), theme.DocumentCreateIcon(), func() { s.openForm(ex, d.rec) })
	back := widget.NewButtonWithIcon(lang.L("Back to exercises"), theme.NavigateBackIcon(), s.backToList)
	back.Importance = widget.HighImportance
	items = append(items, container.NewHBox(edit, layout.NewSpacer(), back))

	width := page.ReadingWidth
	if d.panels != nil {
		width = panelsWidth
	}
	col := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*4), items...)
	s.show(container.NewVScroll(page.Padded(theme.Padding()*3, page.Readable(width, col))))
}

// pairsView shows each before/after pair as a sentence over two bars side by side.
func pairsView(ps []Pair) fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, p := range ps {
		rows = append(rows, page.Paragraph(PairSentence(p)),
			container.NewGridWithColumns(2,
				newRatingBar(lang.L("Before"), p.Before, p.Max, page.ColorNameMuted),
				newRatingBar(lang.L("Now"), p.After, p.Max, theme.ColorNamePrimary)))
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*2), rows...)
}

// newRatingBar is a caption with a value over a soft horizontal bar.
func newRatingBar(caption string, v, maxV int, fill fyne.ThemeColorName) fyne.CanvasObject {
	th := fyne.CurrentApp().Settings().Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	label := widget.NewLabel(lang.X("exercise.bar", "{{.Caption}}: {{.Value}}", map[string]any{"Caption": caption, "Value": v}))
	track := canvas.NewRectangle(th.Color(theme.ColorNameInputBorder, variant))
	track.CornerRadius = 4
	bar := canvas.NewRectangle(th.Color(fill, variant))
	bar.CornerRadius = 4
	frac := float32(v) / float32(max(maxV, 1))
	inset := th.Size(theme.SizeNameInnerPadding) // line the bar up with the label's text
	return container.NewVBox(label, container.New(layout.NewCustomPaddedLayout(0, 0, inset, inset),
		container.New(&barLayout{frac: frac}, track, bar)))
}

// barLayout draws a track at full width and a bar over frac of it.
type barLayout struct{ frac float32 }

func (barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(40, 10) }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	w := size.Width * l.frac
	if l.frac > 0 {
		w = max(w, size.Height) // a tiny rating still shows as a dot
	}
	objs[1].Resize(fyne.NewSize(w, size.Height))
}

// panelsView shows the four selves side by side, two by two.
func panelsView(ps []Panel) fyne.CanvasObject {
	var cards []fyne.CanvasObject
	for _, p := range ps {
		var rows []fyne.CanvasObject
		for _, a := range p.Answers {
			q := widget.NewLabelWithStyle(a.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			q.Wrapping = fyne.TextWrapWord
			rows = append(rows, q, page.Paragraph(a.Text))
		}
		if len(rows) == 0 {
			rows = append(rows, page.Note(lang.L("Left open this time.")))
		}
		cards = append(cards, page.NewCard(p.Title, rows...))
	}
	return container.New(&gridRows{cols: 2, gap: theme.Padding() * 3}, cards...)
}

// gridRows is a grid whose rows are as tall as their tallest cell (Fyne's grid
// makes every row as tall as the tallest cell of all).
type gridRows struct {
	cols int
	gap  float32
}

func (g *gridRows) rows(objs []fyne.CanvasObject, width float32) []float32 {
	var hs []float32
	cw := (width - g.gap*float32(g.cols-1)) / float32(g.cols)
	for i, o := range objs {
		if i%g.cols == 0 {
			hs = append(hs, 0)
		}
		h := o.MinSize().Height
		if width > 0 {
			h = heightAt(o, cw)
		}
		hs[len(hs)-1] = max(hs[len(hs)-1], h)
	}
	return hs
}

// heightAt is o's height when it is cw wide (wrapped text grows taller when narrow).
func heightAt(o fyne.CanvasObject, cw float32) float32 {
	o.Resize(fyne.NewSize(cw, o.Size().Height))
	return o.MinSize().Height
}

func (g *gridRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	var h float32
	hs := g.rows(objs, 0)
	if len(objs) > 0 {
		hs = g.rows(objs, objs[0].Size().Width*float32(g.cols)+g.gap*float32(g.cols-1))
	}
	for _, r := range hs {
		h += r
	}
	return fyne.NewSize(w*float32(g.cols)+g.gap*float32(g.cols-1), h+g.gap*float32(max(len(hs)-1, 0)))
}

func (g *gridRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cw := (size.Width - g.gap*float32(g.cols-1)) / float32(g.cols)
	hs := g.rows(objs, size.Width)
	y := float32(0)
	for i, o := range objs {
		r, c := i/g.cols, i%g.cols
		if c == 0 && r > 0 {
			y += hs[r-1] + g.gap
		}
		o.Move(fyne.NewPos(float32(c)*(cw+g.gap), y))
		o.Resize(fyne.NewSize(cw, hs[r]))
	}
}

// letterCard offers to read the letter slowly, and to be reminded to reread it.
func (s *Screen) letterCard(d *done) fyne.CanvasObject {
	read := widget.NewButtonWithIcon(lang.L("Read it slowly"), theme.VisibilityIcon(), func() {
		s.openReader(d.ex, d.rec)
	})
	read.Importance = widget.HighImportance
	d.when = page.Paragraph("")
	d.reread = widget.NewButtonWithIcon(lang.L("Remind me in a few days"), theme.HistoryIcon(), func() {
		s.setReminder(d, rereadDate(s.now()))
	})
	d.unset = widget.NewButton(lang.L("No reminder, thanks"), func() { s.setReminder(d, "") })
	d.unset.Importance = widget.LowImportance
	s.showReminder(d)
	return page.NewCard(lang.L("Your letter"),
		page.Paragraph(lang.L("Letters often land differently when read slowly, and again a few days later. You might read it aloud, in a warm and unhurried voice.")),
		container.NewHBox(read), d.when, container.NewHBox(d.reread, d.unset))
}

// showReminder updates the letter card's reminder line and buttons.
func (s *Screen) showReminder(d *done) {
	at, err := time.Parse(time.RFC3339, d.rec.Meta[MetaRereadAfter])
	if err != nil {
		d.when.SetText(lang.L("Would you like a reminder on the Home screen to read it again in a few days?"))
		d.reread.Show()
		d.unset.Hide()
		return
	}
	d.when.SetText(lang.X("exercise.letter.remind", "Hearth will remind you to read it again from {{.Date}}.",
		map[string]any{"Date": formatDate(at, s.now())}))
	d.reread.Hide()
	d.unset.Show()
}

// setReminder saves the letter's reread date ("" removes it).
func (s *Screen) setReminder(d *done, at string) {
	r := d.rec
	r.Meta = cloneMeta(r.Meta)
	if at == "" {
		delete(r.Meta, MetaRereadAfter)
	} else {
		r.Meta[MetaRereadAfter] = at
	}
	saved, err := s.store.Update(r)
	if err != nil {
		d.when.SetText(lang.L("Hearth couldn't save the reminder just now. Your letter is safe; you might try again in a moment."))
		return
	}
	d.rec = saved
	s.remember(saved)
	s.showReminder(d)
}

func cloneMeta(m map[string]string) map[string]string {
	c := make(map[string]string, len(m)+1)
	for k, v := range m {
		c[k] = v
	}
	return c
}

// reader shows a letter in large, calm type, one paragraph at a time or whole.
type reader struct {
	paras  []string
	i      int
	whole  bool
	text   *widget.RichText
	count  *widget.RichText
	prev   *widget.Button
	next   *widget.Button
	toggle *widget.Button
	scroll *container.Scroll
	onEnd  func() // when the last paragraph was reached, once
	ended  bool
	close  func()
}

// openReader reads a finished letter; reading it through marks a due reminder done.
func (s *Screen) openReader(ex *resources.Exercise, r journal.Record) {
	s.openReaderText(r.Fields["letter"], func() { s.showDone(ex, r, false) }, func() {
		// r is the latest version: closing shows it.
		if len(DueLetters([]journal.Record{r}, s.now())) == 0 {
			return
		}
		u := r
		u.Meta = cloneMeta(r.Meta)
		delete(u.Meta, MetaRereadAfter)
		u.Meta[MetaRereadOn] = s.now().Format(time.RFC3339)
		if saved, err := s.store.Update(u); err == nil {
			r = saved
			s.remember(saved)
		}
	})
}

// openReaderText shows text in the reader; close returns from it, onEnd (may be nil)
// runs once the end has been reached.
func (s *Screen) openReaderText(text string, closeFn, onEnd func()) {
	rd := &reader{paras: letterParagraphs(text), onEnd: onEnd}
	rd.close = func() {
		s.reader = nil
		closeFn()
	}
	if len(rd.paras) == 0 {
		rd.paras = []string{lang.L("There is nothing in the letter yet. When you have written something, you can read it here.")}
	}
	rd.text = widget.NewRichText()
	rd.text.Wrapping = fyne.TextWrapWord
	rd.count = page.Note("")
	rd.count.Wrapping = fyne.TextWrapOff
	rd.prev = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { rd.move(-1) })
	rd.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { rd.move(+1) })
	rd.next.IconPlacement = widget.ButtonIconTrailingText
	rd.next.Importance = widget.HighImportance
	rd.toggle = widget.NewButton("", func() { rd.whole = !rd.whole; rd.show() })
	rd.toggle.Importance = widget.LowImportance
	closeBtn := widget.NewButtonWithIcon(lang.L("Close"), theme.NavigateBackIcon(), func() { rd.close() })
	closeBtn.Importance = widget.LowImportance

	big := page.Padded(theme.Padding()*4, rd.text)
	// The reading sits in the middle of the page while it is shorter than the window.
	rd.scroll = container.NewVScroll(container.NewVBox(layout.NewSpacer(), page.Readable(600, big), layout.NewSpacer()))
	top := page.Padded(theme.Padding()*2, container.NewHBox(closeBtn, layout.NewSpacer(), rd.toggle))
	bottom := page.Padded(theme.Padding()*2, page.Readable(600, container.NewBorder(nil, nil, rd.prev, rd.next, container.NewCenter(rd.count))))
	s.reader = rd
	rd.show()
	s.show(container.NewBorder(top, bottom, nil, nil, rd.scroll))
}

func (rd *reader) move(by int) {
	if rd.whole || (by > 0 && rd.i == len(rd.paras)-1) {
		rd.close()
		return
	}
	rd.i = min(max(rd.i+by, 0), len(rd.paras)-1)
	rd.show()
}

func (rd *reader) show() {
	last := rd.whole || rd.i == len(rd.paras)-1
	if rd.whole {
		rd.setText(rd.paras...)
		rd.toggle.SetText(lang.L("One paragraph at a time"))
		page.SetNote(rd.count, "")
		rd.prev.Hide()
	} else {
		rd.setText(rd.paras[rd.i])
		rd.toggle.SetText(lang.L("Show the whole letter"))
		page.SetNote(rd.count, lang.X("exercise.reader.count", "{{.N}} of {{.Total}}", map[string]any{"N": rd.i + 1, "Total": len(rd.paras)}))
		rd.prev.Show()
		if rd.i == 0 {
			rd.prev.Disable()
		} else {
			rd.prev.Enable()
		}
	}
	if last {
		rd.next.SetText(lang.L("I've read it"))
		rd.next.SetIcon(theme.ConfirmIcon())
		if !rd.ended && rd.onEnd != nil {
			rd.ended = true
			rd.onEnd()
		}
	} else {
		rd.next.SetText(lang.L("Next"))
		rd.next.SetIcon(theme.NavigateNextIcon())
	}
	rd.scroll.Content.Refresh() // the text's height changed
	rd.scroll.ScrollToTop()
}

// setText shows paragraphs in large, calm type.
func (rd *reader) setText(paras ...string) {
	segs := make([]widget.RichTextSegment, 0, len(paras))
	for i, p := range paras {
		if i > 0 { // a quiet blank line between paragraphs
			segs = append(segs, &widget.TextSegment{Text: " ", Style: widget.RichTextStyle{SizeName: theme.SizeNameText}})
		}
		segs = append(segs, &widget.TextSegment{Text: p, Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText}})
	}
	rd.text.Segments = segs
	rd.text.Refresh()
}

// shown is the text on show, paragraphs separated by blank lines.
func (rd *reader) shown() string {
	var parts []string
	for _, sg := range rd.text.Segments {
		if t := sg.Textual(); t != " " {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}
