package practice

import (
	"image/color"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/page"
)

// stepView shows the current step's text, large and centred at a readable width. When
// the text changes it fades the old text out and the new one in, by laying a panel of
// the card's own colour over it and fading that panel.
type stepView struct {
	text    *widget.RichText
	cover   *canvas.Rectangle
	root    fyne.CanvasObject
	anim    *fyne.Animation
	pending string  // the text the running fade leads to
	alpha   float32 // the cover's opacity, 0..1
}

// stepFade is how long one change of text takes (out, then in).
const stepFade = 1200 * time.Millisecond

func newStepView() *stepView {
	v := &stepView{cover: canvas.NewRectangle(color.Transparent)}
	v.text = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameHeadingText,
		ColorName: theme.ColorNameForeground,
	}})
	v.text.Wrapping = fyne.TextWrapWord
	v.root = container.NewStack(v.text, v.cover)
	return v
}

// Text is the text shown (or being faded in).
func (v *stepView) Text() string {
	if v.anim != nil {
		return v.pending
	}
	return v.segment().Text
}

func (v *stepView) segment() *widget.TextSegment { return v.text.Segments[0].(*widget.TextSegment) }

// Set shows text, fading when animate is true and the text changes.
func (v *stepView) Set(text string, animate bool) {
	if text == v.Text() {
		return
	}
	if v.anim != nil {
		v.anim.Stop()
		v.anim = nil
	}
	if !animate {
		v.show(text)
		v.setCover(0)
		return
	}
	v.pending = text
	from := v.alpha
	const out = 0.3 // the share of the fade spent hiding the old text
	var a *fyne.Animation
	a = fyne.NewAnimation(stepFade, func(f float32) {
		if v.anim != a {
			return // replaced by a newer change
		}
		if f < out {
			v.setCover(from + (1-from)*f/out)
			return
		}
		if v.segment().Text != v.pending {
			v.show(v.pending)
		}
		v.setCover(1 - (f-out)/(1-out))
		if f >= 1 {
			v.anim = nil
		}
	})
	a.Curve = fyne.AnimationEaseInOut
	v.anim = a
	a.Start()
}

func (v *stepView) show(text string) {
	v.segment().Text = text
	v.text.Refresh()
}

func (v *stepView) setCover(a float32) {
	v.alpha = a
	c := theme.Color(page.ColorNameSurface)
	r, g, b, _ := c.RGBA()
	v.cover.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a * 255)}
	v.cover.Refresh()
}

// ember is the visual bell: a small glowing ember that brightens and spreads softly
// when a bell rings, for practising without sound.
type ember struct {
	glow, mid, core *canvas.Circle
	root            fyne.CanvasObject
	anim            *fyne.Animation
	pulses          int // bells shown, for tests
}

const (
	emberBox   = 72 // the square the ember glows within
	emberCore  = 16
	emberPulse = 2400 * time.Millisecond
)

func newEmber() *ember {
	e := &ember{glow: canvas.NewCircle(color.Transparent), mid: canvas.NewCircle(color.Transparent),
		core: canvas.NewCircle(color.Transparent)}
	box := canvas.NewRectangle(color.Transparent)
	box.SetMinSize(fyne.NewSize(emberBox, emberBox))
	e.root = container.NewCenter(container.NewStack(box, container.NewWithoutLayout(e.glow, e.mid, e.core)))
	e.setLevel(0)
	return e
}

// Pulse brightens the ember once, slowly in and out.
func (e *ember) Pulse() {
	e.pulses++
	if e.anim != nil {
		e.anim.Stop()
	}
	e.anim = fyne.NewAnimation(emberPulse, func(f float32) {
		e.setLevel(float32(math.Sin(math.Pi * float64(f))))
	})
	e.anim.Start()
}

// Stop ends a pulse at once.
func (e *ember) Stop() {
	if e.anim != nil {
		e.anim.Stop()
		e.anim = nil
	}
	e.setLevel(0)
}

