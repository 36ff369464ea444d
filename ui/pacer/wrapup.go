package pacer

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/page"
)

// wrapUp is what both screens share around a session: the optional rating before
// it, and afterwards a thank-you card that saves the session and offers the optional
// rating after it. Everything is saved as soon as it is known, so leaving the screen
// never loses a session or a rating.
type wrapUp struct {
	store  Store
	before *rating
	after  *rating
	card   *page.Card
	thanks *widget.RichText
	saved  *widget.RichText
	retry  *widget.Button
	record journal.Record // the session's record (with an ID once saved)
}

// newWrapUp builds the ratings and the thank-you card; done is called by its button.
func newWrapUp(c Config, done func()) *wrapUp {
	w := &wrapUp{store: c.Store}
	w.before = newRating(lang.L("Before you begin: how unsettled do you feel right now?"), nil, c.OnNeedSupport)
	w.thanks = paragraph()
	w.saved = page.Note(" ")
	w.retry = widget.NewButton(lang.L("Try saving again"), w.save)
	w.retry.Hide()
	w.after = newRating(lang.L("And now: how unsettled do you feel?"), w.afterChanged, c.OnNeedSupport)
	doneBtn := widget.NewButton(lang.L("Done"), func() {
		w.reset()
		done()
	})
	doneBtn.Importance = widget.HighImportance
	w.card = page.NewCard(lang.L("Thank you for taking this time"),
		w.thanks, w.saved, container.NewHBox(w.retry), widget.NewSeparator(), w.after.box,
		container.NewHBox(doneBtn))
	return w
}

// beforeCard is the card holding the before rating.
func (w *wrapUp) beforeCard() fyne.CanvasObject { return page.NewCard("", w.before.box) }

// finish shows thanks and saves r with the before rating, if one was given.
func (w *wrapUp) finish(r journal.Record, thanks string) {
	setRating(&r, "before", w.before.Value())
	w.record = r
	setText(w.thanks, thanks)
	w.after.Clear()
	w.save()
}

// reset clears both ratings for the next session.
func (w *wrapUp) reset() {
	w.before.Clear()
	w.after.Clear()
	w.record = journal.Record{}
}

// afterChanged saves the after rating into the session's record.
func (w *wrapUp) afterChanged(v int) {
	setRating(&w.record, "after", v)
	w.save()
}

// save creates the record (or updates it once it has an ID) and says how it went.
func (w *wrapUp) save() {
	if w.store == nil || w.record.Kind == "" {
		return
	}
	var (
		out journal.Record
		err error
	)
	if w.record.ID == "" {
		out, err = w.store.Create(w.record)
	} else {
		out, err = w.store.Update(w.record)
	}
	if err != nil {
		page.SetNote(w.saved, lang.L("This session couldn't be saved to your journal just now ({{.Err}}).", map[string]any{"Err": fmt.Sprint(err)}))
		w.retry.Show()
		return
	}
	w.record = out
	page.SetNote(w.saved, lang.L("Saved in your journal."))
	w.retry.Hide()
}

// setRating sets (v >= 0) or removes (v < 0) a named rating.
func setRating(r *journal.Record, name string, v int) {
	if v < 0 {
		delete(r.Ratings, name)
		return
	}
	if r.Ratings == nil {
		r.Ratings = map[string]int{}
	}
	r.Ratings[name] = v
}

// durationText is a practised time in plain words.
func durationText(d time.Duration) string {
	m, sec := int(d/time.Minute), int(d%time.Minute/time.Second)
	switch {
	case m == 0:
		return lang.L("{{.S}} seconds", map[string]any{"S": sec})
	case m == 1 && sec == 0:
		return lang.L("a minute")
	case sec == 0:
		return lang.L("{{.N}} minutes", map[string]any{"N": m})
	}
	return lang.L("{{.N}} min {{.S}} s", map[string]any{"N": m, "S": sec})
}

// paragraph is wrapping body text that changes (a RichText, which re-wraps
// reliably when its text changes while hidden).
func paragraph() *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: " ", Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, Inline: true,
	}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
