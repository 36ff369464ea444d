package practice

import (
	"image/color"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// testTheme is fyne's test theme plus the colours Hearth's theme adds.
type testTheme struct{ fyne.Theme }

func (t testTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case page.ColorNameMuted:
		return color.NRGBA{R: 0x6b, G: 0x70, B: 0x75, A: 0xff}
	case page.ColorNameAccent:
		return color.NRGBA{R: 0xd9, G: 0x92, B: 0x4a, A: 0xff}
	case page.ColorNameSurface:
		return color.White
	}
	return t.Theme.Color(n, v)
}

// newTestApp starts a test app with Hearth's colour names and the screen's strings.
func newTestApp(t testing.TB) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(testTheme{test.Theme()})
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
	return a
}

// fakePlayer is an audio.Player whose position moves only when a test says so.
type fakePlayer struct {
	mu      sync.Mutex
	sess    *audio.Session
	state   audio.State
	pos     time.Duration
	seeks   []time.Duration
	volumes map[audio.Layer]int
	plays   []*audio.Session
	pauses  int
	resumes int
	stops   int
	playErr error
	changed chan struct{}
}

var _ audio.Player = (*fakePlayer)(nil)

func newFakePlayer() *fakePlayer {
	return &fakePlayer{volumes: map[audio.Layer]int{}, changed: make(chan struct{}, 1)}
}

func (f *fakePlayer) signal() {
	select {
	case f.changed <- struct{}{}:
	default:
	}
}

func (f *fakePlayer) Play(s *audio.Session) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.playErr != nil {
		return f.playErr
	}
	f.sess, f.state, f.pos = s, audio.StatePlaying, 0
	f.plays = append(f.plays, s)
	f.signal()
	return nil
}

func (f *fakePlayer) Pause() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pauses++
	if f.state == audio.StatePlaying {
		f.state = audio.StatePaused
	}
	return nil
}

func (f *fakePlayer) Resume() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.resumes++
	if f.state == audio.StatePaused {
		f.state = audio.StatePlaying
	}
	return nil
}

func (f *fakePlayer) Stop() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stops++
	f.sess, f.state, f.pos = nil, audio.StateIdle, 0
	return nil
}

func (f *fakePlayer) Seek(pos time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seeks = append(f.seeks, pos)
	f.pos = pos
	return nil
}

func (f *fakePlayer) SetVolume(l audio.Layer, percent int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.volumes[l] = percent
	return nil
}

func (f *fakePlayer) Position() time.Duration { return f.Status().Position }
func (f *fakePlayer) Length() time.Duration   { return f.Status().Length }

func (f *fakePlayer) Status() audio.Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := audio.Status{State: f.state, Position: f.pos, Step: -1}
	if f.sess != nil {
		st.Length = f.sess.Duration()
		st.Step = f.sess.StepAt(audio.Samples(f.pos))
	}
	return st
}

func (f *fakePlayer) Changed() <-chan struct{} { return f.changed }
func (f *fakePlayer) Close() error             { return nil }

// setPos moves the playing session to pos (finishing it at its end) and signals
// Changed, as the audio thread would.
func (f *fakePlayer) setPos(pos time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pos = pos
	if f.sess != nil && pos >= f.sess.Duration() {
		f.pos, f.state = f.sess.Duration(), audio.StateFinished
	}
	f.signal()
}

func (f *fakePlayer) counts() (plays, pauses, resumes, stops int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.plays), f.pauses, f.resumes, f.stops
}

// fakeStore keeps created records in memory.
type fakeStore struct {
	recs []journal.Record
	err  error
}

func (s *fakeStore) Create(r journal.Record) (journal.Record, error) {
	if s.err != nil {
		return journal.Record{}, s.err
	}
	r.ID = "id"
	s.recs = append(s.recs, r)
	return r, nil
}

// builtinLibrary is the real built-in content, loaded once per test binary run.
func builtinLibrary(t testing.TB) *resources.Library {
	t.Helper()
	pk, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return resources.NewLibrary(pk)
}

// testPack is a small facilitator's pack with one guided practice.
func testPack(t testing.TB) *resources.Pack {
	t.Helper()
	fsys := fstest.MapFS{
		"manifest.toml": {Data: []byte(`schema = 1
id = "test-pack"
title = "Riverside group"
version = "1.0.0"
facilitator = "Tests"
contact = "tests@example.org"
licence = "CC0"
min_hearth_version = "0.1.0"
`)},
		"practices/river-breath.toml": {Data: []byte(`id = "river-breath"
title = "Breathing by the river"
summary = "A short practice from the group."
category = "breathing"
kind = "guided"
lengths = [2, 3]
default_length = 2

[[steps]]
text = "Let yourself arrive."
pause = 10
stretch = true

[[steps]]
text = "Notice the breath, like water moving."
pause = 20
stretch = true
`)},
	}
	pk, err := resources.LoadPack(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

// harness is a Screen on a fake player in a test window.
type harness struct {
	t       *testing.T
	s       *Screen
	fake    *fakePlayer
	store   *fakeStore
	w       fyne.Window
	support int
	prompts []string
	pacer   int
	timer   int
}

func newHarness(t *testing.T, lib *resources.Library, noOutput error) *harness {
	t.Helper()
	newTestApp(t)
	h := &harness{t: t, fake: newFakePlayer(), store: &fakeStore{}}
	cb := Callbacks{
		OnOpenPacer:   func() { h.pacer++ },
		OnOpenTimer:   func() { h.timer++ },
		OnOpenPrompt:  func(id string) { h.prompts = append(h.prompts, id) },
		OnNeedSupport: func() { h.support++ },
	}
	h.s = newInline(lib, h.fake, noOutput, h.store, cb)
	h.w = test.NewTempWindow(t, h.s.Content())
	h.w.Resize(fyne.NewSize(800, 1400))
	h.s.Focus(h.w.Canvas())
	t.Cleanup(h.s.Stop)
	return h
}

// newInline builds a Screen that builds sessions inline and is polled by hand.
func newInline(lib *resources.Library, p audio.Player, noOutput error, store Store, cb Callbacks) *Screen {
	s := New(lib, p, noOutput, store, nil, cb)
	s.async = func(f func()) { f() }
	s.manualPoll = true
	return s
}

// open opens a practice in the player and fails the test if it is not there.
func (h *harness) open(id string) *resources.Practice {
	h.t.Helper()
	if !h.s.OpenPractice(id) {
		h.t.Fatalf("OpenPractice(%q) = false", id)
	}
	if h.s.sess == nil {
		h.t.Fatalf("no session built for %q", id)
	}
	return h.s.cur
}

// at moves the fake to pos and lets the screen read it.
func (h *harness) at(pos time.Duration) {
	h.fake.setPos(pos)
	h.s.poll()
}
