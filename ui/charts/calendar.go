package charts

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DayMark says what happened on a calendar day; marks combine with |.
type DayMark uint8

// Day marks.
const (
	MarkPractice DayMark = 1 << iota // a practice: a soft filled circle
	MarkWriting                      // an entry, exercise or check-in: a small dot below the number
)

// Month is what a MonthCalendar shows.
type Month struct {
	Year  int
	Month time.Month
	Title string          // the heading; "" means "November 2026"
	Today int             // day of the month to outline; 0 when today is in another month
	Marks map[int]DayMark // by day of the month
	// CanPrevious and CanNext enable the arrows (shown only when OnPrevious/OnNext are set).
	CanPrevious, CanNext bool
}

// calendar geometry, in Fyne units before theme scaling of text.
const (
	cellSize    = 44 // a day cell at the default text size; the grid is centred
	dotSize     = 5  // the writing dot
	weeksInGrid = 6  // the most rows a month needs
)

// MonthCalendar is a month grid with practice days marked by soft filled circles,
// writing days by a small dot and today outlined. Weeks start on Monday.
type MonthCalendar struct {
	widget.BaseWidget

	// OnPrevious and OnNext, when set, show arrows beside the title.
	OnPrevious, OnNext func()
	// EmptyText is shown under the grid when the month has no marks.
	EmptyText string
	// PracticeLabel and WritingLabel name the marks in the legend.
	PracticeLabel, WritingLabel string
	// WeekdayLabels are the column headings, Monday first.
	WeekdayLabels [7]string

	month Month
}

// NewMonthCalendar returns a calendar showing no month until SetMonth is called.
func NewMonthCalendar() *MonthCalendar {
	c := &MonthCalendar{
		EmptyText:     lang.L("Days you practise will be marked here"),
		PracticeLabel: lang.L("Practice"),
		WritingLabel:  lang.L("Writing"),
		WeekdayLabels: [7]string{lang.L("Mon"), lang.L("Tue"), lang.L("Wed"), lang.L("Thu"), lang.L("Fri"), lang.L("Sat"), lang.L("Sun")},
	}
	c.ExtendBaseWidget(c)
	return c
}

// SetMonth shows m and redraws.
func (c *MonthCalendar) SetMonth(m Month) {
	c.month = m
	c.Refresh()
}

// Month is the month shown.
func (c *MonthCalendar) Month() Month { return c.month }

// CreateRenderer implements fyne.Widget.
func (c *MonthCalendar) CreateRenderer() fyne.WidgetRenderer {
	r := &calendarRenderer{c: c}
	r.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() {
		if c.OnPrevious != nil {
			c.OnPrevious()
		}
	})
	r.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
		if c.OnNext != nil {
			c.OnNext()
		}
	})
	r.prev.Importance, r.next.Importance = widget.LowImportance, widget.LowImportance
	r.title = canvas.NewText("", nil)
	r.title.TextStyle.Bold = true
	r.title.Alignment = fyne.TextAlignCenter
	for i := range r.weekdays {
		r.weekdays[i] = canvas.NewText("", nil)
		r.weekdays[i].Alignment = fyne.TextAlignCenter
	}
	for i := range r.cells {
		r.cells[i] = dayCell{
			fill:    canvas.NewCircle(nil),
			outline: canvas.NewCircle(nil),
			dot:     canvas.NewCircle(nil),
			num:     canvas.NewText("", nil),
		}
		r.cells[i].num.Alignment = fyne.TextAlignCenter
	}
	r.empty = canvas.NewText("", nil)
	r.empty.Alignment = fyne.TextAlignCenter
	r.legendFill, r.legendDot = canvas.NewCircle(nil), canvas.NewCircle(nil)
	r.legendPractice, r.legendWriting = canvas.NewText("", nil), canvas.NewText("", nil)

	r.objects = []fyne.CanvasObject{r.prev, r.next, r.title}
	for _, w := range r.weekdays {
		r.objects = append(r.objects, w)
	}
	for _, cell := range r.cells {
		r.objects = append(r.objects, cell.fill, cell.outline, cell.dot, cell.num)
	}
	r.objects = append(r.objects, r.empty, r.legendFill, r.legendPractice, r.legendDot, r.legendWriting)
	r.Refresh()
	return r
}

