package practice

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// shownTexts lists the text of every label, rich text and button under obj that is
// shown (it and all its parents visible).
func shownTexts(obj fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
			return
		case *widget.RichText:
			out = append(out, w.String())
			return
		case *widget.Button:
			out = append(out, w.Text)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(obj)
	return out
}

func contains(texts []string, want string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, want) })
}

func TestLibraryListsEveryPracticeGrouped(t *testing.T) {
	lib := builtinLibrary(t)
	h := newHarness(t, lib, nil)
	texts := shownTexts(h.s.libView)
	for _, p := range lib.Practices {
		if !contains(texts, p.Title) || !contains(texts, p.Summary) {
			t.Errorf("the library does not show %q with its summary", p.Title)
		}
	}
	// Headings come in category order, each followed by its own practices.
	var cards int
	lastHeading := -1
	for _, g := range Groups(lib) {
		i := slices.Index(texts, categoryTitle(g.Category))
		if i < 0 {
			t.Fatalf("no heading %q", categoryTitle(g.Category))
		}
		if i < lastHeading {
			t.Errorf("heading %q is out of order", categoryTitle(g.Category))
		}
		lastHeading = i
		for _, p := range g.Practices {
			if p.Category != g.Category {
				t.Errorf("%s is grouped under %s", p.ID, g.Category)
			}
			if j := slices.Index(texts, p.Title); j < i {
				t.Errorf("%q is not under its heading %q", p.Title, categoryTitle(g.Category))
			}
			cards++
		}
	}
	if cards != len(lib.Practices) {
		t.Errorf("grouped %d practices, the library has %d", cards, len(lib.Practices))
	}
	if !contains(texts, "5, 10 or 15 minutes") || !contains(texts, "3 or 5 minutes") {
		t.Errorf("lengths are not shown: %q", texts)
	}
}

