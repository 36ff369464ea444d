// Package ui is Hearth's desktop interface on Fyne: the window shell and navigation,
// the theme, first run, unlock and the journal screen.
//
// It holds no storage logic of its own: everything the user writes goes through the
// journal package. The caller makes the fyne.App (app.NewWithID in cmd/hearth; tests use
// test.NewTempApp) and passes it to Start with a Config.
//
// All user-facing text goes through Fyne's lang package; English lives in
// translations/en.json and another language is one more file there.
package ui

import (
	"embed"
	"errors"
	"fmt"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/home"
	"github.com/hearth-app/hearth/ui/learn"
	"github.com/hearth-app/hearth/ui/pacer"
	"github.com/hearth-app/hearth/ui/practice"
	"github.com/hearth-app/hearth/ui/progress"
	"github.com/hearth-app/hearth/ui/settings"
	"github.com/hearth-app/hearth/ui/supportscreen"
)

//go:embed translations
var translations embed.FS

// screen is one page of the app shown in the shell's body.
type screen interface {
	// content is the screen's root object.
	content() fyne.CanvasObject
	// focus puts the keyboard focus where the user would start (may do nothing).
	focus()
}

// lifecycle is implemented by screens that load data when shown and must stop
// (sound, animation, drafts) when hidden: the screens of ui's subpackages.
type lifecycle interface {
	shown()  // the screen was put on show: reload, take the keyboard
	hidden() // the screen left the window (navigation, lock, quit)
}

// App is the running desktop app: the main window, the open vault (when unlocked) and
// the screen on show. All methods must be called on the UI goroutine.
type App struct {
	fyne fyne.App
	cfg  Config
	win  fyne.Window

	release func() error   // the data folder's instance lock
	vault   *journal.Vault // nil while locked
	exitErr error          // why the app could not start, if it could not

	header  *header
	rail    *rail
	banner  *banner
	body    *fyne.Container
	current screen
	navID   string         // the navigation item on show while unlocked
	journal *journalScreen // the journal while unlocked

	// Screens of the subpackages, built when first opened after unlocking and
	// dropped at lock (they hold the vault). Keyed by navigation or sub-screen id.
	screens map[string]*hosted
	// support is the "Need support?" screen; it needs no vault, so it stays.
	support *supportscreen.Screen
	// beforeSupport is what the support screen's Back returns to.
	beforeSupport      screen
	beforeSupportNavID string

	lib      *resources.Library // loaded on first use
	player   audio.Player       // Config.Player or a silent one
	noOutput error              // why there is no sound, or nil
	reminder *settings.Reminder
	trayOn   bool

	// noAsyncRefresh leaves out the Refresh of screens that load on goroutines of
	// their own. Only tests set it: Fyne's test driver runs fyne.Do on the calling
	// goroutine, so such a load would race with the test itself.
	noAsyncRefresh bool

	lastActivity time.Time
	stopIdle     func()
	stopped      bool
}

// Start opens Hearth's window on a: the first-run welcome when the data folder has no
// vault, else the unlock screen. When another Hearth holds the folder it shows a small
// "Hearth is already open" window instead. Start never blocks; run the app afterwards,
// and call Shutdown once Run has returned (on the same goroutine) to save drafts and
// close the vault however the app was stopped (Quit, the last window, SIGINT).
func Start(a fyne.App, cfg Config) *App {
	registerTranslations()
	h := &App{fyne: a, cfg: cfg.withDefaults(), screens: map[string]*hosted{}}
	h.applyTheme()

	release, err := journal.LockDir(h.cfg.DataDir)
	if err != nil {
		h.exitErr = fmt.Errorf("lock data folder: %w", err)
		h.showStartProblem(err)
		return h
	}
	h.release = release

	h.win = a.NewWindow(lang.L("Hearth"))
	h.win.SetMaster()
	h.win.SetPadded(false)
	h.win.Resize(h.savedWindowSize())
	h.header = newHeader(h)
	h.rail = newRail(h)
	h.banner = newBanner(h)
	h.body = container.NewStack()
	h.win.SetContent(container.NewStack(
		newActivityCatcher(h.touch),
		container.NewBorder(h.header.root, nil, h.rail.root, nil,
			container.NewBorder(h.banner.root, nil, nil, nil, h.body)),
	))
	h.win.SetMainMenu(h.mainMenu())
	h.addCanvasShortcuts()
	h.win.SetCloseIntercept(h.closeWindow)
	// No OnStopped: Fyne runs it on a goroutine of its own once its loop has ended
	// (after SIGINT, for example), where saving the open entry would touch widgets
	// off the UI goroutine. The caller calls Shutdown after Run returns instead.
	// Save whenever Hearth leaves the foreground too: it keeps words safe when the
	// user switches windows, and Fyne's own SIGINT/SIGTERM handler quits on the UI
	// goroutine through it, so little is left for Shutdown to save.
	a.Lifecycle().SetOnExitedForeground(func() {
		if !h.stopped {
			if err := h.flushAll(); err != nil {
				fyne.LogError("Hearth: saving when leaving the foreground", err)
			}
		}
	})

	exists, err := journal.Exists(h.cfg.DataDir)
	switch {
	case err != nil:
		h.showFatal(err)
	case exists:
		h.showUnlock()
	default:
		h.show(newWelcomeScreen(h))
	}
	h.win.Show()
	h.current.focus()
	h.setUpAudio()
	h.startReminder()
	return h
}

