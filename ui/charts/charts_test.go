package charts

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// variantTheme is Fyne's default theme forced to one variant.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// circlesTheme also defines the three-circles colours.
type circlesTheme struct{ variantTheme }

func (t circlesTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == ColorNameThreat {
		return color.NRGBA{R: 1, G: 2, B: 3, A: 0xff}
	}
	return t.variantTheme.Color(n, v)
}

var variants = []struct {
	name string
	v    fyne.ThemeVariant
}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}}

// newApp starts a test app in the given variant.
func newApp(t *testing.T, v fyne.ThemeVariant) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
	return a
}

// show puts w in a window of the given size and returns its renderer.
func show(t *testing.T, w fyne.Widget, size fyne.Size) fyne.WidgetRenderer {
	t.Helper()
	win := test.NewTempWindow(t, w)
	win.Resize(size.AddWidthHeight(2*theme.Padding(), 2*theme.Padding()))
	w.Resize(size)
	return test.TempWidgetRenderer(t, w)
}

// visible returns the renderer's visible objects of type T.
func visible[T fyne.CanvasObject](r fyne.WidgetRenderer) []T {
	var out []T
	for _, o := range r.Objects() {
		if v, ok := o.(T); ok && o.Visible() {
			out = append(out, v)
		}
	}
	return out
}

