package learn

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/page"
)

// tapArea is a button whose face is any content, so long text can wrap inside it
// (widget.Button keeps its text on one line). The button underneath takes taps,
// keyboard focus and the hover highlight.
type tapArea struct {
	widget.BaseWidget
	button  *widget.Button
	content fyne.CanvasObject
}

func newTapArea(content fyne.CanvasObject, importance widget.Importance, onTap func()) *tapArea {
	b := widget.NewButton("", onTap)
	b.Importance = importance
	t := &tapArea{button: b, content: content}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer {
	return &tapAreaRenderer{t: t}
}

type tapAreaRenderer struct{ t *tapArea }

func (r *tapAreaRenderer) pad() fyne.Size {
	th := r.t.Theme()
	return fyne.NewSize(th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNamePadding))
}

func (r *tapAreaRenderer) Destroy() {}

func (r *tapAreaRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.button, r.t.content}
}

func (r *tapAreaRenderer) MinSize() fyne.Size {
	p := r.pad()
	return r.t.content.MinSize().AddWidthHeight(2*p.Width, 2*p.Height)
}

func (r *tapAreaRenderer) Layout(size fyne.Size) {
	p := r.pad()
	r.t.button.Resize(size)
	r.t.button.Move(fyne.NewPos(0, 0))
	r.t.content.Move(fyne.NewPos(p.Width, p.Height))
	r.t.content.Resize(size.SubtractWidthHeight(2*p.Width, 2*p.Height))
}

func (r *tapAreaRenderer) Refresh() {
	r.t.button.Refresh()
	r.t.content.Refresh()
}

// linkButton is a tapArea showing an icon beside wrapping text, with a soft tick on
// the right that shows when its item was done.
type linkButton struct {
	*tapArea
	label *widget.Label
	tick  *widget.Icon
}

func newLinkButton(icon fyne.Resource, text string, onTap func()) *linkButton {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	tick := newTick()
	tick.Hide()
	var left fyne.CanvasObject
	if icon != nil {
		left = container.NewCenter(widget.NewIcon(icon))
	}
	body := container.NewBorder(nil, nil, left, container.NewCenter(tick), l)
	return &linkButton{tapArea: newTapArea(body, widget.MediumImportance, onTap), label: l, tick: tick}
}

// setDone shows or hides the soft tick.
func (b *linkButton) setDone(done bool) { setVisible(b.tick, done) }

// newTick is a small tick in the primary (sage) colour: something was done. Hearth
// never shows a cross for something that wasn't.
func newTick() *widget.Icon {
	return widget.NewIcon(theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNamePrimary))
}

// tickNote is a tick with a quiet word beside it ("Read", "Done").
func tickNote(text string) *fyne.Container {
	return container.NewHBox(container.NewCenter(newTick()), container.NewCenter(mutedText(text)))
}

// mutedText is one line of secondary text.
func mutedText(text string) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: page.ColorNameMuted, SizeName: theme.SizeNameText, Inline: true,
	}})
	return rt
}

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// spacer is empty room of height h.
func spacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// readingTheme is the app's current theme with more room between paragraphs, for the
// body of a lesson. It asks the app for the theme each time, so a change of light or
// dark (or of text size) carries through.
type readingTheme struct{}

func (readingTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t readingTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}

func (t readingTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t readingTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t readingTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.current().Size(n)
	if n == theme.SizeNameLineSpacing {
		return s * paragraphSpacing
	}
	return s
}

// paragraphSpacing multiplies the theme's space between paragraphs in a lesson.
const paragraphSpacing = 2.4

// gapSegment is extra room in a RichText, between blocks (before a heading, after
// a list): its height is a multiple of the theme's padding.
type gapSegment struct{ paddings float32 }

func (g *gapSegment) height() float32 { return theme.Padding() * g.paddings }

// Inline implements widget.RichTextSegment: a gap is a block of its own.
func (g *gapSegment) Inline() bool { return false }

// Textual implements widget.RichTextSegment.
func (g *gapSegment) Textual() string { return "" }

// Visual implements widget.RichTextSegment.
func (g *gapSegment) Visual() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, g.height()))
	return r
}

// Update implements widget.RichTextSegment, following a change of text size.
func (g *gapSegment) Update(o fyne.CanvasObject) {
	o.(*canvas.Rectangle).SetMinSize(fyne.NewSize(0, g.height()))
}

// Select implements widget.RichTextSegment; a gap has nothing to select.
func (g *gapSegment) Select(_, _ fyne.Position) {}

// SelectedText implements widget.RichTextSegment.
func (g *gapSegment) SelectedText() string { return "" }

// Unselect implements widget.RichTextSegment.
func (g *gapSegment) Unselect() {}

// measure is a layout that centres its content at a width of ems times the theme's
// text size (capped by the space there is), so a column of prose keeps about the
// same number of characters per line at every text size.
type measure struct{ ems float32 }

func (m measure) width(avail float32) float32 {
	return min(avail, m.ems*theme.TextSize())
}

func (m measure) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return fyne.NewSize(min(s.Width, m.ems*theme.TextSize()), s.Height)
}

func (m measure) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := m.width(size.Width)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

// tight stacks lines that belong together (a label over its text) with no extra room
// between them.
func tight(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(0), objs...)
}
