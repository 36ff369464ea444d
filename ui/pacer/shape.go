package pacer

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/page"
)

// glowRings is how many translucent ember circles make the soft glow.
const glowRings = 6

// The core's radius, as a fraction of half the shape's side, breathed out and in.
const (
	coreMin = 0.36
	coreMax = 0.72
)

// hearthShape is the round shape both screens centre on: a sage circle inside a
// warm ember glow, with a faint ring marking its full size. The pacer grows and
// shrinks it with the breath (SetScale); the timer keeps it still and sends a soft
// ember ring outward at each bell (SetPulse). Changing either redraws only this
// widget's circles.
type hearthShape struct {
	widget.BaseWidget
	scale float64 // 0 breathed out .. 1 breathed in
	pulse float64 // 0 no bell; (0,1] how far a bell's ring has spread
	soft  bool    // a quiet, translucent core (behind the timer's numbers)
	min   float32 // minimum side
}

// newHearthShape returns a shape at scale, at least side wide and high.
func newHearthShape(scale float64, side float32, soft bool) *hearthShape {
	s := &hearthShape{scale: scale, soft: soft, min: side}
	s.ExtendBaseWidget(s)
	return s
}

// minMove is the least change of radius, in pixels, worth a redraw: the window is
// repainted whole for any change, so sub-pixel steps near the ends of a breath
// are skipped (the ends themselves, 0 and 1, are always drawn).
const minMove = 0.3

// SetScale sets the shape's size (0..1) and redraws it if it changed visibly.
func (s *hearthShape) SetScale(v float64) {
	v = min(max(v, 0), 1)
	span := float64(min(s.Size().Width, s.Size().Height)) / 2 * (coreMax - coreMin)
	d := math.Abs(v - s.scale)
	if d == 0 || d*span < minMove && v != 0 && v != 1 {
		return
	}
	s.scale = v
	s.Refresh()
}

// Scale is the shape's current size, 0..1.
func (s *hearthShape) Scale() float64 { return s.scale }

// SetPulse sets how far a bell's ring has spread (0 hides it).
func (s *hearthShape) SetPulse(v float64) {
	v = min(max(v, 0), 1)
	if v == s.pulse {
		return
	}
	s.pulse = v
	s.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (s *hearthShape) CreateRenderer() fyne.WidgetRenderer {
	r := &shapeRenderer{s: s, guide: canvas.NewCircle(color.Transparent),
		core: canvas.NewCircle(color.Transparent), inner: canvas.NewCircle(color.Transparent),
		ring: canvas.NewCircle(color.Transparent)}
	for i := range r.glow {
		r.glow[i] = canvas.NewCircle(color.Transparent)
	}
	r.objects = []fyne.CanvasObject{r.ring}
	for i := range r.glow {
		r.objects = append(r.objects, r.glow[i])
	}
	r.objects = append(r.objects, r.guide, r.core, r.inner)
	r.colours()
	return r
}

type shapeRenderer struct {
	s       *hearthShape
	size    fyne.Size
	ring    *canvas.Circle // the bell's spreading ring
	glow    [glowRings]*canvas.Circle
	guide   *canvas.Circle // the full-breath outline
	core    *canvas.Circle
	inner   *canvas.Circle // a lighter centre, for depth
	objects []fyne.CanvasObject
	ember   color.NRGBA
	sage    color.NRGBA
	fill    color.NRGBA
}

func (r *shapeRenderer) Destroy() {}

func (r *shapeRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *shapeRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(r.s.min) }

func (r *shapeRenderer) Layout(size fyne.Size) {
	r.size = size
	r.place()
}

// Refresh re-reads the theme's colours and redraws the circles.
func (r *shapeRenderer) Refresh() {
	r.colours()
	r.place()
}

// nrgba converts any colour to non-premultiplied RGBA; nil (a theme without
// Hearth's colour names) becomes fallback.
func nrgba(c color.Color, fallback color.NRGBA) color.NRGBA {
	if c == nil {
		return fallback
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// emberFallback is the light theme's ember, for themes without Hearth's accent.
var emberFallback = color.NRGBA{R: 0xD9, G: 0x92, B: 0x4A, A: 0xff}

// alpha returns c with its alpha scaled to a (0..1).
func alpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(min(max(a, 0), 1) * 255)
	return c
}

// mix blends a toward b by t (0..1).
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: f(a.A, b.A)}
}

func (r *shapeRenderer) colours() {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.ember = nrgba(th.Color(page.ColorNameAccent, v), emberFallback)
	r.sage = nrgba(th.Color(theme.ColorNamePrimary, v), emberFallback)
	r.fill = nrgba(th.Color(theme.ColorNameBackground, v), color.NRGBA{A: 0xff})
	surface := nrgba(th.Color(page.ColorNameSurface, v), r.fill)
	r.guide.FillColor = color.Transparent
	r.guide.StrokeColor = alpha(r.sage, 0.35)
	r.guide.StrokeWidth = 1.5
	r.ring.FillColor = color.Transparent
	if r.s.soft {
		r.core.FillColor = mix(surface, r.sage, 0.10)
		r.core.StrokeColor = alpha(r.sage, 0.6)
		r.core.StrokeWidth = 2
		r.inner.FillColor = color.Transparent
		r.guide.StrokeColor = color.Transparent
	} else {
		r.core.FillColor = r.sage
		r.core.StrokeColor = color.Transparent
		// A centre a little lighter (light theme) or deeper (dark) than the sage.
		r.inner.FillColor = alpha(mix(r.sage, r.fill, 0.22), 0.9)
	}
}

// place sizes and moves the circles for the current scale and pulse.
func (r *shapeRenderer) place() {
	side := min(r.size.Width, r.size.Height)
	if side <= 0 {
		return
	}
	c := fyne.NewPos(r.size.Width/2, r.size.Height/2)
	outer := side / 2
	rMin, rMax := outer*coreMin, outer*coreMax
	sc := float32(r.s.scale)
	rad := rMin + (rMax-rMin)*sc
	put := func(o *canvas.Circle, radius float32) {
		o.Resize(fyne.NewSquareSize(2 * radius))
		o.Move(fyne.NewPos(c.X-radius, c.Y-radius))
		o.Refresh()
	}
	// The glow reaches further and warms as the breath fills.
	reach := (outer - rad) * (0.55 + 0.45*sc)
	warm := 0.05 + 0.05*float64(sc)
	if r.s.soft {
		warm = 0.03 // behind the timer's numbers the glow stays faint
	}
	for i, g := range r.glow {
		k := float32(glowRings-i) / glowRings // outermost first
		g.FillColor = alpha(r.ember, warm)
		put(g, rad+reach*k)
	}
	put(r.guide, rMax)
	put(r.core, rad)
	put(r.inner, rad*0.62)
	if r.s.soft {
		r.inner.FillColor = color.Transparent
	}
	if p := r.s.pulse; p > 0 {
		// A ring that spreads from the core to the edge and fades as it goes.
		r.ring.StrokeColor = alpha(r.ember, 0.85*(1-p))
		r.ring.StrokeWidth = 2 + 6*float32(1-p)
		r.ring.FillColor = alpha(r.ember, 0.14*(1-p))
		put(r.ring, rad+(outer-rad)*float32(ease(p)))
	} else {
		r.ring.StrokeColor, r.ring.FillColor = color.Transparent, color.Transparent
		put(r.ring, 0)
	}
}