// assertInside checks that every visible object lies inside size and that no text
// is squeezed below its natural width or height (a clipped label).
func assertInside(t *testing.T, r fyne.WidgetRenderer, size fyne.Size) {
	t.Helper()
	const slack = 0.5
	for _, o := range r.Objects() {
		if !o.Visible() {
			continue
		}
		p, s := o.Position(), o.Size()
		if l, ok := o.(*canvas.Line); ok {
			p = fyne.NewPos(min(l.Position1.X, l.Position2.X), min(l.Position1.Y, l.Position2.Y))
			s = fyne.NewSize(abs32(l.Position2.X-l.Position1.X), abs32(l.Position2.Y-l.Position1.Y))
		}
		if p.X < -slack || p.Y < -slack || p.X+s.Width > size.Width+slack || p.Y+s.Height > size.Height+slack {
			t.Errorf("%T at %v size %v is outside %v", o, p, s, size)
		}
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			m := txt.MinSize()
			if s.Width+slack < m.Width || s.Height+slack < m.Height {
				t.Errorf("text %q clipped: %v < %v", txt.Text, s, m)
			}
		}
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func texts(r fyne.WidgetRenderer) map[string]*canvas.Text {
	out := map[string]*canvas.Text{}
	for _, tx := range visible[*canvas.Text](r) {
		out[tx.Text] = tx
	}
	return out
}

func TestMonthCalendar(t *testing.T) {
	for _, vt := range variants {
		t.Run(vt.name, func(t *testing.T) {
			newApp(t, vt.v)
			c := NewMonthCalendar()
			c.SetMonth(Month{Year: 2026, Month: time.November, Today: 25, Marks: map[int]DayMark{
				1: MarkPractice, 2: MarkPractice | MarkWriting, 6: MarkWriting,
			}})
			size := c.MinSize().AddWidthHeight(60, 0)
			r := show(t, c, size)
			assertInside(t, r, size)

			tx := texts(r)
			if tx["November 2026"] == nil {
				t.Error("no title")
			}
			for day := 1; day <= 30; day++ {
				if tx[itoa(day)] == nil {
					t.Errorf("day %d not drawn", day)
				}
			}
			if tx["31"] != nil {
				t.Error("November has a 31st")
			}
			if !tx["25"].TextStyle.Bold || tx["24"].TextStyle.Bold {
				t.Error("today is not the only bold day")
			}
			// 1 November 2026 is a Sunday: the last column, and Monday the 2nd starts the next row.
			if one, two := tx["1"], tx["2"]; one.Position().X <= two.Position().X || one.Position().Y >= two.Position().Y {
				t.Errorf("1st at %v, 2nd at %v: weeks should start on Monday", one.Position(), two.Position())
			}
			var fills, outlines, dots int
			for _, cl := range visible[*canvas.Circle](r) {
				switch {
				case cl.StrokeWidth > 0:
					outlines++
					if !contains(cl, tx["25"]) {
						t.Error("today's outline is not around the 25th")
					}
				case cl.Size().Width > dotSize:
					fills++
				default:
					dots++
				}
			}
			// + one of each in the legend
			if fills != 3 || dots != 3 || outlines != 1 {
				t.Errorf("fills %d, dots %d, outlines %d; want 3, 3, 1", fills, dots, outlines)
			}
			if tx[c.EmptyText] != nil {
				t.Error("empty text shown on a marked month")
			}
			for _, b := range visible[*widget.Button](r) {
				t.Errorf("arrow %v shown without callbacks", b)
			}
		})
	}
}

func itoa(n int) string { return time.Date(2000, 1, n, 0, 0, 0, 0, time.UTC).Format("2") }

// contains reports whether the centre of o is inside c.
func contains(c fyne.CanvasObject, o fyne.CanvasObject) bool {
	mid := o.Position().AddXY(o.Size().Width/2, o.Size().Height/2)
	p, s := c.Position(), c.Size()
	return mid.X > p.X && mid.X < p.X+s.Width && mid.Y > p.Y && mid.Y < p.Y+s.Height
}

func TestMonthCalendarEmptyAndArrows(t *testing.T) {
	newApp(t, theme.VariantLight)
	var prev, next int
	c := NewMonthCalendar()
	c.OnPrevious = func() { prev++ }
	c.OnNext = func() { next++ }
	c.SetMonth(Month{Year: 2026, Month: time.February, CanPrevious: true})
	size := c.MinSize()
	r := show(t, c, size)
	assertInside(t, r, size)
	if texts(r)[c.EmptyText] == nil {
		t.Error("no empty text on an unmarked month")
	}
	// February 2026 starts on a Sunday and needs 5 rows; 28 days.
	if texts(r)["28"] == nil || texts(r)["29"] != nil {
		t.Error("February 2026 drawn wrong")
	}
	buttons := visible[*widget.Button](r)
	if len(buttons) != 2 {
		t.Fatalf("%d arrows, want 2", len(buttons))
	}
	test.Tap(buttons[0])
	test.Tap(buttons[1]) // disabled: CanNext is false
	if prev != 1 || next != 0 {
		t.Errorf("prev %d, next %d; want 1, 0", prev, next)
	}
	if !buttons[1].Disabled() {
		t.Error("next arrow enabled")
	}
}

func TestWeeklyBars(t *testing.T) {
	for _, vt := range variants {
		t.Run(vt.name, func(t *testing.T) {
			newApp(t, vt.v)
			b := NewWeeklyBars()
			b.SetBars([]Bar{
				{Label: "5 Oct"}, {Label: "12 Oct", Value: 10, ValueText: "10"},
				{Label: "19 Oct", Value: 40, ValueText: "40"}, {Label: "This week", Value: 20, ValueText: "20"},
			})
			size := fyne.NewSize(400, b.MinSize().Height)
			r := show(t, b, size)
			assertInside(t, r, size)

			rects := visible[*canvas.Rectangle](r)
			if len(rects) != 3 {
				t.Fatalf("%d bars drawn, want 3 (a zero week has none)", len(rects))
			}
			if h10, h40, h20 := rects[0].Size().Height, rects[1].Size().Height, rects[2].Size().Height; !(h40 > h20 && h20 > h10) ||
				abs32(h40-2*h20) > 1 || abs32(h40-4*h10) > 1 {
				t.Errorf("bar heights %v, %v, %v are not proportional to 10, 40, 20", h10, h40, h20)
			}
			base := rects[0].Position().Y + rects[0].Size().Height
			for _, rc := range rects {
				if abs32(rc.Position().Y+rc.Size().Height-base) > 0.5 {
					t.Error("bars do not share a baseline")
				}
			}
			tx := texts(r)
			for _, s := range []string{"5 Oct", "12 Oct", "19 Oct", "This week", "10", "40", "20"} {
				if tx[s] == nil {
					t.Errorf("%q not drawn", s)
				}
			}
			if tx[b.EmptyText] != nil {
				t.Error("empty text shown with data")
			}
			want := soft(theme.DefaultTheme().Color(theme.ColorNamePrimary, vt.v), 0xcc)
			if rects[0].FillColor != want {
				t.Errorf("bar colour %v, want the theme's primary %v", rects[0].FillColor, want)
			}
		})
	}
}

func TestWeeklyBarsEmptyAndRedraw(t *testing.T) {
	a := newApp(t, theme.VariantLight)
	b := NewWeeklyBars()
	b.SetBars([]Bar{{Label: "a"}, {Label: "b"}})
	size := b.MinSize()
	r := show(t, b, size)
	assertInside(t, r, size)
	if texts(r)[b.EmptyText] == nil {
		t.Error("no empty text when every week is zero")
	}
	before := r.Objects()
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	b.Refresh()
	if after := r.Objects(); &after[0] != &before[0] {
		t.Error("a theme change rebuilt the drawing")
	}
	b.SetBars([]Bar{{Label: "a", Value: 1}})
	if after := r.Objects(); &after[0] == &before[0] {
		t.Error("new data did not rebuild the drawing")
	}
	if got := len(visible[*canvas.Rectangle](r)); got != 1 {
		t.Errorf("%d bars after new data, want 1", got)
	}
}

func TestLineChart(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 20, 0, 0, 0, time.UTC) }
	for _, vt := range variants {
		t.Run(vt.name, func(t *testing.T) {
			newApp(t, vt.v)
			c := NewLineChart(0, 10)
			c.SetSeries([]Series{
				{Name: "Threat", Color: ColorNameThreat, Points: []Point{{day(2), 10}, {day(9), 5}, {day(16), 0}}},
				{Name: "Drive", Color: ColorNameDrive, Points: []Point{{day(9), 4}}},
				{Name: "Soothing", Color: ColorNameSoothing},
			}, day(1), day(30))
			size := fyne.NewSize(420, c.MinSize().Height)
			r := show(t, c, size)
			assertInside(t, r, size)

			tx := texts(r)
			for _, s := range []string{"Threat", "Drive", "Soothing", "0", "5", "10", "1 Nov", "30 Nov"} {
				if tx[s] == nil {
					t.Errorf("%q not drawn", s)
				}
			}
			if tx[c.EmptyText] != nil {
				t.Error("empty text shown with data")
			}
			lines := visible[*canvas.Line](r)
			if len(lines) != 3+2 { // grid + threat's two segments
				t.Errorf("%d lines, want 5", len(lines))
			}
			threat := circleColors[ColorNameThreat][0]
			if vt.v == theme.VariantDark {
				threat = circleColors[ColorNameThreat][1]
			}
			var dots []*canvas.Circle
			for _, cl := range visible[*canvas.Circle](r) {
				if cl.FillColor == threat && cl.Size().Width == pointSize {
					dots = append(dots, cl)
				}
			}
			if len(dots) != 3 {
				t.Fatalf("%d threat points in %v, want 3", len(dots), threat)
			}
			grid := lines[:3]
			centre := func(o fyne.CanvasObject) fyne.Position {
				return o.Position().AddXY(o.Size().Width/2, o.Size().Height/2)
			}
			if y := centre(dots[0]).Y; abs32(y-grid[2].Position1.Y) > 0.5 {
				t.Errorf("10 drawn at y=%v, the top grid line is at %v", y, grid[2].Position1.Y)
			}
			if y := centre(dots[2]).Y; abs32(y-grid[0].Position1.Y) > 0.5 {
				t.Errorf("0 drawn at y=%v, the bottom grid line is at %v", y, grid[0].Position1.Y)
			}
			if !(centre(dots[0]).X < centre(dots[1]).X && centre(dots[1]).X < centre(dots[2]).X) {
				t.Error("later points are not further right")
			}
		})
	}
}

