package pacer

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// newTestPacer builds a pacer in a window, with a redraw loop that never ticks by
// itself: the test calls frame.
func newTestPacer(t testing.TB, r *rig, cfg Config) *Screen {
	t.Helper()
	s := New(cfg)
	r.hook(s.players)
	s.every = time.Hour
	w := test.NewTempWindow(t, s.Content())
	w.Resize(w.Content().MinSize().Max(w.Canvas().Size()))
	t.Cleanup(s.Stop)
	return s
}

func richText(rt *widget.RichText) string { return strings.TrimSpace(rt.String()) }

func TestPacerStartPauseStop(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	if s.Animating() || !s.setup.Visible() || s.pause.Visible() {
		t.Fatal("idle pacer should show its settings and not animate")
	}
	test.Tap(s.begin)
	if got := r.dev.Calls(); !reflect.DeepEqual(got, []string{"play"}) {
		t.Fatalf("player calls %v", got)
	}
	if !s.Animating() || s.state != stateRunning || s.setup.Visible() || !s.pause.Visible() {
		t.Fatalf("after Begin: animating %v, state %v", s.Animating(), s.state)
	}
	if richText(s.cue) != "Settle in…" {
		t.Errorf("cue %q", richText(s.cue))
	}
	if r.dev.sess.Kind() != audio.SessionPacer || r.dev.sess.Duration() != 5*time.Minute {
		t.Errorf("session %v of %v", r.dev.sess.Kind(), r.dev.sess.Duration())
	}

	// Two seconds into the first in-breath.
	r.advance(r.dev, leadIn+2*time.Second)
	s.frame()
	want := s.Model().At(leadIn + 2*time.Second)
	if richText(s.cue) != "Breathe in…" || richText(s.count) != "3" || s.shape.Scale() != want.Scale {
		t.Errorf("cue %q count %q scale %v, want scale %v", richText(s.cue), richText(s.count), s.shape.Scale(), want.Scale)
	}
	if got := richText(s.elapsed); got != "0:07  ·  4:53 left" {
		t.Errorf("elapsed %q", got)
	}

	// Pause: the player pauses, the loop ends, the shape holds still.
	done := s.anim.done
	test.Tap(s.pause)
	if s.Animating() || r.dev.Status().State != audio.StatePaused || s.pause.Text != "Resume" {
		t.Fatalf("after Pause: animating %v, player %v, button %q", s.Animating(), r.dev.Status().State, s.pause.Text)
	}
	waitDone(t, done)
	held := s.shape.Scale()
	r.clock.Add(10 * time.Second) // time passes, but the session does not move
	s.frame()
	if s.shape.Scale() != held {
		t.Errorf("shape moved while paused")
	}

	// Resume: the clock carries on from where it stopped.
	test.Tap(s.pause)
	if !s.Animating() || r.dev.Status().State != audio.StatePlaying {
		t.Fatal("Resume did not restart")
	}
	r.advance(r.dev, 3*time.Second)
	s.frame()
	if want := s.Model().At(leadIn + 5*time.Second); s.shape.Scale() != want.Scale || richText(s.cue) != cueText(want) {
		t.Errorf("after resume: scale %v cue %q, want %+v", s.shape.Scale(), richText(s.cue), want)
	}

	// End: the player stops, the loop ends, and (10 s) nothing is saved.
	done = s.anim.done
	test.Tap(s.end)
	waitDone(t, done)
	if got := r.dev.Calls(); !reflect.DeepEqual(got, []string{"play", "pause", "resume", "stop"}) {
		t.Errorf("player calls %v", got)
	}
	if s.Animating() || s.state != stateIdle || len(r.store.recs) != 0 {
		t.Errorf("ended after 10 s: animating %v, state %v, %d records", s.Animating(), s.state, len(r.store.recs))
	}
}

func waitDone(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("the redraw loop's goroutine did not end")
	}
}

