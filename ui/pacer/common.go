package pacer

import (
	"embed"
	"errors"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// Practice IDs the screens save their sessions under (the built-in practices of the
// same IDs give their titles, lengths and safety notes).
const (
	PacerID = "breathing-pacer"
	TimerID = "silent-timer"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the pacer and timer screens' strings to fyne's lang
// bundle. Call it once at start-up, before building either screen.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("pacer: load translations: %w", err)
	}
	return nil
}

// Store is where finished sessions are saved; *journal.Vault satisfies it.
type Store interface {
	Create(journal.Record) (journal.Record, error)
	Update(journal.Record) (journal.Record, error)
}

// Config is what both screens need from the app.
type Config struct {
	// Player plays the session's sound (the app's one device player).
	Player audio.Player
	// NoOutput is non-nil when the app knows there is no sound output; the screens
	// then run silently on their own clock and say so once, kindly. A Player that
	// returns an error wrapping audio.ErrNoOutput from Play has the same effect.
	NoOutput error
	// Store saves a practice-session record when a session ends.
	Store Store
	// Practice is the built-in practice the screen plays ("breathing-pacer" or
	// "silent-timer"), for its title, lengths and safety note; nil uses defaults.
	Practice *resources.Practice
	// Prefs remembers the last settings; nil forgets them.
	Prefs fyne.Preferences
	// Now is the wall clock (time.Now when nil).
	Now func() time.Time
	// OnNeedSupport is called when a rating of 8 or more is chosen, so the app can
	// gently offer its support screen. It must not block.
	OnNeedSupport func()
}

// withDefaults fills in the optional parts of c.
func (c Config) withDefaults() Config {
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// title is the practice's title, or fallback.
func (c Config) title(fallback string) string {
	if c.Practice != nil && c.Practice.Title != "" {
		return c.Practice.Title
	}
	return fallback
}

// lengths returns the practice's lengths in minutes, or fallback.
func (c Config) lengths(fallback []int, def int) ([]int, int) {
	if c.Practice != nil && len(c.Practice.Lengths) > 0 {
		return c.Practice.Lengths, c.Practice.DefaultLength
	}
	return fallback, def
}

// minSavedSeconds is the least practice an ended-early session needs to be saved:
// a start tapped by mistake is not a practice.
const minSavedSeconds = 30

// sessionRecord builds the practice-session record of a session (conventions in
// ui-screens.md): whole seconds practised, whether it ran to its end, its length.
func sessionRecord(c Config, id, title string, practised, length time.Duration, completed bool) journal.Record {
	r := journal.Record{
		Kind:  journal.KindPracticeSession,
		Title: title,
		Meta: map[string]string{
			"practice_id":    id,
			"practice_title": title,
			"seconds":        strconv.Itoa(int(practised / time.Second)),
			"completed":      strconv.FormatBool(completed),
			"length_minutes": strconv.Itoa(int(length / time.Minute)),
		},
	}
	if p := c.Practice; p != nil && p.PackID != "" && p.PackID != resources.BuiltinID {
		r.Meta["pack_id"] = p.PackID
	}
	return r
}

// clockText formats d as m:ss (or h:mm:ss), rounding up so a countdown shows 0:00
// only at the very end.
func clockText(d time.Duration, up bool) string {
	if d < 0 {
		d = 0
	}
	s := int(d / time.Second)
	if up && d%time.Second != 0 {
		s++
	}
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// loop calls frame on the UI goroutine every interval until halted. It is the only
// goroutine the screens start, and it runs only while a session is playing.
type loop struct {
	stop chan struct{}
	done chan struct{}
}

// startLoop starts a loop handing frame to do (fyne.Do) every interval.
func startLoop(interval time.Duration, do func(func()), frame func()) *loop {
	l := &loop{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-t.C:
				do(frame)
			}
		}
	}()
	return l
}

// halt stops the loop and waits for its goroutine to end. A frame already queued
// with fyne.Do may still run; frames check the screen's state first.
func (l *loop) halt() {
	if l == nil {
		return
	}
	close(l.stop)
	<-l.done
}

// players chooses the player for a session: the app's own when sound is wanted and
// there is an output, else a silent one that runs the session on a clock.
type players struct {
	device    audio.Player
	noOutput  error
	silent    audio.Player
	newSilent func() audio.Player
	async     func(func()) // runs slow work off the UI goroutine
}

func newPlayers(c Config) *players {
	return &players{
		device: c.Player, noOutput: c.NoOutput,
		newSilent: func() audio.Player { return audio.NewSilentPlayer() },
		async:     func(f func()) { go f() },
	}
}

// quiet returns the silent player, made on first use.
func (p *players) quiet() audio.Player {
	if p.silent == nil {
		p.silent = p.newSilent()
	}
	return p.silent
}

// play starts s on the device player when sound is wanted and possible, else on the
// silent player. The device may take a moment to open, so play works off the UI
// goroutine and calls done on it with the player in use and any error. When the
// device has no output it falls back to the silent player and remembers why.
func (p *players) play(s *audio.Session, sound bool, done func(audio.Player, error)) {
	dev := p.device
	if !sound || p.noOutput != nil || dev == nil {
		q := p.quiet()
		done(q, q.Play(s))
		return
	}
	p.async(func() {
		err := dev.Play(s)
		fyne.Do(func() {
			if err != nil && isNoOutput(err) {
				p.noOutput = err
				q := p.quiet()
				done(q, q.Play(s))
				return
			}
			done(dev, err)
		})
	})
}

// isNoOutput reports whether err says there is no sound output.
func isNoOutput(err error) bool { return errors.Is(err, audio.ErrNoOutput) }
