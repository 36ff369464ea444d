// Package charts holds Hearth's small, calm chart widgets for the Progress screen: a
// month calendar, weekly bars and a 0–10 line chart. They draw with canvas
// primitives in the current theme's colours, never animate, and rebuild their
// drawing only when their data changes. Each shows a short text when it has nothing
// to draw. They are pictures only: screens put a plain-text summary beside them.
//
// All methods must be called on the Fyne UI goroutine (use fyne.Do elsewhere).
package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme colour names for the three circles of Compassion Focused Therapy. A theme
// may define them; when it does not (Fyne's own themes), the colours of Hearth's
// style guide are used, picked for a light or dark background.
const (
	ColorNameThreat   fyne.ThemeColorName = "hearthThreat"
	ColorNameDrive    fyne.ThemeColorName = "hearthDrive"
	ColorNameSoothing fyne.ThemeColorName = "hearthSoothing"
)

// circleColors are the style guide's three-circles colours: light, then dark.
var circleColors = map[fyne.ThemeColorName][2]color.NRGBA{
	ColorNameThreat:   {{R: 0xC9, G: 0x6F, B: 0x68, A: 0xff}, {R: 0xD9, G: 0x8A, B: 0x83, A: 0xff}},
	ColorNameDrive:    {{R: 0x5A, G: 0x86, B: 0xB0, A: 0xff}, {R: 0x80, G: 0xA8, B: 0xCF, A: 0xff}},
	ColorNameSoothing: {{R: 0x6E, G: 0xA5, B: 0x7A, A: 0xff}, {R: 0x8D, G: 0xC1, B: 0x98, A: 0xff}},
}

// palette resolves colours for one widget in the current theme.
type palette struct {
	th fyne.Theme
	v  fyne.ThemeVariant
}

func paletteFor(w fyne.Widget) palette {
	th := theme.Current()
	if tw, ok := w.(interface{ Theme() fyne.Theme }); ok {
		th = tw.Theme()
	}
	return palette{th: th, v: fyne.CurrentApp().Settings().ThemeVariant()}
}

// color looks up n, falling back to the style guide for the three circles.
func (p palette) color(n fyne.ThemeColorName) color.Color {
	if pair, ok := circleColors[n]; ok {
		if c := p.th.Color(n, p.v); c != nil {
			if _, _, _, a := c.RGBA(); a != 0 {
				return c
			}
		}
		if p.dark() {
			return pair[1]
		}
		return pair[0]
	}
	return p.th.Color(n, p.v)
}

// dark reports whether the theme's background is dark, judged by its luminance, so
// the fallback colours suit the theme actually drawn whatever variant it reports.
func (p palette) dark() bool {
	r, g, b, _ := p.th.Color(theme.ColorNameBackground, p.v).RGBA()
	lum := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	return lum < 0.5*0xffff
}

// soft is c at the given opacity (0–255), for fills behind text.
func soft(c color.Color, alpha uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(alpha) / 0xff)
	return n
}

// text sizes and colours used by every chart.
func (p palette) text() color.Color  { return p.color(theme.ColorNameForeground) }
func (p palette) muted() color.Color { return p.color(theme.ColorNamePlaceHolder) }
func (p palette) line() color.Color  { return p.color(theme.ColorNameSeparator) }
func (p palette) textSize() float32  { return p.th.Size(theme.SizeNameText) }
func (p palette) smallSize() float32 { return p.th.Size(theme.SizeNameCaptionText) }
func (p palette) padding() float32   { return p.th.Size(theme.SizeNamePadding) }