// TestPacerStopStopsLoop: the shell's Stop ends the session and its goroutine, and
// saves what was practised.
func TestPacerStopStopsLoop(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	// A real, ticking loop; its frames are counted here rather than run (the test
	// driver would run them on the loop's goroutine, racing with the test).
	var ticks atomic.Int64
	s.every = 2 * time.Millisecond
	s.do = func(func()) { ticks.Add(1) }
	test.Tap(s.begin)
	done := s.anim.done
	r.advance(r.dev, 90*time.Second)
	for deadline := time.Now().Add(2 * time.Second); ticks.Load() < 3; {
		if time.Now().After(deadline) {
			t.Fatal("the loop does not tick")
		}
		time.Sleep(time.Millisecond)
	}
	s.Stop()
	waitDone(t, done)
	n := ticks.Load()
	time.Sleep(20 * time.Millisecond)
	if ticks.Load() != n {
		t.Error("frames still come after Stop")
	}
	if s.Animating() || r.dev.Status().State != audio.StateIdle {
		t.Fatalf("after Stop: animating %v, player %v", s.Animating(), r.dev.Status().State)
	}
	if len(r.store.recs) != 1 {
		t.Fatalf("%d records", len(r.store.recs))
	}
	m := r.store.recs[0].Meta
	if m["completed"] != "false" || m["seconds"] != "90" {
		t.Errorf("meta %v", m)
	}
	s.Stop() // a second Stop does nothing
	if n := len(r.dev.Calls()); n != 2 {
		t.Errorf("player calls %v", r.dev.Calls())
	}
}

func TestPacerFinishSavesRecord(t *testing.T) {
	r, cfg := newRig(t)
	lib, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Practice = lib.Practice(PacerID)
	s := newTestPacer(t, r, cfg)
	s.SetSettings(Settings{Pacer: audio.Pacer{BreathsPerMinute: 6, OutRatio: 1.5, HoldIn: time.Second, HoldOut: 2 * time.Second},
		Length: 3 * time.Minute, Tones: true})
	s.wrap.before.set(6)
	test.Tap(s.begin)
	r.advance(r.dev, 3*time.Minute)
	r.dev.set(audio.StateFinished, 3*time.Minute)
	s.frame()
	if s.state != stateFinished || !s.wrap.card.Visible() || s.Animating() {
		t.Fatalf("state %v, card %v", s.state, s.wrap.card.Visible())
	}
	if len(r.store.recs) != 1 {
		t.Fatalf("%d records", len(r.store.recs))
	}
	rec := r.store.recs[0]
	want := map[string]string{
		"practice_id": "breathing-pacer", "practice_title": "Breathing pacer", "seconds": "180",
		"completed": "true", "length_minutes": "3", "breaths_per_minute": "6", "out_ratio": "1.5",
		"hold_in_seconds": "1", "hold_out_seconds": "2", "tones": "true",
	}
	if rec.Kind != journal.KindPracticeSession || rec.Title != "Breathing pacer" || !reflect.DeepEqual(rec.Meta, want) {
		t.Errorf("record %+v", rec)
	}
	if !reflect.DeepEqual(rec.Ratings, map[string]int{"before": 6}) {
		t.Errorf("ratings %v", rec.Ratings)
	}
	if got := richText(s.wrap.saved); got != "Saved in your journal." {
		t.Errorf("saved note %q", got)
	}

	// The after rating is optional, saved into the same record, and can be cleared.
	s.wrap.after.set(2)
	if r.store.updates != 1 || !reflect.DeepEqual(r.store.recs[0].Ratings, map[string]int{"before": 6, "after": 2}) {
		t.Errorf("after rating: %d updates, %v", r.store.updates, r.store.recs[0].Ratings)
	}
	s.wrap.after.set(-1)
	if !reflect.DeepEqual(r.store.recs[0].Ratings, map[string]int{"before": 6}) {
		t.Errorf("cleared after rating: %v", r.store.recs[0].Ratings)
	}
	if r.support != 0 {
		t.Error("support offered for low ratings")
	}
	s.wrap.after.set(9)
	if r.support != 1 {
		t.Error("a rating of 9 did not offer support")
	}
	test.Tap(findButton(t, s.wrap.card, "Done"))
	if s.state != stateIdle || s.wrap.before.Value() != -1 || !s.setup.Visible() {
		t.Errorf("after Done: state %v, before %d", s.state, s.wrap.before.Value())
	}
}

