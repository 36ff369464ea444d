package ui

import (
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// Config is what the desktop app needs from its caller.
type Config struct {
	// DataDir is the folder that holds the vault (created if missing).
	DataDir string
	// VaultOptions are passed to every journal.Create/Open call; tests use a cheap KDF.
	VaultOptions []journal.Option
	// Version is shown in the About dialog.
	Version string
	// Clock gives the time and timers; nil means the real clock.
	Clock Clock
	// Background runs slow work (key derivation) off the UI goroutine and then calls
	// done on the UI goroutine. Nil means a goroutine plus fyne.Do. Tests pass a
	// function that runs both at once, so they stay on one goroutine.
	Background func(work, done func())

	// Player plays the practices' sound (audio/device in the app). Nil means an
	// audio.SilentPlayer: practices then run as text with visual bells.
	Player audio.Player
	// ProbeAudio, when set, checks the sound output. It can take a moment, so it runs
	// once in Background at start; an error (wrapping audio.ErrNoOutput) makes the
	// practice screens play silently and say so calmly.
	ProbeAudio func() error
	// LoadLibrary loads the practices, lessons and exercises (built-in plus installed
	// packs). Nil means resources.LoadLibrary(DataDir).
	LoadLibrary func() (*resources.Library, error)
	// TrayAllowed lets Hearth put an icon in the system tray when the daily reminder
	// is on. cmd/hearth sets it only where a tray is safe (on Linux, with a session
	// D-Bus: without one Fyne's tray crashes on quit).
	TrayAllowed bool
	// Locale is the user's locale (for example "en-GB"); its region picks the
	// helplines shown first. Empty means Fyne's lang.SystemLocale().
	Locale string
}

// Clock is the source of time and timers for the UI, so tests can drive autosave and
// auto-lock without waiting.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// AfterFunc calls f on the UI goroutine once d has passed, unless stop is called first.
	AfterFunc(d time.Duration, f func()) (stop func())
}

// realClock is the wall clock; its timers hand their callback to the UI goroutine.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) AfterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// inBackground is the default Config.Background. The slow work is key derivation:
// Argon2id fills 64 MiB that is garbage a moment later, so the memory is handed back
// to the system straight away instead of staying in the process for minutes.
func inBackground(work, done func()) {
	go func() {
		work()
		debug.FreeOSMemory()
		fyne.Do(done)
	}()
}

// withDefaults fills the optional fields of c.
func (c Config) withDefaults() Config {
	if c.Clock == nil {
		c.Clock = realClock{}
	}
	if c.Background == nil {
		c.Background = inBackground
	}
	if c.Version == "" {
		c.Version = "dev"
	}
	if c.LoadLibrary == nil {
		dir := c.DataDir
		c.LoadLibrary = func() (*resources.Library, error) { return resources.LoadLibrary(dir) }
	}
	return c
}

// Preference keys (UI settings only; nothing the user writes goes into preferences).
const (
	prefTextScale     = "ui.textScale"
	prefAppearance    = "ui.appearance"
	prefAutoLockMins  = "security.autoLockMinutes"
	prefWindowWidth   = "window.width"
	prefWindowHeight  = "window.height"
	defaultAutoLock   = 10
	autosaveDelay     = time.Second
	minPassphraseRune = 8
)
