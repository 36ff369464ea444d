package device

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hearth-app/hearth/audio"
)

// quietSession is a silent timer: harmless even where a real sound card exists.
func quietSession(t *testing.T) *audio.Session {
	t.Helper()
	s, err := audio.NewTimer("quiet", audio.Options{Length: 20 * time.Second, NoBells: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// within fails the test if f does not return within d: nothing may hang.
func within(t *testing.T, d time.Duration, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("%s hung for %v", what, d)
		return nil
	}
}

// TestPlayer runs in this process against whatever sound output the machine has.
// Without one (as in CI) every call must say so with ErrNoOutput, quickly.
func TestPlayer(t *testing.T) {
	p := New()
	defer p.Close()
	s := quietSession(t)
	err := within(t, 2*openTimeout, "Play", func() error { return p.Play(s) })
	if err != nil {
		if !errors.Is(err, audio.ErrNoOutput) {
			t.Fatalf("Play: %v, want ErrNoOutput", err)
		}
		t.Logf("no sound output here: %v", err)
		if err := within(t, time.Second, "second Play", func() error { return p.Play(s) }); !errors.Is(err, audio.ErrNoOutput) {
			t.Fatalf("second Play: %v", err)
		}
		if err := p.Resume(); !errors.Is(err, audio.ErrNoOutput) {
			t.Fatalf("Resume: %v", err)
		}
		if st := p.Status(); st.State != audio.StateIdle {
			t.Fatalf("status after a failed Play: %+v", st)
		}
		if err := p.Probe(); !errors.Is(err, audio.ErrNoOutput) {
			t.Fatalf("Probe: %v", err)
		}
		return
	}
	checkPlaying(t, p)
}

// checkPlaying checks that the speaker really pulls samples: the position moves in
// about real time, and stops while paused.
func checkPlaying(t *testing.T, p *Player) {
	t.Helper()
	time.Sleep(500 * time.Millisecond)
	pos := p.Position()
	if pos <= 0 {
		t.Fatalf("position %v after playing for 500 ms", pos)
	}
	if err := p.Pause(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	held := p.Position()
	time.Sleep(300 * time.Millisecond)
	if p.Position() != held {
		t.Fatalf("position moved while paused: %v -> %v", held, p.Position())
	}
	if err := p.Resume(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if p.Position() <= held {
		t.Fatal("position did not move after Resume")
	}
}

// TestNullALSA runs TestPlayer's playing half in a child process whose ALSA default
// device is the null sink (a $HOME/.asoundrc), so the real speaker path runs even
// without a sound card. Linux only; skipped where ALSA is not used.
func TestNullALSA(t *testing.T) {
	if os.Getenv("HEARTH_NULL_ALSA_CHILD") == "1" {
		p := New()
		defer p.Close()
		if err := p.Play(quietSession(t)); err != nil {
			t.Fatalf("Play with a null ALSA device: %v", err)
		}
		checkPlaying(t, p)
		return
	}
	if _, err := os.Stat("/usr/share/alsa/alsa.conf"); err != nil {
		t.Skip("no ALSA here")
	}
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, ".asoundrc"), []byte("pcm.!default { type null }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNullALSA$", "-test.v")
	cmd.Env = append(os.Environ(), "HOME="+home, "HEARTH_NULL_ALSA_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