func TestPacerRatingsSkippable(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	test.Tap(s.begin)
	r.advance(r.dev, 45*time.Second)
	test.Tap(s.end)
	if len(r.store.recs) != 1 || r.store.recs[0].Ratings != nil {
		t.Fatalf("records %+v", r.store.recs)
	}
	if m := r.store.recs[0].Meta; m["seconds"] != "45" || m["completed"] != "false" || m["length_minutes"] != "5" {
		t.Errorf("meta %v", m)
	}
	if !strings.Contains(richText(s.wrap.thanks), "45 seconds") {
		t.Errorf("thanks %q", richText(s.wrap.thanks))
	}
}

func TestPacerSaveFailureCanRetry(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	r.store.fail = errors.New("disk full")
	test.Tap(s.begin)
	r.advance(r.dev, time.Minute)
	test.Tap(s.end)
	if !s.wrap.retry.Visible() || !strings.Contains(richText(s.wrap.saved), "couldn't be saved") {
		t.Fatalf("no retry offered: %q", richText(s.wrap.saved))
	}
	r.store.fail = nil
	test.Tap(s.wrap.retry)
	if len(r.store.recs) != 1 || s.wrap.retry.Visible() {
		t.Errorf("retry: %d records", len(r.store.recs))
	}
}

func TestPacerSettingsRebuildModel(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	if p := s.Settings().Pacer; p != audio.DefaultPacer() || s.Settings().Length != 5*time.Minute {
		t.Fatalf("defaults %+v", s.Settings())
	}
	before := s.Model()
	s.bpm.SetValue(4)
	if s.Model().Cycle() != 15*time.Second || s.Model() == before {
		t.Errorf("4 a minute: cycle %v", s.Model().Cycle())
	}
	s.ratio.SetValue(2)
	in, _, out, _ := s.Model().Parts()
	if in.Round(time.Millisecond) != 5*time.Second || out.Round(time.Millisecond) != 10*time.Second {
		t.Errorf("1:2 at 4 a minute: %v in, %v out", in, out)
	}
	if got := richText(s.rhythm); got != "Each breath: about 5.0 s in and 10.0 s out." {
		t.Errorf("rhythm %q", got)
	}
	s.holdIn.SetValue(3)
	if _, hi, _, _ := s.Model().Parts(); hi != 3*time.Second || s.Settings().Pacer.HoldIn != 3*time.Second {
		t.Errorf("hold in %v", hi)
	}
	s.length.SetSelected("10 minutes")
	if s.Model().Length() != 10*time.Minute {
		t.Errorf("length %v", s.Model().Length())
	}

	// Pauses over half a breath: explained, and Begin waits.
	s.bpm.SetValue(7)
	s.holdOut.SetValue(4)
	if !s.begin.Disabled() || !strings.Contains(richText(s.rhythm), "more than half") {
		t.Errorf("invalid holds: begin disabled %v, %q", s.begin.Disabled(), richText(s.rhythm))
	}
	test.Tap(s.begin)
	if len(r.dev.Calls()) != 0 {
		t.Error("started with invalid settings")
	}
	s.holdOut.SetValue(1)
	if s.begin.Disabled() {
		t.Error("Begin still disabled")
	}

	// The choice is remembered for next time.
	again := New(cfg)
	if again.Settings() != s.Settings() {
		t.Errorf("remembered %+v, want %+v", again.Settings(), s.Settings())
	}
	if m := again.Model(); m.Pacer() != s.Settings().Pacer {
		t.Error("model not built from remembered settings")
	}
}

