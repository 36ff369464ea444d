package pacer

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/page"
)

// frameInterval is the pacer's redraw rate while a session plays: 20 frames a
// second is smooth for a shape that takes seconds to grow, and cheap.
const frameInterval = 50 * time.Millisecond

// Preference keys the pacer remembers its settings under.
const (
	prefBPM     = "pacer.breaths_per_minute"
	prefRatio   = "pacer.out_ratio"
	prefHoldIn  = "pacer.hold_in_seconds"
	prefHoldOut = "pacer.hold_out_seconds"
	prefLength  = "pacer.length_minutes"
	prefTones   = "pacer.tones"
)

// Settings are the pacer's choices.
type Settings struct {
	Pacer  audio.Pacer
	Length time.Duration
	Tones  bool
}

// Screen is the breathing pacer: a shape that grows on the in-breath and shrinks on
// the out-breath, with calm words, a gentle count and optional soft tones. Use it on
// the UI goroutine.
type Screen struct {
	session // the session lifecycle and controls it shares with the timer

	settings Settings
	model    Model
	modelErr error
	shown    struct { // what the labels show, to redraw only on change
		kind  audio.BreathKind
		done  bool
		count int
		secs  int
	}

	root    fyne.CanvasObject
	shape   *hearthShape
	cue     *widget.RichText
	count   *widget.RichText
	elapsed *widget.RichText
	bpm     *stepper
	ratio   *stepper
	holdIn  *stepper
	holdOut *stepper
	length  *widget.Select
	tones   *widget.Check
	rhythm  *widget.RichText
}

// New builds the breathing pacer from c (c.Practice is normally the built-in
// "breathing-pacer" practice).
func New(c Config) *Screen {
	c = c.withDefaults()
	s := &Screen{session: newSession(c, frameInterval)}
	s.view = s
	s.settings = s.loadSettings()
	s.build()
	s.rebuildModel()
	return s
}

// pacerLengths are the practice lengths in minutes when no practice is given.
var pacerLengths = []int{3, 5, 10, 15, 20}

// loadSettings reads the remembered settings, falling back to audio's defaults.
func (s *Screen) loadSettings() Settings {
	st := Settings{Pacer: audio.DefaultPacer(), Tones: true}
	lengths, def := s.cfg.lengths(pacerLengths, 5)
	st.Length = time.Duration(def) * time.Minute
	p := s.cfg.Prefs
	if p == nil {
		return st
	}
	st.Pacer.BreathsPerMinute = p.FloatWithFallback(prefBPM, st.Pacer.BreathsPerMinute)
	st.Pacer.OutRatio = p.FloatWithFallback(prefRatio, st.Pacer.OutRatio)
	st.Pacer.HoldIn = time.Duration(p.IntWithFallback(prefHoldIn, 0)) * time.Second
	st.Pacer.HoldOut = time.Duration(p.IntWithFallback(prefHoldOut, 0)) * time.Second
	if m := p.IntWithFallback(prefLength, def); containsInt(lengths, m) {
		st.Length = time.Duration(m) * time.Minute
	}
	st.Tones = p.BoolWithFallback(prefTones, true)
	st.Pacer.OutRatio = min(max(st.Pacer.OutRatio, 1), 2) // the range the screen offers
	if st.Pacer.Validate() != nil {                       // a stale or hand-edited preference
		st.Pacer = audio.DefaultPacer()
	}
	return st
}

// containsInt reports whether x is one of xs.
func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// saveSettings remembers the settings for next time.
func (s *Screen) saveSettings() {
	p := s.cfg.Prefs
	if p == nil {
		return
	}
	st := s.settings
	p.SetFloat(prefBPM, st.Pacer.BreathsPerMinute)
	p.SetFloat(prefRatio, st.Pacer.OutRatio)
	p.SetInt(prefHoldIn, int(st.Pacer.HoldIn/time.Second))
	p.SetInt(prefHoldOut, int(st.Pacer.HoldOut/time.Second))
	p.SetInt(prefLength, int(st.Length/time.Minute))
	p.SetBool(prefTones, st.Tones)
}

// Content returns the screen's widgets (built once).
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Refresh has nothing to reload: the pacer reads nothing from the journal.
func (s *Screen) Refresh() {}

