package exercise

import (
	"errors"
	"image/color"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/resources/critic"
	"github.com/hearth-app/hearth/ui/page"
)

// fakeTimers holds the screen's timers until a test fires them.
type fakeTimers struct {
	pending []*fakeTimer
}

type fakeTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

func (ft *fakeTimers) after(d time.Duration, f func()) func() {
	t := &fakeTimer{d: d, f: f}
	ft.pending = append(ft.pending, t)
	return func() { t.stopped = true }
}

// fire runs every live timer of duration d (all when d is 0).
func (ft *fakeTimers) fire(d time.Duration) {
	var keep, run []*fakeTimer
	for _, t := range ft.pending {
		switch {
		case t.stopped:
		case d == 0 || t.d == d:
			run = append(run, t)
		default:
			keep = append(keep, t)
		}
	}
	ft.pending = keep
	for _, t := range run {
		t.f()
	}
}

// live counts timers not yet fired or stopped.
func (ft *fakeTimers) live() int {
	n := 0
	for _, t := range ft.pending {
		if !t.stopped {
			n++
		}
	}
	return n
}

// flakyStore is a Store that fails while fail is set, and counts calls.
type flakyStore struct {
	Store
	mu      sync.Mutex
	fail    error
	creates int
	updates int
}

func (f *flakyStore) Create(r journal.Record) (journal.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return journal.Record{}, f.fail
	}
	f.creates++
	return f.Store.Create(r)
}

func (f *flakyStore) Update(r journal.Record) (journal.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return journal.Record{}, f.fail
	}
	f.updates++
	return f.Store.Update(r)
}

func (f *flakyStore) Autosave(r journal.Record) (journal.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return journal.Record{}, f.fail
	}
	f.updates++
	return f.Store.Autosave(r)
}

var errDisk = errors.New("disk is full")

type harness struct {
	t       *testing.T
	app     fyne.App
	vault   *journal.Vault
	store   *flakyStore
	lib     *resources.Library
	spotter *critic.Spotter
	timers  *fakeTimers
	now     time.Time
	s       *Screen
	win     fyne.Window
	support int
}

// newHarness makes a screen on a real vault (cheap KDF) with the built-in content.
func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(testTheme{test.Theme()})
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
	v, _, err := journal.Create(t.TempDir(), "a long test passphrase", journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	pk, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sp, err := critic.New("en")
	if err != nil {
		t.Fatal(err)
	}
	loc := time.FixedZone("test", -5*3600)
	h := &harness{t: t, app: a, vault: v, store: &flakyStore{Store: v}, lib: resources.NewLibrary(pk), spotter: sp,
		timers: &fakeTimers{}, now: time.Date(2026, 11, 25, 18, 30, 0, 0, loc)}
	h.s = h.newScreen()
	h.win = test.NewTempWindow(t, h.s.Content())
	h.win.Resize(fyne.NewSize(900, 700))
	return h
}

// newScreen builds another screen on the same store, with the fake timers.
func (h *harness) newScreen() *Screen {
	s := New(h.lib, h.store, h.app.Preferences(), h.spotter, func() time.Time { return h.now })
	s.after = h.timers.after
	s.background = func(work, done func()) { work(); done() }
	s.OnNeedSupport = func() { h.support++ }
	s.Refresh()
	return s
}

// records lists what the vault holds.
func (h *harness) records() []journal.Record {
	h.t.Helper()
	rs, err := h.vault.List(journal.Query{})
	if err != nil {
		h.t.Fatal(err)
	}
	return rs
}

// only returns the one record in the vault.
func (h *harness) only() journal.Record {
	h.t.Helper()
	rs := h.records()
	if len(rs) != 1 {
		h.t.Fatalf("vault holds %d records, want 1", len(rs))
	}
	return rs[0]
}

func (h *harness) form() *form {
	h.t.Helper()
	if h.s.form == nil {
		h.t.Fatal("no form is open")
	}
	return h.s.form
}

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

// shownText is every visible label, rich text and button text under o, one a line.
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if !c.Visible() {
			return
		}
		switch x := c.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		case *widget.Check:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// find returns the first visible widget of type T under o whose text is text.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var out *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && out == nil && b.Visible() && b.Text == text {
			out = b
		}
	})
	return out
}

func findCheck(o fyne.CanvasObject, text string) *widget.Check {
	var out *widget.Check
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Check); ok && out == nil && b.Visible() && b.Text == text {
			out = b
		}
	})
	return out
}

// tapButton taps the visible button with this text, failing if there is none.
func (h *harness) tapButton(text string) {
	h.t.Helper()
	b := findButton(h.s.Content(), text)
	if b == nil {
		h.t.Fatalf("no button %q on screen; it shows:\n%s", text, shownText(h.s.Content()))
	}
	test.Tap(b)
}

func (h *harness) shows(want string) bool { return strings.Contains(shownText(h.s.Content()), want) }

// testTheme is Fyne's test theme plus the colour names Hearth's theme defines, so
// tests don't log "color not defined".
type testTheme struct{ fyne.Theme }

func (t testTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case page.ColorNameMuted:
		n = theme.ColorNamePlaceHolder
	case page.ColorNameSurface:
		n = theme.ColorNameInputBackground
	case page.ColorNameAccent:
		n = theme.ColorNamePrimary
	}
	return t.Theme.Color(n, v)
}
