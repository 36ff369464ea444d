package pacer

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/page"
)

// timerInterval is how often the timer looks at its player while running: often
// enough for the seconds and for a bell to show on time, rare enough to cost nothing.
const timerInterval = 250 * time.Millisecond

// pulseLength is how long a visual bell's ember ring takes to spread and fade.
const pulseLength = 3 * time.Second

// Preference keys the timer remembers its settings under.
const (
	prefTimerLength     = "timer.length_minutes"
	prefTimerInterval   = "timer.interval_minutes"
	prefTimerBackground = "timer.background"
	prefTimerBell       = "timer.bell"
)

// TimerSettings are the silent timer's choices.
type TimerSettings struct {
	Length time.Duration
	// Interval rings a bell every Interval (0 for none).
	Interval   time.Duration
	Background audio.Background
	// Bell rings at the start and the end, and at each interval.
	Bell audio.Bell
}

// Options returns the audio options for these settings.
func (t TimerSettings) Options() audio.Options {
	return audio.Options{Length: t.Length, Background: t.Background, Bell: t.Bell,
		Interval: t.Interval, IntervalBell: t.Bell}
}

// timerLengths are the lengths in minutes when no practice is given.
var timerLengths = []int{5, 10, 15, 20, 30, 45, 60}

// intervalChoices are the interval bells on offer, in minutes (0: none).
var intervalChoices = []int{0, 1, 2, 5, 10}

// TimerScreen is the silent timer: a calm, large remaining time held between bells,
// with optional interval bells and a background bed. Without sound output the bells
// show as a soft ember ring. Use it on the UI goroutine.
type TimerScreen struct {
	session // the session lifecycle and controls it shares with the pacer

	settings TimerSettings
	playing  *audio.Session // the session playing (or last played)
	next     int            // the next strike to show as a visual bell
	pulse    *fyne.Animation
	visual   bool // bells are shown, not heard
	pulses   int  // visual bells shown in this session (for tests)
	shown    int  // the whole seconds the big numbers show

	root       fyne.CanvasObject
	shape      *hearthShape
	remaining  *bigText
	caption    *widget.RichText
	length     *widget.Select
	interval   *widget.Select
	background *widget.Select
	bell       *widget.Select
}

// NewTimer builds the silent timer from c (c.Practice is normally the built-in
// "silent-timer" practice).
func NewTimer(c Config) *TimerScreen {
	c = c.withDefaults()
	t := &TimerScreen{session: newSession(c, timerInterval)}
	t.view = t
	t.settings = t.loadSettings()
	t.build()
	return t
}

// loadSettings reads the remembered settings, falling back to the defaults.
func (t *TimerScreen) loadSettings() TimerSettings {
	lengths, def := t.cfg.lengths(timerLengths, 10)
	st := TimerSettings{Length: time.Duration(def) * time.Minute, Bell: audio.BellBowl}
	p := t.cfg.Prefs
	if p == nil {
		return st
	}
	if m := p.IntWithFallback(prefTimerLength, def); containsInt(lengths, m) {
		st.Length = time.Duration(m) * time.Minute
	}
	if m := p.IntWithFallback(prefTimerInterval, 0); containsInt(intervalChoices, m) {
		st.Interval = time.Duration(m) * time.Minute
	}
	if b, err := audio.ParseBackground(p.String(prefTimerBackground)); err == nil {
		st.Background = b
	}
	if b, err := audio.ParseBell(p.StringWithFallback(prefTimerBell, "bowl")); err == nil {
		st.Bell = b
	}
	return st
}

// saveSettings remembers the settings for next time.
func (t *TimerScreen) saveSettings() {
	p := t.cfg.Prefs
	if p == nil {
		return
	}
	p.SetInt(prefTimerLength, int(t.settings.Length/time.Minute))
	p.SetInt(prefTimerInterval, int(t.settings.Interval/time.Minute))
	p.SetString(prefTimerBackground, t.settings.Background.String())
	p.SetString(prefTimerBell, t.settings.Bell.String())
}

// Content returns the screen's widgets (built once).
func (t *TimerScreen) Content() fyne.CanvasObject { return t.root }

// Refresh has nothing to reload: the timer reads nothing from the journal.
func (t *TimerScreen) Refresh() {}

// Settings returns the current choices.
func (t *TimerScreen) Settings() TimerSettings { return t.settings }

// Session returns the session playing (or last played), nil before the first.
func (t *TimerScreen) Session() *audio.Session { return t.playing }

// Animating reports whether the timer's update loop is running.
func (t *TimerScreen) Animating() bool { return t.animating() }

// Stop ends a session that is playing or paused (saving it if it lasted long
// enough). The shell calls it when the screen is hidden.
func (t *TimerScreen) Stop() { t.stop() }

// TogglePause pauses a playing session or resumes a paused one.
func (t *TimerScreen) TogglePause() { t.togglePause() }

// intervalText names an interval choice.
func intervalText(m int) string {
	switch m {
	case 0:
		return lang.L("No interval bells")
	case 1:
		return lang.L("A bell every minute")
	}
	return lang.L("A bell every {{.N}} minutes", map[string]any{"N": m})
}

