package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance chooses between the system's light/dark setting and a fixed variant.
type Appearance string

// Appearances the user can pick. AppearanceSystem follows the operating system.
const (
	AppearanceSystem Appearance = "system"
	AppearanceLight  Appearance = "light"
	AppearanceDark   Appearance = "dark"
)

// baseTextSize is Hearth's body text size before the user's text scale; Fyne's default is 14.
const baseTextSize = 15

// palette holds one variant's colours from the visual style guide.
type palette struct {
	background, surface, button, primary, onPrimary, accent, text, muted, separator, hover, selection color.NRGBA
}

// rgb builds an opaque colour from a 0xRRGGBB value.
func rgb(v uint32) color.NRGBA {
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// withAlpha returns c with alpha a.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// lightPalette and darkPalette follow /work/shared/visual-style.md: warm paper,
// sage primary, ember accent. Every text pair keeps a contrast of at least 4.5:1.
func lightPalette() palette {
	return palette{
		background: rgb(0xFAF6F0),
		surface:    rgb(0xFFFFFF),
		button:     rgb(0xF1EBE1),
		primary:    rgb(0x4A7A6C),
		onPrimary:  rgb(0xFFFFFF),
		accent:     rgb(0xD9924A),
		text:       rgb(0x2E3236),
		muted:      rgb(0x6B7075),
		separator:  rgb(0xE6DFD4),
		hover:      withAlpha(rgb(0x4A7A6C), 0x14),
		selection:  withAlpha(rgb(0x4A7A6C), 0x40),
	}
}

func darkPalette() palette {
	return palette{
		background: rgb(0x1D2022),
		surface:    rgb(0x272B2E),
		button:     rgb(0x33383C),
		primary:    rgb(0x86B8A8),
		onPrimary:  rgb(0x1D2022),
		accent:     rgb(0xE8AE6E),
		text:       rgb(0xE9E6E1),
		muted:      rgb(0xA3A7AB),
		separator:  rgb(0x3A3F43),
		hover:      withAlpha(rgb(0x86B8A8), 0x1c),
		selection:  withAlpha(rgb(0x86B8A8), 0x48),
	}
}

// Theme is Hearth's calm Fyne theme. It follows the system variant unless the user
// picked light or dark, and scales every size by the user's text scale.
type Theme struct {
	appearance Appearance
	scale      float32
}

// NewTheme returns the theme for an appearance and a text scale (1 = default; values
// outside 0.8–1.6 are clamped).
func NewTheme(a Appearance, scale float32) *Theme {
	return &Theme{appearance: a, scale: clampScale(scale)}
}

// clampScale keeps the text scale in a range where layouts still work.
func clampScale(s float32) float32 {
	switch {
	case s == 0:
		return 1
	case s < 0.8:
		return 0.8
	case s > 1.6:
		return 1.6
	}
	return s
}

// variant resolves the appearance against the variant Fyne asks for.
func (t *Theme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.appearance {
	case AppearanceLight:
		return theme.VariantLight
	case AppearanceDark:
		return theme.VariantDark
	}
	return v
}

// palette returns the colours for variant v.
func (t *Theme) palette(v fyne.ThemeVariant) palette {
	if t.variant(v) == theme.VariantDark {
		return darkPalette()
	}
	return lightPalette()
}

// Color implements fyne.Theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	p := t.palette(v)
	switch n {
	case theme.ColorNameBackground:
		return p.background
	case theme.ColorNameForeground:
		return p.text
	case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
		if n == theme.ColorNameFocus {
			return withAlpha(p.primary, 0x99)
		}
		return p.primary
	case theme.ColorNameForegroundOnPrimary:
		return p.onPrimary
	case theme.ColorNameButton:
		return p.button
	case theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground:
		return p.surface
	case theme.ColorNameInputBorder, theme.ColorNameSeparator:
		return p.separator
	case theme.ColorNamePlaceHolder:
		return p.muted
	case theme.ColorNameDisabled:
		return withAlpha(p.muted, 0xb0)
	case theme.ColorNameDisabledButton:
		return p.separator
	case theme.ColorNameHover:
		return p.hover
	case theme.ColorNameSelection:
		return p.selection
	case theme.ColorNamePressed:
		return withAlpha(p.primary, 0x30)
	case theme.ColorNameShadow:
		return color.NRGBA{A: 0x22}
	case theme.ColorNameScrollBar:
		return withAlpha(p.muted, 0x66)
	case theme.ColorNameSuccess:
		return p.primary
	case theme.ColorNameWarning, colorNameAccent:
		return p.accent
	case colorNameMuted:
		return p.muted
	case colorNameSurface:
		return p.surface
	}
	return theme.DefaultTheme().Color(n, t.variant(v))
}

// MutedColor is the colour for secondary text in the current variant.
func (t *Theme) MutedColor(v fyne.ThemeVariant) color.Color { return t.palette(v).muted }

// AccentColor is the ember accent in the current variant.
func (t *Theme) AccentColor(v fyne.ThemeVariant) color.Color { return t.palette(v).accent }

// Font implements fyne.Theme with Fyne's bundled font.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon implements fyne.Theme with Fyne's icons.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size implements fyne.Theme: a little more room than Fyne's default, softer corners,
// and everything text-related multiplied by the text scale.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := t.scale
	switch n {
	case theme.SizeNameText:
		return baseTextSize * s
	case theme.SizeNameHeadingText:
		return 24 * s
	case theme.SizeNameSubHeadingText:
		return 18 * s
	case theme.SizeNameCaptionText:
		return 12.5 * s
	case theme.SizeNamePadding:
		return 5 * s
	case theme.SizeNameInnerPadding:
		return 9 * s
	case theme.SizeNameInlineIcon:
		return 20 * s
	case theme.SizeNameLineSpacing:
		return 5 * s
	case theme.SizeNameInputRadius, theme.SizeNameButtonRadius, theme.SizeNameSelectionRadius:
		return 8
	case theme.SizeNameCardRadius, theme.SizeNameDialogRadius, theme.SizeNamePopupRadius:
		return 12
	}
	return theme.DefaultTheme().Size(n)
}