// Settings returns the current choices.
func (s *Screen) Settings() Settings { return s.settings }

// Model returns the timing model of the current settings.
func (s *Screen) Model() Model { return s.model }

// Stop ends a session that is playing or paused (saving it if it lasted long
// enough) and stops the animation. The shell calls it when the screen is hidden.
func (s *Screen) Stop() { s.stop() }

// TogglePause pauses a playing session or resumes a paused one.
func (s *Screen) TogglePause() { s.togglePause() }

// Animating reports whether the redraw loop is running.
func (s *Screen) Animating() bool { return s.animating() }

// centred returns muted, centred text.
func centred(text string, size fyne.ThemeSizeName) *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter, ColorName: page.ColorNameMuted, SizeName: size,
	}})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// setText replaces the text of a RichText made by centred or page.Note.
func setText(rt *widget.RichText, text string) { page.SetNote(rt, text) }

// build makes the screen's widgets: the shape and words, the controls and the settings.
func (s *Screen) build() {
	s.shape = newHearthShape(0.5, 240, false)
	s.cue = centred(lang.L("When you're ready…"), theme.SizeNameSubHeadingText)
	s.cue.Segments[0].(*widget.TextSegment).Style.ColorName = theme.ColorNameForeground
	s.count = centred(" ", theme.SizeNameText)
	s.elapsed = centred(" ", theme.SizeNameCaptionText)
	controls := s.buildControls(s.Start)

	s.notice = centred(lang.L("There's no sound output, so the pacer runs quietly. You can simply follow the shape."), theme.SizeNameText)
	s.notice.Hide()
	if s.players.noOutput != nil {
		s.notice.Show()
	}

	stage := container.NewVBox(
		container.NewCenter(s.shape), s.cue, s.count, s.elapsed,
		container.NewPadded(controls), s.notice, s.problem,
	)

	s.setup = container.NewVBox(s.buildSettings(), s.wrap.beforeCard(), s.buildSafety())

	title := s.cfg.title(lang.L("Breathing pacer"))
	intro := lang.L("A gentle shape and soft tones to breathe along with, at a slow, comfortable pace.")
	if p := s.cfg.Practice; p != nil && p.Summary != "" {
		intro = p.Summary
	}
	s.root = page.Scroll(container.NewVBox(
		page.Heading(title), page.Note(intro), stage, s.wrap.card, s.setup,
	))
	s.showState()
}

// buildSettings makes the card of rhythm, length and tone choices.
func (s *Screen) buildSettings() fyne.CanvasObject {
	p := s.settings.Pacer
	s.bpm = newStepper(4, 7, 0.5, p.BreathsPerMinute, func(v float64) string {
		return strconv.FormatFloat(v, 'f', -1, 64)
	})
	s.ratio = newStepper(1, 2, 0.1, p.OutRatio, func(v float64) string {
		return "1 : " + strconv.FormatFloat(v, 'f', 1, 64)
	})
	holds := func(v float64) string {
		if v == 0 {
			return lang.L("none")
		}
		return lang.L("{{.N}} s", map[string]any{"N": int(v)})
	}
	s.holdIn = newStepper(0, 4, 1, p.HoldIn.Seconds(), holds)
	s.holdOut = newStepper(0, 4, 1, p.HoldOut.Seconds(), holds)
	for _, st := range []*stepper{s.bpm, s.ratio, s.holdIn, s.holdOut} {
		st.changed = func(float64) { s.settingsChanged() }
	}

	lengths, _ := s.cfg.lengths(pacerLengths, 5)
	var opts []string
	for _, m := range lengths {
		opts = append(opts, minutesText(m))
	}
	s.length = widget.NewSelect(opts, nil)
	s.length.SetSelected(minutesText(int(s.settings.Length / time.Minute)))
	s.length.OnChanged = func(string) { s.settingsChanged() }

	s.tones = widget.NewCheck(lang.L("Soft breath tones and bells"), nil)
	s.tones.SetChecked(s.settings.Tones)
	s.tones.OnChanged = func(bool) { s.settingsChanged() }
	if s.players.noOutput != nil {
		s.tones.Disable()
	}
	s.rhythm = page.Note("")

	row := settingRow
	return page.NewCard(lang.L("Your rhythm"),
		row(lang.L("Breaths a minute"), s.bpm.box),
		row(lang.L("In-breath to out-breath"), s.ratio.box),
		row(lang.L("Pause after breathing in"), s.holdIn.box),
		row(lang.L("Pause after breathing out"), s.holdOut.box),
		s.rhythm, widget.NewSeparator(),
		row(lang.L("Length"), container.NewGridWrap(fyne.NewSize(180, s.length.MinSize().Height), s.length)),
		s.tones,
	)
}

