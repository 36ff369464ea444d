package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/charts"
)

// searchPause is how long typing in the search box must pause before the list updates.
const searchPause = 150 * time.Millisecond

// kindFilter chooses which kinds of record the list shows.
type kindFilter int

const (
	kindsWriting   kindFilter = iota // everything written: all kinds but practice sessions
	kindsEntries                     // journal entries only
	kindsExercises                   // exercise records (anything not an entry, practice or check-in)
	kindsPractice                    // practice sessions
	kindsCheckIns                    // three-circles check-ins
)

// dateMode chooses the time span the list shows.
type dateMode int

const (
	dateAny dateMode = iota
	dateWeek
	dateMonth
	dateDay      // one day picked on the calendar
	dateCalMonth // the month shown on the calendar
)

// journalFilter is what the list is narrowed to.
type journalFilter struct {
	text string
	kind kindFilter
	tag  string // "" = any tag
	date dateMode
	day  time.Time // local midnight of the picked day, or the first of the picked month
}

// isDefault reports whether the filter shows everything written.
func (f journalFilter) isDefault() bool {
	return strings.TrimSpace(f.text) == "" && f.kind == kindsWriting && f.tag == "" && f.date == dateAny
}

// query is the vault query for the filter at time now (the text is searched separately).
func (f journalFilter) query(now time.Time) journal.Query {
	var q journal.Query
	switch f.kind {
	case kindsEntries:
		q.Kinds = []journal.Kind{journal.KindEntry}
	case kindsPractice:
		q.Kinds = []journal.Kind{journal.KindPracticeSession}
	case kindsCheckIns:
		q.Kinds = []journal.Kind{journal.KindCheckIn}
	}
	if f.tag != "" {
		q.Tags = []string{f.tag}
	}
	q.From, q.To = f.span(now)
	return q
}

// span is the filter's time span [from, to) in local time; zero times when unbounded.
func (f journalFilter) span(now time.Time) (from, to time.Time) {
	now = now.Local()
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	switch f.date {
	case dateWeek:
		from = midnight.AddDate(0, 0, -((int(now.Weekday()) + 6) % 7)) // Monday
		return from, from.AddDate(0, 0, 7)
	case dateMonth:
		from = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local)
		return from, from.AddDate(0, 1, 0)
	case dateDay:
		return f.day, f.day.AddDate(0, 0, 1)
	case dateCalMonth:
		return f.day, f.day.AddDate(0, 1, 0)
	}
	return time.Time{}, time.Time{}
}

// keep reports whether a record the vault returned belongs in the list (kinds the
// vault query cannot express).
func (f journalFilter) keep(k journal.Kind) bool {
	switch f.kind {
	case kindsWriting:
		return k != journal.KindPracticeSession
	case kindsExercises:
		return k != journal.KindEntry && k != journal.KindPracticeSession && k != journal.KindCheckIn
	}
	return true
}

// finder is the search box, the filters and the calendar above the list.
type finder struct {
	filter journalFilter

	search  *widget.Entry
	kindSel *widget.Select
	tagSel  *widget.Select
	dateSel *widget.Select
	found   *widget.RichText
	clear   *widget.Button
	calBtn  *widget.Button
	bar     fyne.CanvasObject

	calendar   *dayPicker
	wholeMonth *widget.Button
	calPopUp   *widget.PopUp // the calendar, shown under the calendar button
	shownMonth time.Time     // first of the month on the calendar, local

	allTags  []string
	stop     func()
	relayout func() // lays the list pane out again after a part appeared or went away
	updating bool   // setting the selects from code, not the user
}

// kindOptions are the kind filter's choices, in kindFilter order.
func kindOptions() []string {
	return []string{lang.L("All writing"), lang.L("Journal entries"), lang.L("Exercises"), lang.L("Practice"), lang.L("Check-ins")}
}

// dateOptions are the fixed choices of the date filter, in dateMode order.
func dateOptions() []string {
	return []string{lang.L("Any time"), lang.L("This week"), lang.L("This month")}
}

