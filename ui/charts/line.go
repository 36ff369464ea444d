package charts

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Point is one value at one time.
type Point struct {
	At    time.Time
	Value float64
}

// Series is one named line, drawn in a theme colour (e.g. ColorNameThreat).
type Series struct {
	Name   string
	Color  fyne.ThemeColorName
	Points []Point // oldest first; a value left out is simply not a point
}

// line chart geometry.
const (
	lineMinWidth  = 280
	lineMinPlot   = 120 // height of the plotting area
	pointSize     = 7
	lineThickness = 2
)

// LineChart draws several series of values between Min and Max over time, with a
// legend, light grid lines at Min, the middle and Max, and the first and last dates.
type LineChart struct {
	widget.BaseWidget

	Min, Max float64
	// EmptyText is shown when no series has a point.
	EmptyText string
	// DateFormat formats the dates under the chart (time.Format layout).
	DateFormat string

	series   []Series
	from, to time.Time
	version  int
}

// NewLineChart returns an empty chart for values from min to max.
func NewLineChart(min, max float64) *LineChart {
	c := &LineChart{Min: min, Max: max, EmptyText: lang.L("Your check-ins will appear here"), DateFormat: "2 Jan"}
	c.ExtendBaseWidget(c)
	return c
}

// SetSeries replaces the data and redraws. from and to bound the time axis; when
// either is zero the axis fits the points.
func (c *LineChart) SetSeries(series []Series, from, to time.Time) {
	c.series = append([]Series(nil), series...)
	c.from, c.to = from, to
	c.version++
	c.Refresh()
}

// Series returns the data shown.
func (c *LineChart) Series() []Series { return append([]Series(nil), c.series...) }

// span is the time axis: the given range, else the points' own.
func (c *LineChart) span() (from, to time.Time) {
	if !c.from.IsZero() && !c.to.IsZero() && c.to.After(c.from) {
		return c.from, c.to
	}
	for _, s := range c.series {
		for _, p := range s.Points {
			if from.IsZero() || p.At.Before(from) {
				from = p.At
			}
			if to.IsZero() || p.At.After(to) {
				to = p.At
			}
		}
	}
	return from, to
}

// CreateRenderer implements fyne.Widget.
func (c *LineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &lineRenderer{c: c, version: -1, empty: canvas.NewText("", nil)}
	r.empty.Alignment = fyne.TextAlignCenter
	for i := range r.grid {
		r.grid[i] = canvas.NewLine(nil)
		r.yLabels[i] = canvas.NewText("", nil)
		r.yLabels[i].Alignment = fyne.TextAlignTrailing
	}
	r.xFrom, r.xTo = canvas.NewText("", nil), canvas.NewText("", nil)
	r.xTo.Alignment = fyne.TextAlignTrailing
	r.Refresh()
	return r
}

// drawnSeries is the drawing of one series.
type drawnSeries struct {
	segments []*canvas.Line
	dots     []*canvas.Circle
	key      *canvas.Circle // legend swatch
	name     *canvas.Text
}

type lineRenderer struct {
	c        *LineChart
	version  int
	series   []drawnSeries
	grid     [3]*canvas.Line
	yLabels  [3]*canvas.Text
	xFrom    *canvas.Text
	xTo      *canvas.Text
	empty    *canvas.Text
	objects  []fyne.CanvasObject
	hasPoint bool
}

func (r *lineRenderer) Destroy() {}

func (r *lineRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *lineRenderer) MinSize() fyne.Size {
	p := paletteFor(r.c)
	th := r.textHeight(p)
	w := max(float32(lineMinWidth), r.empty.MinSize().Width+r.axisWidth(p), r.legendWidth(p))
	return fyne.NewSize(w, th+2*p.padding()+lineMinPlot*p.smallSize()/defaultCaption+th+p.padding())
}

func (r *lineRenderer) textHeight(p palette) float32 {
	return fyne.MeasureText("0", p.smallSize(), fyne.TextStyle{}).Height
}

// axisWidth is the room for the value labels at the left.
func (r *lineRenderer) axisWidth(p palette) float32 {
	w := float32(0)
	for _, t := range r.yLabels {
		w = max(w, fyne.MeasureText(t.Text, p.smallSize(), fyne.TextStyle{}).Width)
	}
	return w + p.padding()*2
}

func (r *lineRenderer) legendWidth(p palette) float32 {
	w := float32(0)
	for _, s := range r.series {
		w += r.textHeight(p)*0.7 + p.padding() + s.name.MinSize().Width + 4*p.padding()
	}
	return w
}

