// Package page holds the building blocks every Hearth screen is made of: a soft titled
// card, headings and paragraphs, muted notes, and a layout that keeps reading lines at
// a comfortable length on wide windows.
//
// Screens in ui's subpackages use these so the whole app shares one calm look. The
// colour names here are the ones Hearth's theme (package ui) defines; under another
// theme they fall back to Fyne's defaults.
package page

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Colour names defined by Hearth's theme in package ui.
const (
	ColorNameMuted   fyne.ThemeColorName = "hearthMuted"   // secondary text
	ColorNameAccent  fyne.ThemeColorName = "hearthAccent"  // ember: the hearth, bells
	ColorNameSurface fyne.ThemeColorName = "hearthSurface" // cards
)

// ReadingWidth is the widest a column of text grows (about 70 characters).
const ReadingWidth float32 = 680

// Heading is a large bold line of text that wraps.
func Heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Subheading is a bold line a little larger than body text.
func Subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Paragraph is wrapping body text.
func Paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Note is wrapping secondary text in the muted colour.
func Note(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: ColorNameMuted, SizeName: theme.SizeNameText, Inline: true,
	}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// SetNote replaces the text of a Note.
func SetNote(rt *widget.RichText, text string) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text {
		return
	}
	seg.Text = text
	rt.Refresh()
}

// Readable centres content at no more than width (ReadingWidth when width is 0), so
// lines stay easy to read on a wide window.
func Readable(width float32, content fyne.CanvasObject) fyne.CanvasObject {
	if width <= 0 {
		width = ReadingWidth
	}
	return container.New(readable{width: width}, content)
}

// Scroll is a screen's usual body: content at a readable width, padded, scrolling
// vertically when the window is small or the text large.
func Scroll(content fyne.CanvasObject) *container.Scroll {
	return container.NewVScroll(Padded(theme.Padding()*3, Readable(0, content)))
}

// Padded insets content by p on every side.
func Padded(p float32, content fyne.CanvasObject) fyne.CanvasObject {
	return container.New(padded{p: p}, content)
}

type readable struct{ width float32 }

func (r readable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return fyne.NewSize(min(s.Width, r.width), s.Height)
}

func (r readable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, r.width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

type padded struct{ p float32 }

func (l padded) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*l.p, 2*l.p)
}

func (l padded) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.p, l.p))
		o.Resize(size.SubtractWidthHeight(2*l.p, 2*l.p))
	}
}

// Card is a soft, rounded panel with a quiet title (calmer than widget.Card, whose
// title is as large as a screen's heading). An empty title shows none.
type Card struct {
	widget.BaseWidget
	title   *widget.Label
	content *fyne.Container
}

// NewCard makes a card holding objs stacked vertically under title.
func NewCard(title string, objs ...fyne.CanvasObject) *Card {
	t := Subheading(title)
	if title == "" {
		t.Hide()
	}
	c := &Card{title: t, content: container.NewVBox(objs...)}
	c.ExtendBaseWidget(c)
	return c
}

// SetContent replaces what the card holds.
func (c *Card) SetContent(objs ...fyne.CanvasObject) {
	c.content.Objects = objs
	c.content.Refresh()
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *Card) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	inner := container.NewBorder(c.title, nil, nil, nil, c.content)
	r := &cardRenderer{c: c, bg: bg, inner: inner}
	r.Refresh()
	return r
}

type cardRenderer struct {
	c     *Card
	bg    *canvas.Rectangle
	inner *fyne.Container
}

func (r *cardRenderer) pad() float32 { return r.c.Theme().Size(theme.SizeNamePadding) * 3 }

func (r *cardRenderer) Destroy() {}

func (r *cardRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.inner} }

func (r *cardRenderer) MinSize() fyne.Size {
	return r.inner.MinSize().AddWidthHeight(2*r.pad(), 2*r.pad())
}

func (r *cardRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	p := r.pad()
	r.inner.Move(fyne.NewPos(p, p))
	r.inner.Resize(size.SubtractWidthHeight(2*p, 2*p))
}

func (r *cardRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(ColorNameSurface, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameCardRadius)
	r.bg.Refresh()
	r.inner.Refresh()
}
