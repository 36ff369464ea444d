package learn

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// programmeView shows a take-home programme week by week, each day with its items as
// buttons and a soft tick for what was done.
type programmeView struct {
	s    *Screen
	p    *resources.Programme
	root *container.Scroll

	chooser  *widget.Select
	choices  []*resources.Programme // in the chooser's order
	title    *widget.Label
	summary  *widget.Label
	where    *widget.Label
	status   *widget.RichText // the records couldn't be read
	start    *widget.Button
	again    *widget.Button
	confirm  *fyne.Container // "start again?" asked in place, not in a dialog
	weeks    *widget.Accordion
	days     []*dayView
	openWeek int // the week opened for the day shown as today (0: none yet)
}

// dayView is one day of the programme.
type dayView struct {
	day   resources.Day
	card  *page.Card
	today fyne.CanvasObject // "Today"
	done  fyne.CanvasObject // a soft tick and "Done"
	// The day's item buttons; nil when the day has no such item.
	practice, lesson, prompt, exercise *linkButton
}

func newProgrammeView(s *Screen) *programmeView {
	v := &programmeView{s: s}
	v.chooser = widget.NewSelect(nil, func(string) {
		i := v.chooser.SelectedIndex()
		if i < 0 || i >= len(v.choices) || v.choices[i] == v.p {
			return
		}
		p := v.choices[i]
		s.prefs.SetString(PrefProgramme, p.ID)
		v.choose(p)
		v.update()
		s.overview.update()
	})
	v.title = page.Heading("")
	v.summary = page.Paragraph("")
	v.where = page.Paragraph("")
	v.status = page.Note(lang.L("Hearth couldn't read your journal just now, so the ticks here may be out of date. Your entries are safe."))
	v.status.Hide()
	v.start = widget.NewButton(lang.L("Start this programme"), v.startNow)
	v.start.Importance = widget.HighImportance
	v.again = widget.NewButton(lang.L("Start again"), func() { v.confirm.Show(); v.again.Hide() })
	v.again.Importance = widget.LowImportance
	yes := widget.NewButton(lang.L("Start again from today"), v.startNow)
	no := widget.NewButton(lang.L("Not now"), func() { v.confirm.Hide(); v.again.Show() })
	no.Importance = widget.LowImportance
	v.confirm = container.NewVBox(
		page.Paragraph(lang.L("Begin again at day 1 today? Everything in your journal stays as it is; only the ticks here begin afresh.")),
		container.NewHBox(yes, no),
	)
	v.confirm.Hide()
	v.weeks = widget.NewAccordion()
	v.weeks.MultiOpen = true

	v.root = page.Scroll(column(
		leftAligned(backButton(lang.L("Learn"), s.ShowLessons)),
		leftAligned(v.chooser),
		container.NewVBox(v.title, v.summary),
		container.NewVBox(v.where, v.status, leftAligned(container.NewHBox(v.start, v.again)), v.confirm),
		v.weeks,
	))
	v.choose(ChosenProgramme(s.lib, s.prefs))
	return v
}

// choose builds the weeks and days of p.
func (v *programmeView) choose(p *resources.Programme) {
	v.p = p
	v.choices = v.s.lib.Programmes
	titles := make([]string, len(v.choices))
	for i, c := range v.choices {
		titles[i] = c.Title
	}
	v.chooser.SetOptions(titles)
	setVisible(v.chooser, len(v.choices) > 1)
	v.days = nil
	v.weeks.Items = nil
	v.openWeek = 0
	v.confirm.Hide()
	if p == nil {
		v.title.SetText(lang.L("No programme yet"))
		v.summary.SetText("")
		v.weeks.Refresh()
		return
	}
	v.chooser.SetSelectedIndex(slices.Index(v.choices, p))
	v.title.SetText(p.Title)
	v.summary.SetText(p.Summary)
	byWeek := make([][]fyne.CanvasObject, len(p.Weeks))
	for _, d := range p.Days {
		dv := v.newDay(d)
		v.days = append(v.days, dv)
		if w := p.WeekOf(d.Number) - 1; w >= 0 && w < len(byWeek) {
			byWeek[w] = append(byWeek[w], dv.card)
		}
	}
	for i, w := range p.Weeks {
		intro := page.Paragraph(w.Intro)
		objs := append([]fyne.CanvasObject{intro}, byWeek[i]...)
		title := lang.X("learn.week", "Week {{.Week}}: {{.Title}}", map[string]any{"Week": w.Number, "Title": w.Title})
		v.weeks.Append(widget.NewAccordionItem(title, column(objs...)))
	}
	v.weeks.Refresh()
}

