package audio

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// Player is what a UI drives. The real one (audio/device) plays through the sound
// card; OfflinePlayer runs the same engine without one. Every method is safe to call
// from any goroutine and returns quickly: none waits for audio to play.
type Player interface {
	// Play starts s from the beginning, replacing (with a short fade) whatever was
	// playing. Without a sound output it returns an error wrapping ErrNoOutput.
	Play(s *Session) error
	// Pause fades out and holds the position; Resume fades back in.
	Pause() error
	Resume() error
	// Stop fades out and unloads the session.
	Stop() error
	// Seek moves to a position within the session.
	Seek(pos time.Duration) error
	// SetVolume sets a layer's volume in percent (0..100).
	SetVolume(l Layer, percent int) error
	// Position and Length are the session's position and total length.
	Position() time.Duration
	Length() time.Duration
	// Status is a snapshot of everything above plus the current step and breath.
	Status() Status
	// Changed receives a value (without blocking the audio) whenever the state or
	// the step changes; then call Status. Poll Status for the position.
	Changed() <-chan struct{}
	// Close stops playing and releases the player.
	Close() error
}

// State is what a player is doing.
type State int

// The player states.
const (
	StateIdle State = iota
	StatePlaying
	StatePaused
	StateFinished
)

// String names the state.
func (s State) String() string {
	switch s {
	case StatePlaying:
		return "playing"
	case StatePaused:
		return "paused"
	case StateFinished:
		return "finished"
	}
	return "idle"
}

// Status is a snapshot of a player for the UI.
type Status struct {
	State    State
	Position time.Duration
	Length   time.Duration
	// Step is the index of the current step, or -1 (opening and closing bells, or no
	// guided session).
	Step int
	// Breath is the breathing pacer's phase (BreathSettle for other sessions).
	Breath BreathPhase
	// Err reports recordings that could not be played (their time was silent).
	Err error
}

// Deck holds the Mix that is playing and serialises it with the controls. It is the
// one beep.Streamer a speaker plays for the whole process: between sessions and when
// paused it streams silence. Deck implements Player without any device; audio/device
// wraps it with the speaker.
type Deck struct {
	mu      sync.Mutex
	cur     *Mix // the session playing (or finished, kept for Status)
	next    *Mix // a session waiting for cur to fade out
	vol     Volumes
	closed  bool
	changed chan struct{}
	last    struct {
		state State
		step  int
	}
}

// NewDeck returns an idle Deck with DefaultVolumes.
func NewDeck() *Deck {
	return &Deck{vol: DefaultVolumes(), changed: make(chan struct{}, 1)}
}

// Stream feeds the speaker: the current session, or silence. It always fills samples
// and never ends. The lock is held only while mixing one buffer.
func (d *Deck) Stream(samples [][2]float64) (int, bool) {
	d.mu.Lock()
	var retired *Mix
	n := 0
	for n < len(samples) && d.cur != nil && !d.cur.Ended() {
		k, _ := d.cur.Stream(samples[n:])
		n += k
		if d.cur.Ended() && d.next != nil {
			retired, d.cur, d.next = d.cur, d.next, nil
		}
	}
	clear(samples[n:])
	d.notifyLocked()
	d.mu.Unlock()
	if retired != nil {
		retired.Close()
	}
	return len(samples), true
}

// Err is always nil: problems with recordings are reported in Status.
func (d *Deck) Err() error { return nil }

func (d *Deck) stateLocked() State {
	switch {
	case d.cur == nil:
		return StateIdle
	case d.next != nil:
		return StatePlaying
	case d.cur.Ended():
		return StateFinished
	case d.cur.Paused():
		return StatePaused
	}
	return StatePlaying
}

// notifyLocked signals Changed when the state or step moved.
func (d *Deck) notifyLocked() {
	st, step := d.stateLocked(), -1
	if d.cur != nil {
		step = d.cur.s.StepAt(d.cur.Position())
	}
	if st != d.last.state || step != d.last.step {
		d.last.state, d.last.step = st, step
		select {
		case d.changed <- struct{}{}:
		default:
		}
	}
}

