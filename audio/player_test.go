package audio

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// The OfflinePlayer must satisfy the interface the UI uses.
var _ Player = (*OfflinePlayer)(nil)

func drain(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func TestOfflinePlayerLifecycle(t *testing.T) {
	p := NewOfflinePlayer(nil)
	defer p.Close()
	if st := p.Status(); st.State != StateIdle || st.Step != -1 {
		t.Fatalf("new player: %+v", st)
	}
	if err := p.Pause(); !errors.Is(err, ErrNothingPlaying) {
		t.Fatalf("Pause with nothing loaded: %v", err)
	}
	s, err := NewGuided(textScript(), Options{Length: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Play(s); err != nil {
		t.Fatal(err)
	}
	if p.Length() != 5*time.Minute {
		t.Fatalf("Length %v", p.Length())
	}
	drain(p.Changed())
	first := s.Steps()[0]
	p.AdvanceSamples(first.Start + 10)
	st := p.Status()
	if st.State != StatePlaying || st.Step != 0 || st.Position != Duration(first.Start+10) {
		t.Fatalf("status %+v", st)
	}
	if !drain(p.Changed()) {
		t.Fatal("no change signalled when step 0 began")
	}
	p.Pause()
	p.Advance(time.Second)
	paused := p.Status()
	if paused.State != StatePaused {
		t.Fatalf("state %v after Pause", paused.State)
	}
	p.Advance(time.Second)
	if p.Position() != paused.Position {
		t.Fatal("position moved while paused")
	}
	p.Resume()
	if err := p.Seek(s.Duration() - time.Second); err != nil {
		t.Fatal(err)
	}
	p.Advance(2 * time.Second)
	if st := p.Status(); st.State != StateFinished || st.Position != st.Length {
		t.Fatalf("at the end: %+v", st)
	}
	if err := p.SetVolume(LayerBackground, 30); err != nil || p.Volumes()[LayerBackground] != 30 {
		t.Fatalf("SetVolume: %v", err)
	}
	p.Stop()
	if p.Status().State != StateIdle {
		t.Fatal("not idle after Stop")
	}
	p.Close()
	if err := p.Play(s); !errors.Is(err, ErrClosed) {
		t.Fatalf("Play after Close: %v", err)
	}
}

func TestPlayReplacesWithFade(t *testing.T) {
	var got [][2]float64
	p := NewOfflinePlayer(func(b [][2]float64) { got = append(got, b...) })
	defer p.Close()
	a := longTone(t, 5, 0.5)
	b, err := NewTimer("timer", Options{Length: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	p.Play(a)
	p.Advance(2 * time.Second)
	if err := p.Play(b); err != nil {
		t.Fatal(err)
	}
	if p.Length() != 20*time.Second {
		t.Fatalf("Length %v: the new session is not the one reported", p.Length())
	}
	p.Advance(time.Second)
	if j := maxJump(got); j > 0.05 {
		t.Fatalf("switching sessions clicks (jump %.3f)", j)
	}
	if st := p.Status(); st.State != StatePlaying || st.Position > 2*time.Second {
		t.Fatalf("after switching: %+v", st)
	}
}

func TestDeckConcurrentControls(t *testing.T) {
	p := NewOfflinePlayer(nil)
	defer p.Close()
	s, _ := NewPacerSession("pacer", DefaultPacer(), Options{Length: time.Minute, Background: BackgroundOcean})
	p.Play(s)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for range 200 {
			p.AdvanceSamples(512)
		}
	}()
	go func() {
		defer wg.Done()
		for i := range 200 {
			switch i % 5 {
			case 0:
				p.Pause()
			case 1:
				p.Resume()
			case 2:
				p.Seek(time.Duration(i) * 100 * time.Millisecond)
			case 3:
				p.SetVolume(LayerVoice, i%100)
			case 4:
				_ = p.Status().Breath
			}
		}
	}()
	wg.Wait()
}

var _ Player = (*SilentPlayer)(nil)

func TestSilentPlayerKeepsTime(t *testing.T) {
	p := NewSilentPlayer()
	defer p.Close()
	s, err := NewTimer("t", Options{Length: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	// eventually polls rather than sleeping a fixed time, so a busy machine can't flake it.
	eventually := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal(what)
			}
		}
	}
	running := func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.running
	}

	start := time.Now()
	if err := p.Play(s); err != nil {
		t.Fatal(err)
	}
	eventually("position did not reach 200ms", func() bool { return p.Position() >= 200*time.Millisecond })
	if pos, elapsed := p.Position(), time.Since(start); pos > elapsed {
		t.Fatalf("position %v ran ahead of %v of real time", pos, elapsed)
	}
	p.Pause()
	eventually("the clock still runs while paused", func() bool { return !running() })
	held := p.Position()
	time.Sleep(3 * silentTick)
	if p.Position() != held {
		t.Fatal("position moved while paused")
	}
	p.Resume()
	eventually("did not move on after Resume", func() bool { return p.Position() > held })
}
