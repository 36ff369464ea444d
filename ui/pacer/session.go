package pacer

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
)

// runState is where a screen's session is.
type runState int

const (
	stateIdle     runState = iota // choosing settings
	stateStarting                 // the player is opening
	stateRunning
	statePaused
	stateFinished // thanking, offering the after rating
)

// sessionView is what a screen adds to the session lifecycle it shares with the
// other screen: how it looks and what it saves.
type sessionView interface {
	// showState shows the screen's widgets for the current state.
	showState()
	// fullLength is the full length of the session playing.
	fullLength() time.Duration
	// draw moves the screen to pos, how far the running session is.
	draw(pos time.Duration)
	// problemText says kindly that the session could not start because of err.
	problemText(err error) string
	// ended stops the screen's own effects when a session ends, saved or not.
	ended()
	// record returns the practice-session record of an ended session and the
	// words that thank the user for it.
	record(practised time.Duration, completed bool) (journal.Record, string)
}

// session is the lifecycle both screens share: begin, pause and resume, end, the
// redraw loop while playing, the controls that drive it and saving the finished
// session with its ratings. A screen embeds it and sets view to itself. Use it on
// the UI goroutine.
type session struct {
	cfg     Config
	players *players
	view    sessionView

	state  runState
	player audio.Player // the player of the current session
	clock  Clock
	anim   *loop
	every  time.Duration // between frames while playing
	do     func(func())  // runs a frame on the UI goroutine (fyne.Do)

	begin   *widget.Button
	pause   *widget.Button
	end     *widget.Button
	notice  *widget.RichText // says there is no sound output
	problem *widget.RichText // says a session could not start
	setup   *fyne.Container  // the settings, shown while idle
	wrap    *wrapUp
}

// newSession returns the lifecycle of a screen that draws a frame every interval.
// The screen must set view before building its controls.
func newSession(c Config, every time.Duration) session {
	return session{cfg: c, players: newPlayers(c), every: every, do: fyne.Do}
}

// buildControls makes the Begin, Pause and End buttons (Begin calls start), the
// hidden problem note and the wrap-up, and returns the buttons in a row.
func (r *session) buildControls(start func()) fyne.CanvasObject {
	r.begin = widget.NewButtonWithIcon(lang.L("Begin"), theme.MediaPlayIcon(), start)
	r.begin.Importance = widget.HighImportance
	r.pause = widget.NewButtonWithIcon(lang.L("Pause"), theme.MediaPauseIcon(), r.togglePause)
	r.end = widget.NewButtonWithIcon(lang.L("End"), theme.MediaStopIcon(), func() { r.finish(false) })
	r.problem = centred(" ", theme.SizeNameText)
	r.problem.Hide()
	r.wrap = newWrapUp(r.cfg, func() {
		r.state = stateIdle
		r.view.showState()
	})
	return container.NewCenter(container.NewHBox(r.begin, r.pause, r.end))
}

// showControls shows the setup, wrap-up and buttons for the current state.
func (r *session) showControls() {
	idle := r.state == stateIdle
	active := r.state == stateRunning || r.state == statePaused || r.state == stateStarting
	setVisible(r.setup, idle)
	setVisible(r.wrap.card, r.state == stateFinished)
	setVisible(r.begin, idle)
	setVisible(r.pause, active)
	setVisible(r.end, active)
	if r.state == stateStarting {
		r.pause.Disable()
	} else {
		r.pause.Enable()
	}
	if r.state == statePaused {
		r.pause.SetText(lang.L("Resume"))
		r.pause.SetIcon(theme.MediaPlayIcon())
	} else {
		r.pause.SetText(lang.L("Pause"))
		r.pause.SetIcon(theme.MediaPauseIcon())
	}
}

// animating reports whether the redraw loop is running.
func (r *session) animating() bool { return r.anim != nil }

// start plays sess (with sound when sound is true). The player may take a moment
// to open; once it has, started is called with it and the session runs.
func (r *session) start(sess *audio.Session, sound bool, started func(audio.Player)) {
	r.state = stateStarting
	r.problem.Hide()
	r.view.showState()
	r.players.play(sess, sound, func(p audio.Player, err error) {
		if r.state != stateStarting { // stop was called while the player opened
			if err == nil {
				_ = p.Stop()
			}
			return
		}
		if err != nil {
			r.state = stateIdle
			r.showProblem(err)
			r.view.showState()
			return
		}
		started(p)
		r.player = p
		r.state = stateRunning
		r.clock.Start(0, r.cfg.Now())
		r.view.showState()
		r.frame()
		r.animate(true)
	})
}

// showProblem says kindly that the session could not start.
func (r *session) showProblem(err error) {
	setText(r.problem, r.view.problemText(err))
	r.problem.Show()
}

// stop ends a session that is playing or paused (saving it if it lasted long
// enough), or one whose player is still opening.
func (r *session) stop() {
	switch r.state {
	case stateRunning, statePaused:
		r.finish(false)
	case stateStarting:
		// The player is still opening: start stops it as soon as it has.
		r.state = stateIdle
		r.view.showState()
	}
}

// animate starts or stops the redraw loop.
func (r *session) animate(on bool) {
	if on && r.anim == nil {
		r.anim = startLoop(r.every, r.do, r.frame)
	} else if !on && r.anim != nil {
		r.anim.halt()
		r.anim = nil
	}
}

// togglePause pauses a playing session or resumes a paused one.
func (r *session) togglePause() {
	now := r.cfg.Now()
	switch r.state {
	case stateRunning:
		_ = r.player.Pause()
		r.clock.Pause(now)
		r.animate(false)
		r.state = statePaused
	case statePaused:
		_ = r.player.Resume()
		r.clock.Resume(now)
		r.state = stateRunning
		r.frame()
		r.animate(true)
	}
	r.view.showState()
}

// frame follows the player (ending or pausing the session when the player has)
// and draws the screen at the session's position. It runs on the UI goroutine,
// from the redraw loop.
func (r *session) frame() {
	if r.state != stateRunning {
		return
	}
	now := r.cfg.Now()
	st := r.player.Status()
	switch st.State {
	case audio.StateFinished:
		r.finish(true)
		return
	case audio.StateIdle: // something else took the player
		r.finish(false)
		return
	case audio.StatePaused: // paused from elsewhere (another control of the player)
		r.clock.Pause(now)
		r.animate(false)
		r.state = statePaused
		r.view.showState()
		return
	case audio.StatePlaying:
		r.clock.Sync(st.Position, now)
	}
	r.view.draw(min(r.clock.Now(now), r.view.fullLength()))
}

// finish ends the session (completed when it ran to its end) and saves it, unless
// it was ended early before minSavedSeconds.
func (r *session) finish(completed bool) {
	if r.state != stateRunning && r.state != statePaused {
		return
	}
	now := r.cfg.Now()
	length := r.view.fullLength()
	practised := min(r.clock.Now(now), length)
	if completed {
		practised = length
	} else {
		_ = r.player.Stop()
	}
	r.animate(false)
	r.view.ended()
	r.clock.Pause(now)
	if !completed && practised < minSavedSeconds*time.Second {
		r.state = stateIdle
		r.view.showState()
		return
	}
	r.state = stateFinished
	rec, thanks := r.view.record(practised, completed)
	r.wrap.finish(rec, thanks)
	r.view.showState()
}