// Play starts s, fading out whatever was playing first.
func (d *Deck) Play(s *Session) error {
	if s == nil {
		return errors.New("no session to play")
	}
	d.mu.Lock()
	vol, closed := d.vol, d.closed
	d.mu.Unlock()
	if closed {
		return ErrClosed
	}
	m, err := NewMix(s, vol) // opens files: outside the lock
	if err != nil {
		return err
	}
	d.mu.Lock()
	var drop []*Mix
	switch {
	case d.closed:
		d.mu.Unlock()
		m.Close()
		return ErrClosed
	case d.cur == nil || d.cur.Ended() || d.cur.level == 0:
		drop = append(drop, d.cur, d.next)
		d.cur, d.next = m, nil
	default:
		drop = append(drop, d.next)
		d.cur.Stop()
		d.next = m
	}
	d.notifyLocked()
	d.mu.Unlock()
	closeAll(drop)
	return nil
}

func closeAll(ms []*Mix) {
	for _, m := range ms {
		if m != nil {
			m.Close()
		}
	}
}

// with runs f on the playing Mix under the lock.
func (d *Deck) with(f func(m *Mix)) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return ErrClosed
	}
	m := d.cur
	if d.next != nil {
		m = d.next
	}
	if m == nil {
		return ErrNothingPlaying
	}
	f(m)
	d.notifyLocked()
	return nil
}

// Pause fades out and holds the position.
func (d *Deck) Pause() error { return d.with((*Mix).Pause) }

// Resume fades back in. Resuming a finished session starts it again.
func (d *Deck) Resume() error {
	return d.with(func(m *Mix) {
		if m.Ended() {
			m.ended, m.stopping = false, false
			m.Seek(0)
		}
		m.Resume()
	})
}

// Stop fades out and unloads the session.
func (d *Deck) Stop() error {
	d.mu.Lock()
	var drop []*Mix
	if d.next != nil {
		drop = append(drop, d.next)
		d.next = nil
	}
	if d.cur != nil {
		if d.cur.level == 0 || d.cur.Ended() {
			drop = append(drop, d.cur)
			d.cur = nil
		} else {
			d.cur.Stop()
		}
	}
	d.notifyLocked()
	d.mu.Unlock()
	closeAll(drop)
	return nil
}

// Seek moves to pos within the session.
func (d *Deck) Seek(pos time.Duration) error {
	if pos < 0 {
		return fmt.Errorf("cannot seek to %v", pos)
	}
	return d.with(func(m *Mix) {
		if m.Ended() {
			m.ended, m.stopping = false, false
		}
		m.Seek(Samples(pos))
	})
}

// SetVolume sets a layer's volume in percent, for this and later sessions.
func (d *Deck) SetVolume(l Layer, percent int) error {
	if l < 0 || l >= numLayers {
		return fmt.Errorf("no such layer %d", int(l))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return ErrClosed
	}
	d.vol[l] = min(max(percent, 0), 100)
	for _, m := range []*Mix{d.cur, d.next} {
		if m != nil {
			m.SetVolume(l, percent)
		}
	}
	return nil
}

// Volumes returns the volumes in use.
func (d *Deck) Volumes() Volumes {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.vol
}

// Status is a snapshot for the UI.
func (d *Deck) Status() Status {
	d.mu.Lock()
	defer d.mu.Unlock()
	st := Status{State: d.stateLocked(), Step: -1, Breath: BreathPhase{Kind: BreathSettle}}
	m := d.cur
	if d.next != nil {
		m = d.next
	}
	if m == nil {
		return st
	}
	pos := m.Position()
	if m.Ended() && m == d.cur && d.next == nil {
		pos = m.s.n
	}
	st.Position, st.Length = Duration(pos), m.s.Duration()
	st.Step = m.s.StepAt(pos)
	st.Breath = m.s.BreathAt(pos)
	st.Err = m.Err()
	return st
}

// Position is the session's position.
func (d *Deck) Position() time.Duration { return d.Status().Position }