func TestPacerNoOutput(t *testing.T) {
	tests := []struct {
		name     string
		noOutput error // known at construction
		playErr  error // found at Play
		tones    bool
		wantDev  []string
	}{
		{"known", fmt.Errorf("probe: %w", audio.ErrNoOutput), nil, true, nil},
		{"found at play", nil, fmt.Errorf("alsa: %w", audio.ErrNoOutput), true, []string{"play"}},
		{"tones off", nil, nil, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, cfg := newRig(t)
			cfg.NoOutput = tt.noOutput
			r.dev.playErr = tt.playErr
			s := newTestPacer(t, r, cfg)
			if !tt.tones {
				s.tones.SetChecked(false)
			}
			if tt.noOutput != nil && (!s.notice.Visible() || !s.tones.Disabled()) {
				t.Error("no notice before starting")
			}
			test.Tap(s.begin)
			if got := r.dev.Calls(); !reflect.DeepEqual(got, tt.wantDev) {
				t.Errorf("device calls %v, want %v", got, tt.wantDev)
			}
			if got := r.quiet.Calls(); !reflect.DeepEqual(got, []string{"play"}) {
				t.Errorf("silent player calls %v", got)
			}
			if s.notice.Visible() != (tt.tones) || !s.Animating() {
				t.Errorf("notice %v, animating %v", s.notice.Visible(), s.Animating())
			}
			r.advance(r.quiet, leadIn+time.Second)
			s.frame()
			if richText(s.cue) != "Breathe in…" {
				t.Errorf("cue %q", richText(s.cue))
			}
			r.advance(r.quiet, time.Minute)
			test.Tap(s.end)
			if got := r.quiet.Calls(); !reflect.DeepEqual(got, []string{"play", "stop"}) {
				t.Errorf("silent player calls %v", got)
			}
			if len(r.store.recs) != 1 || r.store.recs[0].Meta["tones"] != "false" {
				t.Errorf("records %+v", r.store.recs)
			}
		})
	}
}

func TestPacerPlayErrorShown(t *testing.T) {
	r, cfg := newRig(t)
	r.dev.playErr = errors.New("device busy")
	s := newTestPacer(t, r, cfg)
	test.Tap(s.begin)
	if s.state != stateIdle || s.Animating() || !s.problem.Visible() || !strings.Contains(richText(s.problem), "device busy") {
		t.Errorf("state %v, problem %q", s.state, richText(s.problem))
	}
}

// TestPacerShapeFollowsPlayer checks the shape against the model at many frames,
// with the player's position arriving in coarse steps as a real device reports it.
func TestPacerShapeFollowsPlayer(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	test.Tap(s.begin)
	const frame = 40 * time.Millisecond
	prev := s.shape.Scale()
	for i := 1; i <= 1500; i++ { // a minute
		r.clock.Add(frame)
		wall := time.Duration(i) * frame
		pos := wall / (60 * time.Millisecond) * (60 * time.Millisecond) // the device's buffer steps
		r.dev.set(audio.StatePlaying, pos)
		s.frame()
		cur := s.shape.Scale()
		if d := cur - prev; d > 0.05 || d < -0.05 {
			t.Fatalf("frame %d: scale jumps %.3f", i, d)
		}
		if want := s.Model().At(wall).Scale; cur-want > 0.03 || want-cur > 0.03 {
			t.Fatalf("frame %d: scale %.3f, model %.3f", i, cur, want)
		}
		prev = cur
	}
}

// findButton finds the button with text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}

// TestPacerPausedElsewhere: if the player is paused by another control, the shape
// stops with it and Resume carries on.
func TestPacerPausedElsewhere(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestPacer(t, r, cfg)
	test.Tap(s.begin)
	r.advance(r.dev, 20*time.Second)
	s.frame()
	_ = r.dev.Pause()
	r.clock.Add(5 * time.Second)
	s.frame()
	if s.state != statePaused || s.Animating() || s.pause.Text != "Resume" {
		t.Fatalf("state %v animating %v", s.state, s.Animating())
	}
	test.Tap(s.pause)
	if s.state != stateRunning || !s.Animating() || r.dev.Status().State != audio.StatePlaying {
		t.Errorf("after Resume: state %v", s.state)
	}
}

// BenchmarkPacerFrame is the UI-side cost of one animation frame (the test driver
// does not paint; painting is measured in a real window, see the report).
func BenchmarkPacerFrame(b *testing.B) {
	r, cfg := newRig(b)
	s := newTestPacer(b, r, cfg)
	test.Tap(s.begin)
	for b.Loop() {
		r.advance(r.dev, frameInterval)
		s.frame()
		if s.state != stateRunning { // start again at the end of the session
			s.state = stateIdle
			test.Tap(s.begin)
		}
	}
}
