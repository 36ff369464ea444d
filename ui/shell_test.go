package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/home"
	"github.com/hearth-app/hearth/ui/learn"
	"github.com/hearth-app/hearth/ui/practice"
	"github.com/hearth-app/hearth/ui/progress"
	"github.com/hearth-app/hearth/ui/settings"
	"github.com/hearth-app/hearth/ui/supportscreen"
)

// homeScreen fails unless Home is on show.
func (hs *harness) homeScreen() *home.Screen {
	hs.t.Helper()
	return hs.hostedValue(navHome).(*home.Screen)
}

// hostedValue is the subpackage screen on show, which must be the one kept for id.
func (hs *harness) hostedValue(id string) any {
	hs.t.Helper()
	s, ok := hs.h.current.(*hosted)
	if !ok || hs.h.screens[id] != s {
		hs.t.Fatalf("showing %T (nav %q), want the %s screen", hs.h.current, hs.h.navID, id)
	}
	return s.value
}

func TestNavigationShowsEachScreen(t *testing.T) {
	hs := startUnlocked(t)
	tests := []struct {
		id   string
		want func(any) bool
	}{
		{navHome, func(v any) bool { _, ok := v.(*home.Screen); return ok }},
		{navPractice, func(v any) bool { _, ok := v.(*practice.Screen); return ok }},
		{navExercises, func(v any) bool { _, ok := v.(*exercise.Screen); return ok }},
		{navLearn, func(v any) bool { _, ok := v.(*learn.Screen); return ok }},
		{navProgress, func(v any) bool { _, ok := v.(*progress.Screen); return ok }},
		{navSettings, func(v any) bool { _, ok := v.(*settings.Screen); return ok }},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			test.Tap(hs.h.rail.buttons[tt.id])
			if hs.h.navID != tt.id {
				t.Fatalf("navID = %q", hs.h.navID)
			}
			if v := hs.hostedValue(tt.id); !tt.want(v) {
				t.Errorf("screen value %T", v)
			}
		})
	}
	test.Tap(hs.h.rail.buttons[navJournal])
	hs.journalScreen()
}

func TestShortcutsAndMenuOpenScreens(t *testing.T) {
	hs := startUnlocked(t)
	for i, it := range navItems() {
		hs.menuItem(it.key).Action()
		if hs.h.navID != it.id {
			t.Errorf("menu item %d (%s): nav = %q", i+1, it.key, hs.h.navID)
		}
	}
	// Fyne's test canvas has no shortcut handling: the Xvfb smoke test presses
	// Ctrl+1…7 in the real app.
}

func TestLockDropsScreens(t *testing.T) {
	hs := startUnlocked(t)
	for _, id := range []string{navHome, navPractice, navExercises, navLearn, navProgress, navSettings} {
		hs.h.openNav(id)
	}
	hs.h.openSub(subPacer)
	if len(hs.h.screens) != 7 {
		t.Fatalf("%d screens kept, want 7", len(hs.h.screens))
	}
	test.Tap(hs.h.header.lock)
	hs.unlockScreen()
	if len(hs.h.screens) != 0 || hs.h.journal != nil || hs.h.vault != nil {
		t.Errorf("after lock: %d screens, journal %v, vault %v", len(hs.h.screens), hs.h.journal != nil, hs.h.vault != nil)
	}
	if hs.h.rail.root.Visible() {
		t.Error("the navigation is visible while locked")
	}
	// Navigation does nothing while locked.
	hs.h.openNav(navSettings)
	hs.unlockScreen()
	// Unlocking again builds fresh screens.
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	hs.homeScreen()
}

func TestExerciseDraftSavedAtLock(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.openExercise(checkInID)
	if hs.h.navID != navExercises {
		t.Fatalf("nav = %q", hs.h.navID)
	}
	hs.h.Lock()
	hs.unlockScreen()
}

func TestHomeQuickActions(t *testing.T) {
	hs := startUnlocked(t)
	// "3-minute breathing" opens this practice in the player (the player loads it on
	// a goroutine of its own, which Fyne's test driver can't run safely, so the tap
	// itself is tested in ui/home and by cmd/shots).
	if p := hs.h.library().Practice(shortBreathingID); p == nil || p.DefaultLength != 3 {
		t.Fatalf("practice %q: %+v, want one whose default length is 3 minutes", shortBreathingID, p)
	}
	hs.h.openNav(navHome)
	test.Tap(hs.button("Check in"))
	if hs.h.navID != navExercises {
		t.Errorf("Check in: nav = %q", hs.h.navID)
	}
	hs.h.openNav(navHome)
	test.Tap(hs.button("Write"))
	js := hs.journalScreen()
	if !js.split.Visible() {
		t.Error("Write did not open the editor")
	}
}