func TestLengthsText(t *testing.T) {
	newTestApp(t)
	for _, c := range []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{1}, "1 minute"},
		{[]int{10}, "10 minutes"},
		{[]int{3, 5}, "3 or 5 minutes"},
		{[]int{5, 10, 15, 20}, "5, 10, 15 or 20 minutes"},
	} {
		if got := lengthsText(c.in); got != c.want {
			t.Errorf("lengthsText(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPackPracticeShowsPackName(t *testing.T) {
	base := builtinLibrary(t)
	lib := resources.NewLibrary(base.Packs[0], testPack(t))
	h := newHarness(t, lib, nil)
	texts := shownTexts(h.s.libView)
	if !contains(texts, "Breathing by the river") || !contains(texts, "From Riverside group") {
		t.Fatalf("the pack's practice or name is missing: %q", texts)
	}
	// Built-in practices do not name a pack.
	if contains(texts, "From Hearth") {
		t.Error("a built-in practice names its pack")
	}
	// Tapping the card opens the player, which names the pack too.
	for _, o := range test.LaidOutObjects(h.s.libView) {
		if c, ok := o.(*tapCard); ok && contains(shownTexts(c), "Breathing by the river") {
			test.Tap(c)
		}
	}
	if !h.s.plView.Visible() || h.s.cur == nil || h.s.cur.ID != "river-breath" {
		t.Fatal("tapping the pack's practice did not open it")
	}
	if !contains(shownTexts(h.s.plView), "From Riverside group") {
		t.Error("the player does not name the pack")
	}
	if contains(shownTexts(h.s.plView), "Voice: synthesised") {
		t.Error("a pack practice without clips claims a synthesised voice")
	}
	// Its session record carries the pack's ID.
	test.Tap(h.s.playBtn)
	h.at(h.s.sess.Duration())
	test.Tap(h.s.notNowBtn)
	if len(h.store.recs) != 1 || h.store.recs[0].Meta["pack_id"] != "test-pack" {
		t.Fatalf("records = %+v, want one with pack_id test-pack", h.store.recs)
	}
}

func TestPacerAndTimerUseTheirCallbacks(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.s.OpenPractice("breathing-pacer")
	h.s.OpenPractice("silent-timer")
	if h.pacer != 1 || h.timer != 1 {
		t.Errorf("pacer opened %d times, timer %d times; want 1 and 1", h.pacer, h.timer)
	}
	if h.s.plView.Visible() {
		t.Error("the player opened for the pacer or timer")
	}
	if h.s.OpenPractice("no-such-practice") {
		t.Error("OpenPractice of an unknown ID reported true")
	}
}

func TestPlayerShowsSafetyNoteAndVoice(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	p := h.open("compassion-flowing-in")
	texts := shownTexts(h.s.plView)
	if p.SafetyNote == "" || !contains(texts, p.SafetyNote) {
		t.Error("the safety note is not shown before starting")
	}
	if !contains(texts, "Voice: synthesised") {
		t.Error("the synthesised voice is not mentioned")
	}
	if contains(texts, "No sound output found") {
		t.Error("the no-sound notice shows while sound works")
	}
	test.Tap(h.s.playBtn)
	if h.s.safety.Visible() {
		t.Error("the safety note stays after starting")
	}
}

func TestPlayPauseToggles(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	if h.s.playBtn.Text != "Begin" {
		t.Fatalf("button = %q, want Begin", h.s.playBtn.Text)
	}
	steps := []struct {
		plays, pauses, resumes int
		button                 string
	}{
		{1, 0, 0, "Pause"},
		{1, 1, 0, "Continue"},
		{1, 1, 1, "Pause"},
		{1, 2, 1, "Continue"},
	}
	for i, want := range steps {
		test.Tap(h.s.playBtn)
		plays, pauses, resumes, _ := h.fake.counts()
		if plays != want.plays || pauses != want.pauses || resumes != want.resumes {
			t.Errorf("tap %d: plays %d pauses %d resumes %d, want %d %d %d",
				i+1, plays, pauses, resumes, want.plays, want.pauses, want.resumes)
		}
		if h.s.playBtn.Text != want.button {
			t.Errorf("tap %d: button = %q, want %q", i+1, h.s.playBtn.Text, want.button)
		}
	}
}

func TestSpaceTogglesOnlyInThePlayer(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	var passed []fyne.KeyName
	h.w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { passed = append(passed, ev.Name) })
	h.s.Focus(h.w.Canvas())
	space := func() { h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace}) }

	h.open("breathing-space")
	space()
	if plays, _, _, _ := h.fake.counts(); plays != 1 {
		t.Fatalf("Space did not start the practice (plays = %d)", plays)
	}
	space()
	if _, pauses, _, _ := h.fake.counts(); pauses != 1 || h.s.playBtn.Text != "Continue" {
		t.Fatalf("Space did not pause (pauses = %d, button %q)", pauses, h.s.playBtn.Text)
	}
	// Other keys reach the shell's handler.
	h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !slices.Equal(passed, []fyne.KeyName{fyne.KeyEscape}) {
		t.Errorf("keys passed on = %v, want [Escape]", passed)
	}
	// In the library Space is the shell's again.
	test.Tap(findButton(t, h.s.plView, "All practices"))
	space()
	if _, _, resumes, _ := h.fake.counts(); resumes != 0 {
		t.Error("Space toggled the player from the library")
	}
	if !slices.Equal(passed, []fyne.KeyName{fyne.KeyEscape, fyne.KeySpace}) {
		t.Errorf("keys passed on = %v, want [Escape Space]", passed)
	}
}