// Length is the session's length.
func (d *Deck) Length() time.Duration { return d.Status().Length }

// Changed receives a value when the state or step changes.
func (d *Deck) Changed() <-chan struct{} { return d.changed }

// Close unloads everything; later calls return ErrClosed.
func (d *Deck) Close() error {
	d.mu.Lock()
	drop := []*Mix{d.cur, d.next}
	d.cur, d.next, d.closed = nil, nil, true
	d.mu.Unlock()
	closeAll(drop)
	return nil
}

// OfflinePlayer is a Player with no device: time moves only when Advance pulls
// samples through the engine. Use it in tests, and in a UI when there is no sound
// output, so the practice still runs its steps, bells and breaths on screen in real
// time (call Advance from a ticker).
type OfflinePlayer struct {
	*Deck
	buf  [][2]float64
	sink func([][2]float64)
}

// NewOfflinePlayer returns an OfflinePlayer. If sink is not nil it receives every
// buffer Advance pulls (valid only during the call).
func NewOfflinePlayer(sink func([][2]float64)) *OfflinePlayer {
	return &OfflinePlayer{Deck: NewDeck(), buf: make([][2]float64, chunk), sink: sink}
}

// Advance pulls d worth of samples through the engine, as a speaker would.
func (p *OfflinePlayer) Advance(d time.Duration) {
	p.AdvanceSamples(Samples(d))
}

// AdvanceSamples pulls n samples through the engine.
func (p *OfflinePlayer) AdvanceSamples(n int) {
	for n > 0 {
		k := min(n, len(p.buf))
		p.Deck.Stream(p.buf[:k])
		if p.sink != nil {
			p.sink(p.buf[:k])
		}
		n -= k
	}
}

// SilentPlayer is a Player for when there is no sound output: it runs the session in
// real time without a device (a ticker pulls the samples and throws them away), so
// the UI's steps, bells, breaths and position move exactly as they would with sound.
// Its ticker runs only while a session is playing.
type SilentPlayer struct {
	*OfflinePlayer
	mu      sync.Mutex
	running bool
	quit    chan struct{}
	wg      sync.WaitGroup
}

// silentTick is how often a SilentPlayer moves the session on.
const silentTick = 50 * time.Millisecond

// NewSilentPlayer returns an idle SilentPlayer.
func NewSilentPlayer() *SilentPlayer {
	return &SilentPlayer{OfflinePlayer: NewOfflinePlayer(nil), quit: make(chan struct{})}
}

// Play starts s and the clock.
func (p *SilentPlayer) Play(s *Session) error {
	if err := p.OfflinePlayer.Play(s); err != nil {
		return err
	}
	p.start()
	return nil
}

// Resume continues the session and the clock.
func (p *SilentPlayer) Resume() error {
	if err := p.OfflinePlayer.Resume(); err != nil {
		return err
	}
	p.start()
	return nil
}

// start runs the clock unless it is already running.
func (p *SilentPlayer) start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running {
		return
	}
	select {
	case <-p.quit:
		return // closed
	default:
	}
	p.running = true
	p.wg.Add(1)
	go p.run()
}

// run advances the session by the real time that passed, until it stops playing.
func (p *SilentPlayer) run() {
	defer p.wg.Done()
	t := time.NewTicker(silentTick)
	defer t.Stop()
	t0, done := time.Now(), 0
	for {
		select {
		case <-p.quit:
			return
		case now := <-t.C:
			due := Samples(now.Sub(t0))
			p.AdvanceSamples(due - done)
			done = due
			p.mu.Lock()
			if p.Status().State != StatePlaying {
				p.running = false
				p.mu.Unlock()
				return
			}
			p.mu.Unlock()
		}
	}
}

// Close stops the clock and unloads the session.
func (p *SilentPlayer) Close() error {
	p.mu.Lock()
	select {
	case <-p.quit:
	default:
		close(p.quit)
	}
	p.mu.Unlock()
	p.wg.Wait()
	return p.OfflinePlayer.Close()
}
