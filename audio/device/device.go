// Package device plays Hearth's audio engine through the sound card, with beep's
// speaker on oto. It is the only Hearth package that imports beep/v2/speaker, and so
// the only audio package that needs cgo.
//
// The speaker is opened lazily, on the first Play or Resume. Where no sound output can
// be opened (no sound card, or a driver that never starts), every call that needs one
// returns an error wrapping audio.ErrNoOutput, quickly and without panicking; the
// Status, Seek and SetVolume calls keep working, so a UI can run the practice on
// screen.
package device

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/gopxl/beep/v2/speaker"

	"github.com/hearth-app/hearth/audio"
)

// Buffer is the speaker's buffer: pause and resume are heard within about this long
// (plus a 20 ms fade).
const Buffer = 60 * time.Millisecond

// openTimeout bounds how long opening the speaker may take before Hearth decides
// there is no usable output.
const openTimeout = 5 * time.Second

// Player is the real, device-backed audio.Player. Create one per process: beep's
// speaker can be opened only once.
type Player struct {
	deck *audio.Deck

	mu        sync.Mutex
	opened    bool  // the speaker is playing the deck
	openErr   error // why the speaker could not be opened (then it never will be)
	suspended bool
	idleGen   int // cancels stale idle checks
}

// New returns a Player. It does not touch the sound card until the first Play.
func New() *Player { return &Player{deck: audio.NewDeck()} }

var _ audio.Player = (*Player)(nil)

// open initialises the speaker once, probing that it really runs: with no sound card
// speaker.Init can succeed and then never pull a sample, but Suspend reports the
// driver's error.
func (p *Player) open() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.opened || p.openErr != nil {
		return p.openErr
	}
	done := make(chan error, 1)
	go func() {
		done <- speaker.Init(audio.SampleRate, audio.SampleRate.N(Buffer))
	}()
	select {
	case err := <-done:
		if err != nil {
			p.openErr = fmt.Errorf("%w (%v)", audio.ErrNoOutput, err)
			return p.openErr
		}
	case <-time.After(openTimeout):
		p.openErr = fmt.Errorf("%w (the sound system did not answer)", audio.ErrNoOutput)
		return p.openErr
	}
	if err := speaker.Suspend(); err != nil {
		p.openErr = fmt.Errorf("%w (%v)", audio.ErrNoOutput, err)
		return p.openErr
	}
	speaker.Play(p.deck)
	p.opened, p.suspended = true, true
	return nil
}

// wake opens the speaker if needed and resumes it.
func (p *Player) wake() error {
	if err := p.open(); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idleGen++
	if p.suspended {
		if err := speaker.Resume(); err != nil {
			return fmt.Errorf("%w (%v)", audio.ErrNoOutput, err)
		}
		p.suspended = false
	}
	return nil
}

// sleepWhenIdle lets the sound card sleep (no CPU, and Windows may sleep) once
// nothing is playing: shortly after a pause or stop, or when the session ends.
func (p *Player) sleepWhenIdle(after time.Duration) {
	p.mu.Lock()
	p.idleGen++
	gen := p.idleGen
	p.mu.Unlock()
	time.AfterFunc(after, func() {
		st := p.deck.Status()
		if st.State == audio.StatePlaying {
			p.sleepWhenIdle(st.Length - st.Position + 500*time.Millisecond)
			return
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		if gen != p.idleGen || !p.opened || p.suspended {
			return
		}
		if speaker.Suspend() == nil {
			p.suspended = true
		}
	})
}

// Play starts s, replacing whatever was playing. Without a sound output it returns
// an error wrapping audio.ErrNoOutput.
func (p *Player) Play(s *audio.Session) error {
	if err := p.wake(); err != nil {
		return err
	}
	if err := p.deck.Play(s); err != nil {
		return err
	}
	p.sleepWhenIdle(s.Duration() + time.Second)
	return nil
}

// Pause fades out and holds the position.
func (p *Player) Pause() error {
	if err := p.deck.Pause(); err != nil {
		return err
	}
	p.sleepWhenIdle(250 * time.Millisecond)
	return nil
}

// Resume fades back in.
func (p *Player) Resume() error {
	if err := p.wake(); err != nil {
		return err
	}
	if err := p.deck.Resume(); err != nil {
		return err
	}
	p.sleepWhenIdle(time.Second)
	return nil
}

// Stop fades out and unloads the session.
func (p *Player) Stop() error {
	err := p.deck.Stop()
	p.sleepWhenIdle(250 * time.Millisecond)
	return err
}

// Seek moves within the session.
func (p *Player) Seek(pos time.Duration) error { return p.deck.Seek(pos) }

// SetVolume sets a layer's volume in percent.
func (p *Player) SetVolume(l audio.Layer, percent int) error { return p.deck.SetVolume(l, percent) }

// Position is the session's position.
func (p *Player) Position() time.Duration { return p.deck.Position() }

// Length is the session's length.
func (p *Player) Length() time.Duration { return p.deck.Length() }

// Status is a snapshot for the UI.
func (p *Player) Status() audio.Status { return p.deck.Status() }

// Changed receives a value when the state or step changes.
func (p *Player) Changed() <-chan struct{} { return p.deck.Changed() }

// Close stops playing and lets the sound card sleep. The speaker itself stays
// initialised (beep cannot open it twice), so close a Player only when quitting.
func (p *Player) Close() error {
	err := p.deck.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idleGen++
	if p.opened {
		speaker.Clear()
		if !p.suspended {
			err = errors.Join(err, speaker.Suspend())
			p.suspended = true
		}
	}
	return err
}

// Probe opens the sound output if it is not open yet and reports whether it works
// (nil) or an error wrapping audio.ErrNoOutput. `hearth doctor` uses it.
func (p *Player) Probe() error { return p.open() }