// backgroundText names a background bed.
func backgroundText(b audio.Background) string {
	switch b {
	case audio.BackgroundPink:
		return lang.L("Soft even noise")
	case audio.BackgroundBrown:
		return lang.L("Deep, low noise")
	case audio.BackgroundRain:
		return lang.L("Gentle rain")
	case audio.BackgroundOcean:
		return lang.L("Ocean waves")
	}
	return lang.L("Silence")
}

// bellText names a bell.
func bellText(b audio.Bell) string {
	switch b {
	case audio.BellChime:
		return lang.L("Small chime")
	case audio.BellLow:
		return lang.L("Low bell")
	}
	return lang.L("Singing bowl")
}

// build makes the screen's widgets: the face, the controls and the settings.
func (t *TimerScreen) build() {
	t.shape = newHearthShape(0.85, 300, true)
	t.remaining = newBigText(clockText(t.settings.Length, true))
	t.caption = centred(" ", theme.SizeNameText)
	face := container.NewStack(t.shape, container.NewCenter(container.NewVBox(t.remaining, t.caption)))
	controls := t.buildControls(t.Start)

	t.notice = centred(lang.L("There's no sound output, so the bells will show as a soft glow around the time."), theme.SizeNameText)
	setVisible(t.notice, t.players.noOutput != nil)
	t.setup = container.NewVBox(t.buildSettings(), t.wrap.beforeCard())

	intro := lang.L("Quiet time for your own practice, held between soft bells.")
	if p := t.cfg.Practice; p != nil && p.Summary != "" {
		intro = p.Summary
	}
	t.root = page.Scroll(container.NewVBox(
		page.Heading(t.cfg.title(lang.L("Silent practice with bells"))), page.Note(intro),
		container.NewCenter(face), container.NewPadded(controls), t.notice, t.problem,
		t.wrap.card, t.setup,
	))
	t.showState()
}

// buildSettings makes the card of length, bell and background choices.
func (t *TimerScreen) buildSettings() fyne.CanvasObject {
	lengths, _ := t.cfg.lengths(timerLengths, 10)
	var opts []string
	for _, m := range lengths {
		opts = append(opts, minutesText(m))
	}
	t.length = widget.NewSelect(opts, nil)
	t.length.SetSelected(minutesText(int(t.settings.Length / time.Minute)))

	opts = nil
	for _, m := range intervalChoices {
		opts = append(opts, intervalText(m))
	}
	t.interval = widget.NewSelect(opts, nil)
	t.interval.SetSelected(intervalText(int(t.settings.Interval / time.Minute)))

	opts = nil
	for _, b := range audio.Backgrounds() {
		opts = append(opts, backgroundText(b))
	}
	t.background = widget.NewSelect(opts, nil)
	t.background.SetSelected(backgroundText(t.settings.Background))

	opts = nil
	for _, b := range audio.Bells() {
		opts = append(opts, bellText(b))
	}
	t.bell = widget.NewSelect(opts, nil)
	t.bell.SetSelected(bellText(t.settings.Bell))

	for _, sel := range []*widget.Select{t.length, t.interval, t.background, t.bell} {
		sel.OnChanged = func(string) { t.settingsChanged() }
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Length"), t.length),
		widget.NewFormItem(lang.L("Bells between"), t.interval),
		widget.NewFormItem(lang.L("Background"), t.background),
		widget.NewFormItem(lang.L("Bell"), t.bell),
	)
	return page.NewCard(lang.L("Your timer"), form)
}

// settingsChanged reads the choices and remembers them.
func (t *TimerScreen) settingsChanged() {
	lengths, _ := t.cfg.lengths(timerLengths, 10)
	st := t.settings
	if m := minutesFrom(t.length.Selected, lengths); m > 0 {
		st.Length = time.Duration(m) * time.Minute
	}
	for _, m := range intervalChoices {
		if intervalText(m) == t.interval.Selected {
			st.Interval = time.Duration(m) * time.Minute
		}
	}
	for _, b := range audio.Backgrounds() {
		if backgroundText(b) == t.background.Selected {
			st.Background = b
		}
	}
	for _, b := range audio.Bells() {
		if bellText(b) == t.bell.Selected {
			st.Bell = b
		}
	}
	t.settings = st
	t.saveSettings()
	t.showState()
}

// SetSettings applies st (as if chosen with the controls).
func (t *TimerScreen) SetSettings(st TimerSettings) {
	t.length.SetSelected(minutesText(int(st.Length / time.Minute)))
	t.interval.SetSelected(intervalText(int(st.Interval / time.Minute)))
	t.background.SetSelected(backgroundText(st.Background))
	t.bell.SetSelected(bellText(st.Bell))
	t.settingsChanged()
}

