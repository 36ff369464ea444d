package learn

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// overview is the screen's first view: the take-home programme in brief, then the
// list of lessons.
type overview struct {
	s    *Screen
	root *container.Scroll

	progTitle  *widget.Label
	progText   *widget.Label
	progToday  *widget.Label
	progButton *widget.Button
	progCard   *page.Card

	lessons *fyne.Container
	rows    []*lessonRow
}

// lessonRow is one lesson in the list.
type lessonRow struct {
	lesson *resources.Lesson
	area   *tapArea
	read   fyne.CanvasObject // the quiet "Read" tick
}

func newOverview(s *Screen) *overview {
	o := &overview{s: s}
	o.progTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.progTitle.Wrapping = fyne.TextWrapWord
	o.progText = page.Paragraph("")
	o.progToday = page.Paragraph("")
	o.progButton = widget.NewButton("", s.ShowProgramme)
	o.progCard = page.NewCard(lang.L("Your take-home programme"),
		o.progTitle, o.progText, o.progToday, leftAligned(o.progButton))
	o.lessons = container.NewVBox()
	o.build()
	o.root = page.Scroll(column(
		page.Heading(lang.L("Learn")),
		page.Note(lang.L("Short readings about the ideas behind compassion-focused practice, and a gentle plan to follow at home. Take them in any order, at your own pace.")),
		o.progCard,
		page.NewCard(lang.L("Lessons"), o.lessons),
	))
	return o
}

// build makes a row for every lesson in the library.
func (o *overview) build() {
	o.rows = nil
	objs := []fyne.CanvasObject{}
	for i, l := range o.s.lib.Lessons {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		r := o.newRow(l)
		o.rows = append(o.rows, r)
		objs = append(objs, r.area)
	}
	o.lessons.Objects = objs
	o.lessons.Refresh()
}

func (o *overview) newRow(l *resources.Lesson) *lessonRow {
	title := widget.NewLabelWithStyle(l.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	summary := page.Note(l.Summary)
	text := tight(title, summary)
	if l.PackID != resources.BuiltinID {
		if pk := o.s.lib.Pack(l.PackID); pk != nil {
			text.Add(page.Note(lang.X("learn.from", "From {{.Pack}}", map[string]any{"Pack": pk.Manifest.Title})))
		}
	}
	number := mutedText(strconv.Itoa(l.Order))
	read := tickNote(lang.L("Read"))
	id := l.ID
	body := container.NewBorder(nil, nil, container.NewVBox(number), container.NewCenter(read), text)
	area := newTapArea(body, widget.LowImportance, func() { o.s.openLesson(id, o.root) })
	return &lessonRow{lesson: l, area: area, read: read}
}

// update shows the read marks and the programme's day.
func (o *overview) update() {
	read := ReadLessons(o.s.prefs)
	for _, r := range o.rows {
		setVisible(r.read, read[r.lesson.ID])
	}

	p := ChosenProgramme(o.s.lib, o.s.prefs)
	if p == nil {
		o.progCard.Hide()
		return
	}
	o.progCard.Show()
	o.progTitle.SetText(p.Title)
	now := o.s.now()
	start, started := ProgrammeStart(o.s.prefs, p.ID, now.Location())
	if !started {
		o.progText.SetText(p.Summary)
		o.progToday.Hide()
		o.progButton.SetText(lang.L("See the programme"))
		return
	}
	n := DayNumber(start, now)
	o.progText.SetText(dayText(n, len(p.Days)))
	if day, ok := TodayStep(p, start, now); ok && n <= len(p.Days) {
		o.progToday.SetText(lang.X("learn.today", "Today: {{.Title}}", map[string]any{"Title": day.Title}))
		o.progToday.Show()
	} else {
		o.progToday.Hide()
	}
	o.progButton.SetText(lang.L("Open the programme"))
}

// dayText says where the user is in a programme of days days, without counting what
// was skipped.
func dayText(n, days int) string {
	if n > days {
		return lang.X("learn.finished", "You've come to the end of these {{.Days}} days. Any day is still here to revisit, and you can start again whenever you wish.", map[string]any{"Days": days})
	}
	return lang.X("learn.onDay", "You're on day {{.Day}}. Pick up wherever feels right.", map[string]any{"Day": n})
}