func TestLineChartEmptyAndThemeColours(t *testing.T) {
	a := newApp(t, theme.VariantLight)
	c := NewLineChart(0, 10)
	c.SetSeries([]Series{{Name: "Threat", Color: ColorNameThreat}}, time.Time{}, time.Time{})
	size := c.MinSize()
	r := show(t, c, size)
	assertInside(t, r, size)
	if texts(r)["Your check-ins will appear here"] == nil {
		t.Error("no empty text")
	}

	// A theme that defines the three-circles colours wins over the built-in ones.
	a.Settings().SetTheme(circlesTheme{variantTheme{theme.DefaultTheme(), theme.VariantLight}})
	c.SetSeries([]Series{{Name: "Threat", Color: ColorNameThreat, Points: []Point{{time.Now(), 3}}}}, time.Time{}, time.Time{})
	found := false
	for _, cl := range visible[*canvas.Circle](r) {
		if cl.FillColor == (color.NRGBA{R: 1, G: 2, B: 3, A: 0xff}) {
			found = true
		}
	}
	if !found {
		t.Error("the theme's threat colour was not used")
	}
	if texts(r)["Your check-ins will appear here"] != nil {
		t.Error("empty text shown with a point")
	}
}

func TestFallbackColoursFollowBackground(t *testing.T) {
	test.NewTempApp(t)
	for _, vt := range variants {
		p := palette{th: variantTheme{theme.DefaultTheme(), vt.v}, v: vt.v}
		want := circleColors[ColorNameSoothing][0]
		if vt.v == theme.VariantDark {
			want = circleColors[ColorNameSoothing][1]
		}
		if got := p.color(ColorNameSoothing); got != want {
			t.Errorf("%s: soothing = %v, want %v", vt.name, got, want)
		}
	}
}

func TestWeeklyBarsLabelsNeverTouch(t *testing.T) {
	newApp(t, theme.VariantLight)
	b := NewWeeklyBars()
	var bars []Bar
	for i := range 8 {
		bars = append(bars, Bar{Label: itoa(i+1) + " November", Value: float64(i), ValueText: itoa(i + 1)})
	}
	bars[7].Label = "This week"
	b.SetBars(bars)
	size := b.MinSize()
	r := show(t, b, size)
	assertInside(t, r, size)
	var shown []*canvas.Text
	for _, tx := range visible[*canvas.Text](r) {
		if strings.Contains(tx.Text, "November") || tx.Text == "This week" {
			shown = append(shown, tx)
		}
	}
	if len(shown) == 0 || shown[len(shown)-1].Text != "This week" {
		t.Fatalf("labels shown: %d, this week's last: %v", len(shown), shown)
	}
	if len(shown) == len(bars) {
		t.Error("every long label shown at the narrowest width")
	}
	for i := 1; i < len(shown); i++ {
		if end := shown[i-1].Position().X + shown[i-1].Size().Width; end >= shown[i].Position().X {
			t.Errorf("%q ends at %v, after %q starts at %v", shown[i-1].Text, end, shown[i].Text, shown[i].Position().X)
		}
	}
}