// dayCell is the drawing of one day.
type dayCell struct {
	fill, outline, dot *canvas.Circle
	num                *canvas.Text
}

type calendarRenderer struct {
	c          *MonthCalendar
	prev, next *widget.Button
	title      *canvas.Text
	weekdays   [7]*canvas.Text
	cells      [7 * weeksInGrid]dayCell
	empty      *canvas.Text

	legendFill, legendDot         *canvas.Circle
	legendPractice, legendWriting *canvas.Text

	objects []fyne.CanvasObject
	offset  int // grid index of day 1
	days    int // days in the month
	marked  bool
}

func (r *calendarRenderer) Destroy() {}

func (r *calendarRenderer) Objects() []fyne.CanvasObject { return r.objects }

// rows is how many grid rows the month needs.
func (r *calendarRenderer) rows() int { return (r.offset + r.days + 6) / 7 }

// cell is the side of a day cell: cellSize, or more when the text is larger.
func (r *calendarRenderer) cell(p palette) float32 { return max(cellSize, p.smallSize()*3.4) }

func (r *calendarRenderer) headerHeight() float32 {
	return max(r.prev.MinSize().Height, r.title.MinSize().Height)
}

func (r *calendarRenderer) weekdayHeight() float32 { return r.weekdays[0].MinSize().Height + 4 }

func (r *calendarRenderer) footerHeight(p palette) float32 {
	return r.legendPractice.MinSize().Height + 2*p.padding()
}

func (r *calendarRenderer) MinSize() fyne.Size {
	p := paletteFor(r.c)
	h := r.headerHeight() + r.weekdayHeight() + float32(r.rows())*r.cell(p) + r.footerHeight(p)
	if !r.marked {
		h += r.empty.MinSize().Height + p.padding()
	}
	w := max(7*r.cell(p), r.empty.MinSize().Width, r.prev.MinSize().Width*2+r.title.MinSize().Width+2*p.padding())
	return fyne.NewSize(w, h)
}

func (r *calendarRenderer) Layout(size fyne.Size) {
	p := paletteFor(r.c)
	cell := r.cell(p)
	gridW := cell * 7
	left := (size.Width - gridW) / 2

	hh := r.headerHeight()
	bs := r.prev.MinSize()
	r.prev.Resize(bs)
	r.prev.Move(fyne.NewPos(left, (hh-bs.Height)/2))
	r.next.Resize(bs)
	r.next.Move(fyne.NewPos(left+gridW-bs.Width, (hh-bs.Height)/2))
	r.title.Resize(fyne.NewSize(gridW, hh))
	r.title.Move(fyne.NewPos(left, 0))

	y := hh
	wh := r.weekdayHeight()
	for i, t := range r.weekdays {
		t.Resize(fyne.NewSize(cell, wh))
		t.Move(fyne.NewPos(left+float32(i)*cell, y))
	}
	y += wh

	circle := cell - 8
	for i, dc := range r.cells {
		col, row := i%7, i/7
		x0, y0 := left+float32(col)*cell, y+float32(row)*cell
		inset := (cell - circle) / 2
		dc.fill.Resize(fyne.NewSquareSize(circle))
		dc.fill.Move(fyne.NewPos(x0+inset, y0+inset))
		dc.outline.Resize(fyne.NewSquareSize(circle))
		dc.outline.Move(fyne.NewPos(x0+inset, y0+inset))
		numH := dc.num.MinSize().Height
		dc.num.Resize(fyne.NewSize(cell, numH))
		dc.num.Move(fyne.NewPos(x0, y0+(cell-numH)/2-1))
		dc.dot.Resize(fyne.NewSquareSize(dotSize))
		dc.dot.Move(fyne.NewPos(x0+(cell-dotSize)/2, y0+cell-inset-dotSize-1))
	}
	y += float32(r.rows()) * cell

	if !r.marked {
		eh := r.empty.MinSize().Height
		r.empty.Resize(fyne.NewSize(size.Width, eh))
		r.empty.Move(fyne.NewPos(0, y+p.padding()))
		y += eh + p.padding()
	}

	// Legend, centred: ● Practice   • Writing
	y += p.padding()
	lh := r.legendPractice.MinSize().Height
	d := lh * 0.7
	gap := p.padding() * 3
	total := d + p.padding() + r.legendPractice.MinSize().Width + gap + dotSize + p.padding() + r.legendWriting.MinSize().Width
	x := (size.Width - total) / 2
	r.legendFill.Resize(fyne.NewSquareSize(d))
	r.legendFill.Move(fyne.NewPos(x, y+(lh-d)/2))
	x += d + p.padding()
	r.legendPractice.Resize(r.legendPractice.MinSize())
	r.legendPractice.Move(fyne.NewPos(x, y))
	x += r.legendPractice.MinSize().Width + gap
	r.legendDot.Resize(fyne.NewSquareSize(dotSize))
	r.legendDot.Move(fyne.NewPos(x, y+(lh-dotSize)/2))
	x += dotSize + p.padding()
	r.legendWriting.Resize(r.legendWriting.MinSize())
	r.legendWriting.Move(fyne.NewPos(x, y))
}

