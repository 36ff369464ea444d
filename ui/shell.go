package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navItem is one place in the app's navigation. Only screens that really work are
// listed. Home, Practice, Exercises, Learn, Progress and Settings join here as they
// are built: add an item whose screen func returns the subpackage's view wrapped in
// the small screen interface (content and focus).
type navItem struct {
	id     string
	label  string
	icon   fyne.Resource
	screen func(h *App) screen // builds (or returns the kept) screen to show
}

// navItems lists the navigation while unlocked, in order.
func navItems() []navItem {
	return []navItem{
		{id: navJournal, label: lang.L("Journal"), icon: theme.DocumentCreateIcon(),
			screen: func(h *App) screen { return h.journal }},
	}
}

// navJournal is the journal's navigation id (the screen shown after unlocking).
const navJournal = "journal"

// openNav shows the navigation item id.
func (h *App) openNav(id string) {
	for _, it := range navItems() {
		if it.id == id {
			if s := it.screen(h); s != nil {
				h.navID = id
				h.show(s)
				s.focus()
			}
			return
		}
	}
}

// header is the bar at the top of every screen: Hearth's name, the navigation (when
// unlocked), "Need support?" and Lock.
type header struct {
	app     *App
	root    fyne.CanvasObject
	nav     *fyne.Container
	support *widget.Button
	lock    *widget.Button
}

