package progress

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cardBox is a soft, rounded panel with a quiet title: calmer than widget.Card,
// whose title is as large as the screen's heading.
type cardBox struct {
	widget.BaseWidget
	title   *widget.Label
	content fyne.CanvasObject
}

// card is a titled panel holding a chart (or list) and its text.
func card(title string, objs ...fyne.CanvasObject) *cardBox {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	c := &cardBox{title: t, content: container.NewVBox(objs...)}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cardBox) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	inner := container.NewBorder(c.title, nil, nil, nil, c.content)
	r := &cardRenderer{c: c, bg: bg, inner: inner}
	r.Refresh()
	return r
}

type cardRenderer struct {
	c     *cardBox
	bg    *canvas.Rectangle
	inner *fyne.Container
}

// pad is the space inside the card around its content.
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
	r.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameCardRadius)
	r.bg.Refresh()
	r.inner.Refresh()
}