// Refresh applies the month and the theme's colours to the fixed set of objects.
func (r *calendarRenderer) Refresh() {
	p := paletteFor(r.c)
	m := r.c.month
	primary := p.color(theme.ColorNamePrimary)
	accent := p.color(theme.ColorNameWarning)

	r.title.Text = m.Title
	if r.title.Text == "" && m.Year != 0 {
		r.title.Text = m.Month.String() + " " + strconv.Itoa(m.Year)
	}
	r.title.Color, r.title.TextSize = p.text(), p.textSize()
	showArrow(r.prev, r.c.OnPrevious != nil, m.CanPrevious)
	showArrow(r.next, r.c.OnNext != nil, m.CanNext)

	for i, t := range r.weekdays {
		t.Text, t.Color, t.TextSize = r.c.WeekdayLabels[i], p.muted(), p.smallSize()
	}

	r.days, r.offset = 0, 0
	if m.Year != 0 {
		first := time.Date(m.Year, m.Month, 1, 12, 0, 0, 0, time.UTC)
		r.offset = (int(first.Weekday()) + 6) % 7
		r.days = first.AddDate(0, 1, -1).Day()
	}
	r.marked = false
	for i, dc := range r.cells {
		day := i - r.offset + 1
		inMonth := day >= 1 && day <= r.days
		mark := DayMark(0)
		if inMonth {
			mark = m.Marks[day]
		}
		r.marked = r.marked || mark != 0
		dc.num.Text = ""
		if inMonth {
			dc.num.Text = strconv.Itoa(day)
		}
		dc.num.Color, dc.num.TextSize = p.text(), p.smallSize()*1.05
		dc.num.TextStyle.Bold = inMonth && day == m.Today

		dc.fill.FillColor = soft(primary, 0x55)
		setVisible(dc.fill, mark&MarkPractice != 0)
		dc.dot.FillColor = accent
		setVisible(dc.dot, mark&MarkWriting != 0)
		dc.outline.FillColor = nil
		dc.outline.StrokeColor, dc.outline.StrokeWidth = primary, 1.5
		setVisible(dc.outline, inMonth && day == m.Today)
		setVisible(dc.num, inMonth)
	}

	r.empty.Text, r.empty.Color, r.empty.TextSize = r.c.EmptyText, p.muted(), p.smallSize()
	setVisible(r.empty, !r.marked)
	r.legendFill.FillColor = soft(primary, 0x55)
	r.legendDot.FillColor = accent
	r.legendPractice.Text, r.legendPractice.Color, r.legendPractice.TextSize = r.c.PracticeLabel, p.muted(), p.smallSize()
	r.legendWriting.Text, r.legendWriting.Color, r.legendWriting.TextSize = r.c.WritingLabel, p.muted(), p.smallSize()

	r.Layout(r.c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// showArrow shows an arrow button when its callback is set, enabled when allowed.
func showArrow(b *widget.Button, has, enabled bool) {
	setVisible(b, has)
	if enabled {
		b.Enable()
	} else {
		b.Disable()
	}
}

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}