// registerTranslations adds the English strings of the shell and of every screen.
func registerTranslations() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("Hearth translations", err)
	}
	for _, reg := range []func() error{
		progress.RegisterTranslations, practice.RegisterTranslations, pacer.RegisterTranslations,
		exercise.RegisterTranslations, learn.RegisterTranslations, home.RegisterTranslations,
		settings.RegisterTranslations, supportscreen.RegisterTranslations,
	} {
		if err := reg(); err != nil {
			fyne.LogError("Hearth translations", err)
		}
	}
}

// setUpAudio picks the player and probes the sound output off the UI goroutine
// (opening a sound card can take a moment, and there may be none).
func (h *App) setUpAudio() {
	h.player = h.cfg.Player
	if h.player == nil {
		h.player = audio.NewSilentPlayer()
		h.noOutput = audio.ErrNoOutput
		return
	}
	if h.cfg.ProbeAudio == nil {
		return
	}
	probe := h.cfg.ProbeAudio
	var err error
	h.cfg.Background(func() { err = probe() }, func() { h.noOutput = err })
}

// library is the content library, loaded on first use (about 15 ms). When it can't
// be loaded (a damaged install) the built-in content alone is used.
func (h *App) library() *resources.Library {
	if h.lib != nil {
		return h.lib
	}
	lib, err := h.cfg.LoadLibrary()
	if err != nil {
		fyne.LogError("Hearth: loading the content library", err)
		if b, berr := resources.Builtin(); berr == nil {
			lib = resources.NewLibrary(b)
		} else {
			lib = resources.NewLibrary()
		}
	}
	h.lib = lib
	return lib
}

// Window is the main window, or the small "already open" window when another Hearth
// held the data folder.
func (h *App) Window() fyne.Window { return h.win }

// Err reports why Start could not open the journal window (for example an error
// matching journal.ErrLocked), or nil.
func (h *App) Err() error { return h.exitErr }

// show puts s in the body of the window. The screen leaving is told it is hidden
// (the journal saves), and the new one that it is shown.
func (h *App) show(s screen) {
	if h.win != nil {
		// Let go of the old page's focus: a focused field that left the window would
		// keep its cursor blinking (and the CPU busy) unseen.
		h.win.Canvas().Unfocus()
	}
	if old := h.current; old != nil && old != s {
		if lc, ok := old.(lifecycle); ok {
			lc.hidden()
		}
		if js, ok := old.(*journalScreen); ok && js == h.journal {
			_ = js.flush() // a failure shows in its status line; the words stay
		}
	}
	h.current = s
	h.body.Objects = []fyne.CanvasObject{s.content()}
	h.body.Refresh()
	h.banner.hide()
	h.header.update()
	h.rail.update()
	if lc, ok := s.(lifecycle); ok {
		lc.shown()
	}
}

// showUnlock shows the unlock screen.
func (h *App) showUnlock() {
	h.show(newUnlockScreen(h))
}

// unlocked is called with a freshly opened vault: it shows the journal and starts the
// idle timer. (Open already decrypted the records into the vault's index, so listing
// them for the journal is a quick in-memory read.)
func (h *App) unlocked(v *journal.Vault) {
	if h.stopped { // Hearth quit while the key was being derived
		if err := v.Close(); err != nil {
			fyne.LogError("Hearth: closing the vault", err)
		}
		return
	}
	_, firstRun := h.current.(*welcomeScreen)
	h.vault = v
	h.journal = newJournalScreen(h, v)
	if firstRun {
		h.openNav(navJournal) // "Continue to my journal": the invitation to write
	} else {
		h.openNav(navHome)
	}
	h.touch()
	h.armIdleCheck()
}

// isUnlocked reports whether the journal is open and on show (the vault is also open,
// but the journal not yet shown, while a new user reads the recovery code).
func (h *App) isUnlocked() bool { return h.journal != nil }