// showState shows the widgets for the current state.
func (t *TimerScreen) showState() {
	t.showControls()
	switch t.state {
	case stateIdle:
		t.remaining.SetText(clockText(t.settings.Length, true))
		setText(t.caption, lang.L("when you're ready"))
	case statePaused:
		setText(t.caption, lang.L("Paused"))
	case stateRunning:
		setText(t.caption, lang.L("remaining"))
	case stateFinished:
		t.remaining.SetText(clockText(0, true))
		setText(t.caption, " ")
	}
}

// Start begins a session with the current settings.
func (t *TimerScreen) Start() {
	if t.state != stateIdle {
		return
	}
	sess, err := audio.NewTimer(t.cfg.title(lang.L("Silent practice with bells")), t.settings.Options())
	if err != nil {
		t.showProblem(err)
		return
	}
	t.shown, t.next, t.pulses = -1, 0, 0
	t.start(sess, true, func(audio.Player) {
		t.visual = t.players.noOutput != nil
		setVisible(t.notice, t.visual)
		t.playing = sess
	})
}

// problemText says kindly that the timer could not start.
func (t *TimerScreen) problemText(err error) string {
	return lang.L("The timer couldn't start ({{.Err}}). You might try again in a moment.", map[string]any{"Err": err.Error()})
}

// fullLength is the length of the session playing.
func (t *TimerScreen) fullLength() time.Duration { return t.playing.Duration() }

// draw updates the remaining time to pos into the session and shows bells that
// have come due.
func (t *TimerScreen) draw(pos time.Duration) {
	length := t.playing.Duration()
	if secs := int((length - pos + time.Second - 1) / time.Second); secs != t.shown {
		t.shown = secs
		t.remaining.SetText(clockText(length-pos, true))
	}
	strikes := t.playing.Strikes()
	due := false
	for t.next < len(strikes) && audio.Duration(strikes[t.next].At) <= pos {
		t.next++
		due = true
	}
	if due && t.visual {
		t.showBell()
	}
}

// showBell sends a soft ember ring out from the circle.
func (t *TimerScreen) showBell() {
	t.pulses++
	if t.pulse != nil {
		t.pulse.Stop()
	}
	t.pulse = fyne.NewAnimation(pulseLength, func(f float32) {
		if f >= 1 {
			t.shape.SetPulse(0)
			return
		}
		t.shape.SetPulse(float64(f))
	})
	t.pulse.Curve = fyne.AnimationLinear
	t.pulse.Start()
}

// ended stops a visual bell still spreading.
func (t *TimerScreen) ended() {
	if t.pulse != nil {
		t.pulse.Stop()
		t.pulse = nil
		t.shape.SetPulse(0)
	}
}

// record is the practice-session record of an ended session, with the timer's
// settings, and the words that thank the user for it.
func (t *TimerScreen) record(practised time.Duration, completed bool) (journal.Record, string) {
	title := t.cfg.title(lang.L("Silent practice with bells"))
	r := sessionRecord(t.cfg, TimerID, title, practised, t.settings.Length, completed)
	r.Meta["interval_minutes"] = strconv.Itoa(int(t.settings.Interval / time.Minute))
	r.Meta["background"] = t.settings.Background.String()
	r.Meta["bell"] = t.settings.Bell.String()
	thanks := lang.L("You sat for {{.Time}}. Any time you give to this counts.", map[string]any{"Time": durationText(practised)})
	if completed {
		thanks = lang.L("You sat for {{.Time}}. You might take a moment before moving on.", map[string]any{"Time": durationText(practised)})
	}
	return r, thanks
}

// bigText is the timer's large remaining time, in the theme's text colour.
type bigText struct {
	widget.BaseWidget
	text string
}

// newBigText returns a bigText showing s.
func newBigText(s string) *bigText {
	b := &bigText{text: s}
	b.ExtendBaseWidget(b)
	return b
}

// SetText changes the text.
func (b *bigText) SetText(s string) {
	if s == b.text {
		return
	}
	b.text = s
	b.Refresh()
}

// Text is the text shown.
func (b *bigText) Text() string { return b.text }

// CreateRenderer draws the text large and centred.
func (b *bigText) CreateRenderer() fyne.WidgetRenderer {
	t := canvas.NewText(b.text, color.Black)
	t.Alignment = fyne.TextAlignCenter
	r := &bigTextRenderer{b: b, t: t}
	r.Refresh()
	return r
}

// bigTextRenderer draws a bigText as one canvas.Text.
type bigTextRenderer struct {
	b *bigText
	t *canvas.Text
}

func (r *bigTextRenderer) Destroy()                     {}
func (r *bigTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t} }
func (r *bigTextRenderer) MinSize() fyne.Size {
	// As wide as the widest time it will show, so the layout never shifts.
	return fyne.MeasureText("00:00", r.t.TextSize, r.t.TextStyle)
}
func (r *bigTextRenderer) Layout(s fyne.Size) { r.t.Resize(s) }
func (r *bigTextRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.t.Text = r.b.text
	r.t.Color = th.Color(theme.ColorNameForeground, v)
	r.t.TextSize = th.Size(theme.SizeNameText) * 3.4
	r.t.Refresh()
}
