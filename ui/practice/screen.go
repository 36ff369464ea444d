package practice

import (
	"embed"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the Practice screen's strings to fyne's lang bundle. Call
// it once at start-up, before building the screen.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("practice: load translations: %w", err)
	}
	return nil
}

// Store saves practice-session records; *journal.Vault satisfies it.
type Store interface {
	Create(journal.Record) (journal.Record, error)
}

// Callbacks are how the screen asks the shell to go elsewhere. Any may be nil.
type Callbacks struct {
	// OnOpenPacer opens the breathing pacer (practices of kind pacer).
	OnOpenPacer func()
	// OnOpenTimer opens the silent timer (practices of kind timer).
	OnOpenTimer func()
	// OnOpenPrompt opens the journal to answer the prompt with that ID.
	OnOpenPrompt func(promptID string)
	// OnNeedSupport gently offers the support screen after a rating of
	// SupportThreshold or more. It must not block.
	OnNeedSupport func()
}

// Preference keys the screen remembers the listener's sound choices under.
const (
	PrefVoiceVolume      = "practice.volume.voice"
	PrefBackgroundVolume = "practice.volume.background"
	PrefBellsVolume      = "practice.volume.bells"
	PrefBackground       = "practice.background"
)

// pollEvery is how often the position is read while a session plays (4 Hz).
const pollEvery = 250 * time.Millisecond

// phase is where the player is in one session.
type phase int

const (
	phaseReady    phase = iota // chosen, not started
	phaseRunning               // playing or paused
	phaseFinished              // ended; the after rating and reflection are offered
)

// Screen is the Practice screen. Use it on the UI goroutine.
type Screen struct {
	lib    *resources.Library
	player audio.Player // the player in use: the app's, or silentPlayer
	silent bool         // no sound output: text and visual bells
	store  Store
	prefs  fyne.Preferences
	cb     Callbacks

	// async runs slow work (building a session opens its recordings) off the UI
	// goroutine; its result comes back through fyne.Do. Tests run it inline.
	async func(func())
	// ticker makes the position ticker; tests replace it.
	ticker func(time.Duration) (<-chan time.Time, func())
	// do hands the watcher's updates to the UI goroutine: fyne.Do, or the test.
	do func(func())
	// manualPoll turns the watcher off: tests call poll themselves.
	manualPoll bool

	root    *fyne.Container
	libView fyne.CanvasObject
	libBox  *fyne.Container
	plView  *container.Scroll

	title     *widget.Label
	meta      *widget.RichText
	notice    *page.Card
	safety    *page.Card
	safetyTxt *widget.Label
	before    *rating
	after     *rating
	setup     *page.Card
	lengthSel *widget.Select
	bgSel     *widget.Select
	bgLabel   *widget.Label
	stage     *stepView
	ember     *ember
	warn      *widget.RichText
	progress  *keySlider
	elapsed   *widget.Label
	remaining *widget.Label
	playBtn   *widget.Button
	endBtn    *widget.Button
	finish    *fyne.Container // the after rating and the reflection offer
	running   *fyne.Container // progress, times, controls: hidden once finished
	finishTxt *widget.Label
	writeBtn  *widget.Button
	notNowBtn *widget.Button
	saveErr   *widget.RichText
	sound     *page.Card
	vol       [3]*keySlider

	// The practice open in the player.
	cur      *resources.Practice
	lengths  []int // minutes it can be played at
	minutes  int
	bg       audio.Background
	sess     *audio.Session
	steps    []audio.Step
	strikes  []audio.Strike
	rec      *session
	saved    bool
	prompt   string
	phase    phase
	state    audio.State
	lastPos  time.Duration // the position at the last poll, for counting time played
	bellPos  int           // samples up to which bells have been shown
	dragging bool
	buildGen int

	watchStop chan struct{}
	watchGen  int
	watchWG   sync.WaitGroup

	canvas  fyne.Canvas
	prevKey func(*fyne.KeyEvent)
	keysOn  bool
}