func TestSpaceOnAFocusedSliderToggles(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	h.w.Canvas().Focus(h.s.progress)
	h.s.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if _, pauses, _, _ := h.fake.counts(); pauses != 1 {
		t.Fatalf("Space on the focused progress slider: pauses = %d, want 1", pauses)
	}
	h.s.vol[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if _, _, resumes, _ := h.fake.counts(); resumes != 1 {
		t.Fatalf("Space on a focused volume slider: resumes = %d, want 1", resumes)
	}
	// Arrow keys still move the slider: five seconds, and that seeks.
	h.s.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if len(h.fake.seeks) != 1 || h.fake.seeks[0] != 5*time.Second {
		t.Errorf("Right arrow sought to %v, want [5s]", h.fake.seeks)
	}
}

func findButton(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(obj) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func TestSeekCallsPlayer(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	if !h.s.progress.Disabled() {
		t.Error("the progress slider can seek before the practice starts")
	}
	test.Tap(h.s.playBtn)
	h.s.progress.SetValue(95) // a tap, drag end or arrow key ends like this
	if len(h.fake.seeks) != 1 || h.fake.seeks[0] != 95*time.Second {
		t.Fatalf("seeks = %v, want [1m35s]", h.fake.seeks)
	}
	if h.s.elapsed.Text != "1:35" {
		t.Errorf("elapsed = %q, want 1:35", h.s.elapsed.Text)
	}
	want := clock(h.s.sess.Duration()-95*time.Second) + " left"
	if h.s.remaining.Text != want {
		t.Errorf("remaining = %q, want %q", h.s.remaining.Text, want)
	}
	// A seek is not time practised.
	if h.s.rec.played != 0 {
		t.Errorf("played = %v after a seek, want 0", h.s.rec.played)
	}
	h.at(100 * time.Second)
	if h.s.rec.played != 5*time.Second {
		t.Errorf("played = %v, want 5s", h.s.rec.played)
	}
}

func TestSeekTapOnSlider(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	size := h.s.progress.Size()
	test.TapAt(h.s.progress, fyne.NewPos(size.Width/2, size.Height/2))
	if len(h.fake.seeks) != 1 {
		t.Fatalf("seeks = %v, want one", h.fake.seeks)
	}
	half := h.s.sess.Duration() / 2
	if d := h.fake.seeks[0] - half; d < -10*time.Second || d > 10*time.Second {
		t.Errorf("tapping the middle sought to %v, want about %v", h.fake.seeks[0], half)
	}
}

func TestVolumeSlidersSetVolume(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	def := audio.DefaultVolumes()
	for l := range h.s.vol {
		if got := h.fake.volumes[audio.Layer(l)]; got != def[l] {
			t.Errorf("layer %v starts at %d, want %d", audio.Layer(l), got, def[l])
		}
	}
	for l, v := range []int{60, 20, 35} {
		h.s.vol[l].SetValue(float64(v))
		if got := h.fake.volumes[audio.Layer(l)]; got != v {
			t.Errorf("layer %v = %d, want %d", audio.Layer(l), got, v)
		}
	}
}

func TestVolumesAndBackgroundAreRemembered(t *testing.T) {
	prefs := newTestApp(t).Preferences()
	fake := newFakePlayer()
	s := New(builtinLibrary(t), fake, nil, nil, prefs, Callbacks{})
	s.async, s.manualPoll = func(f func()) { f() }, true
	s.vol[audio.LayerBells].SetValue(12)
	s.bgSel.SetSelected(backgroundName(audio.BackgroundRain))

	fake2 := newFakePlayer()
	s2 := New(builtinLibrary(t), fake2, nil, nil, prefs, Callbacks{})
	if fake2.volumes[audio.LayerBells] != 12 || s2.vol[audio.LayerBells].Value != 12 {
		t.Errorf("bells volume not remembered: player %d, slider %v", fake2.volumes[audio.LayerBells], s2.vol[audio.LayerBells].Value)
	}
	if s2.bg != audio.BackgroundRain || s2.bgSel.Selected != backgroundName(audio.BackgroundRain) {
		t.Errorf("background not remembered: %v", s2.bg)
	}
}

func TestBackgroundChoiceBuildsItIn(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	h.s.bgSel.SetSelected(backgroundName(audio.BackgroundOcean))
	if h.s.sess.Background() != audio.BackgroundOcean {
		t.Fatalf("session background = %v, want ocean", h.s.sess.Background())
	}
	test.Tap(h.s.playBtn)
	h.at(50 * time.Second)
	h.s.bgSel.SetSelected(backgroundName(audio.BackgroundRain))
	plays := h.fake.plays
	if len(plays) != 2 || plays[1].Background() != audio.BackgroundRain {
		t.Fatalf("plays = %d, want a second play with rain", len(plays))
	}
	if got := h.fake.seeks; len(got) != 1 || got[0] != 50*time.Second {
		t.Errorf("after changing the background the player sought to %v, want [50s]", got)
	}
}

func TestLengthChooserRebuildsSession(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	p := h.open("compassion-flowing-in")
	if want := time.Duration(p.DefaultLength) * time.Minute; h.s.sess.Duration() != want {
		t.Fatalf("session = %v, want the default %v", h.s.sess.Duration(), want)
	}
	if !slices.Equal(h.s.lengthSel.Options, []string{"5 minutes", "10 minutes", "15 minutes"}) {
		t.Fatalf("length options = %q", h.s.lengthSel.Options)
	}
	h.s.lengthSel.SetSelected("15 minutes")
	if h.s.sess.Duration() != 15*time.Minute {
		t.Fatalf("after choosing 15 minutes the session is %v", h.s.sess.Duration())
	}
	if plays, _, _, _ := h.fake.counts(); plays != 0 {
		t.Error("choosing a length before starting played something")
	}
	// While playing, a new length carries on from the start of the current step.
	test.Tap(h.s.playBtn)
	step := h.s.steps[3]
	h.at(audio.Duration(step.Start) + 2*time.Second)
	h.s.lengthSel.SetSelected("5 minutes")
	if len(h.fake.plays) != 2 || h.fake.plays[1].Duration() != 5*time.Minute {
		t.Fatalf("plays = %d, want a second play of 5 minutes", len(h.fake.plays))
	}
	wantPos := audio.Duration(h.s.steps[3].Start)
	if n := len(h.fake.seeks); n != 1 || h.fake.seeks[0] != wantPos {
		t.Errorf("seeks = %v, want [%v] (the same step in the new session)", h.fake.seeks, wantPos)
	}
	if h.s.stage.Text() != step.Text {
		t.Errorf("step text = %q, want %q", h.s.stage.Text(), step.Text)
	}
	if h.s.rec.minutes != 5 {
		t.Errorf("record length = %d minutes, want 5", h.s.rec.minutes)
	}
}

func TestStepTextFollowsPosition(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	steps := h.s.sess.Steps()
	if got := h.s.stage.Text(); got != "Settling in. The guidance begins in a moment." {
		t.Errorf("before the first step the stage says %q", got)
	}
	for i := range 3 {
		h.at(audio.Duration(steps[i].End) - time.Millisecond)
		if got := h.s.stage.Text(); got != steps[i].Text {
			t.Fatalf("just before the end of step %d: %q, want %q", i+1, got, steps[i].Text)
		}
		h.at(audio.Duration(steps[i+1].Start) + time.Millisecond)
		if got := h.s.stage.Text(); got != steps[i+1].Text {
			t.Fatalf("just after the start of step %d: %q, want %q", i+2, got, steps[i+1].Text)
		}
	}
	if h.s.stage.segment().Text != steps[3].Text {
		t.Error("the fade did not end on the new text")
	}
}

func TestNoOutputShowsNoticeAndRunsSilently(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), audio.ErrNoOutput)
	h.open("breathing-space")
	if !h.s.silent || !contains(shownTexts(h.s.plView), "No sound output found") {
		t.Fatal("no notice without sound output")
	}
	if h.s.sound.Visible() {
		t.Error("volume sliders show without sound output")
	}
	if _, ok := h.s.player.(*audio.SilentPlayer); !ok {
		t.Fatalf("player = %T, want *audio.SilentPlayer", h.s.player)
	}
	test.Tap(h.s.playBtn)
	if plays, _, _, _ := h.fake.counts(); plays != 0 {
		t.Error("the app's player was used without sound output")
	}
	steps := h.s.sess.Steps()
	// The silent player keeps real time: from just before a step, it moves into it.
	for i := range 2 {
		_ = h.s.player.Seek(audio.Duration(steps[i].Start) - 50*time.Millisecond)
		h.s.lastPos = h.s.player.Position()
		waitFor(t, func() bool { h.s.poll(); return h.s.stage.Text() == steps[i].Text })
	}
	// A bell shows as an ember pulse.
	strikes := h.s.sess.Strikes()
	end := strikes[len(strikes)-1].At
	before := h.s.ember.pulses
	_ = h.s.player.Seek(audio.Duration(end) - 50*time.Millisecond)
	h.s.bellPos = end - audio.Samples(50*time.Millisecond)
	waitFor(t, func() bool { h.s.poll(); return h.s.ember.pulses > before })
	h.s.Stop()
	waitFor(t, func() bool { return h.s.player.Status().State != audio.StatePlaying })
}

