package practice

import (
	"embed"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
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
	stage     *stepView
	ember     *ember
	warn      *widget.RichText
	progress  *widget.Slider
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
	vol       [3]*widget.Slider

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

// ready resets the player for a new session of the current practice.
func (s *Screen) ready() {
	s.stopWatch()
	s.phase = phaseReady
	s.state = audio.StateIdle
	s.rec = &session{practice: s.cur, minutes: s.minutes, before: noRating, after: noRating}
	s.saved = false
	s.lastPos, s.bellPos, s.dragging = 0, -1, false
	s.ember.Stop()
	s.before.Reset()
	s.after.Reset()
	s.safety.Hidden = s.cur == nil || s.cur.SafetyNote == ""
	s.before.root.Show()
	s.setup.Show()
	s.finish.Hide()
	s.running.Show()
	s.saveErr.Hide()
	s.endBtn.Hide()
	s.playBtn.Show()
	s.progress.Disable()
	s.progress.Value = 0
	s.progress.Refresh()
	s.stage.Set(lang.L("When you're ready, press Begin."), false)
	s.updateButton()
	s.updateTimes(0)
	s.plView.Refresh()
}

// rebuild builds the session for the chosen length and background off the UI
// goroutine. keepPlace continues a running session from the same step (length) or
// position (background).
func (s *Screen) rebuild(keepPlace bool) {
	s.buildGen++
	gen, p, minutes, bg, lengths := s.buildGen, s.cur, s.minutes, s.bg, s.lengths
	s.playBtn.Disable()
	s.async(func() {
		var err error
		if lengths == nil {
			lengths, err = audio.AvailableLengths(p, audio.Options{})
		}
		var sess *audio.Session
		if err == nil {
			minutes = pickLength(lengths, minutes)
			sess, err = audio.SessionForPractice(p, audio.Options{
				Length: time.Duration(minutes) * time.Minute, Background: bg, Bell: audio.BellBowl,
			}, audio.DefaultPacer())
		}
		fyne.Do(func() { s.built(gen, lengths, minutes, sess, err, keepPlace) })
	})
}

// pickLength is want if the practice can be played that long, else the nearest.
func pickLength(lengths []int, want int) int {
	best := want
	for i, n := range lengths {
		if n == want {
			return n
		}
		if i == 0 || abs(n-want) < abs(best-want) {
			best = n
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// built takes a built session into the player.
func (s *Screen) built(gen int, lengths []int, minutes int, sess *audio.Session, err error, keepPlace bool) {
	if gen != s.buildGen || s.cur == nil {
		return
	}
	if err != nil {
		page.SetNote(s.warn, lang.L("This practice couldn't be prepared just now, so it can't be played. Other practices should still work."))
		s.warn.Show()
		return
	}
	old := s.sess
	s.lengths, s.minutes, s.sess = lengths, minutes, sess
	s.steps, s.strikes = sess.Steps(), sess.Strikes()
	s.rec.minutes = minutes
	s.warn.Hidden = len(sess.Warnings()) == 0
	if !s.warn.Hidden {
		page.SetNote(s.warn, lang.L("Some of the voice couldn't be read, so those steps are shown as text."))
	}
	s.fillLengths()
	s.progress.Max = max(sess.Duration().Seconds(), 1)
	s.playBtn.Enable()
	if keepPlace && s.phase == phaseRunning {
		s.continueIn(old, sess)
		return
	}
	s.updateTimes(0)
}

// continueIn swaps a running session for the rebuilt one, carrying on from the same
// step (or the same place, when the length did not change).
func (s *Screen) continueIn(old, sess *audio.Session) {
	st := s.player.Status()
	pos := st.Position
	if old != nil && old.Duration() != sess.Duration() {
		pos = 0
		if st.Step >= 0 && st.Step < len(s.steps) {
			pos = audio.Duration(s.steps[st.Step].Start)
		} else if st.Step < 0 && len(old.Steps()) > 0 && audio.Samples(st.Position) >= old.Steps()[0].Start {
			pos = max(sess.Duration()-10*time.Second, 0) // past the last step: the closing bell
		}
	}
	wasPaused := st.State == audio.StatePaused
	if !s.play() {
		return
	}
	if pos > 0 {
		_ = s.player.Seek(pos)
	}
	if wasPaused {
		_ = s.player.Pause()
		s.stopWatch()
	}
	s.lastPos, s.bellPos = pos, audio.Samples(pos)
	s.poll()
}

// fillLengths shows the lengths in the chooser.
func (s *Screen) fillLengths() {
	opts := make([]string, len(s.lengths))
	sel := ""
	for i, n := range s.lengths {
		opts[i] = minutesText(n)
		if n == s.minutes {
			sel = opts[i]
		}
	}
	s.lengthSel.Options = opts
	s.lengthSel.Selected = sel
	s.lengthSel.Refresh()
	if len(opts) > 1 {
		s.lengthSel.Enable()
	} else {
		s.lengthSel.Disable()
	}
}

func minutesText(n int) string {
	return lang.XN("practice.minutes", "{{.Count}} minutes", n, map[string]any{"Count": n})
}

// chooseLength is the length chooser's OnChanged.
func (s *Screen) chooseLength(label string) {
	for _, n := range s.lengths {
		if minutesText(n) == label && n != s.minutes {
			s.minutes = n
			s.rebuild(true)
			return
		}
	}
}

// chooseBackground is the background chooser's OnChanged.
func (s *Screen) chooseBackground(label string) {
	for _, b := range audio.Backgrounds() {
		if backgroundName(b) == label && b != s.bg {
			s.bg = b
			if s.prefs != nil {
				s.prefs.SetString(PrefBackground, b.String())
			}
			if s.cur != nil {
				s.rebuild(true)
			}
			return
		}
	}
}

func backgroundName(b audio.Background) string {
	switch b {
	case audio.BackgroundNone:
		return lang.L("None")
	case audio.BackgroundPink:
		return lang.L("Soft waterfall")
	case audio.BackgroundBrown:
		return lang.L("Distant surf")
	case audio.BackgroundRain:
		return lang.L("Gentle rain")
	case audio.BackgroundOcean:
		return lang.L("Ocean waves")
	}
	return b.String()
}

// Toggle starts, pauses or resumes the session: the play button and Space.
func (s *Screen) Toggle() {
	if s.cur == nil || !s.plView.Visible() {
		return
	}
	switch {
	case s.phase == phaseReady:
		s.begin()
	case s.phase == phaseRunning && s.state == audio.StatePlaying:
		_ = s.player.Pause()
		s.stopWatch()
		s.poll()
	case s.phase == phaseRunning:
		if err := s.player.Resume(); errors.Is(err, audio.ErrNoOutput) {
			pos := s.player.Position()
			s.goSilent()
			if s.play() && pos > 0 {
				_ = s.player.Seek(pos)
			}
		}
		s.startWatch()
		s.poll()
	}
}

// begin starts the session.
func (s *Screen) begin() {
	if s.sess == nil {
		return
	}
	s.phase = phaseRunning
	s.rec.played = 0
	s.lastPos, s.bellPos = 0, -1
	s.safety.Hide()
	s.before.root.Hide()
	s.endBtn.Show()
	s.progress.Enable()
	if !s.play() {
		s.phase = phaseReady
		return
	}
	s.poll()
}

// play plays the built session, falling back to silent mode when there is no sound
// output, and starts watching it.
func (s *Screen) play() bool {
	err := s.player.Play(s.sess)
	if errors.Is(err, audio.ErrNoOutput) && !s.silent {
		s.goSilent()
		err = s.player.Play(s.sess)
	}
	if err != nil {
		page.SetNote(s.warn, lang.L("The practice couldn't start just now. You might try again in a moment."))
		s.warn.Show()
		return false
	}
	s.startWatch()
	return true
}

// goSilent switches to text-and-visual-bell mode with a SilentPlayer of its own.
func (s *Screen) goSilent() {
	if s.silent {
		return
	}
	s.silent = true
	s.player = audio.NewSilentPlayer()
	s.applyVolumes()
	s.notice.Show()
	s.ember.root.Show()
	s.sound.Hide()
	s.bgSel.Disable()
}

// end is the End button: stop early. A session that played long enough goes to the
// finish card; a short try returns to the start.
func (s *Screen) end() {
	if s.phase != phaseRunning {
		return
	}
	s.poll()
	s.stopWatch()
	_ = s.player.Stop()
	if s.rec.worthSaving() {
		s.finished(false)
		return
	}
	s.ready()
}

// seek is the progress slider's OnChangeEnded.
func (s *Screen) seek(seconds float64) {
	s.dragging = false
	if s.phase != phaseRunning {
		return
	}
	pos := time.Duration(seconds * float64(time.Second))
	_ = s.player.Seek(pos)
	s.lastPos, s.bellPos = pos, audio.Samples(pos)
	s.poll()
}

// poll reads the player's status and shows it.
func (s *Screen) poll() { s.apply(s.player.Status()) }

// apply shows a status: position, times, the step's text, bells, the button.
func (s *Screen) apply(st audio.Status) {
	if s.phase != phaseRunning {
		return
	}
	s.state = st.State
	if d := st.Position - s.lastPos; d > 0 {
		s.rec.played += d
	}
	s.lastPos = st.Position
	if !s.dragging {
		s.progress.Value = st.Position.Seconds()
		s.progress.Refresh()
		s.updateTimes(st.Position)
	}
	s.stage.Set(s.stepText(st), true)
	if s.silent {
		s.showBells(audio.Samples(st.Position))
	}
	if st.Err != nil {
		page.SetNote(s.warn, lang.L("Some of the voice couldn't be read, so those steps are shown as text."))
		s.warn.Show()
	}
	s.updateButton()
	switch st.State {
	case audio.StateFinished:
		s.finished(true)
	case audio.StateIdle:
		s.finished(false)
	}
}

// showBells pulses the ember for each bell between the last poll and pos.
func (s *Screen) showBells(pos int) {
	rang := false
	for _, b := range s.strikes {
		if b.At > s.bellPos && b.At <= pos {
			rang = true
		}
	}
	if rang {
		s.ember.Pulse()
	}
	s.bellPos = max(s.bellPos, pos)
}

// stepText is what the stage shows at st.
func (s *Screen) stepText(st audio.Status) string {
	if st.Step >= 0 && st.Step < len(s.steps) {
		return s.steps[st.Step].Text
	}
	switch {
	case len(s.steps) == 0:
		return s.cur.Summary
	case audio.Samples(st.Position) < s.steps[0].Start:
		return lang.L("Settling in. The guidance begins in a moment.")
	}
	return lang.L("Rest here for a moment as the practice comes to a close.")
}

// finished shows the end of the session: the after rating and the reflection.
func (s *Screen) finished(completed bool) {
	s.stopWatch()
	s.phase = phaseFinished
	s.rec.completed = completed
	s.endBtn.Hide()
	s.playBtn.Hide()
	s.running.Hide()
	s.setup.Hide()
	if completed {
		s.stage.Set(lang.L("The practice has ended. Take a moment before you move on."), true)
	} else {
		s.stage.Set(lang.L("You ended the practice there, and that's fine."), true)
	}
	s.after.Reset()
	s.writeBtn.Hidden = s.prompt == "" || s.cb.OnOpenPrompt == nil
	if s.writeBtn.Hidden {
		s.finishTxt.SetText(lang.L("Thank you for taking this time for yourself."))
	} else {
		s.finishTxt.SetText(lang.L("Thank you for taking this time for yourself. Would you like to write a few lines about it?"))
	}
	s.finish.Show()
	s.plView.Refresh()
}

// save saves the session's record once.
func (s *Screen) save() error {
	if s.saved || s.store == nil || s.rec == nil {
		return nil
	}
	if _, err := s.store.Create(s.rec.Record()); err != nil {
		page.SetNote(s.saveErr, lang.L("Hearth couldn't save this session to your journal just now. You might try again in a moment."))
		s.saveErr.Show()
		return fmt.Errorf("saving the practice session: %w", err)
	}
	s.saved = true
	s.saveErr.Hide()
	return nil
}

// rated handles a before or after rating.
func (s *Screen) rated(v int, after bool) {
	if s.rec == nil {
		return
	}
	if after {
		s.rec.after = v
	} else {
		s.rec.before = v
	}
	if v >= SupportThreshold && s.cb.OnNeedSupport != nil {
		s.cb.OnNeedSupport()
	}
}

// updateButton labels the play button for the state.
func (s *Screen) updateButton() {
	switch {
	case s.phase == phaseReady:
		s.playBtn.SetText(lang.L("Begin"))
		s.playBtn.SetIcon(theme.MediaPlayIcon())
	case s.state == audio.StatePlaying:
		s.playBtn.SetText(lang.L("Pause"))
		s.playBtn.SetIcon(theme.MediaPauseIcon())
	default:
		s.playBtn.SetText(lang.L("Continue"))
		s.playBtn.SetIcon(theme.MediaPlayIcon())
	}
}

// updateTimes shows the elapsed and remaining time at pos.
func (s *Screen) updateTimes(pos time.Duration) {
	var length time.Duration
	if s.sess != nil {
		length = s.sess.Duration()
	}
	s.elapsed.SetText(clock(pos))
	s.remaining.SetText(lang.L("{{.Time}} left", map[string]any{"Time": clock(length - pos)}))
}

// startWatch follows the player while it plays: on Changed and on a 4 Hz ticker.
func (s *Screen) startWatch() {
	if s.watchStop != nil || s.manualPoll {
		return
	}
	stop := make(chan struct{})
	s.watchStop = stop
	s.watchGen++
	gen, pl := s.watchGen, s.player // read here: the goroutine must not touch s
	tick, stopTick := s.ticker(pollEvery)
	s.watchWG.Add(1)
	go func() {
		defer s.watchWG.Done()
		defer stopTick()
		for {
			select {
			case <-stop:
				return
			case <-pl.Changed():
			case <-tick:
			}
			st := pl.Status()
			s.do(func() {
				if gen == s.watchGen && s.watchStop != nil {
					s.apply(st)
				}
			})
		}
	}()
}

// stopWatch stops following the player.
func (s *Screen) stopWatch() {
	if s.watchStop != nil {
		close(s.watchStop)
		s.watchStop = nil
		s.watchGen++
	}
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

// applyVolumes sets the player's volumes from the sliders.
func (s *Screen) applyVolumes() {
	for l, sl := range s.vol {
		_ = s.player.SetVolume(audio.Layer(l), int(sl.Value))
	}
}

// build makes every widget once.
func (s *Screen) build() {
	s.libBox = container.NewVBox()
	s.libView = page.Scroll(s.libBox)

	back := widget.NewButtonWithIcon(lang.L("All practices"), theme.NavigateBackIcon(), s.back)
	back.Importance = widget.LowImportance
	s.title = page.Heading("")
	s.meta = page.Note("")
	s.notice = page.NewCard("", page.Paragraph(lang.L("No sound output found — the practice will show its text and bells visually. A soft ember glows at each bell.")))
	s.notice.Hide()
	s.safetyTxt = page.Paragraph("")
	s.safety = page.NewCard(lang.L("Before you begin"), s.safetyTxt)
	s.before = newRating(lang.L("How unsettled do you feel right now?"), func(v int) { s.rated(v, false) })
	s.after = newRating(lang.L("And how unsettled do you feel now?"), func(v int) { s.rated(v, true) })

	s.lengthSel = widget.NewSelect(nil, s.chooseLength)
	s.lengthSel.PlaceHolder = lang.L("Length")
	var bgNames []string
	for _, b := range audio.Backgrounds() {
		bgNames = append(bgNames, backgroundName(b))
	}
	s.bgSel = widget.NewSelect(bgNames, nil)
	if s.prefs != nil {
		if b, err := audio.ParseBackground(s.prefs.String(PrefBackground)); err == nil {
			s.bg = b
		}
	}
	s.bgSel.Selected = backgroundName(s.bg)
	s.bgSel.OnChanged = s.chooseBackground
	s.setup = page.NewCard("", container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Length")), s.lengthSel,
		widget.NewLabel(lang.L("Background sound")), s.bgSel))

	s.stage = newStepView()
	s.ember = newEmber()
	s.ember.root.Hide()
	stage := page.NewCard("", s.ember.root, page.Padded(theme.Padding()*2, page.Readable(560, s.stage.root)))
	s.warn = page.Note("")
	s.warn.Hide()

	s.progress = widget.NewSlider(0, 1)
	s.progress.Step = 1
	s.progress.OnChanged = func(v float64) {
		s.dragging = true
		s.updateTimes(time.Duration(v * float64(time.Second)))
	}
	s.progress.OnChangeEnded = s.seek
	s.elapsed = widget.NewLabel("0:00")
	s.remaining = widget.NewLabel("")
	times := container.NewBorder(nil, nil, s.elapsed, s.remaining)
	s.playBtn = widget.NewButtonWithIcon(lang.L("Begin"), theme.MediaPlayIcon(), s.Toggle)
	s.playBtn.Importance = widget.HighImportance
	s.endBtn = widget.NewButtonWithIcon(lang.L("End"), theme.MediaStopIcon(), s.end)
	controls := container.NewHBox(layout.NewSpacer(), s.playBtn, s.endBtn, layout.NewSpacer())
	spaceHint := mutedLine(lang.L("Space pauses and continues."))
	spaceHint.Segments[0].(*widget.TextSegment).Style.Alignment = fyne.TextAlignCenter

	s.finishTxt = page.Paragraph("")
	s.writeBtn = widget.NewButton(lang.L("Write about it"), func() {
		if s.save() == nil && s.cb.OnOpenPrompt != nil {
			id := s.prompt
			s.ready()
			s.cb.OnOpenPrompt(id)
		}
	})
	s.writeBtn.Importance = widget.HighImportance
	s.notNowBtn = widget.NewButton(lang.L("Not now"), func() {
		if s.save() == nil {
			s.ready()
			s.showLibrary()
		}
	})
	s.saveErr = page.Note("")
	s.saveErr.Hide()
	s.finish = container.NewVBox(s.after.root, page.NewCard("", s.finishTxt,
		container.NewHBox(layout.NewSpacer(), s.notNowBtn, s.writeBtn), s.saveErr))

	names := []string{lang.L("Voice"), lang.L("Background"), lang.L("Bells")}
	prefKeys := []string{PrefVoiceVolume, PrefBackgroundVolume, PrefBellsVolume}
	def := audio.DefaultVolumes()
	form := container.New(layout.NewFormLayout())
	for i := range s.vol {
		sl := widget.NewSlider(0, 100)
		sl.Step = 1
		sl.Value = float64(def[i])
		if s.prefs != nil {
			sl.Value = float64(min(max(s.prefs.IntWithFallback(prefKeys[i], def[i]), 0), 100))
		}
		layer, key := audio.Layer(i), prefKeys[i]
		sl.OnChanged = func(v float64) {
			_ = s.player.SetVolume(layer, int(v))
			if s.prefs != nil {
				s.prefs.SetInt(key, int(v))
			}
		}
		s.vol[i] = sl
		form.Add(widget.NewLabel(names[i]))
		form.Add(sl)
	}
	s.sound = page.NewCard(lang.L("Sound"), form)

	s.running = container.NewVBox(s.progress, times, controls, spaceHint)
	body := container.NewVBox(
		container.NewHBox(back), s.title, s.meta, s.notice, s.safety, s.before.root, s.setup,
		stage, s.warn, s.running, s.finish, s.sound)
	s.plView = page.Scroll(body)
	s.plView.Hide()
	s.root = container.NewStack(s.libView, s.plView)
}