// New builds the Practice screen. player is the app's audio player and noOutput the
// error from probing the sound output (nil when sound works); with an error the
// screen plays silently (see the package doc). store saves session records (nil saves
// nothing); prefs (may be nil) remembers volumes and the background.
func New(lib *resources.Library, player audio.Player, noOutput error, store Store, prefs fyne.Preferences, cb Callbacks) *Screen {
	s := &Screen{lib: lib, player: player, store: store, prefs: prefs, cb: cb,
		async: func(f func()) { go f() }, ticker: realTicker, do: fyne.Do}
	s.build()
	s.buildLibrary()
	if noOutput != nil || player == nil {
		s.goSilent()
	}
	s.applyVolumes()
	return s
}

func realTicker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// Content is the screen's root object, built once.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Refresh rebuilds the library from the current Library.
func (s *Screen) Refresh() { s.buildLibrary() }

// SetLibrary replaces the library (after a pack is imported or removed) and shows it.
func (s *Screen) SetLibrary(lib *resources.Library) {
	s.Stop()
	s.lib = lib
	s.buildLibrary()
	s.showLibrary()
}

// Focus is called by the shell when the screen is shown on canvas c: Space then
// toggles play and pause while the player is visible.
func (s *Screen) Focus(c fyne.Canvas) {
	s.canvas = c
	if s.plView.Visible() {
		s.keysOnCanvas()
	}
}

// Stop stops playback and the position ticker (the user navigated away or locked).
// A session that played long enough, or that finished, is saved. The player then
// waits, ready, on the same practice.
func (s *Screen) Stop() {
	s.keysOff()
	switch s.phase {
	case phaseRunning:
		s.poll()
		s.stopWatch()
		_ = s.player.Stop()
		if s.rec.worthSaving() {
			_ = s.save()
		}
		s.ready()
	case phaseFinished:
		_ = s.save()
		s.ready()
	}
}

// OpenPractice shows the practice with that ID: the player for a guided practice, or
// the pacer or timer through their callbacks. It returns false when the library has
// no such practice.
func (s *Screen) OpenPractice(id string) bool {
	p := s.lib.Practice(id)
	if p == nil {
		return false
	}
	switch p.Kind {
	case resources.KindPacer:
		if s.cb.OnOpenPacer != nil {
			s.cb.OnOpenPacer()
		}
		return true
	case resources.KindTimer:
		if s.cb.OnOpenTimer != nil {
			s.cb.OnOpenTimer()
		}
		return true
	}
	s.Stop()
	s.cur = p
	s.lengths = nil
	s.sess = nil
	s.minutes = p.DefaultLength
	s.prompt = PromptFor(s.lib, p.ID)
	s.title.SetText(p.Title)
	var meta []string
	if f := fromPack(p); f != "" {
		meta = append(meta, f)
	}
	if p.SynthesisedVoice {
		meta = append(meta, lang.L("Voice: synthesised"))
	}
	page.SetNote(s.meta, joinDot(meta))
	s.meta.Hidden = len(meta) == 0
	s.safetyTxt.SetText(p.SafetyNote)
	s.lengthSel.Options = nil
	s.lengthSel.ClearSelected()
	s.ready()
	s.showPlayer()
	s.rebuild(false)
	return true
}

func joinDot(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " · "
		}
		out += p
	}
	return out
}

// showLibrary shows the list of practices.
func (s *Screen) showLibrary() {
	s.keysOff()
	s.plView.Hide()
	s.libView.Show()
}

// showPlayer shows the player.
func (s *Screen) showPlayer() {
	s.libView.Hide()
	s.plView.Show()
	s.plView.ScrollToTop()
	s.keysOnCanvas()
}

// back leaves the player for the library, saving what should be saved.
func (s *Screen) back() {
	s.Stop()
	s.showLibrary()
}

// keysOnCanvas lets Space toggle play and pause, chaining the canvas's handler.
func (s *Screen) keysOnCanvas() {
	if s.keysOn {
		return
	}
	c := s.canvas
	if c == nil {
		c = fyne.CurrentApp().Driver().CanvasForObject(s.root)
	}
	if c == nil {
		return
	}
	s.canvas, s.keysOn = c, true
	s.prevKey = c.OnTypedKey()
	prev := s.prevKey
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeySpace && s.plView.Visible() {
			s.Toggle()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
}

// keysOff gives the canvas its own key handler back.
func (s *Screen) keysOff() {
	if !s.keysOn {
		return
	}
	s.keysOn = false
	s.canvas.SetOnTypedKey(s.prevKey)
	s.prevKey = nil
}