func TestHomeListsRecentAndWelcomesBack(t *testing.T) {
	hs := startUnlocked(t)
	if _, err := hs.h.vault.Create(journal.Record{Kind: journal.KindEntry, Title: "A walk by the river"}); err != nil {
		t.Fatal(err)
	}
	hs.h.openNav(navHome)
	if got := hs.texts(); !strings.Contains(got, "A walk by the river") || strings.Contains(got, "Welcome back") {
		t.Errorf("Home right after writing:\n%s", got)
	}
	hs.app.Preferences().SetInt(prefAutoLockMins, 10*24*60) // stay unlocked while days pass
	hs.clock.Advance(time.Minute)
	hs.clock.Advance(5 * 24 * time.Hour)
	if !hs.h.isUnlocked() {
		t.Fatal("locked while the days passed")
	}
	hs.h.openNav(navJournal)
	hs.h.openNav(navHome)
	if got := hs.texts(); !strings.Contains(got, "Welcome back") || strings.Contains(got, "missed") {
		t.Errorf("Home after five quiet days:\n%s", got)
	}
	var row *widget.Button
	walk(hs.h.win.Canvas().Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "A walk by the river") {
			row = b
		}
	})
	if row == nil {
		t.Fatal("no row for the recent entry")
	}
	test.Tap(row)
	hs.journalScreen()
}

func TestSupportFromHeaderAndBack(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.openNav(navProgress)
	test.Tap(hs.h.header.support)
	if _, ok := hs.h.current.(*supportHost); !ok {
		t.Fatalf("showing %T, want the support screen", hs.h.current)
	}
	got := hs.texts()
	for _, want := range []string{"isn't therapy", "If you are in danger right now", "If you need someone to talk to", "Find A Helpline", "Five senses grounding"} {
		if !strings.Contains(got, want) {
			t.Errorf("support screen lacks %q", want)
		}
	}
	test.Tap(hs.button("Back"))
	if hs.h.navID != navProgress {
		t.Errorf("Back returned to %q, want progress", hs.h.navID)
	}
}

func TestSupportWhileLocked(t *testing.T) {
	dir, _ := makeVault(t, testPass)
	hs := start(t, dir)
	test.Tap(hs.h.header.support)
	if _, ok := hs.h.current.(*supportHost); !ok {
		t.Fatalf("showing %T, want the support screen", hs.h.current)
	}
	test.Tap(hs.button("Back"))
	hs.unlockScreen()
}

func TestHighRatingOffersSupport(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.openNav(navPractice)
	hs.h.offerSupport() // what the practice, pacer and exercise screens call
	if !hs.h.banner.root.Visible() {
		t.Fatal("no support banner after a high rating")
	}
	if hs.h.navID != navPractice {
		t.Error("the offer took the user away from the practice")
	}
	test.Tap(hs.button("Open support"))
	if _, ok := hs.h.current.(*supportHost); !ok {
		t.Fatalf("showing %T, want the support screen", hs.h.current)
	}
	if hs.h.banner.root.Visible() {
		t.Error("the banner stays on the support screen")
	}
}

func TestSupportCountryAndOwnNumberPersist(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.showSupport()
	s := hs.h.support
	s.SetCountry("IE")
	lines := s.Helplines()
	if len(lines) == 0 || lines[0].Country != "IE" {
		t.Fatalf("helplines for Ireland: %+v", lines)
	}
	if !strings.Contains(hs.texts(), "Samaritans Ireland") {
		t.Error("the Irish helpline is not shown")
	}
	if err := s.AddOwnNumber("My GP", "01 234 5678"); err != nil {
		t.Fatal(err)
	}
	// A fresh support screen (after a restart) still has both.
	again := supportscreen.New(supportscreen.Config{Library: hs.h.library(), Prefs: hs.app.Preferences()})
	if again.Country() != "IE" {
		t.Errorf("country after restart = %q", again.Country())
	}
	if n := again.OwnNumbers(); len(n) != 1 || n[0].Number != "01 234 5678" {
		t.Errorf("own numbers after restart = %+v", n)
	}
}

func TestPacerFromPracticeHasWayBack(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.openPractice("breathing-pacer")
	if hs.h.current != screen(hs.h.screens[subPacer]) || hs.h.navID != navPractice {
		t.Fatalf("showing %T nav %q", hs.h.current, hs.h.navID)
	}
	test.Tap(hs.button("All practices"))
	hs.hostedValue(navPractice)
}