func (v *programmeView) newDay(d resources.Day) *dayView {
	s := v.s
	dv := &dayView{day: d}
	number := mutedText(lang.X("learn.dayNumber", "Day {{.Day}}", map[string]any{"Day": d.Number}))
	title := page.Subheading(d.Title)
	// "Today" in the primary (sage) colour: the accent (ember) is too light for text.
	dv.today = widget.NewRichText(&widget.TextSegment{Text: lang.L("Today"), Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}, Inline: true,
	}})
	dv.done = tickNote(lang.L("Done"))
	marks := container.NewVBox(dv.today, dv.done)
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, marks, tight(number, title))}
	if d.Note != "" {
		objs = append(objs, page.Paragraph(d.Note))
	}
	if l := s.lib.Lesson(d.Lesson); l != nil {
		id := l.ID
		dv.lesson = newLinkButton(theme.FileTextIcon(), lang.X("learn.lesson", "Lesson: {{.Title}}", map[string]any{"Title": l.Title}),
			func() { s.openLesson(id, v.root) })
		objs = append(objs, dv.lesson)
	}
	if p := s.lib.Practice(d.Practice); p != nil && s.nav.OnOpenPractice != nil {
		id := p.ID
		dv.practice = newLinkButton(theme.MediaPlayIcon(), lang.X("learn.practice", "Practice: {{.Title}}", map[string]any{"Title": p.Title}),
			func() { s.nav.OnOpenPractice(id) })
		objs = append(objs, dv.practice)
	}
	if p := s.lib.Prompt(d.Prompt); p != nil && s.nav.OnOpenPrompt != nil {
		id := p.ID
		dv.prompt = newLinkButton(theme.DocumentCreateIcon(), lang.X("learn.reflect", "Reflect: {{.Question}}", map[string]any{"Question": p.Question}),
			func() { s.nav.OnOpenPrompt(id) })
		objs = append(objs, dv.prompt)
	}
	if e := s.lib.Exercise(d.Exercise); e != nil && s.nav.OnOpenExercise != nil {
		id := e.ID
		dv.exercise = newLinkButton(theme.ListIcon(), lang.X("learn.exercise", "Exercise: {{.Title}}", map[string]any{"Title": e.Title}),
			func() { s.nav.OnOpenExercise(id) })
		objs = append(objs, dv.exercise)
	}
	dv.card = page.NewCard("", container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*2), objs...))
	return dv
}

// startNow starts (or starts again) the programme today.
func (v *programmeView) startNow() {
	if v.p == nil {
		return
	}
	StartProgramme(v.s.prefs, v.p.ID, v.s.now())
	v.openWeek = 0
	v.confirm.Hide()
	v.s.update()
}

// update shows where the user is and ticks what was done.
func (v *programmeView) update() {
	s := v.s
	setVisible(v.status, s.loadErr != nil)
	if v.p == nil {
		v.where.Hide()
		v.start.Hide()
		v.again.Hide()
		return
	}
	now := s.now()
	start, started := ProgrammeStart(s.prefs, v.p.ID, now.Location())
	v.where.Show()
	if !started {
		v.where.SetText(lang.L("When you start, today becomes day 1 and each day opens the next step. Go at your own pace: a day you skip is simply there for later."))
		v.start.Show()
		v.again.Hide()
		v.confirm.Hide()
	} else {
		v.where.SetText(dayText(DayNumber(start, now), len(v.p.Days)))
		v.start.Hide()
		setVisible(v.again, !v.confirm.Visible())
	}

	todayNum := 0
	if day, ok := TodayStep(v.p, start, now); ok && started {
		todayNum = day.Number
	}
	read := LessonsReadSince(s.prefs, start)
	for _, dv := range v.days {
		var it Items
		if started {
			it = s.done.items(dv.day, read, DayDate(start, dv.day.Number))
		}
		setVisible(dv.today, dv.day.Number == todayNum)
		setVisible(dv.done, it.All())
		for _, x := range []struct {
			b    *linkButton
			done bool
		}{{dv.practice, it.Practice.Done}, {dv.lesson, it.Lesson.Done}, {dv.prompt, it.Prompt.Done}, {dv.exercise, it.Exercise.Done}} {
			if x.b != nil {
				x.b.setDone(x.done)
			}
		}
	}

	// Open the week of today (week 1 before starting), closing the one opened for the
	// day before; weeks the user opened stay open.
	week := 1
	if todayNum > 0 {
		week = v.p.WeekOf(todayNum)
	}
	if week != v.openWeek && week-1 < len(v.weeks.Items) {
		if v.openWeek > 0 && v.openWeek-1 < len(v.weeks.Items) {
			v.weeks.Close(v.openWeek - 1)
		}
		v.openWeek = week
		v.weeks.Open(week - 1)
	}
}

// scrollToToday scrolls so today's day is near the top, when its week is open and
// the view has been laid out.
func (v *programmeView) scrollToToday() {
	var today *dayView
	for _, dv := range v.days {
		if dv.today.Visible() {
			today = dv
		}
	}
	if today == nil || v.p == nil || v.root.Size().Height == 0 {
		return // nothing to scroll to, or not laid out in a window yet
	}
	w := v.p.WeekOf(today.day.Number) - 1
	if w < 0 || w >= len(v.weeks.Items) || !v.weeks.Items[w].Open {
		return
	}
	y, ok := offsetWithin(v.root.Content, v.weeks)
	if !ok {
		return
	}
	y += v.weeks.Items[w].Detail.Position().Y + today.card.Position().Y
	if y > 0 {
		v.root.ScrollToOffset(fyne.NewPos(0, max(y-theme.Padding()*3, 0)))
	}
}

// offsetWithin is how far down parent (a tree of containers) target sits.
func offsetWithin(parent, target fyne.CanvasObject) (float32, bool) {
	c, ok := parent.(*fyne.Container)
	if !ok {
		return 0, false
	}
	for _, child := range c.Objects {
		if child == target {
			return child.Position().Y, true
		}
		if y, ok := offsetWithin(child, target); ok {
			return child.Position().Y + y, true
		}
	}
	return 0, false
}