// minutesText is a length in whole minutes, for the length choice.
func minutesText(m int) string {
	return lang.L("{{.N}} minutes", map[string]any{"N": m})
}

// minutesFrom parses minutesText back.
func minutesFrom(text string, lengths []int) int {
	for _, m := range lengths {
		if minutesText(m) == text {
			return m
		}
	}
	return 0
}

// seconds formats a duration in seconds with one decimal place.
func seconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) }

// buildSafety makes the practice's gentle safety note.
func (s *Screen) buildSafety() fyne.CanvasObject {
	text := lang.L("Follow the pacer only as far as it feels comfortable, not forced. Breath work is hard for some people, and that is not your fault: you can rest your attention on your feet or on the sounds around you instead, and stop at any time.")
	if p := s.cfg.Practice; p != nil && p.SafetyNote != "" {
		text = p.SafetyNote
	}
	return page.Padded(theme.Padding(), page.Note(text))
}

// settingsChanged reads the controls, rebuilds the model and remembers the choice.
func (s *Screen) settingsChanged() {
	lengths, _ := s.cfg.lengths(pacerLengths, 5)
	st := s.settings
	st.Pacer.BreathsPerMinute = s.bpm.Value()
	st.Pacer.OutRatio = s.ratio.Value()
	st.Pacer.HoldIn = time.Duration(s.holdIn.Value()) * time.Second
	st.Pacer.HoldOut = time.Duration(s.holdOut.Value()) * time.Second
	if m := minutesFrom(s.length.Selected, lengths); m > 0 {
		st.Length = time.Duration(m) * time.Minute
	}
	st.Tones = s.tones.Checked
	s.settings = st
	s.rebuildModel()
	s.saveSettings()
}

// SetSettings applies st (as if chosen with the controls).
func (s *Screen) SetSettings(st Settings) {
	s.settings = st
	s.bpm.SetValue(st.Pacer.BreathsPerMinute)
	s.ratio.SetValue(st.Pacer.OutRatio)
	s.holdIn.SetValue(st.Pacer.HoldIn.Seconds())
	s.holdOut.SetValue(st.Pacer.HoldOut.Seconds())
	s.length.SetSelected(minutesText(int(st.Length / time.Minute)))
	s.tones.SetChecked(st.Tones)
	s.settingsChanged()
}

// rebuildModel lays out the current settings and describes them.
func (s *Screen) rebuildModel() {
	s.model, s.modelErr = NewModel(s.settings.Pacer, s.settings.Length)
	if s.modelErr != nil {
		setText(s.rhythm, lang.L("Those pauses take more than half of each breath. You might shorten one of them, or choose fewer breaths a minute."))
	} else {
		in, hi, out, ho := s.model.Parts()
		data := map[string]any{"In": seconds(in), "Out": seconds(out)}
		switch {
		case hi > 0 || ho > 0:
			setText(s.rhythm, lang.L("Each breath: about {{.In}} s in and {{.Out}} s out, with pauses.", data))
		default:
			setText(s.rhythm, lang.L("Each breath: about {{.In}} s in and {{.Out}} s out.", data))
		}
	}
	s.showState()
}

// showState shows the widgets for the current state.
func (s *Screen) showState() {
	s.showControls()
	if s.modelErr != nil {
		s.begin.Disable()
	} else {
		s.begin.Enable()
	}
	switch s.state {
	case stateIdle:
		s.shape.SetScale(0.5)
		setText(s.cue, lang.L("When you're ready…"))
		setText(s.count, " ")
		setText(s.elapsed, minutesText(int(s.settings.Length/time.Minute)))
	case stateFinished:
		s.shape.SetScale(0)
		setText(s.cue, lang.L("Rest…"))
		setText(s.count, " ")
		setText(s.elapsed, " ")
	case statePaused:
		setText(s.cue, lang.L("Paused. Resume when you're ready."))
		s.shown.kind = -1 // the cue no longer shows the breath: redraw it on resume
	}
}

