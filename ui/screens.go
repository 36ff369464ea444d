package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources/critic"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/home"
	"github.com/hearth-app/hearth/ui/learn"
	"github.com/hearth-app/hearth/ui/pacer"
	"github.com/hearth-app/hearth/ui/practice"
	"github.com/hearth-app/hearth/ui/progress"
	"github.com/hearth-app/hearth/ui/settings"
	"github.com/hearth-app/hearth/ui/supportscreen"
)

// Sub-screens: shown in the body while the navigation stays on their parent.
const (
	subPacer = "pacer" // the breathing pacer, opened from Practice or Home
	subTimer = "timer" // the silent timer, opened from Practice
)

// Practices and exercises the shell opens by id.
const (
	shortBreathingID = "soothing-rhythm-breathing-short" // Home's "3-minute breathing"
	checkInID        = "three-circles-checkin"           // Home's "Check in"
)

// hosted adapts a screen from one of ui's subpackages (Content, Refresh, Stop and
// perhaps Focus) to the shell's screen and lifecycle interfaces.
type hosted struct {
	root   fyne.CanvasObject
	onShow func() // reload and take the keyboard
	onHide func() // stop sound and animation, save drafts
	flush  func() error
	// async is true when onShow loads data on a goroutine of the screen's own (see
	// App.noAsyncRefresh).
	async     bool
	skipAsync bool
	// value is the subpackage's own screen (for the shell's deep links).
	value any
}

func (s *hosted) content() fyne.CanvasObject { return s.root }
func (s *hosted) focus()                     {}
func (s *hosted) shown() {
	if s.onShow != nil && !(s.async && s.skipAsync) {
		s.onShow()
	}
}
func (s *hosted) hidden() {
	if s.onHide != nil {
		s.onHide()
	}
}

// kept returns the screen built for id since unlocking, building it with build the
// first time. It returns nil while locked.
func (h *App) kept(id string, build func(v *journal.Vault) *hosted) *hosted {
	if h.vault == nil || h.journal == nil {
		return nil
	}
	if s, ok := h.screens[id]; ok {
		return s
	}
	s := build(h.vault)
	s.skipAsync = h.noAsyncRefresh
	h.screens[id] = s
	return s
}

// asScreen turns a possibly nil *hosted into a screen (nil stays nil).
func asScreen(s *hosted) screen {
	if s == nil {
		return nil
	}
	return s
}

// dropScreens stops every screen built since unlocking and forgets them (at lock
// and quit, before the vault closes).
func (h *App) dropScreens() {
	for id, s := range h.screens {
		s.hidden()
		delete(h.screens, id)
	}
	if _, ok := h.current.(*hosted); ok {
		h.current = nil // already stopped above; show must not stop it again
	}
}

