package ui

import (
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// fakeClock is a Clock whose time moves only when a test calls Advance; timers fire on
// the test goroutine, in time order.
type fakeClock struct {
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at   time.Time
	f    func()
	done bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() {
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() { t.done = true }
}

// Advance moves time forward by d, firing every timer that comes due on the way.
func (c *fakeClock) Advance(d time.Duration) {
	end := c.now.Add(d)
	for {
		var due []*fakeTimer
		for _, t := range c.timers {
			if !t.done && !t.at.After(end) {
				due = append(due, t)
			}
		}
		if len(due) == 0 {
			break
		}
		sort.Slice(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
		t := due[0]
		t.done = true
		c.now = t.at
		t.f()
	}
	c.now = end
}

// cheapKDF keeps tests fast; the app itself always uses journal.DefaultKDF.
func cheapKDF() journal.Option {
	return journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1})
}

// harness is a started App on Fyne's test driver with a fake clock, running slow work
// synchronously so everything stays on the test goroutine.
type harness struct {
	t     testing.TB
	app   fyne.App
	h     *App
	clock *fakeClock
	dir   string
}

// start runs Start on a fresh test app with dir as the data folder.
func start(t testing.TB, dir string) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	clk := newFakeClock()
	h := Start(a, Config{
		DataDir:      dir,
		VaultOptions: []journal.Option{cheapKDF()},
		Clock:        clk,
		Background:   func(work, done func()) { work(); done() },
		Version:      "test",
	})
	t.Cleanup(h.Shutdown)
	h.noAsyncRefresh = true // see the field's comment
	if h.win != nil {
		h.win.Resize(fyne.NewSize(1000, 700))
	}
	return &harness{t: t, app: a, h: h, clock: clk, dir: dir}
}

// makeVault creates a vault in a new temp dir and closes it, returning the dir and
// the recovery code.
func makeVault(t testing.TB, pass string) (dir, code string) {
	t.Helper()
	dir = t.TempDir()
	v, code, err := journal.Create(dir, pass, cheapKDF())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := v.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return dir, code
}

// startUnlocked creates a vault, starts the app and unlocks it with the passphrase.
func startUnlocked(t testing.TB) *harness {
	t.Helper()
	dir, _ := makeVault(t, testPass)
	hs := start(t, dir)
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	u.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	hs.homeScreen() // unlocking opens Home
	hs.h.openNav(navJournal)
	hs.journalScreen()
	return hs
}

const testPass = "quiet river morning light"

// walk visits o and everything inside it.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

// visible reports whether o is shown (tests only look at what a user could see).
func isShown(o fyne.CanvasObject) bool { return o.Visible() }

// button finds a visible button with this label in the window or its top overlay.
func (hs *harness) button(label string) *widget.Button {
	hs.t.Helper()
	var found *widget.Button
	look := func(root fyne.CanvasObject) {
		walk(root, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == label && isShown(b) && found == nil {
				found = b
			}
		})
	}
	if top := hs.h.win.Canvas().Overlays().Top(); top != nil {
		look(top)
	}
	if found == nil {
		look(hs.h.win.Canvas().Content())
	}
	if found == nil {
		hs.t.Fatalf("no visible button %q", label)
	}
	return found
}

// texts collects the visible label and rich text in the window and its overlays.
func (hs *harness) texts() string {
	var sb strings.Builder
	collect := func(root fyne.CanvasObject) {
		walk(root, func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Label:
				if x.Visible() {
					sb.WriteString(x.Text + "\n")
				}
			case *widget.RichText:
				if x.Visible() {
					sb.WriteString(x.String() + "\n")
				}
			}
		})
	}
	collect(hs.h.win.Canvas().Content())
	for _, o := range hs.h.win.Canvas().Overlays().List() {
		collect(o)
	}
	return sb.String()
}

// noteText is the text of a note made by newNote ("" when hidden).
func noteText(rt *widget.RichText) string {
	if !rt.Visible() {
		return ""
	}
	return rt.String()
}

func (hs *harness) welcomeScreen() *welcomeScreen {
	hs.t.Helper()
	s, ok := hs.h.current.(*welcomeScreen)
	if !ok {
		hs.t.Fatalf("showing %T, want the welcome screen", hs.h.current)
	}
	return s
}

func (hs *harness) unlockScreen() *unlockScreen {
	hs.t.Helper()
	s, ok := hs.h.current.(*unlockScreen)
	if !ok {
		hs.t.Fatalf("showing %T, want the unlock screen", hs.h.current)
	}
	return s
}

func (hs *harness) journalScreen() *journalScreen {
	hs.t.Helper()
	s, ok := hs.h.current.(*journalScreen)
	if !ok {
		hs.t.Fatalf("showing %T, want the journal", hs.h.current)
	}
	return s
}

// menuItem finds a main-menu item by its shortcut key.
func (hs *harness) menuItem(k fyne.KeyName) *fyne.MenuItem {
	hs.t.Helper()
	for _, m := range hs.h.win.MainMenu().Items {
		for _, it := range m.Items {
			if s, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok && s.Key() == k {
				return it
			}
		}
	}
	hs.t.Fatalf("no menu item with shortcut %s", k)
	return nil
}

// entries reads every journal entry straight from the vault in dir (the app must not
// hold it open).
func entriesIn(t *testing.T, dir, pass string) []journal.Record {
	t.Helper()
	v, err := journal.Open(dir, pass, cheapKDF())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer v.Close()
	rs, err := v.List(journal.Query{Kinds: []journal.Kind{journal.KindEntry}})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	return rs
}