// setVisible shows or hides o, touching it only when that changes.
func setVisible(o fyne.CanvasObject, v bool) {
	if v && !o.Visible() {
		o.Show()
	} else if !v && o.Visible() {
		o.Hide()
	}
}

// Start begins a session with the current settings.
func (s *Screen) Start() {
	if s.state != stateIdle || s.modelErr != nil {
		return
	}
	model := s.model
	sess, err := audio.NewPacerSession(s.cfg.title(lang.L("Breathing pacer")), s.settings.Pacer,
		audio.Options{Length: s.settings.Length, Bell: audio.BellBowl})
	if err != nil {
		s.showProblem(err)
		return
	}
	s.shown.kind, s.shown.count, s.shown.secs = -1, -1, -1
	s.start(sess, s.settings.Tones, func(audio.Player) {
		if s.players.noOutput != nil {
			s.notice.Show()
			s.tones.Disable()
		}
		s.model = model
	})
}

// problemText says kindly that the pacer could not start.
func (s *Screen) problemText(err error) string {
	return lang.L("The pacer couldn't start ({{.Err}}). You might try again in a moment.", map[string]any{"Err": err.Error()})
}

// fullLength is the length of the session playing.
func (s *Screen) fullLength() time.Duration { return s.model.Length() }

// draw moves the shape and words to t into the session.
func (s *Screen) draw(t time.Duration) {
	ph := s.model.At(t)
	s.shape.SetScale(ph.Scale)
	if ph.Kind != s.shown.kind || ph.Done != s.shown.done {
		s.shown.kind, s.shown.done = ph.Kind, ph.Done
		setText(s.cue, cueText(ph))
	}
	count := 0
	if ph.Kind != audio.BreathSettle {
		count = int(ph.Into/time.Second) + 1
	}
	if count != s.shown.count {
		s.shown.count = count
		text := " "
		if count > 0 {
			text = strconv.Itoa(count)
		}
		setText(s.count, text)
	}
	if secs := int(t / time.Second); secs != s.shown.secs {
		s.shown.secs = secs
		setText(s.elapsed, lang.L("{{.Elapsed}}  ·  {{.Left}} left", map[string]any{
			"Elapsed": clockText(t, false), "Left": clockText(s.model.Length()-t, true)}))
	}
}

// ended has nothing to stop: the shape rests when the state shows.
func (s *Screen) ended() {}

// cueText is the calm words for a phase.
func cueText(ph Phase) string {
	switch ph.Kind {
	case audio.BreathIn:
		return lang.L("Breathe in…")
	case audio.BreathOut:
		return lang.L("Breathe out…")
	case audio.BreathHoldIn, audio.BreathHoldOut:
		return lang.L("Hold…")
	}
	if ph.Done {
		return lang.L("Rest…")
	}
	return lang.L("Settle in…")
}

// record is the practice-session record of an ended session, with the pacer's
// settings, and the words that thank the user for it.
func (s *Screen) record(practised time.Duration, completed bool) (journal.Record, string) {
	p := s.settings.Pacer
	title := s.cfg.title(lang.L("Breathing pacer"))
	r := sessionRecord(s.cfg, PacerID, title, practised, s.settings.Length, completed)
	r.Meta["breaths_per_minute"] = strconv.FormatFloat(p.BreathsPerMinute, 'f', -1, 64)
	r.Meta["out_ratio"] = strconv.FormatFloat(p.OutRatio, 'f', -1, 64)
	r.Meta["hold_in_seconds"] = strconv.Itoa(int(p.HoldIn / time.Second))
	r.Meta["hold_out_seconds"] = strconv.Itoa(int(p.HoldOut / time.Second))
	r.Meta["tones"] = strconv.FormatBool(s.settings.Tones && s.players.noOutput == nil)
	thanks := lang.L("You breathed along for {{.Time}}. Any time you give to this counts.", map[string]any{"Time": durationText(practised)})
	if completed {
		thanks = lang.L("You breathed along for {{.Time}}. You might notice how your body feels now.", map[string]any{"Time": durationText(practised)})
	}
	return r, thanks
}