func TestPlayErrNoOutputFallsBackToSilent(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.fake.playErr = errors.Join(errors.New("alsa: no card"), audio.ErrNoOutput)
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	if !h.s.silent || !h.s.notice.Visible() {
		t.Fatal("Play's ErrNoOutput did not switch to silent mode")
	}
	if st := h.s.player.Status().State; st != audio.StatePlaying {
		t.Errorf("silent player state = %v, want playing", st)
	}
	h.s.Stop()
}

// waitFor polls cond for up to five seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestRatingsAreOptional(t *testing.T) {
	cases := []struct {
		name          string
		before, after int // noRating: skipped (or left alone)
		skip          bool
		want          map[string]int
	}{
		{"none given", noRating, noRating, false, nil},
		{"both skipped", noRating, noRating, true, nil},
		{"before only", 3, noRating, true, map[string]int{"before": 3}},
		{"after only", noRating, 2, false, map[string]int{"after": 2}},
		{"both", 6, 4, false, map[string]int{"before": 6, "after": 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, builtinLibrary(t), nil)
			h.open("breathing-space")
			if c.before != noRating {
				test.Tap(h.s.before.buttons[c.before])
			} else if c.skip {
				test.Tap(h.s.before.skip)
				if h.s.before.root.Visible() {
					t.Error("Skip did not put the rating away")
				}
			}
			if !h.s.playBtn.Visible() || h.s.playBtn.Disabled() {
				t.Fatal("Begin is not available without a rating")
			}
			test.Tap(h.s.playBtn)
			h.at(h.s.sess.Duration())
			if !h.s.finish.Visible() {
				t.Fatal("the finish card is not shown at the end")
			}
			if c.after != noRating {
				test.Tap(h.s.after.buttons[c.after])
			} else if c.skip {
				test.Tap(h.s.after.skip)
			}
			test.Tap(h.s.notNowBtn)
			if len(h.store.recs) != 1 {
				t.Fatalf("%d records saved, want 1", len(h.store.recs))
			}
			got := h.store.recs[0].Ratings
			if len(got) != len(c.want) {
				t.Fatalf("ratings = %v, want %v", got, c.want)
			}
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("ratings = %v, want %v", got, c.want)
				}
			}
			if h.support != 0 {
				t.Error("a rating under 8 offered support")
			}
		})
	}
}

