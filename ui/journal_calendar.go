package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/charts"
)

// dayPicker is charts.MonthCalendar made tappable: tapping a day of the month calls
// onDay with its number. MonthCalendar has no tap callback of its own, so dayPicker
// finds the day from the calendar's layout (centred grid of seven square cells under
// the title row and the weekday row); TestJournalCalendarTapsMatchDays checks this
// against where the calendar really draws each day.
type dayPicker struct {
	widget.BaseWidget
	cal   *charts.MonthCalendar
	onDay func(day int)
}

var _ fyne.Tappable = (*dayPicker)(nil)

func newDayPicker(onDay func(day int)) *dayPicker {
	p := &dayPicker{cal: charts.NewMonthCalendar(), onDay: onDay}
	p.ExtendBaseWidget(p)
	return p
}

func (p *dayPicker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.cal) }

// Tapped implements fyne.Tappable: a tap on a day of the month picks it.
func (p *dayPicker) Tapped(ev *fyne.PointEvent) {
	if day := p.dayAt(ev.Position); day > 0 && p.onDay != nil {
		p.onDay(day)
	}
}

// dayAt is the day of the month drawn at pos, or 0.
func (p *dayPicker) dayAt(pos fyne.Position) int {
	m := p.cal.Month()
	if m.Year == 0 {
		return 0
	}
	th := p.Theme()
	small := th.Size(theme.SizeNameCaptionText)
	cell := max(float32(44), small*3.4)
	arrow := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), nil)
	arrow.Importance = widget.LowImportance
	title := canvas.NewText("X", nil)
	title.TextStyle.Bold = true
	title.TextSize = th.Size(theme.SizeNameText)
	header := max(arrow.MinSize().Height, title.MinSize().Height)
	weekday := canvas.NewText("X", nil)
	weekday.TextSize = small
	top := header + weekday.MinSize().Height + 4
	left := (p.Size().Width - 7*cell) / 2
	if pos.X < left || pos.Y < top {
		return 0
	}
	col, row := int((pos.X-left)/cell), int((pos.Y-top)/cell)
	if col > 6 || row > 5 {
		return 0
	}
	first := charts.Month{Year: m.Year, Month: m.Month}
	offset := firstWeekdayOffset(first)
	day := row*7 + col - offset + 1
	if day < 1 || day > daysIn(first) {
		return 0
	}
	return day
}

// firstWeekdayOffset is the grid column (Monday = 0) of the month's first day.
func firstWeekdayOffset(m charts.Month) int {
	first := timeDate(m, 1)
	return (int(first.Weekday()) + 6) % 7
}

// daysIn is the number of days in the month.
func daysIn(m charts.Month) int { return timeDate(m, 1).AddDate(0, 1, -1).Day() }

// timeDate is noon (UTC) on day of the month m, safe from time-zone edges.
func timeDate(m charts.Month, day int) time.Time {
	return time.Date(m.Year, m.Month, day, 12, 0, 0, 0, time.UTC)
}