// flushAll saves the journal's open entry and any exercise draft. On failure the
// words stay where they are.
func (h *App) flushAll() error {
	if h.journal != nil {
		if err := h.journal.flush(); err != nil {
			return err
		}
	}
	for _, s := range h.screens {
		if s.flush != nil {
			if err := s.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// playing reports whether a practice is playing on the app's player (auto-lock
// waits for it). A screen playing silently on its own player is not seen here.
func (h *App) playing() bool {
	if h.player == nil {
		return false
	}
	return h.player.Status().State == audio.StatePlaying
}

// now is the shell clock's time, for the screens.
func (h *App) now() time.Time { return h.cfg.Clock.Now() }

// homeScreen builds Home: greeting, today's step, quick actions, recent things.
func (h *App) homeScreen() screen {
	return asScreen(h.kept(navHome, func(v *journal.Vault) *hosted {
		s := home.New(home.Config{Library: h.library(), Store: v, Prefs: h.fyne.Preferences(), Now: h.now, Background: h.cfg.Background, Actions: home.Actions{
			OnBreathe:       h.breatheNow,
			OnCheckIn:       func() { h.openExercise(checkInID) },
			OnWrite:         h.NewEntry,
			OnOpenPractice:  h.openPractice,
			OnOpenLesson:    h.openLesson,
			OnOpenPrompt:    h.openPrompt,
			OnOpenExercise:  h.openExercise,
			OnOpenProgramme: h.openProgramme,
			OnOpenRecord:    h.openRecord,
		}})
		return &hosted{root: s.Content(), onShow: s.Refresh, onHide: s.Stop, value: s}
	}))
}

// practiceScreen builds the practice library and player.
func (h *App) practiceScreen() screen {
	return asScreen(h.practice())
}

func (h *App) practice() *hosted {
	return h.kept(navPractice, func(v *journal.Vault) *hosted {
		s := practice.New(h.library(), h.player, h.noOutput, v, h.fyne.Preferences(), practice.Callbacks{
			OnOpenPacer:   func() { h.openSub(subPacer) },
			OnOpenTimer:   func() { h.openSub(subTimer) },
			OnOpenPrompt:  h.openPrompt,
			OnNeedSupport: h.offerSupport,
		})
		return &hosted{root: s.Content(), value: s,
			onShow: func() {
				s.Refresh()
				if h.win != nil {
					s.Focus(h.win.Canvas())
				}
			},
			onHide: s.Stop}
	})
}

// pacerConfig is what the pacer and the timer share.
func (h *App) pacerConfig(v *journal.Vault, practiceID string) pacer.Config {
	return pacer.Config{
		Player:        h.player,
		NoOutput:      h.noOutput,
		Store:         v,
		Practice:      h.library().Practice(practiceID),
		Prefs:         h.fyne.Preferences(),
		Now:           h.now,
		OnNeedSupport: h.offerSupport,
	}
}

// subScreen builds the pacer or the timer, framed with a way back to Practice.
func (h *App) subScreen(id string) *hosted {
	return h.kept(id, func(v *journal.Vault) *hosted {
		var (
			root          fyne.CanvasObject
			refresh, stop func()
		)
		switch id {
		case subPacer:
			s := pacer.New(h.pacerConfig(v, pacer.PacerID))
			root, refresh, stop = s.Content(), s.Refresh, s.Stop
		default:
			s := pacer.NewTimer(h.pacerConfig(v, pacer.TimerID))
			root, refresh, stop = s.Content(), s.Refresh, s.Stop
		}
		back := widget.NewButtonWithIcon(lang.L("All practices"), theme.NavigateBackIcon(), func() {
			h.touch()
			h.openNav(navPractice)
		})
		back.Importance = widget.LowImportance
		framed := container.NewBorder(container.NewPadded(container.NewHBox(back)), nil, nil, nil, root)
		return &hosted{root: framed, onShow: refresh, onHide: stop}
	})
}

// openSub shows the pacer or the timer, with Practice marked in the rail.
func (h *App) openSub(id string) {
	s := h.subScreen(id)
	if s == nil {
		return
	}
	h.navID = navPractice
	h.show(s)
}

// exerciseScreen builds the Exercises screen.
func (h *App) exerciseScreen() screen { return asScreen(h.exercises()) }

func (h *App) exercises() *hosted {
	return h.kept(navExercises, func(v *journal.Vault) *hosted {
		spotter, err := critic.New("en")
		if err != nil {
			spotter = nil // no critic notes; the forms work without them
		}
		s := exercise.New(h.library(), v, h.fyne.Preferences(), spotter, h.now)
		s.OnNeedSupport = h.offerSupport
		return &hosted{root: s.Content(), value: s, flush: s.Flush, async: true,
			onShow: func() {
				s.Refresh()
				if h.win != nil {
					s.Focus(h.win.Canvas())
				}
			},
			onHide: s.Stop}
	})
}

// learnScreen builds the Learn screen (lessons and the take-home programme).
func (h *App) learnScreen() screen { return asScreen(h.learn()) }

func (h *App) learn() *hosted {
	return h.kept(navLearn, func(v *journal.Vault) *hosted {
		s := learn.New(h.library(), v, h.fyne.Preferences(), h.now, learn.Navigation{
			OnOpenPractice: h.openPractice,
			OnOpenPrompt:   h.openPrompt,
			OnOpenExercise: h.openExercise,
		})
		return &hosted{root: s.Content(), onShow: s.Refresh, onHide: s.Stop, value: s, async: true}
	})
}

// progressScreen builds the Progress screen.
func (h *App) progressScreen() screen {
	return asScreen(h.kept(navProgress, func(v *journal.Vault) *hosted {
		s := progress.New(v, h.fyne.Preferences(), h.now)
		return &hosted{root: s.Content(), onShow: s.Refresh, value: s, async: true}
	}))
}

// settingsScreen builds the Settings screen.
func (h *App) settingsScreen() screen {
	return asScreen(h.kept(navSettings, func(v *journal.Vault) *hosted {
		s := settings.New(settings.Config{
			Vault:      v,
			Shell:      settingsShell{h},
			Prefs:      h.fyne.Preferences(),
			Player:     h.player,
			NoOutput:   func() error { return h.noOutput },
			DataDir:    h.cfg.DataDir,
			Version:    h.cfg.Version,
			Window:     h.win,
			Background: h.cfg.Background,
			Now:        h.now,
			OpenURL:    h.fyne.OpenURL,
		})
		return &hosted{root: s.Content(), onShow: s.Refresh, onHide: s.Stop, value: s}
	}))
}

// showSupport shows the full "Need support?" screen; its Back returns to where the
// user was. It works locked or unlocked.
func (h *App) showSupport() {
	if h.support == nil {
		h.support = supportscreen.New(supportscreen.Config{
			Library:   h.library(),
			Prefs:     h.fyne.Preferences(),
			Locale:    h.cfg.Locale,
			Now:       h.now,
			AfterFunc: h.cfg.Clock.AfterFunc,
			OnBack:    h.leaveSupport,
		})
	}
	if _, on := h.current.(*supportHost); on {
		return
	}
	h.beforeSupport, h.beforeSupportNavID = h.current, h.navID
	h.navID = ""
	h.show(&supportHost{s: h.support})
}

// leaveSupport goes back to the screen shown before the support screen.
func (h *App) leaveSupport() {
	prev, id := h.beforeSupport, h.beforeSupportNavID
	h.beforeSupport = nil
	switch {
	case prev == nil && h.isUnlocked():
		h.openNav(navHome)
	case prev == nil:
		h.showUnlock()
	default:
		if _, wasHosted := prev.(*hosted); wasHosted {
			if !h.isKept(prev) { // locked meanwhile: its vault is gone
				if h.isUnlocked() {
					h.openNav(navHome)
				} else {
					h.showUnlock()
				}
				return
			}
		}
		h.navID = id
		h.show(prev)
		prev.focus()
	}
}

// isKept reports whether s is one of the screens built since the last unlock.
func (h *App) isKept(s screen) bool {
	for _, k := range h.screens {
		if screen(k) == s {
			return true
		}
	}
	return false
}

// supportHost adapts the support screen to the shell.
type supportHost struct{ s *supportscreen.Screen }

func (sh *supportHost) content() fyne.CanvasObject { return sh.s.Content() }
func (sh *supportHost) focus()                     {}
func (sh *supportHost) shown()                     { sh.s.Refresh() }
func (sh *supportHost) hidden()                    { sh.s.Stop() }

// offerSupport gently offers the support screen after a very high distress rating:
// a quiet banner above the screen, never a dialog that interrupts.
func (h *App) offerSupport() {
	if _, on := h.current.(*supportHost); on {
		return
	}
	h.banner.show()
}

// breatheNow opens the short soothing-rhythm breathing at its three minutes.
func (h *App) breatheNow() {
	if h.library().Practice(shortBreathingID) == nil {
		h.openSub(subPacer)
		return
	}
	h.openPractice(shortBreathingID)
}

// openPractice shows the practice with that id in the player (or the pacer or
// timer for those kinds).
func (h *App) openPractice(id string) {
	p := h.practice()
	if p == nil {
		return
	}
	switch id {
	case pacer.PacerID:
		h.openSub(subPacer)
		return
	case pacer.TimerID:
		h.openSub(subTimer)
		return
	}
	h.openNav(navPractice)
	p.value.(*practice.Screen).OpenPractice(id)
}

// openExercise starts (or resumes) the exercise with that id.
func (h *App) openExercise(id string) {
	e := h.exercises()
	if e == nil {
		return
	}
	h.openNav(navExercises)
	if err := e.value.(*exercise.Screen).Open(id); err != nil {
		fyne.LogError("Hearth: opening an exercise", err)
	}
}

// openLesson shows a lesson on the Learn screen.
func (h *App) openLesson(id string) {
	l := h.learn()
	if l == nil {
		return
	}
	h.openNav(navLearn)
	l.value.(*learn.Screen).OpenLesson(id)
}

// openProgramme shows the take-home programme on the Learn screen.
func (h *App) openProgramme() {
	l := h.learn()
	if l == nil {
		return
	}
	h.openNav(navLearn)
	l.value.(*learn.Screen).ShowProgramme()
}

// openPrompt starts a journal entry answering a writing prompt.
func (h *App) openPrompt(promptID string) { h.WriteFromPrompt(promptID) }

// openRecord opens a record from Home: a journal entry in the journal, an exercise
// in the Exercises screen, a practice session in its practice.
func (h *App) openRecord(r journal.Record) {
	switch {
	case r.Kind == journal.KindEntry:
		h.OpenRecord(r.ID)
	case r.Kind == journal.KindPracticeSession:
		if id := r.Meta["practice_id"]; id != "" {
			h.openPractice(id)
		}
	default:
		e := h.exercises()
		if e == nil {
			return
		}
		h.openNav(navExercises)
		if err := e.value.(*exercise.Screen).OpenRecord(r.ID); err != nil {
			fyne.LogError("Hearth: opening a saved exercise", err)
		}
	}
}

// libraryChanged reloads the content after a pack was imported or removed, and
// hands it to the screens that can take it; the others are rebuilt when next opened.
func (h *App) libraryChanged() {
	h.lib = nil
	lib := h.library()
	for id, s := range h.screens {
		switch v := s.value.(type) {
		case *practice.Screen:
			v.SetLibrary(lib)
		case *learn.Screen:
			v.SetLibrary(lib)
		case *settings.Screen:
		default:
			if screen(s) != h.current {
				s.hidden()
				delete(h.screens, id)
			}
		}
	}
	if h.support != nil {
		h.support.SetLibrary(lib)
	}
}

// settingsShell gives the Settings screen the shell's own preferences.
type settingsShell struct{ h *App }

func (s settingsShell) Appearance() string { return string(s.h.appearance()) }
func (s settingsShell) SetAppearance(a string) {
	s.h.fyne.Preferences().SetString(prefAppearance, a)
	s.h.applyTheme()
	s.h.refreshMenu()
}
func (s settingsShell) TextScale() float32 { return s.h.textScale() }
func (s settingsShell) SetTextScale(f float32) {
	s.h.setTextScale(f)
}
func (s settingsShell) AutoLockMinutes() int {
	return s.h.fyne.Preferences().IntWithFallback(prefAutoLockMins, defaultAutoLock)
}
func (s settingsShell) SetAutoLockMinutes(m int) {
	s.h.fyne.Preferences().SetInt(prefAutoLockMins, m)
	s.h.refreshMenu()
}
func (s settingsShell) PassphraseNote(p string) (string, bool) {
	st, _ := EstimateStrength(p)
	msg, _ := strengthMessage(st, p == "")
	return msg, st != StrengthTooShort
}
func (s settingsShell) LibraryChanged()  { s.h.libraryChanged() }
func (s settingsShell) ReminderChanged() { s.h.startReminder() }

// refreshMenu rebuilds the main menu so its ticks match the preferences.
func (h *App) refreshMenu() {
	if h.win != nil {
		h.win.SetMainMenu(h.mainMenu())
	}
}

// startReminder (re)arms the optional daily reminder and, where it is safe, the
// tray icon that goes with it.
func (h *App) startReminder() {
	if h.reminder == nil {
		h.reminder = settings.NewReminder(h.fyne, h.now, h.cfg.Clock.AfterFunc)
	}
	h.reminder.Arm()
	if h.reminder.Enabled() {
		h.setUpTray()
	}
}

// Places that Open accepts, besides the navigation ids.
const (
	PlaceSupport = "support" // the "Need support?" screen
	PlacePacer   = subPacer  // the breathing pacer
	PlaceTimer   = subTimer  // the silent timer
)

// Open shows a place by name: "home", "practice", "journal", "exercises", "learn",
// "progress", "settings" (while unlocked), PlacePacer, PlaceTimer or PlaceSupport.
// It reports whether that place could be shown. Tools such as cmd/shots use it.
func (h *App) Open(place string) bool {
	switch place {
	case PlaceSupport:
		h.showSupport()
		return true
	case PlacePacer, PlaceTimer:
		h.openSub(place)
	default:
		h.openNav(place)
		return h.navID == place
	}
	_, ok := h.screens[place]
	return ok && h.isUnlocked()
}

// OpenPractice shows the practice with that ID in the player (while unlocked).
func (h *App) OpenPractice(id string) { h.openPractice(id) }
