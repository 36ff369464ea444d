package progress

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/charts"
	"github.com/hearth-app/hearth/ui/page"
)

// PrefShowStreaks is the preference key that shows streaks (runs of practice days)
// on the Progress screen. It is false by default: no streak pressure.
const PrefShowStreaks = "progress.show_streaks"

// maxColumnWidth keeps the cards at a comfortable measure on a wide window.
const maxColumnWidth = 760

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the Progress screen's strings (and the chart widgets')
// to fyne's lang bundle. Call it once at start-up, after the app's own
// translations and before building the screen; without it English singular forms
// ("1 day") fall back to the plural.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("progress: load translations: %w", err)
	}
	return nil
}

// Source is where the screen reads records from; *journal.Vault satisfies it.
type Source interface {
	List(journal.Query) ([]journal.Record, error)
}

// translate is the Translator backed by fyne's lang package.
func translate(key, one, other string, count int, data map[string]any) string {
	if one == other {
		return lang.X(key, other, data)
	}
	return lang.XN(key, other, count, data)
}

// Screen is the Progress screen: a calm look back, computed from the vault each
// time it is refreshed and never stored. Use it on the UI goroutine.
type Screen struct {
	src   Source
	prefs fyne.Preferences
	now   func() time.Time

	summary   Summary
	loaded    bool
	gen       int // the latest Refresh; older loads are dropped
	shownYear int
	shownMon  time.Month

	root        fyne.CanvasObject
	status      *widget.Label
	retry       *widget.Button
	calendar    *charts.MonthCalendar
	monthText   *widget.Label
	streakCheck *widget.Check
	streakText  *widget.Label
	bars        *charts.WeeklyBars
	weeksText   *widget.Label
	line        *charts.LineChart
	checkText   *widget.Label
	practices   *fyne.Container
	exercises   *fyne.Container

	afterUpdate func() // tests: called after each load is shown
}

// New builds the screen. now gives the current time; its location is the user's time
// zone for counting days. Call Refresh to load the records.
func New(src Source, prefs fyne.Preferences, now func() time.Time) *Screen {
	if now == nil {
		now = time.Now
	}
	s := &Screen{src: src, prefs: prefs, now: now}
	today := now()
	s.shownYear, s.shownMon = today.Year(), today.Month()
	s.build()
	s.summary = Compute(nil, today, today.Location())
	s.show()
	return s
}

// Content is the screen's root object, a scrolling column of cards.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Summary is what the screen shows now (empty until the first load finishes).
func (s *Screen) Summary() Summary { return s.summary }

// Refresh reloads the records off the UI goroutine and then updates the screen. Call
// it when the screen is shown and after the user saved something. It jumps the
// calendar back to this month.
func (s *Screen) Refresh() {
	s.gen++
	gen := s.gen
	now := s.now()
	src := s.src
	go func() {
		recs, err := src.List(journal.Query{})
		var sum Summary
		if err == nil {
			sum = Compute(recs, now, now.Location())
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			s.apply(sum, now, err)
		})
	}()
}

// apply shows a finished load (on the UI goroutine).
func (s *Screen) apply(sum Summary, now time.Time, err error) {
	if err != nil {
		s.status.SetText(lang.L("Hearth couldn't read your journal just now, so nothing new is shown here. Your entries are safe. You might try again in a moment."))
		s.status.Show()
		s.retry.Show()
	} else {
		s.status.Hide()
		s.retry.Hide()
		s.summary, s.loaded = sum, true
		s.shownYear, s.shownMon = now.Year(), now.Month()
	}
	s.show()
	if s.afterUpdate != nil {
		s.afterUpdate()
	}
}

// build creates the widgets once.
func (s *Screen) build() {
	heading := widget.NewLabelWithStyle(lang.L("Your progress"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	intro := wrapped(lang.L("A quiet look back, worked out from your journal each time you open it. Nothing here is a target."))

	s.status = wrapped("")
	s.status.Hide()
	s.retry = widget.NewButton(lang.L("Try again"), s.Refresh)
	s.retry.Hide()

	s.calendar = charts.NewMonthCalendar()
	s.calendar.EmptyText = "" // the month's text under the calendar says it
	s.calendar.OnPrevious = func() { s.moveMonth(-1) }
	s.calendar.OnNext = func() { s.moveMonth(+1) }
	s.monthText = wrapped("")
	s.streakText = wrapped("")
	s.streakCheck = widget.NewCheck(lang.L("Show streaks (days in a row)"), func(on bool) {
		if s.prefs != nil && s.prefs.Bool(PrefShowStreaks) != on {
			s.prefs.SetBool(PrefShowStreaks, on)
		}
		s.showStreak()
	})

	s.bars = charts.NewWeeklyBars()
	s.weeksText = wrapped("")

	s.line = charts.NewLineChart(0, 10)
	s.checkText = wrapped("")

	s.practices = container.NewVBox()
	s.exercises = container.NewVBox()

	column := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*4),
		container.NewVBox(heading, intro, s.status, container.NewHBox(s.retry)),
		page.NewCard(lang.L("Days you practised"), s.calendar, s.monthText, s.streakText, s.streakCheck),
		page.NewCard(lang.L("Minutes per week"), s.bars, s.weeksText),
		page.NewCard(lang.L("Three circles over time"), s.line, s.checkText),
		page.NewCard(lang.L("Before and after practice"), s.practices),
		page.NewCard(lang.L("Exercises completed"), s.exercises),
	)
	s.root = container.NewVScroll(container.New(&centredColumn{max: maxColumnWidth}, container.NewPadded(column)))
}