func (f *finder) build(js *journalScreen) {
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(lang.L("Search everything you've written"))
	f.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	f.search.OnChanged = func(text string) { f.searchChanged(js, text) }
	f.search.OnSubmitted = func(string) { f.stopTimer(); js.reload() }

	f.kindSel = widget.NewSelect(kindOptions(), func(s string) {
		if f.updating {
			return
		}
		f.filter.kind = kindFilter(max(0, slices.Index(kindOptions(), s)))
		js.filtersChanged()
	})
	f.tagSel = widget.NewSelect(nil, func(s string) {
		if f.updating {
			return
		}
		f.filter.tag = ""
		if s != lang.L("Any tag") {
			f.filter.tag = s
		}
		js.filtersChanged()
	})
	f.dateSel = widget.NewSelect(dateOptions(), func(s string) {
		if f.updating {
			return
		}
		if i := slices.Index(dateOptions(), s); i >= 0 {
			f.filter.date = dateMode(i)
			js.filtersChanged()
		}
	})
	f.calBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { js.app.touch(); f.showCalendar(js) })
	f.calBtn.Importance = widget.LowImportance
	f.found = newNote("")
	f.clear = widget.NewButtonWithIcon(lang.L("Show everything"), theme.ContentClearIcon(), func() { js.app.touch(); f.reset(js) })
	f.clear.Importance = widget.LowImportance
	f.clear.Hide()
	f.setSelects()

	f.calendar = newDayPicker(func(day int) { js.app.touch(); f.pickDay(js, day) })
	f.calendar.cal.EmptyText = lang.L("Days you write will be marked here")
	f.calendar.cal.OnPrevious = func() { js.app.touch(); f.showMonth(js, f.shownMonth.AddDate(0, -1, 0)) }
	f.calendar.cal.OnNext = func() { js.app.touch(); f.showMonth(js, f.shownMonth.AddDate(0, 1, 0)) }
	f.wholeMonth = widget.NewButton(lang.L("Show this whole month"), func() {
		js.app.touch()
		f.hideCalendar()
		f.filter.date, f.filter.day = dateCalMonth, f.shownMonth
		js.filtersChanged()
	})
	f.wholeMonth.Importance = widget.LowImportance

	f.bar = container.NewPadded(container.NewVBox(
		f.search,
		container.NewGridWithColumns(2, f.kindSel, f.tagSel),
		container.NewBorder(nil, nil, nil, f.calBtn, f.dateSel),
		container.NewBorder(nil, nil, nil, f.clear, f.found),
	))
}

// searchChanged runs on every key in the search box: the list updates once typing
// pauses for searchPause.
func (f *finder) searchChanged(js *journalScreen, text string) {
	js.app.touch()
	f.filter.text = text
	f.stopTimer()
	f.stop = js.app.cfg.Clock.AfterFunc(searchPause, func() {
		f.stop = nil
		js.reload()
	})
}

// stopTimer cancels a pending search.
func (f *finder) stopTimer() {
	if f.stop != nil {
		f.stop()
		f.stop = nil
	}
}

// setSelects shows the filter in the three selects.
func (f *finder) setSelects() {
	f.updating = true
	defer func() { f.updating = false }()
	f.kindSel.SetSelectedIndex(int(f.filter.kind))
	tags := append([]string{lang.L("Any tag")}, f.allTags...)
	f.tagSel.SetOptions(tags)
	if f.filter.tag == "" {
		f.tagSel.SetSelectedIndex(0)
	} else {
		f.tagSel.SetSelected(f.filter.tag)
	}
	opts := dateOptions()
	switch f.filter.date {
	case dateDay:
		opts = append(opts, f.filter.day.Format("Mon 2 Jan 2006"))
	case dateCalMonth:
		opts = append(opts, monthTitle(f.filter.day))
	}
	f.dateSel.SetOptions(opts)
	f.dateSel.SetSelectedIndex(min(int(f.filter.date), len(opts)-1))
}

// monthTitle is e.g. "November 2026".
func monthTitle(t time.Time) string { return t.Format("January 2006") }

// reset clears every filter and the search.
func (f *finder) reset(js *journalScreen) {
	f.search.SetText("")
	f.filter = journalFilter{}
	js.filtersChanged()
}

