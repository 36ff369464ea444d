package ui

import (
	_ "embed"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/page"
)

// markSVG is Hearth's mark (the app icon's flame on sage), drawn for this project; the
// source artwork is resources/icon/hearth.svg.
//
//go:embed assets/mark.svg
var markSVG []byte

// Icon is Hearth's mark as a Fyne resource (for the header and the window icon).
func Icon() fyne.Resource { return fyne.NewStaticResource("hearth-mark.svg", markSVG) }

// Custom theme colour names used by Hearth's own widgets; package page, shared by
// every screen, defines them and this theme gives them their colours.
const (
	colorNameMuted   = page.ColorNameMuted
	colorNameSurface = page.ColorNameSurface
	colorNameAccent  = page.ColorNameAccent
)

// themeColor looks up a colour (including Hearth's own names) in the current theme.
func themeColor(n fyne.ThemeColorName) color.Color {
	app := fyne.CurrentApp()
	th := app.Settings().Theme()
	v := app.Settings().ThemeVariant()
	if _, ok := th.(*Theme); ok {
		return th.Color(n, v)
	}
	switch n {
	case colorNameMuted:
		return th.Color(theme.ColorNamePlaceHolder, v)
	case colorNameSurface:
		return th.Color(theme.ColorNameInputBackground, v)
	case colorNameAccent:
		return th.Color(theme.ColorNameWarning, v)
	}
	return th.Color(n, v)
}

// newEmber is the small mark at the left of the header.
func newEmber() fyne.CanvasObject {
	img := canvas.NewImageFromResource(Icon())
	img.FillMode = canvas.ImageFillContain
	return container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(28), img))
}

// surface is a rounded panel in the theme's surface colour that follows theme changes.
type surface struct {
	widget.BaseWidget
	radius float32
	border bool
}

// newSurface is a flat surface (for the header bar).
func newSurface() *surface {
	s := &surface{}
	s.ExtendBaseWidget(s)
	return s
}

// newCard is a rounded, bordered surface holding content with generous padding.
func newCard(content fyne.CanvasObject) fyne.CanvasObject {
	s := &surface{radius: theme.Size(theme.SizeNameCardRadius), border: true}
	s.ExtendBaseWidget(s)
	pad := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewPadded(o) }
	return container.NewStack(s, pad(pad(pad(content))))
}

func (s *surface) CreateRenderer() fyne.WidgetRenderer {
	r := &surfaceRenderer{s: s, rect: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type surfaceRenderer struct {
	s    *surface
	rect *canvas.Rectangle
}

func (r *surfaceRenderer) Layout(size fyne.Size)        { r.rect.Resize(size) }
func (r *surfaceRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }
func (r *surfaceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect} }
func (r *surfaceRenderer) Destroy()                     {}

func (r *surfaceRenderer) Refresh() {
	r.rect.FillColor = themeColor(colorNameSurface)
	r.rect.CornerRadius = r.s.radius
	if r.s.border {
		r.rect.StrokeColor = themeColor(theme.ColorNameSeparator)
		r.rect.StrokeWidth = 1
	}
	r.rect.Refresh()
}

// newHeading is a large bold line of text.
func newHeading(text string) *widget.Label { return page.Heading(text) }

// newParagraph is wrapping body text.
func newParagraph(text string) *widget.Label { return page.Paragraph(text) }

// newNote is wrapping secondary text in the muted colour.
func newNote(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colorNameMuted, SizeName: theme.SizeNameText, Inline: true,
	}})
	rt.Wrapping = fyne.TextWrapWord
	if text == "" {
		rt.Hide()
	}
	return rt
}

// setNote replaces the text of a note made by newNote, optionally in another colour.
func setNote(rt *widget.RichText, text string, c fyne.ThemeColorName) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == c && rt.Visible() == (text != "") {
		return // unchanged: typing sets "Saving…" on every key, so skip the redraw
	}
	seg.Text = text
	seg.Style.ColorName = c
	if text == "" {
		rt.Hide() // an empty note takes no room
	} else {
		rt.Show()
	}
	rt.Refresh()
}

// measure centres its single child horizontally at no more than width, so reading
// lines stay at a comfortable length on wide windows; if there is room it also
// centres the child vertically.
type measure struct {
	width   float32
	vcenter bool
}

func (m measure) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(min(s.Width, m.width), s.Height)
}

func (m measure) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.width)
	for _, o := range objs {
		h := size.Height
		y := float32(0)
		if m.vcenter {
			o.Resize(fyne.NewSize(w, o.MinSize().Height))
			h = min(o.MinSize().Height, size.Height)
			y = max(0, (size.Height-h)/2.4) // a little above the middle reads calmer
		}
		o.Resize(fyne.NewSize(w, max(h, o.MinSize().Height)))
		o.Move(fyne.NewPos((size.Width-w)/2, y))
	}
}

// centredPage lays a card of content in the middle of the window at a readable width,
// scrolling when the window is small or the text large.
func centredPage(content fyne.CanvasObject) fyne.CanvasObject {
	pad := theme.Padding() * 4
	inner := container.New(measure{width: 560, vcenter: true}, newCard(content))
	return container.NewVScroll(container.New(paddedLayout{pad}, inner))
}

// paddedLayout insets its children by p on every side.
type paddedLayout struct{ p float32 }

func (l paddedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Add(fyne.NewSize(2*l.p, 2*l.p))
}

func (l paddedLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.p, l.p))
		o.Resize(size.Subtract(fyne.NewSize(2*l.p, 2*l.p)))
	}
}

// messageScreen is a calm full-window message (used for errors Hearth can't fix).
type messageScreen struct{ root fyne.CanvasObject }

func newMessageScreen(title, body string) *messageScreen {
	return &messageScreen{root: centredPage(container.NewVBox(newHeading(title), newParagraph(body)))}
}

func (m *messageScreen) content() fyne.CanvasObject { return m.root }
func (m *messageScreen) focus()                     {}

// busy is a small spinner with a line of text, shown while a slow step (deriving the
// key) runs. It animates only while shown.
type busy struct {
	root *fyne.Container
	spin *widget.Activity
}

func newBusy(text string) *busy {
	b := &busy{spin: widget.NewActivity()}
	b.root = container.NewHBox(b.spin, newParagraph(text))
	b.root.Hide()
	return b
}

// set shows and starts, or stops and hides, the indicator.
func (b *busy) set(on bool) {
	if on {
		b.root.Show()
		b.spin.Start()
		return
	}
	b.spin.Stop()
	b.root.Hide()
}