// show puts the summary on screen.
func (s *Screen) show() {
	sum := s.summary
	s.showMonth()
	s.showStreak()

	bars := make([]charts.Bar, len(sum.Weeks))
	for i, w := range sum.Weeks {
		label := strconv.Itoa(w.Start.Day) + " " + w.Start.Month.String()[:3]
		if i == len(sum.Weeks)-1 {
			label = lang.L("This week")
		}
		text := ""
		if w.Seconds > 0 {
			text = strconv.Itoa(max(w.Minutes(), 1))
			if w.Minutes() == 0 {
				text = "<1"
			}
		}
		bars[i] = charts.Bar{Label: label, Value: float64(w.Seconds) / 60, ValueText: text}
	}
	s.bars.SetBars(bars)
	s.weeksText.SetText(sum.WeeksText(translate))
	setVisible(s.weeksText, hasMinutes(sum.Weeks)) // else the chart says it

	from := sum.CheckInFrom()
	recent := sum.CheckInsSince(from)
	series := []charts.Series{
		{Name: lang.L("Threat"), Color: charts.ColorNameThreat},
		{Name: lang.L("Drive"), Color: charts.ColorNameDrive},
		{Name: lang.L("Soothing"), Color: charts.ColorNameSoothing},
	}
	for _, c := range recent {
		for i, l := range [3]Level{c.Threat, c.Drive, c.Soothing} {
			if l.Set {
				series[i].Points = append(series[i].Points, charts.Point{At: c.At, Value: float64(l.Value)})
			}
		}
	}
	start := time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, s.location())
	s.line.SetSeries(series, start, s.now())
	s.checkText.SetText(sum.CheckInsText(translate))
	setVisible(s.checkText, len(sum.CheckIns) > 0) // else the chart says it

	s.practices.Objects = nil
	if len(sum.Practices) == 0 {
		s.practices.Add(wrapped(say(translate, phPracticesNone, 0, nil)))
	}
	for _, p := range sum.Practices {
		s.practices.Add(wrapped(PracticeLine(translate, p)))
	}
	s.practices.Refresh()

	s.exercises.Objects = nil
	for _, k := range ExerciseKinds {
		if n := sum.Exercises[k]; n > 0 {
			s.exercises.Add(wrapped(ExerciseLine(translate, k, n)))
		}
	}
	if len(s.exercises.Objects) == 0 {
		s.exercises.Add(wrapped(say(translate, phExercisesNone, 0, nil)))
	}
	s.exercises.Refresh()
	s.root.Refresh()
}

// hasMinutes reports whether any week has practice time.
func hasMinutes(weeks []Week) bool {
	for _, w := range weeks {
		if w.Seconds > 0 {
			return true
		}
	}
	return false
}

// location is the user's time zone.
func (s *Screen) location() *time.Location {
	if s.summary.Location != nil {
		return s.summary.Location
	}
	return s.now().Location()
}

// showMonth draws the calendar for the month being looked at, with its text.
func (s *Screen) showMonth() {
	sum := s.summary
	marks := map[int]charts.DayMark{}
	for day, a := range sum.MonthDays(s.shownYear, s.shownMon) {
		var m charts.DayMark
		if a.Practised() {
			m |= charts.MarkPractice
		}
		if a.Writings > 0 {
			m |= charts.MarkWriting
		}
		marks[day] = m
	}
	today := 0
	if sum.Today.Year == s.shownYear && sum.Today.Month == s.shownMon {
		today = sum.Today.Day
	}
	first := s.firstMonth()
	s.calendar.SetMonth(charts.Month{
		Year: s.shownYear, Month: s.shownMon, Today: today, Marks: marks,
		CanPrevious: monthIndex(s.shownYear, s.shownMon) > monthIndex(first.Year, first.Month),
		CanNext:     monthIndex(s.shownYear, s.shownMon) < monthIndex(sum.Today.Year, sum.Today.Month),
	})
	s.monthText.SetText(sum.MonthText(translate, s.shownYear, s.shownMon))
}

// firstMonth is the earliest month with any activity (this month when none).
func (s *Screen) firstMonth() Date {
	first := s.summary.Today
	for d := range s.summary.Days {
		if d.Before(first) {
			first = d
		}
	}
	return first
}

// monthIndex numbers months consecutively, for comparisons.
func monthIndex(y int, m time.Month) int { return y*12 + int(m) - 1 }

// moveMonth shows the previous (-1) or next (+1) month.
func (s *Screen) moveMonth(delta int) {
	i := monthIndex(s.shownYear, s.shownMon) + delta
	s.shownYear, s.shownMon = i/12, time.Month(i%12+1)
	s.showMonth()
}

// showStreak shows or hides the streak line as the preference says.
func (s *Screen) showStreak() {
	on := s.prefs != nil && s.prefs.BoolWithFallback(PrefShowStreaks, false)
	if s.streakCheck.Checked != on {
		s.streakCheck.SetChecked(on) // calls back into showStreak once, with the same value
		return
	}
	text := s.summary.StreakText(translate)
	s.streakText.SetText(text)
	setVisible(s.streakText, on && text != "")
}

// wrapped is a word-wrapping label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// centredColumn lays out its one object at most max wide, centred.
type centredColumn struct{ max float32 }

func (c *centredColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (c *centredColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		w := min(size.Width, max(c.max, o.MinSize().Width))
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}