// setLevel draws the ember at brightness l (0 resting, 1 at the height of a bell).
func (e *ember) setLevel(l float32) {
	c := theme.Color(page.ColorNameAccent)
	r, g, b, _ := c.RGBA()
	tint := func(a float32) color.NRGBA {
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a * 255)}
	}
	e.core.FillColor = tint(0.45 + 0.55*l)
	e.glow.FillColor = tint(0.16 * l)
	e.mid.FillColor = tint(0.22 * l)
	place := func(c *canvas.Circle, d float32) {
		c.Resize(fyne.NewSize(d, d))
		c.Move(fyne.NewPos((emberBox-d)/2, (emberBox-d)/2))
		c.Refresh()
	}
	place(e.core, emberCore+6*l)
	place(e.glow, emberCore+(emberBox-emberCore)*l)
	place(e.mid, emberCore+(emberBox-emberCore)*0.6*l)
}

// rating is an optional 0–10 rating: eleven buttons and a Skip. Nothing needs it.
type rating struct {
	value    int // 0..10 or noRating
	buttons  [11]*widget.Button
	skip     *widget.Button
	root     *page.Card
	onChange func(v int) // v is noRating after Skip
}

func newRating(question string, onChange func(int)) *rating {
	r := &rating{value: noRating, onChange: onChange}
	grid := container.New(rowLayout{cells: 11, minCell: 30})
	for i := range r.buttons {
		b := widget.NewButton(strconv.Itoa(i), func() { r.Set(i) })
		r.buttons[i] = b
		grid.Add(b)
	}
	ends := container.NewBorder(nil, nil,
		mutedLine(lang.L("0 settled")), mutedLine(lang.L("10 very unsettled")))
	r.skip = widget.NewButton(lang.L("Skip"), func() {
		r.Set(noRating)
		r.root.Hide()
	})
	r.skip.Importance = widget.LowImportance
	hint := page.Note(lang.L("Entirely optional. You can skip it."))
	r.root = page.NewCard(question, grid, ends, container.NewBorder(nil, nil, nil, r.skip, hint))
	return r
}

// Set chooses v (or clears the rating with noRating) and reports it.
func (r *rating) Set(v int) {
	r.value = v
	for i, b := range r.buttons {
		imp := widget.MediumImportance
		if i == v {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	if r.onChange != nil {
		r.onChange(v)
	}
}

// Reset clears the rating without reporting it and shows the card again.
func (r *rating) Reset() {
	on := r.onChange
	r.onChange = nil
	r.Set(noRating)
	r.onChange = on
	r.root.Show()
}

// tapCard is a practice card in the library that opens its practice when tapped
// anywhere (its Open button does the same for keyboard users).
type tapCard struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapCard(content fyne.CanvasObject, onTap func()) *tapCard {
	t := &tapCard{content: content, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *tapCard) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }

// Tapped implements fyne.Tappable.
func (t *tapCard) Tapped(*fyne.PointEvent) { t.onTap() }

// Cursor implements desktop.Cursorable.
func (t *tapCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// mutedLine is one line of muted text that does not wrap.
func mutedLine(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: page.ColorNameMuted, SizeName: theme.SizeNameText, Inline: true,
	}})
}

// rowLayout lays out cells of equal width in one row, letting them shrink to minCell
// wide (narrower than a button's own minimum) so a row of eleven rating buttons fits
// a narrow window.
type rowLayout struct {
	cells   int
	minCell float32
}

func (r rowLayout) gap() float32 { return theme.Padding() }

// MinSize implements fyne.Layout.
func (r rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(r.cells)*r.minCell+float32(r.cells-1)*r.gap(), h)
}

// Layout implements fyne.Layout.
func (r rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := (size.Width - float32(r.cells-1)*r.gap()) / float32(r.cells)
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*(w+r.gap()), 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// minLines keeps its content at least lines lines of heading text tall, so the
// stage does not jump as steps of different lengths come and go.
type minLines struct{ lines int }

// MinSize implements fyne.Layout.
func (m minLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	line := fyne.MeasureText("Mg", theme.TextHeadingSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(s.Width, max(s.Height, line*float32(m.lines)))
}

// Layout implements fyne.Layout: the content is centred vertically.
func (m minLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		h := min(o.MinSize().Height, size.Height)
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
	}
}

// keySlider is a slider that passes Space on (to play or pause) instead of
// swallowing it while it has the keyboard focus after being dragged or tapped.
type keySlider struct {
	widget.Slider
	onSpace func()
}

func newKeySlider(min, max float64, onSpace func()) *keySlider {
	s := &keySlider{onSpace: onSpace}
	s.Min, s.Max, s.Step = min, max, 1
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *keySlider) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace && s.onSpace != nil {
		s.onSpace()
		return
	}
	s.Slider.TypedKey(ev)
}