// Lock saves the open entry, closes the vault and shows the unlock screen. If the
// entry cannot be saved it stays unlocked and says so, so no words are lost.
func (h *App) Lock() { h.lock(false) }

// lock is Lock; auto is true for the idle timer, which leaves a failed save to the
// editor's status line instead of opening a dialog every time it tries.
func (h *App) lock(auto bool) {
	if h.journal == nil {
		return // nothing to lock, or a new user is still reading the recovery code
	}
	if err := h.flushAll(); err != nil {
		if auto {
			return
		}
		dialog.ShowInformation(lang.L("Your words aren't saved yet"),
			lang.L("Hearth couldn't save your latest words, so it stayed unlocked. Your text is still in the editor.")+
				"\n\n"+saveErrorMessage(err), h.win)
		return
	}
	h.closeVault()
	h.showUnlock()
	h.current.focus()
}

// closeVault stops the journal's timers and closes the vault.
func (h *App) closeVault() {
	if h.stopIdle != nil {
		h.stopIdle()
		h.stopIdle = nil
	}
	h.dropScreens()
	if h.journal != nil {
		h.journal.stop()
		h.journal = nil
	}
	h.navID = ""
	if h.vault != nil {
		if err := h.vault.Close(); err != nil {
			fyne.LogError("Hearth: closing the vault", err)
		}
		h.vault = nil
	}
}

// NewEntry starts a new journal entry (when unlocked).
func (h *App) NewEntry() {
	if h.journal != nil {
		h.touch()
		if h.navID != navJournal {
			h.openNav(navJournal)
		}
		h.journal.newEntry()
	}
}

// Shutdown saves the open entry, closes the vault and releases the data folder. It is
// safe to call more than once; the app calls it when it stops (quit, last window
// closed, SIGINT).
func (h *App) Shutdown() {
	if h.stopped {
		return
	}
	h.stopped = true
	if h.journal != nil {
		if err := h.flushAll(); err != nil {
			fyne.LogError("Hearth: saving the open entry at quit", err)
		}
	}
	h.saveWindowSize()
	h.closeVault()
	if h.support != nil {
		h.support.Stop()
	}
	if h.reminder != nil {
		h.reminder.Stop()
	}
	if h.player != nil && h.cfg.Player == nil {
		_ = h.player.Close() // our own silent player; the caller closes its own
	}
	if h.release != nil {
		if err := h.release(); err != nil {
			fyne.LogError("Hearth: releasing the data folder", err)
		}
		h.release = nil
	}
}

// Quit saves, closes the vault and quits the app.
func (h *App) Quit() {
	h.Shutdown()
	h.fyne.Quit()
}

// closeWindow handles the user closing the main window: save first; if that fails,
// ask before closing.
func (h *App) closeWindow() {
	if h.journal != nil {
		if err := h.flushAll(); err != nil {
			dialog.ShowConfirm(lang.L("Your words aren't saved yet"),
				saveErrorMessage(err)+"\n\n"+lang.L("Close Hearth anyway? The unsaved words will be lost."),
				func(closeAnyway bool) {
					if closeAnyway {
						h.journal.discard()
						h.Quit()
					}
				}, h.win)
			return
		}
	}
	h.Quit()
}

// touch records user activity for auto-lock.
func (h *App) touch() { h.lastActivity = h.cfg.Clock.Now() }

// autoLockAfter is the idle time after which the journal locks itself.
func (h *App) autoLockAfter() time.Duration {
	m := h.fyne.Preferences().IntWithFallback(prefAutoLockMins, defaultAutoLock)
	if m <= 0 {
		m = defaultAutoLock
	}
	return time.Duration(m) * time.Minute
}

// armIdleCheck schedules the next auto-lock check. It checks a few times per idle
// period rather than on every key press, so typing costs nothing.
func (h *App) armIdleCheck() {
	limit := h.autoLockAfter()
	every := min(limit/4, 30*time.Second)
	h.stopIdle = h.cfg.Clock.AfterFunc(every, func() {
		h.stopIdle = nil
		if !h.isUnlocked() {
			return
		}
		if h.playing() {
			h.touch() // a long practice playing on its own is not idleness
		}
		if h.cfg.Clock.Now().Sub(h.lastActivity) >= limit {
			h.lock(true)
			if h.isUnlocked() { // the save failed: try again later
				h.armIdleCheck()
			}
			return
		}
		h.armIdleCheck()
	})
}