func newHeader(h *App) *header {
	hd := &header{app: h}
	name := widget.NewLabelWithStyle(lang.L("Hearth"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	mark := newEmber()
	hd.nav = container.NewHBox()
	hd.support = widget.NewButtonWithIcon(lang.L("Need support?"), theme.InfoIcon(), func() {
		h.touch()
		showSupport(h.win)
	})
	hd.support.Importance = widget.LowImportance
	hd.lock = widget.NewButtonWithIcon(lang.L("Lock"), theme.LoginIcon(), func() { h.Lock() })
	hd.lock.Importance = widget.LowImportance
	bar := container.NewHBox(mark, name, hd.nav, layout.NewSpacer(), hd.support, hd.lock)
	bg := newSurface()
	hd.root = container.NewVBox(container.NewStack(bg, container.New(paddedLayout{p: theme.Padding() * 2}, bar)), widget.NewSeparator())
	return hd
}

// update shows the navigation and Lock only while unlocked.
func (hd *header) update() {
	hd.nav.Objects = nil
	if hd.app.isUnlocked() {
		for _, it := range navItems() {
			b := widget.NewButtonWithIcon(it.label, it.icon, func() { hd.app.touch(); hd.app.openNav(it.id) })
			b.Importance = widget.LowImportance
			if it.id == hd.app.navID {
				b.Importance = widget.MediumImportance // where you are
			}
			hd.nav.Objects = append(hd.nav.Objects, b)
		}
		hd.lock.Show()
	} else {
		hd.lock.Hide()
	}
	hd.nav.Refresh()
}

// mainMenu builds the window's menus. Shortcuts on menu items fire even while a text
// field has focus, which is why Lock and New entry live here.
func (h *App) mainMenu() *fyne.MainMenu {
	newEntry := fyne.NewMenuItem(lang.L("New entry"), h.NewEntry)
	newEntry.Shortcut = shortcut(fyne.KeyN)
	lock := fyne.NewMenuItem(lang.L("Lock"), h.Lock)
	lock.Shortcut = shortcut(fyne.KeyL)
	quit := fyne.NewMenuItem(lang.L("Quit"), h.closeWindow)
	quit.Shortcut = shortcut(fyne.KeyQ)
	quit.IsQuit = true

	autoLock := fyne.NewMenuItem(lang.L("Lock when idle"), nil)
	autoLock.ChildMenu = h.autoLockMenu()

	larger := fyne.NewMenuItem(lang.L("Larger text"), func() { h.changeTextScale(+0.1) })
	larger.Shortcut = shortcut(fyne.KeyEqual)
	smaller := fyne.NewMenuItem(lang.L("Smaller text"), func() { h.changeTextScale(-0.1) })
	smaller.Shortcut = shortcut(fyne.KeyMinus)
	reset := fyne.NewMenuItem(lang.L("Default text size"), func() { h.setTextScale(1) })
	reset.Shortcut = shortcut(fyne.Key0)
	appearance := fyne.NewMenuItem(lang.L("Appearance"), nil)
	appearance.ChildMenu = h.appearanceMenu()

	support := fyne.NewMenuItem(lang.L("Need support?"), func() { showSupport(h.win) })
	about := fyne.NewMenuItem(lang.L("About Hearth"), func() { showAbout(h.win, h.cfg.Version) })

	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Journal"), newEntry, lock, autoLock, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(lang.L("View"), larger, smaller, reset, fyne.NewMenuItemSeparator(), appearance),
		fyne.NewMenu(lang.L("Help"), support, about),
	)
}

// autoLockMenu lists the idle times the user can choose.
func (h *App) autoLockMenu() *fyne.Menu {
	m := fyne.NewMenu("")
	current := h.fyne.Preferences().IntWithFallback(prefAutoLockMins, defaultAutoLock)
	for _, mins := range []int{5, 10, 15, 30, 60} {
		it := fyne.NewMenuItem(lang.L("After {{.Minutes}} minutes", map[string]any{"Minutes": mins}), nil)
		it.Checked = mins == current
		it.Action = func() {
			h.fyne.Preferences().SetInt(prefAutoLockMins, mins)
			for _, other := range m.Items {
				other.Checked = other == it
			}
			m.Refresh()
		}
		m.Items = append(m.Items, it)
	}
	return m
}

// appearanceMenu offers System, Light and Dark.
func (h *App) appearanceMenu() *fyne.Menu {
	m := fyne.NewMenu("")
	current := h.appearance()
	for _, a := range []struct {
		value Appearance
		label string
	}{{AppearanceSystem, lang.L("Follow the system")}, {AppearanceLight, lang.L("Light")}, {AppearanceDark, lang.L("Dark")}} {
		it := fyne.NewMenuItem(a.label, nil)
		it.Checked = a.value == current
		it.Action = func() {
			h.fyne.Preferences().SetString(prefAppearance, string(a.value))
			h.applyTheme()
			for _, other := range m.Items {
				other.Checked = other == it
			}
			m.Refresh()
		}
		m.Items = append(m.Items, it)
	}
	return m
}

// appearance reads the appearance preference.
func (h *App) appearance() Appearance {
	switch a := Appearance(h.fyne.Preferences().StringWithFallback(prefAppearance, string(AppearanceSystem))); a {
	case AppearanceLight, AppearanceDark:
		return a
	}
	return AppearanceSystem
}

// textScale reads the text-size preference.
func (h *App) textScale() float32 {
	return clampScale(float32(h.fyne.Preferences().FloatWithFallback(prefTextScale, 1)))
}

// setTextScale stores a new text scale and applies it.
func (h *App) setTextScale(s float32) {
	h.fyne.Preferences().SetFloat(prefTextScale, float64(clampScale(s)))
	h.applyTheme()
}

// changeTextScale makes the text larger or smaller by delta.
func (h *App) changeTextScale(delta float32) { h.setTextScale(h.textScale() + delta) }

// applyTheme sets Hearth's theme from the preferences.
func (h *App) applyTheme() {
	h.fyne.Settings().SetTheme(NewTheme(h.appearance(), h.textScale()))
}

// savedWindowSize is the window size from the last run (or a comfortable default).
func (h *App) savedWindowSize() fyne.Size {
	p := h.fyne.Preferences()
	w := p.FloatWithFallback(prefWindowWidth, 1040)
	ht := p.FloatWithFallback(prefWindowHeight, 720)
	return fyne.NewSize(float32(max(w, 480)), float32(max(ht, 400)))
}

// saveWindowSize remembers the window size for the next run.
func (h *App) saveWindowSize() {
	if h.win == nil || h.header == nil {
		return
	}
	s := h.win.Canvas().Size()
	if s.Width < 100 || s.Height < 100 {
		return
	}
	h.fyne.Preferences().SetFloat(prefWindowWidth, float64(s.Width))
	h.fyne.Preferences().SetFloat(prefWindowHeight, float64(s.Height))
}

// showAbout shows the version and what Hearth is (and isn't).
func showAbout(w fyne.Window, version string) {
	text := widget.NewLabel(lang.L("Hearth {{.Version}}", map[string]any{"Version": version}) + "\n\n" +
		lang.X("about.body", "A private companion for Compassion Focused Therapy practice. Everything you write is encrypted and stays on this computer.") + "\n\n" +
		lang.X("about.notTherapy", "Hearth is a practice companion, not therapy and not a crisis service."))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About Hearth"), lang.L("Close"), dialogBody(text, w, 420), w)
	d.Show()
}

// layoutSpacer is a flexible space for boxes.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
