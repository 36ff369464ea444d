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

// navItem is one place in the app's navigation, shown in the side rail while
// unlocked and on the Go menu with a Ctrl+digit shortcut.
type navItem struct {
	id    string
	label string
	icon  fyne.Resource
	key   fyne.KeyName        // Ctrl+key opens it
	build func(h *App) screen // builds (or returns the kept) screen to show
}

// Navigation ids.
const (
	navHome      = "home"
	navPractice  = "practice"
	navJournal   = "journal"
	navExercises = "exercises"
	navLearn     = "learn"
	navProgress  = "progress"
	navSettings  = "settings"
)

// navItems lists the navigation while unlocked, in order.
func navItems() []navItem {
	return []navItem{
		{id: navHome, label: lang.L("Home"), icon: theme.HomeIcon(), key: fyne.Key1, build: (*App).homeScreen},
		{id: navPractice, label: lang.L("Practice"), icon: theme.MediaPlayIcon(), key: fyne.Key2, build: (*App).practiceScreen},
		{id: navJournal, label: lang.L("Journal"), icon: theme.DocumentCreateIcon(), key: fyne.Key3,
			build: func(h *App) screen {
				if h.journal == nil {
					return nil
				}
				return h.journal
			}},
		{id: navExercises, label: lang.L("Exercises"), icon: theme.ListIcon(), key: fyne.Key4, build: (*App).exerciseScreen},
		{id: navLearn, label: lang.L("Learn"), icon: theme.QuestionIcon(), key: fyne.Key5, build: (*App).learnScreen},
		{id: navProgress, label: lang.L("Progress"), icon: theme.CalendarIcon(), key: fyne.Key6, build: (*App).progressScreen},
		{id: navSettings, label: lang.L("Settings"), icon: theme.SettingsIcon(), key: fyne.Key7, build: (*App).settingsScreen},
	}
}

// openNav shows the navigation item id (only while unlocked).
func (h *App) openNav(id string) {
	if !h.isUnlocked() {
		return
	}
	for _, it := range navItems() {
		if it.id == id {
			if s := it.build(h); s != nil {
				h.navID = id
				h.show(s)
				s.focus()
			}
			return
		}
	}
}

// header is the bar at the top of every screen: Hearth's mark and name, "Need
// support?" and Lock.
type header struct {
	app     *App
	root    fyne.CanvasObject
	support *widget.Button
	lock    *widget.Button
}

func newHeader(h *App) *header {
	hd := &header{app: h}
	name := widget.NewLabelWithStyle(lang.L("Hearth"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	mark := newEmber()
	hd.support = widget.NewButtonWithIcon(lang.L("Need support?"), theme.InfoIcon(), func() {
		h.touch()
		h.showSupport()
	})
	hd.support.Importance = widget.LowImportance
	hd.lock = widget.NewButtonWithIcon(lang.L("Lock"), theme.LoginIcon(), func() { h.Lock() })
	hd.lock.Importance = widget.LowImportance
	bar := container.NewHBox(mark, name, layout.NewSpacer(), hd.support, hd.lock)
	bg := newSurface()
	hd.root = container.NewVBox(container.NewStack(bg, container.New(paddedLayout{p: theme.Padding() * 2}, bar)), widget.NewSeparator())
	return hd
}

// update shows Lock only while unlocked.
func (hd *header) update() {
	if hd.app.isUnlocked() {
		hd.lock.Show()
	} else {
		hd.lock.Hide()
	}
}

// rail is the calm column of places at the left while unlocked.
type rail struct {
	app     *App
	root    *fyne.Container
	buttons map[string]*widget.Button
}

func newRail(h *App) *rail {
	r := &rail{app: h, buttons: map[string]*widget.Button{}}
	col := container.NewVBox()
	for _, it := range navItems() {
		b := widget.NewButtonWithIcon(it.label, it.icon, func() { h.touch(); h.openNav(it.id) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		r.buttons[it.id] = b
		col.Add(b)
	}
	bg := newSurface()
	r.root = container.NewStack(bg, container.NewHBox(
		container.New(paddedLayout{p: theme.Padding() * 2}, col), widget.NewSeparator()))
	r.root.Hide()
	return r
}

// update shows the rail while unlocked and marks where the user is.
func (r *rail) update() {
	if !r.app.isUnlocked() {
		r.root.Hide()
		return
	}
	for id, b := range r.buttons {
		want := widget.LowImportance
		if id == r.app.navID {
			want = widget.HighImportance // where you are
		}
		if b.Importance != want {
			b.Importance = want
			b.Refresh()
		}
	}
	r.root.Show()
}

// banner is a quiet strip above the screen that gently offers support after a very
// high distress rating. It never blocks anything and goes away on its own when the
// user moves on.
type banner struct {
	root *fyne.Container
}

func newBanner(h *App) *banner {
	text := newParagraph(lang.X("support.offer", "That sounds really hard. If you'd like some support, it's one click away."))
	open := widget.NewButton(lang.L("Open support"), func() { h.touch(); h.showSupport() })
	open.Importance = widget.HighImportance
	b := &banner{}
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { h.touch(); b.hide() })
	dismiss.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, container.NewCenter(newEmber()), container.NewHBox(container.NewCenter(open), container.NewCenter(dismiss)), text)
	b.root = container.NewVBox(container.NewStack(newSurface(), container.New(paddedLayout{p: theme.Padding() * 2}, row)), widget.NewSeparator())
	b.root.Hide()
	return b
}

func (b *banner) show() { b.root.Show() }
func (b *banner) hide() {
	if b.root.Visible() {
		b.root.Hide()
	}
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

	support := fyne.NewMenuItem(lang.L("Need support?"), h.showSupport)
	about := fyne.NewMenuItem(lang.L("About Hearth"), func() { showAbout(h.win, h.cfg.Version) })

	var places []*fyne.MenuItem
	for _, it := range navItems() {
		mi := fyne.NewMenuItem(it.label, func() { h.touch(); h.openNav(it.id) })
		mi.Icon = it.icon
		mi.Shortcut = shortcut(it.key)
		places = append(places, mi)
	}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Journal"), newEntry, lock, autoLock, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(lang.L("Go"), places...),
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