// showStartProblem shows a small window when the data folder can't be used, most
// often because another Hearth already has it open.
func (h *App) showStartProblem(err error) {
	w := h.fyne.NewWindow(lang.L("Hearth"))
	title := lang.L("Hearth is already open")
	msg := lang.L("Look for its window: only one Hearth can use your journal at a time, so nothing gets mixed up.")
	if !errors.Is(err, journal.ErrLocked) {
		title = lang.L("Hearth can't open its folder")
		msg = lang.L("Hearth couldn't use its data folder:") + "\n" + h.cfg.DataDir + "\n\n" + err.Error()
	}
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	text := newParagraph(msg)
	ok := widget.NewButton(lang.L("OK"), func() {
		w.Close()
		h.fyne.Quit()
	})
	ok.Importance = widget.HighImportance
	body := container.NewVBox(
		container.NewHBox(newEmber(), heading),
		text,
		container.NewHBox(layoutSpacer(), ok),
	)
	w.SetContent(container.New(paddedLayout{p: theme.Padding() * 3}, body))
	w.Resize(fyne.NewSize(440, 200))
	w.SetFixedSize(true)
	w.CenterOnScreen()
	w.SetMaster()
	w.Canvas().Focus(ok) // Space closes it
	h.win = w
	w.Show()
}

// showFatal replaces the body with a calm message about an error Hearth can't work
// around (for example a data folder it can't read).
func (h *App) showFatal(err error) {
	h.show(newMessageScreen(lang.L("Something stopped Hearth from opening your journal"), describeVaultError(err, h.cfg.DataDir)))
}

// addCanvasShortcuts adds the shortcuts that work when no field has focus. The same
// shortcuts sit on main-menu items, which fire even while typing in a field.
func (h *App) addCanvasShortcuts() {
	c := h.win.Canvas()
	c.AddShortcut(shortcut(fyne.KeyL), func(fyne.Shortcut) { h.Lock() })
	c.AddShortcut(shortcut(fyne.KeyN), func(fyne.Shortcut) { h.NewEntry() })
	for _, it := range navItems() {
		c.AddShortcut(shortcut(it.key), func(fyne.Shortcut) { h.touch(); h.openNav(it.id) })
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		h.touch()
		if ev.Name == fyne.KeyEscape {
			h.dismissDialog()
		}
	})
	c.SetOnTypedRune(func(rune) { h.touch() })
}

// shortcut is Ctrl (Cmd on macOS) + key.
func shortcut(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// focus gives obj the keyboard focus once the current event is handled. Deferring
// matters: a page opened by pressing Space on a button would otherwise receive that
// same Space as typed text.
func (h *App) focus(obj fyne.Focusable) {
	fyne.Do(func() {
		if h.win != nil && !h.stopped {
			h.win.Canvas().Focus(obj)
		}
	})
}

// setUpTray puts Hearth's icon in the system tray with "Breathe now" and "Open",
// once, when the app is a desktop app and the caller said a tray is safe.
func (h *App) setUpTray() {
	desk, ok := h.fyne.(desktop.App)
	if !ok || !h.cfg.TrayAllowed || h.trayOn || h.win == nil {
		return
	}
	h.trayOn = true
	open := fyne.NewMenuItem(lang.L("Open Hearth"), func() { h.win.Show(); h.win.RequestFocus() })
	breathe := fyne.NewMenuItem(lang.L("Breathe now"), func() {
		h.win.Show()
		h.win.RequestFocus()
		if h.isUnlocked() {
			h.breatheNow()
		}
	})
	desk.SetSystemTrayIcon(Icon())
	desk.SetSystemTrayMenu(fyne.NewMenu(lang.L("Hearth"), breathe, open))
}

// dismissDialog closes the dialog on top of the window the gentle way, as Escape
// does in most apps (Fyne's dialogs don't listen for it): it presses the dialog's
// only button, or the first one that is not its highlighted or dangerous choice
// ("Cancel", "Keep it", "Close"), so the dialog's own callback runs.
func (h *App) dismissDialog() {
	if h.win == nil {
		return
	}
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	var buttons []*widget.Button
	walkObjects(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && !b.Disabled() {
			buttons = append(buttons, b)
		}
	})
	if len(buttons) == 1 {
		buttons[0].OnTapped()
		return
	}
	for _, b := range buttons {
		if b.Importance != widget.HighImportance && b.Importance != widget.DangerImportance && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
}

// walkObjects visits o and the objects inside its containers and pop-ups (enough
// to reach a dialog's buttons).
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, f)
		}
	case *widget.PopUp:
		walkObjects(x.Content, f)
	default:
		// Fyne wraps overlays in an internal container whose exported Content field
		// holds the dialog; reflection reaches it without depending on the type.
		v := reflect.ValueOf(o)
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if c := v.Elem().FieldByName("Content"); c.IsValid() && c.CanInterface() {
				if inner, ok := c.Interface().(fyne.CanvasObject); ok && inner != nil {
					walkObjects(inner, f)
				}
			}
		}
	}
}