func TestReminderNotifiesAtChosenTime(t *testing.T) {
	hs := startUnlocked(t)
	p := hs.app.Preferences()
	p.SetString(settings.PrefReminderTime, "19:30")
	p.SetBool(settings.PrefReminderOn, true)
	settingsShell{hs.h}.ReminderChanged()
	hs.clock.Advance(89 * time.Minute) // the clock starts at 18:00
	if hs.h.reminder.Sent != 0 {
		t.Fatal("reminded early")
	}
	hs.clock.Advance(2 * time.Minute)
	if hs.h.reminder.Sent != 1 {
		t.Fatalf("sent %d reminders by 19:31", hs.h.reminder.Sent)
	}
	hs.clock.Advance(24 * time.Hour)
	if hs.h.reminder.Sent != 2 {
		t.Errorf("sent %d reminders a day later", hs.h.reminder.Sent)
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	test.Type(js.body, "keep me")
	hs.clock.Advance(time.Second)
	test.Tap(js.deleteBtn)
	if hs.h.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no delete question")
	}
	hs.h.win.Canvas().Unfocus()
	hs.h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if hs.h.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the question open")
	}
	if js.current.ID == "" {
		t.Error("Escape deleted the entry: it must choose the gentle answer")
	}
	showAbout(hs.h.win, "test")
	hs.h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if hs.h.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left About open")
	}
}

func TestChangePassphraseThenUnlockWithIt(t *testing.T) {
	const fresh = "a brand new lantern phrase"
	hs := startUnlocked(t)
	hs.h.openNav(navSettings)
	test.Tap(hs.button("Change passphrase…"))
	var fields []*widget.Entry
	walk(hs.h.win.Canvas().Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password && e.Visible() {
			fields = append(fields, e)
		}
	})
	if len(fields) != 3 {
		t.Fatalf("%d passphrase fields, want 3", len(fields))
	}
	test.Type(fields[0], testPass)
	test.Type(fields[1], fresh)
	test.Type(fields[2], fresh)
	test.Tap(hs.button("Change passphrase"))
	if !strings.Contains(hs.texts(), "Your passphrase is changed") {
		t.Fatalf("after saving:\n%s", hs.texts())
	}
	hs.h.Lock()
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	u = hs.unlockScreen() // the old one no longer opens it
	test.Type(u.pass, fresh)
	test.Tap(u.unlock)
	hs.homeScreen()
}

func TestPackImportReachesPractice(t *testing.T) {
	hs := startUnlocked(t)
	hs.h.openNav(navPractice)
	hs.h.openNav(navSettings)
	s := hs.hostedValue(navSettings).(*settings.Screen)
	s.ImportPack(filepath.Join("..", "resources", "testdata", "example-pack"))
	if hs.h.library().Pack("example-workshop") == nil {
		t.Fatal("the shell's library does not have the imported pack")
	}
	if _, kept := hs.h.screens[navPractice]; !kept {
		t.Error("the practice screen was dropped instead of given the new library")
	}
	s.RemovePack("example-workshop")
	if hs.h.library().Pack("example-workshop") != nil {
		t.Error("the removed pack is still in the library")
	}
}

// trayApp is a test app that is also a desktop app with a system tray.
type trayApp struct {
	fyne.App
	menu *fyne.Menu
	icon fyne.Resource
}

func (a *trayApp) SetSystemTrayMenu(m *fyne.Menu)    { a.menu = m }
func (a *trayApp) SetSystemTrayIcon(r fyne.Resource) { a.icon = r }
func (a *trayApp) SetSystemTrayWindow(fyne.Window)   {}

func TestTrayOnlyWhenAllowedAndReminderOn(t *testing.T) {
	tests := []struct {
		name            string
		allowed, remind bool
		wantTray        bool
	}{
		{"allowed with the reminder on", true, true, true},
		{"reminder off", true, false, false},
		{"not allowed (no session D-Bus)", false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &trayApp{App: test.NewTempApp(t)}
			a.Preferences().SetBool(settings.PrefReminderOn, tt.remind)
			h := Start(a, Config{DataDir: t.TempDir(), Clock: newFakeClock(), TrayAllowed: tt.allowed,
				Background: func(work, done func()) { work(); done() }})
			t.Cleanup(h.Shutdown)
			if got := a.menu != nil; got != tt.wantTray {
				t.Fatalf("tray set = %v, want %v", got, tt.wantTray)
			}
			if !tt.wantTray {
				return
			}
			var labels []string
			for _, it := range a.menu.Items {
				labels = append(labels, it.Label)
			}
			if strings.Join(labels, ",") != "Breathe now,Open Hearth" || a.icon == nil {
				t.Errorf("tray menu %v, icon %v", labels, a.icon != nil)
			}
			a.menu.Items[0].Action() // Breathe now while locked: shows the window, no crash
		})
	}
}
