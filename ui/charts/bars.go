package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one column of WeeklyBars.
type Bar struct {
	Label     string  // under the bar, e.g. "16 Nov"
	Value     float64 // its height, e.g. minutes; negative counts as 0
	ValueText string  // over the bar, e.g. "35"; "" shows nothing
}

// bar geometry.
const (
	minBarSlot     = 40   // width per bar at the default caption size; labels thin out when they would touch
	defaultCaption = 12.5 // the caption size minBarSlot was chosen for
	barsMinHeight  = 110  // the plotting area
	barFraction    = 0.56
)

// WeeklyBars is a simple column chart, one bar per week. A week with nothing in it
// has no bar and no number, only its label.
type WeeklyBars struct {
	widget.BaseWidget

	// EmptyText is shown instead of bars when every value is zero.
	EmptyText string

	bars    []Bar
	version int // bumped by SetBars, so the renderer rebuilds only on new data
}

// NewWeeklyBars returns an empty bar chart.
func NewWeeklyBars() *WeeklyBars {
	b := &WeeklyBars{EmptyText: lang.L("Minutes you practise will appear here, week by week")}
	b.ExtendBaseWidget(b)
	return b
}

// SetBars replaces the bars and redraws.
func (b *WeeklyBars) SetBars(bars []Bar) {
	b.bars = append([]Bar(nil), bars...)
	b.version++
	b.Refresh()
}

// Bars returns the bars shown.
func (b *WeeklyBars) Bars() []Bar { return append([]Bar(nil), b.bars...) }

// CreateRenderer implements fyne.Widget.
func (b *WeeklyBars) CreateRenderer() fyne.WidgetRenderer {
	r := &barsRenderer{b: b, version: -1, baseline: canvas.NewLine(nil), empty: canvas.NewText("", nil)}
	r.empty.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type barsRenderer struct {
	b        *WeeklyBars
	version  int
	rects    []*canvas.Rectangle
	values   []*canvas.Text
	labels   []*canvas.Text
	baseline *canvas.Line
	empty    *canvas.Text
	objects  []fyne.CanvasObject
	maxValue float64
}

func (r *barsRenderer) Destroy() {}

func (r *barsRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barsRenderer) MinSize() fyne.Size {
	p := paletteFor(r.b)
	slot := float32(minBarSlot) * p.smallSize() / defaultCaption
	w := max(float32(len(r.rects))*slot, r.empty.MinSize().Width)
	return fyne.NewSize(w, barsMinHeight*p.smallSize()/defaultCaption+r.textHeight(p)*2+2*p.padding())
}

// textHeight is the height of a caption line.
func (r *barsRenderer) textHeight(p palette) float32 {
	return fyne.MeasureText("0", p.smallSize(), fyne.TextStyle{}).Height
}

func (r *barsRenderer) Layout(size fyne.Size) {
	p := paletteFor(r.b)
	th := r.textHeight(p)
	top := th + p.padding()                // room for the numbers over the tallest bar
	base := size.Height - th - p.padding() // the baseline
	plot := max(base-top, 1)               // the tallest bar's height
	n := len(r.rects)
	r.baseline.Position1 = fyne.NewPos(0, base)
	r.baseline.Position2 = fyne.NewPos(size.Width, base)
	r.empty.Resize(fyne.NewSize(size.Width, th))
	r.empty.Move(fyne.NewPos(0, top+(plot-th)/2))
	if n == 0 {
		return
	}
	slot := size.Width / float32(n)
	bw := min(slot*barFraction, 40)
	for i := range n {
		v := max(r.b.bars[i].Value, 0)
		h := float32(0)
		if r.maxValue > 0 {
			h = float32(v/r.maxValue) * plot
		}
		if v > 0 {
			h = max(h, 3) // a little time still shows
		}
		x := float32(i)*slot + (slot-bw)/2
		r.rects[i].Resize(fyne.NewSize(bw, h))
		r.rects[i].Move(fyne.NewPos(x, base-h))
		r.values[i].Resize(fyne.NewSize(slot, th))
		r.values[i].Move(fyne.NewPos(float32(i)*slot, base-h-th-2))
		lw := r.labels[i].MinSize().Width
		r.labels[i].Resize(fyne.NewSize(lw, th))
		r.labels[i].Move(fyne.NewPos(float32(i)*slot+(slot-lw)/2, base+p.padding()/2))
	}
	r.thinLabels(size.Width, p.padding())
}

// thinLabels hides labels that would touch their neighbours, keeping the last
// (this week) and then every label that fits, from the right.
func (r *barsRenderer) thinLabels(width, gap float32) {
	left := width + gap // where the text of the last label shown starts
	for i := len(r.labels) - 1; i >= 0; i-- {
		l := r.labels[i]
		if i == len(r.labels)-1 { // keep this week's label inside the chart
			l.Move(fyne.NewPos(min(max(l.Position().X, 0), width-l.Size().Width), l.Position().Y))
		}
		start := l.Position().X
		show := i == len(r.labels)-1 || (start >= 0 && start+l.Size().Width+gap <= left)
		setVisible(l, show)
		if show {
			left = start
		}
	}
}

// Refresh rebuilds the objects when the data changed, then applies the theme.
func (r *barsRenderer) Refresh() {
	if r.version != r.b.version {
		r.rebuild()
	}
	p := paletteFor(r.b)
	primary := p.color(theme.ColorNamePrimary)
	for i, rect := range r.rects {
		rect.FillColor = soft(primary, 0xcc)
		rect.CornerRadius = 4
		setVisible(rect, r.b.bars[i].Value > 0)
		r.values[i].Color, r.values[i].TextSize = p.text(), p.smallSize()
		setVisible(r.values[i], r.b.bars[i].Value > 0 && r.b.bars[i].ValueText != "")
		r.labels[i].Color, r.labels[i].TextSize = p.muted(), p.smallSize()
	}
	r.baseline.StrokeColor, r.baseline.StrokeWidth = p.line(), 1
	r.empty.Text, r.empty.Color, r.empty.TextSize = r.b.EmptyText, p.muted(), p.smallSize()
	setVisible(r.empty, r.maxValue <= 0)
	r.Layout(r.b.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// rebuild makes one rectangle and two texts per bar.
func (r *barsRenderer) rebuild() {
	r.version = r.b.version
	n := len(r.b.bars)
	r.rects, r.values, r.labels = make([]*canvas.Rectangle, n), make([]*canvas.Text, n), make([]*canvas.Text, n)
	r.objects = []fyne.CanvasObject{r.baseline, r.empty}
	r.maxValue = 0
	for i, bar := range r.b.bars {
		r.maxValue = max(r.maxValue, bar.Value)
		r.rects[i] = canvas.NewRectangle(nil)
		r.values[i] = canvas.NewText(bar.ValueText, nil)
		r.values[i].Alignment = fyne.TextAlignCenter
		r.labels[i] = canvas.NewText(bar.Label, nil)
		r.labels[i].Alignment = fyne.TextAlignCenter
		r.objects = append(r.objects, r.rects[i], r.values[i], r.labels[i])
	}
}