func TestHighRatingOffersSupport(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.before.buttons[7])
	if h.support != 0 {
		t.Fatal("7 offered support")
	}
	test.Tap(h.s.before.buttons[8])
	if h.support != 1 {
		t.Fatalf("8 offered support %d times, want 1", h.support)
	}
	// Nothing is blocked: the practice still starts.
	test.Tap(h.s.playBtn)
	h.at(h.s.sess.Duration())
	test.Tap(h.s.after.buttons[10])
	if h.support != 2 {
		t.Errorf("an after rating of 10 offered support %d times in all, want 2", h.support)
	}
}

func TestFinishSavesRecordAndOffersPrompt(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	p := h.open("compassion-flowing-in")
	h.s.lengthSel.SetSelected("5 minutes")
	test.Tap(h.s.playBtn)
	length := h.s.sess.Duration()
	for pos := time.Duration(0); pos < length; pos += 30 * time.Second {
		h.at(pos)
	}
	h.at(length)
	if len(h.store.recs) != 0 {
		t.Fatal("saved before the listener chose what to do next")
	}
	if !h.s.writeBtn.Visible() {
		t.Fatal("no offer to write about it")
	}
	test.Tap(h.s.writeBtn)
	if len(h.store.recs) != 1 {
		t.Fatalf("%d records saved, want 1", len(h.store.recs))
	}
	r := h.store.recs[0]
	want := map[string]string{
		"practice_id": p.ID, "practice_title": p.Title, "completed": "true",
		"length_minutes": "5", "seconds": "300",
	}
	if r.Kind != journal.KindPracticeSession || r.Title != p.Title {
		t.Errorf("kind %q title %q", r.Kind, r.Title)
	}
	for k, v := range want {
		if r.Meta[k] != v {
			t.Errorf("Meta[%q] = %q, want %q", k, r.Meta[k], v)
		}
	}
	if _, ok := r.Meta["pack_id"]; ok {
		t.Error("a built-in practice has a pack_id")
	}
	if !slices.Equal(h.prompts, []string{"flows-receiving"}) {
		t.Errorf("prompts opened = %v, want [flows-receiving]", h.prompts)
	}
	// Stop after saving saves nothing more.
	h.s.Stop()
	if len(h.store.recs) != 1 {
		t.Errorf("%d records after Stop, want 1", len(h.store.recs))
	}
}

