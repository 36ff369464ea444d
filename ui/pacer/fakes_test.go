package pacer

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
)

// fakePlayer is an audio.Player whose position and state the test sets.
type fakePlayer struct {
	mu      sync.Mutex
	calls   []string
	state   audio.State
	pos     time.Duration
	sess    *audio.Session
	playErr error
	changed chan struct{}
}

var _ audio.Player = (*fakePlayer)(nil)

func newFakePlayer() *fakePlayer { return &fakePlayer{changed: make(chan struct{}, 1)} }

func (f *fakePlayer) call(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, name)
}

func (f *fakePlayer) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakePlayer) Play(s *audio.Session) error {
	f.call("play")
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.playErr != nil {
		return f.playErr
	}
	f.sess, f.state, f.pos = s, audio.StatePlaying, 0
	return nil
}

func (f *fakePlayer) set(st audio.State, pos time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.state, f.pos = st, pos
}

func (f *fakePlayer) setState(st audio.State) func() error {
	return func() error {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.sess == nil {
			return audio.ErrNothingPlaying
		}
		f.state = st
		return nil
	}
}

func (f *fakePlayer) Pause() error  { f.call("pause"); return f.setState(audio.StatePaused)() }
func (f *fakePlayer) Resume() error { f.call("resume"); return f.setState(audio.StatePlaying)() }
func (f *fakePlayer) Stop() error   { f.call("stop"); return f.setState(audio.StateIdle)() }
func (f *fakePlayer) Close() error  { f.call("close"); return nil }

func (f *fakePlayer) Seek(pos time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pos = pos
	return nil
}

func (f *fakePlayer) SetVolume(audio.Layer, int) error { return nil }
func (f *fakePlayer) Position() time.Duration          { return f.Status().Position }
func (f *fakePlayer) Length() time.Duration            { return f.Status().Length }
func (f *fakePlayer) Changed() <-chan struct{}         { return f.changed }

func (f *fakePlayer) Status() audio.Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := audio.Status{State: f.state, Position: f.pos, Step: -1}
	if f.sess != nil {
		st.Length = f.sess.Duration()
		st.Breath = f.sess.BreathAt(audio.Samples(f.pos))
	}
	return st
}

// fakeStore keeps records in memory; fail makes the next writes fail.
type fakeStore struct {
	recs    []journal.Record
	creates int
	updates int
	fail    error
}

func (s *fakeStore) Create(r journal.Record) (journal.Record, error) {
	if s.fail != nil {
		return journal.Record{}, s.fail
	}
	s.creates++
	r.ID = fmt.Sprintf("r%d", len(s.recs)+1)
	s.recs = append(s.recs, r)
	return r, nil
}

func (s *fakeStore) Update(r journal.Record) (journal.Record, error) {
	if s.fail != nil {
		return journal.Record{}, s.fail
	}
	s.updates++
	for i := range s.recs {
		if s.recs[i].ID == r.ID {
			s.recs[i] = r
			return r, nil
		}
	}
	return journal.Record{}, errors.New("no such record")
}

// fakeClock is a wall clock the test moves.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time      { return c.t }
func (c *fakeClock) Add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{t: time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)} }

// rig is a screen's test surroundings.
type rig struct {
	dev, quiet *fakePlayer
	store      *fakeStore
	clock      *fakeClock
	support    int
}

// newRig makes a test app, fakes and a Config using them.
func newRig(t testing.TB) (*rig, Config) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
	r := &rig{dev: newFakePlayer(), quiet: newFakePlayer(), store: &fakeStore{}, clock: newFakeClock()}
	cfg := Config{Player: r.dev, Store: r.store, Prefs: a.Preferences(), Now: r.clock.Now,
		OnNeedSupport: func() { r.support++ }}
	return r, cfg
}

// hook makes a players synchronous and silent through the rig's quiet fake.
func (r *rig) hook(p *players) {
	p.async = func(f func()) { f() }
	p.newSilent = func() audio.Player { return r.quiet }
}

// advance moves the wall clock and the player on by d.
func (r *rig) advance(p *fakePlayer, d time.Duration) {
	r.clock.Add(d)
	st := p.Status()
	p.set(st.State, st.Position+d)
}
