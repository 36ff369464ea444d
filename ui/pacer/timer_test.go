package pacer

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
)

func newTestTimer(t *testing.T, r *rig, cfg Config) *TimerScreen {
	t.Helper()
	s := NewTimer(cfg)
	r.hook(s.players)
	s.every = time.Hour
	w := test.NewTempWindow(t, s.Content())
	w.Resize(w.Content().MinSize().Max(w.Canvas().Size()))
	t.Cleanup(s.Stop)
	return s
}

// TestTimerSessionBells checks the session built for each interval choice: a bell
// at the start, one every interval, and one at the end.
func TestTimerSessionBells(t *testing.T) {
	tests := []struct {
		interval int // minutes
		length   int
		want     []time.Duration // strike times
	}{
		{0, 5, []time.Duration{0, 5*time.Minute - tail}},
		{1, 5, []time.Duration{0, time.Minute, 2 * time.Minute, 3 * time.Minute, 4 * time.Minute, 5*time.Minute - tail}},
		{2, 10, []time.Duration{0, 2 * time.Minute, 4 * time.Minute, 6 * time.Minute, 8 * time.Minute, 10*time.Minute - tail}},
		{5, 15, []time.Duration{0, 5 * time.Minute, 10 * time.Minute, 15*time.Minute - tail}},
		{10, 30, []time.Duration{0, 10 * time.Minute, 20 * time.Minute, 30*time.Minute - tail}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("every %d of %d", tt.interval, tt.length), func(t *testing.T) {
			r, cfg := newRig(t)
			s := newTestTimer(t, r, cfg)
			s.SetSettings(TimerSettings{Length: time.Duration(tt.length) * time.Minute,
				Interval: time.Duration(tt.interval) * time.Minute, Background: audio.BackgroundRain, Bell: audio.BellChime})
			test.Tap(s.begin)
			sess := r.dev.sess
			if sess == nil || sess.Kind() != audio.SessionTimer || sess != s.Session() {
				t.Fatal("no timer session played")
			}
			if sess.Duration() != time.Duration(tt.length)*time.Minute || sess.Background() != audio.BackgroundRain {
				t.Errorf("session %v, background %v", sess.Duration(), sess.Background())
			}
			var got []time.Duration
			for _, st := range sess.Strikes() {
				got = append(got, audio.Duration(st.At).Round(time.Millisecond))
				if st.Bell != audio.BellChime {
					t.Errorf("bell %v", st.Bell)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("bells at %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTimerRunsAndSaves(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestTimer(t, r, cfg)
	s.SetSettings(TimerSettings{Length: 5 * time.Minute, Interval: 2 * time.Minute, Background: audio.BackgroundOcean, Bell: audio.BellLow})
	if s.remaining.Text() != "5:00" {
		t.Errorf("idle shows %q", s.remaining.Text())
	}
	s.wrap.before.set(4)
	test.Tap(s.begin)
	if !s.Animating() || s.state != stateRunning || s.setup.Visible() {
		t.Fatalf("after Begin: animating %v state %v", s.Animating(), s.state)
	}
	r.advance(r.dev, 61*time.Second+500*time.Millisecond)
	s.frame()
	if s.remaining.Text() != "3:59" || richText(s.caption) != "remaining" {
		t.Errorf("shows %q %q", s.remaining.Text(), richText(s.caption))
	}
	if s.pulses != 0 {
		t.Error("visual bells shown with sound")
	}

	done := s.anim.done
	test.Tap(s.pause)
	waitDone(t, done)
	if s.Animating() || r.dev.Status().State != audio.StatePaused || richText(s.caption) != "Paused" {
		t.Fatalf("after Pause: animating %v, player %v", s.Animating(), r.dev.Status().State)
	}
	r.clock.Add(time.Minute)
	test.Tap(s.pause)
	if !s.Animating() || s.remaining.Text() != "3:59" {
		t.Fatalf("after Resume: %q", s.remaining.Text())
	}

	r.advance(r.dev, 4*time.Minute)
	r.dev.set(audio.StateFinished, 5*time.Minute)
	s.frame()
	if s.state != stateFinished || s.Animating() || !s.wrap.card.Visible() {
		t.Fatalf("state %v", s.state)
	}
	if len(r.store.recs) != 1 {
		t.Fatalf("%d records", len(r.store.recs))
	}
	rec := r.store.recs[0]
	want := map[string]string{"practice_id": "silent-timer", "practice_title": "Silent practice with bells",
		"seconds": "300", "completed": "true", "length_minutes": "5", "interval_minutes": "2",
		"background": "ocean", "bell": "low"}
	if rec.Kind != journal.KindPracticeSession || !reflect.DeepEqual(rec.Meta, want) || !reflect.DeepEqual(rec.Ratings, map[string]int{"before": 4}) {
		t.Errorf("record %+v", rec)
	}
	s.wrap.after.set(1)
	if !reflect.DeepEqual(r.store.recs[0].Ratings, map[string]int{"before": 4, "after": 1}) {
		t.Errorf("ratings %v", r.store.recs[0].Ratings)
	}
	if got := r.dev.Calls(); !reflect.DeepEqual(got, []string{"play", "pause", "resume"}) {
		t.Errorf("player calls %v", got)
	}
}

// TestTimerVisualBells: with no sound output the timer runs on the silent player
// and shows each bell as an ember ring, once, when its time comes.
func TestTimerVisualBells(t *testing.T) {
	r, cfg := newRig(t)
	cfg.NoOutput = fmt.Errorf("probe: %w", audio.ErrNoOutput)
	s := newTestTimer(t, r, cfg)
	if !s.notice.Visible() {
		t.Error("no notice")
	}
	s.SetSettings(TimerSettings{Length: 5 * time.Minute, Interval: time.Minute, Bell: audio.BellBowl})
	test.Tap(s.begin)
	if len(r.dev.Calls()) != 0 || !reflect.DeepEqual(r.quiet.Calls(), []string{"play"}) {
		t.Fatalf("device %v, silent %v", r.dev.Calls(), r.quiet.Calls())
	}
	if s.pulses != 1 {
		t.Errorf("%d pulses at the start, want 1", s.pulses)
	}
	// The test driver runs animations straight to their end: the ring is gone again.
	if s.shape.pulse != 0 {
		t.Errorf("pulse left at %v", s.shape.pulse)
	}
	steps := []struct {
		at   time.Duration
		want int
	}{
		{30 * time.Second, 1}, {59 * time.Second, 1}, {60 * time.Second, 2}, {61 * time.Second, 2},
		{3*time.Minute + 30*time.Second, 3}, // two bells passed between frames: one ring
		{4*time.Minute + 50*time.Second, 4}, {5*time.Minute - tail, 5},
	}
	for _, st := range steps {
		r.clock.Add(st.at - r.quiet.Status().Position)
		r.quiet.set(audio.StatePlaying, st.at)
		s.frame()
		if s.pulses != st.want {
			t.Errorf("at %v: %d pulses, want %d", st.at, s.pulses, st.want)
		}
	}
	r.clock.Add(time.Minute)
	s.Stop()
	if len(r.store.recs) != 1 || r.store.recs[0].Meta["completed"] != "false" {
		t.Errorf("records %+v", r.store.recs)
	}
}

func TestTimerSettingsRemembered(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestTimer(t, r, cfg)
	if st := s.Settings(); st != (TimerSettings{Length: 10 * time.Minute, Bell: audio.BellBowl}) {
		t.Errorf("defaults %+v", st)
	}
	want := TimerSettings{Length: 45 * time.Minute, Interval: 10 * time.Minute, Background: audio.BackgroundBrown, Bell: audio.BellChime}
	s.SetSettings(want)
	if s.Settings() != want || s.remaining.Text() != "45:00" {
		t.Errorf("settings %+v shows %q", s.Settings(), s.remaining.Text())
	}
	if again := NewTimer(cfg); again.Settings() != want {
		t.Errorf("remembered %+v", again.Settings())
	}
}

func TestTimerStopBeforePlayerOpens(t *testing.T) {
	r, cfg := newRig(t)
	s := newTestTimer(t, r, cfg)
	var pending func()
	s.players.async = func(f func()) { pending = f }
	test.Tap(s.begin)
	if s.state != stateStarting || !s.pause.Disabled() {
		t.Fatalf("state %v", s.state)
	}
	s.Stop()
	pending() // the device opens after the user has left
	if got := r.dev.Calls(); !reflect.DeepEqual(got, []string{"play", "stop"}) {
		t.Errorf("player calls %v", got)
	}
	if s.state != stateIdle || s.Animating() {
		t.Errorf("state %v animating %v", s.state, s.Animating())
	}
}