func TestSaveErrorIsShownAndRetried(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.store.err = errors.New("disk full")
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	h.at(h.s.sess.Duration())
	test.Tap(h.s.notNowBtn)
	if !h.s.saveErr.Visible() || !h.s.finish.Visible() {
		t.Fatal("a failed save is not shown, or the finish card was left")
	}
	h.store.err = nil
	test.Tap(h.s.notNowBtn)
	if len(h.store.recs) != 1 || h.s.saveErr.Visible() {
		t.Fatalf("retry saved %d records", len(h.store.recs))
	}
	if !h.s.libView.Visible() {
		t.Error("Not now did not return to the library")
	}
}

func TestEndEarly(t *testing.T) {
	t.Run("short try is not recorded", func(t *testing.T) {
		h := newHarness(t, builtinLibrary(t), nil)
		h.open("breathing-space")
		test.Tap(h.s.playBtn)
		h.at(10 * time.Second)
		test.Tap(h.s.endBtn)
		if _, _, _, stops := h.fake.counts(); stops != 1 {
			t.Errorf("stops = %d, want 1", stops)
		}
		if h.s.phase != phaseReady || h.s.finish.Visible() {
			t.Error("a short try did not return to the start")
		}
		h.s.Stop()
		if len(h.store.recs) != 0 {
			t.Errorf("a 10-second try was recorded: %+v", h.store.recs)
		}
	})
	t.Run("longer session is recorded as not completed", func(t *testing.T) {
		h := newHarness(t, builtinLibrary(t), nil)
		h.open("breathing-space")
		test.Tap(h.s.playBtn)
		for pos := time.Duration(0); pos <= 70*time.Second; pos += 10 * time.Second {
			h.at(pos)
		}
		test.Tap(h.s.endBtn)
		if !h.s.finish.Visible() {
			t.Fatal("no finish card after ending a longer session")
		}
		test.Tap(h.s.notNowBtn)
		if len(h.store.recs) != 1 {
			t.Fatalf("%d records, want 1", len(h.store.recs))
		}
		m := h.store.recs[0].Meta
		if m["completed"] != "false" || m["seconds"] != "70" || m["length_minutes"] != "3" {
			t.Errorf("meta = %v, want completed false, 70 seconds, 3 minutes", m)
		}
	})
}

func TestEndJustAfterTheEndCountsAsCompleted(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.playBtn)
	h.fake.setPos(h.s.sess.Duration()) // finished, not yet polled
	test.Tap(h.s.endBtn)
	test.Tap(h.s.notNowBtn)
	if len(h.store.recs) != 1 || h.store.recs[0].Meta["completed"] != "true" {
		t.Fatalf("records = %+v, want one completed", h.store.recs)
	}
}

func TestStopStopsAndSaves(t *testing.T) {
	h := newHarness(t, builtinLibrary(t), nil)
	h.open("breathing-space")
	test.Tap(h.s.before.buttons[5])
	test.Tap(h.s.playBtn)
	h.at(20 * time.Second)
	h.fake.setPos(45 * time.Second) // Stop reads the last position itself
	h.s.Stop()
	if _, _, _, stops := h.fake.counts(); stops != 1 {
		t.Fatalf("stops = %d, want 1", stops)
	}
	if len(h.store.recs) != 1 {
		t.Fatalf("%d records, want 1", len(h.store.recs))
	}
	r := h.store.recs[0]
	if r.Meta["completed"] != "false" || r.Meta["seconds"] != "45" || r.Ratings["before"] != 5 {
		t.Errorf("record = %+v", r)
	}
	if h.s.phase != phaseReady || h.s.watchStop != nil {
		t.Error("the player is not back at the start with its watcher stopped")
	}
	// Space no longer belongs to the player after Stop.
	if h.s.keysOn {
		t.Error("Space is still taken after Stop")
	}
}