func (r *lineRenderer) Layout(size fyne.Size) {
	p := paletteFor(r.c)
	th := r.textHeight(p)

	// Legend across the top.
	x := r.axisWidth(p)
	d := th * 0.7
	for _, s := range r.series {
		s.key.Resize(fyne.NewSquareSize(d))
		s.key.Move(fyne.NewPos(x, (th-d)/2))
		x += d + p.padding()
		s.name.Resize(s.name.MinSize())
		s.name.Move(fyne.NewPos(x, 0))
		x += s.name.MinSize().Width + 4*p.padding()
	}

	left := r.axisWidth(p)
	top := th + 2*p.padding() + pointSize/2
	bottom := size.Height - th - p.padding() - pointSize/2
	right := size.Width - pointSize/2
	plotH := max(bottom-top, 1)
	plotW := max(right-left-pointSize/2, 1)
	left += pointSize / 2

	for i, g := range r.grid {
		y := bottom - plotH*float32(i)/2
		g.Position1 = fyne.NewPos(left-pointSize/2, y)
		g.Position2 = fyne.NewPos(size.Width, y)
		r.yLabels[i].Resize(fyne.NewSize(left-pointSize/2-p.padding(), th))
		r.yLabels[i].Move(fyne.NewPos(0, y-th/2))
	}
	r.xFrom.Resize(r.xFrom.MinSize())
	r.xFrom.Move(fyne.NewPos(left-pointSize/2, size.Height-th))
	r.xTo.Resize(fyne.NewSize(r.xTo.MinSize().Width, th))
	r.xTo.Move(fyne.NewPos(size.Width-r.xTo.MinSize().Width, size.Height-th))
	r.empty.Resize(fyne.NewSize(size.Width-left, th))
	r.empty.Move(fyne.NewPos(left, top+(plotH-th)/2))

	from, to := r.c.span()
	pos := func(pt Point) fyne.Position {
		fx := float32(0.5)
		if to.After(from) {
			fx = float32(pt.At.Sub(from)) / float32(to.Sub(from))
		}
		fy := float32(0)
		if r.c.Max > r.c.Min {
			fy = float32((pt.Value - r.c.Min) / (r.c.Max - r.c.Min))
		}
		fx, fy = min(max(fx, 0), 1), min(max(fy, 0), 1)
		return fyne.NewPos(left+fx*plotW, bottom-fy*plotH)
	}
	for si, s := range r.series {
		pts := r.c.series[si].Points
		for i, pt := range pts {
			at := pos(pt)
			s.dots[i].Resize(fyne.NewSquareSize(pointSize))
			s.dots[i].Move(at.SubtractXY(pointSize/2, pointSize/2))
			if i > 0 {
				s.segments[i-1].Position1 = pos(pts[i-1])
				s.segments[i-1].Position2 = at
			}
		}
	}
}

// Refresh rebuilds the drawing when the data changed, then applies the theme.
func (r *lineRenderer) Refresh() {
	if r.version != r.c.version {
		r.rebuild()
	}
	p := paletteFor(r.c)
	for si, s := range r.series {
		col := p.color(r.c.series[si].Color)
		for _, l := range s.segments {
			l.StrokeColor, l.StrokeWidth = soft(col, 0xcc), lineThickness
		}
		for _, dot := range s.dots {
			dot.FillColor = col
		}
		s.key.FillColor = col
		s.name.Color, s.name.TextSize = p.text(), p.smallSize()
	}
	mid := (r.c.Min + r.c.Max) / 2
	for i, v := range []float64{r.c.Min, mid, r.c.Max} {
		r.grid[i].StrokeColor, r.grid[i].StrokeWidth = p.line(), 1
		r.yLabels[i].Text = strconv.FormatFloat(v, 'f', -1, 64)
		r.yLabels[i].Color, r.yLabels[i].TextSize = p.muted(), p.smallSize()
	}
	from, to := r.c.span()
	r.xFrom.Text, r.xTo.Text = "", ""
	if r.hasPoint {
		r.xFrom.Text = from.Format(r.c.DateFormat)
		if to.After(from) {
			r.xTo.Text = to.Format(r.c.DateFormat)
		}
	}
	for _, t := range []*canvas.Text{r.xFrom, r.xTo} {
		t.Color, t.TextSize = p.muted(), p.smallSize()
	}
	r.empty.Text, r.empty.Color, r.empty.TextSize = r.c.EmptyText, p.muted(), p.smallSize()
	setVisible(r.empty, !r.hasPoint)
	r.Layout(r.c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// rebuild makes the lines, dots and legend entries for the current data.
func (r *lineRenderer) rebuild() {
	r.version = r.c.version
	r.objects = nil
	for i := range r.grid {
		r.objects = append(r.objects, r.grid[i], r.yLabels[i])
	}
	r.objects = append(r.objects, r.xFrom, r.xTo, r.empty)
	r.series = make([]drawnSeries, len(r.c.series))
	r.hasPoint = false
	for si, s := range r.c.series {
		ds := drawnSeries{key: canvas.NewCircle(nil), name: canvas.NewText(s.Name, nil)}
		for i := range s.Points {
			if i > 0 {
				l := canvas.NewLine(nil)
				ds.segments = append(ds.segments, l)
				r.objects = append(r.objects, l)
			}
			r.hasPoint = true
		}
		for range s.Points {
			dot := canvas.NewCircle(nil)
			ds.dots = append(ds.dots, dot)
			r.objects = append(r.objects, dot)
		}
		r.objects = append(r.objects, ds.key, ds.name)
		r.series[si] = ds
	}
}