// showCalendar opens the month calendar under the calendar button: days with writing
// have a dot; tapping a day, or "Show this whole month", narrows the list and closes it.
func (f *finder) showCalendar(js *journalScreen) {
	month := js.app.cfg.Clock.Now().Local()
	if f.filter.date == dateDay || f.filter.date == dateCalMonth {
		month = f.filter.day
	}
	f.showMonth(js, month)
	if f.calPopUp == nil {
		f.calPopUp = widget.NewPopUp(container.NewPadded(container.NewVBox(f.calendar, container.NewCenter(f.wholeMonth))),
			js.app.win.Canvas())
	}
	f.calPopUp.ShowAtRelativePosition(fyne.NewPos(0, f.calBtn.Size().Height), f.calBtn)
}

// hideCalendar closes the calendar pop-up if it is open.
func (f *finder) hideCalendar() {
	if f.calPopUp != nil {
		f.calPopUp.Hide()
	}
}

// showMonth puts the month holding t on the calendar, marking the days with writing
// (a dot) and practice (a soft circle).
func (f *finder) showMonth(js *journalScreen, t time.Time) {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local)
	f.shownMonth = first
	recs, err := js.vault.List(journal.Query{From: first, To: first.AddDate(0, 1, 0)})
	if err != nil {
		recs = nil
	}
	marks := map[int]charts.DayMark{}
	for _, r := range recs {
		if r.Kind == journal.KindPracticeSession {
			marks[r.Created.Local().Day()] |= charts.MarkPractice
		} else {
			marks[r.Created.Local().Day()] |= charts.MarkWriting
		}
	}
	now := js.app.cfg.Clock.Now().Local()
	m := charts.Month{Year: first.Year(), Month: first.Month(), Title: monthTitle(first), Marks: marks,
		CanPrevious: true, CanNext: first.Before(time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local))}
	if now.Year() == first.Year() && now.Month() == first.Month() {
		m.Today = now.Day()
	}
	f.calendar.cal.SetMonth(m)
}

// pickDay narrows the list to one day of the month on the calendar.
func (f *finder) pickDay(js *journalScreen, day int) {
	f.hideCalendar()
	f.filter.date = dateDay
	f.filter.day = f.shownMonth.AddDate(0, 0, day-1)
	js.filtersChanged()
}

// filtersChanged re-lists after the user changed a filter.
func (js *journalScreen) filtersChanged() {
	js.app.touch()
	js.find.stopTimer()
	js.reload()
}

// reload lists the records matching the search and filters, and shows how many.
func (js *journalScreen) reload() {
	f := &js.find
	now := js.app.cfg.Clock.Now()
	recs, err := js.vault.Search(f.filter.text, f.filter.query(now))
	if err != nil {
		setNote(f.found, lang.L("Hearth couldn't search just now. Please try again."), theme.ColorNameForeground)
		return
	}
	kept := recs[:0]
	for _, r := range recs {
		if f.filter.keep(r.Kind) {
			kept = append(kept, r)
		}
	}
	js.entries = kept
	js.refreshTags()
	f.setSelects()
	js.list.Refresh()
	js.reselectCurrent()
	if f.filter.isDefault() {
		setNote(f.found, "", colorNameMuted)
		f.clear.Hide()
	} else {
		switch len(kept) {
		case 0:
			setNote(f.found, lang.L("Nothing found. You might try fewer words, or show everything."), colorNameMuted)
		case 1:
			setNote(f.found, lang.L("1 found"), colorNameMuted)
		default:
			setNote(f.found, lang.L("{{.Count}} found", map[string]any{"Count": len(kept)}), colorNameMuted)
		}
		f.clear.Show()
	}
	js.pick.refresh(js)
	js.showSplitOrEmpty()
	if f.relayout != nil {
		f.relayout()
	}
}

// refreshTags reads the tags in use (for the tag filter and the editor's hints).
func (js *journalScreen) refreshTags() {
	counts, err := js.vault.Tags()
	if err != nil {
		return
	}
	tags := make([]string, 0, min(len(counts), maxTagOptions))
	for _, tc := range counts {
		if len(tags) == maxTagOptions {
			break
		}
		tags = append(tags, tc.Tag)
	}
	js.find.allTags = tags
}

// maxTagOptions bounds the tags offered in the filter and as hints (most used first).
const maxTagOptions = 60