func TestWatcherFollowsChangedOnlyWhilePlaying(t *testing.T) {
	lib := builtinLibrary(t)
	h := newHarness(t, lib, nil)
	// The test plays the UI goroutine: the watcher's updates queue here.
	ui := make(chan func(), 16)
	tick := make(chan time.Time)
	var tickers int
	h.s.manualPoll = false
	h.s.do = func(f func()) { ui <- f }
	h.s.ticker = func(d time.Duration) (<-chan time.Time, func()) {
		if d > 250*time.Millisecond {
			t.Errorf("ticker every %v, want at most 4 Hz", d)
		}
		tickers++
		return tick, func() {}
	}
	h.open("breathing-space")
	steps := h.s.steps
	test.Tap(h.s.playBtn)
	(<-ui)() // Play signalled Changed
	h.fake.setPos(audio.Duration(steps[1].Start))
	(<-ui)()
	if h.s.stage.Text() != steps[1].Text {
		t.Errorf("after Changed the stage shows %q", h.s.stage.Text())
	}
	h.fake.mu.Lock()
	h.fake.pos = audio.Duration(steps[2].Start) // moves without Changed: the ticker reads it
	h.fake.mu.Unlock()
	tick <- time.Now()
	(<-ui)()
	if h.s.stage.Text() != steps[2].Text {
		t.Errorf("after a tick the stage shows %q", h.s.stage.Text())
	}
	test.Tap(h.s.playBtn) // pause: the watcher ends
	h.s.watchWG.Wait()
	if tickers != 1 {
		t.Errorf("%d tickers started, want 1", tickers)
	}
	test.Tap(h.s.playBtn) // resume: it starts again
	if tickers != 2 || h.s.watchStop == nil {
		t.Errorf("resuming did not restart the watcher")
	}
	h.s.Stop()
	h.s.watchWG.Wait()
	// Updates that were already queued are dropped once stopped.
	for len(ui) > 0 {
		(<-ui)()
	}
	if h.s.phase != phaseReady {
		t.Error("a stale update changed the player after Stop")
	}
}

func TestFinishWithoutPromptOffersDone(t *testing.T) {
	newTestApp(t)
	fake, store := newFakePlayer(), &fakeStore{}
	s := newInline(builtinLibrary(t), fake, nil, store, Callbacks{}) // the shell opens no prompts
	test.NewTempWindow(t, s.Content())
	s.OpenPractice("breathing-space")
	s.Toggle()
	fake.setPos(s.sess.Duration())
	s.poll()
	if s.writeBtn.Visible() || s.notNowBtn.Text != "Done" {
		t.Fatalf("write button visible %v, other button %q; want only Done", s.writeBtn.Visible(), s.notNowBtn.Text)
	}
	if s.sound.Visible() {
		t.Error("the sound card stays after the practice ended")
	}
	test.Tap(s.notNowBtn)
	if len(store.recs) != 1 || store.recs[0].Meta["completed"] != "true" {
		t.Errorf("records = %+v", store.recs)
	}
}

func TestPackWithRecordings(t *testing.T) {
	// The audio package's test pack: one practice with a recorded step, one that is
	// a single recording of the whole practice.
	pk, err := resources.LoadPack(os.DirFS(filepath.Join("..", "..", "audio", "testdata", "pack")))
	if err != nil {
		t.Fatal(err)
	}
	lib := resources.NewLibrary(builtinLibrary(t).Packs[0], pk)
	h := newHarness(t, lib, nil)

	h.open("audio-test-whole")
	if n := len(h.s.lengthSel.Options); n != 1 || !h.s.lengthSel.Disabled() {
		t.Errorf("a single recording offers %d lengths (disabled %v), want one, fixed", n, h.s.lengthSel.Disabled())
	}
	test.Tap(h.s.playBtn)
	h.at(h.s.sess.Duration() / 2)
	if got := h.s.stage.Text(); got != h.s.cur.Summary {
		t.Errorf("during a whole recording the stage shows %q, want the summary", got)
	}

	h.open("audio-test-steps")
	if !h.s.steps[0].Voiced || h.s.steps[1].Voiced {
		t.Errorf("voiced steps = %v, %v; want the recorded step voiced and the other shown", h.s.steps[0].Voiced, h.s.steps[1].Voiced)
	}
	if contains(shownTexts(h.s.plView), "Voice: synthesised") {
		t.Error("a pack's recorded voice is called synthesised")
	}
}
