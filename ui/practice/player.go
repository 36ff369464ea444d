package practice

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/ui/page"
)

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
	s.sound.Hidden = s.silent
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
	if !s.play() {
		return
	}
	s.phase = phaseRunning
	s.rec.played = 0
	s.lastPos, s.bellPos = 0, -1
	s.safety.Hide()
	s.before.root.Hide()
	s.endBtn.Show()
	s.progress.Enable()
	s.warn.Hidden = len(s.sess.Warnings()) == 0
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
	s.bgSel.Hide() // no sound, so no background to choose
	s.bgLabel.Hide()
}

// end is the End button: stop early. A session that played long enough goes to the
// finish card; a short try returns to the start.
func (s *Screen) end() {
	if s.phase != phaseRunning {
		return
	}
	s.poll()
	if s.phase != phaseRunning {
		return // it had just finished on its own
	}
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
	case audio.StateIdle: // stopped from elsewhere
		s.stopWatch()
		if s.rec.worthSaving() {
			s.finished(false)
		} else {
			s.ready()
		}
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
	s.sound.Hide()
	if s.writeBtn.Hidden {
		s.finishTxt.SetText(lang.L("Thank you for taking this time for yourself."))
		s.notNowBtn.SetText(lang.L("Done"))
	} else {
		s.notNowBtn.SetText(lang.L("Not now"))
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

// applyVolumes sets the player's volumes from the sliders.
func (s *Screen) applyVolumes() {
	for l, sl := range s.vol {
		_ = s.player.SetVolume(audio.Layer(l), int(sl.Value))
	}
}
