package audio

import (
	"errors"
	"math"
	"testing"
	"time"
)

// textScript is a guided script without recordings: three shown steps, two of whose
// pauses stretch.
func textScript() Script {
	return Script{Title: "Test", Steps: []ScriptStep{
		{Text: "Settle into a comfortable position.", Pause: 5 * time.Second},
		{Text: "Notice the breath, slowing a little.", Pause: 20 * time.Second, Stretch: true},
		{Text: "Let a kind expression come to your face.", Pause: 10 * time.Second, Stretch: true},
		{Text: "When you are ready, gently open your eyes.", Pause: 3 * time.Second},
	}}
}

// toneScript has spoken steps: each is the half-second test tone.
func toneScript() Script {
	return Script{Title: "Tones", Steps: []ScriptStep{
		{Text: "one", Clip: fileOpenerFor("tone-22k-mono.ogg"), Pause: 2 * time.Second},
		{Text: "two", Clip: fileOpenerFor("tone-44k-stereo.wav"), Pause: 10 * time.Second, Stretch: true},
		{Text: "three", Clip: fileOpenerFor("tone-22k-mono.flac"), Pause: 1 * time.Second},
	}}
}

func TestTimerAndPacerLengthsExact(t *testing.T) {
	// Lengths in half-minutes; the shortest one is also streamed in full.
	for _, halves := range []int{1, 10, 120} {
		o := Options{Length: time.Duration(halves) * 30 * time.Second, Background: BackgroundPink, Interval: 20 * time.Second}
		timer, err := NewTimer("timer", o)
		if err != nil {
			t.Fatal(err)
		}
		pacer, err := NewPacerSession("pacer", DefaultPacer(), o)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []*Session{timer, pacer} {
			want := halves * 30 * 44100
			if s.Len() != want {
				t.Errorf("%s: Len = %d, want %d", s.Title(), s.Len(), want)
			}
			if halves == 1 {
				if got := len(pullMix(t, s, DefaultVolumes())); got != want {
					t.Errorf("%s: streamed %d samples, want %d", s.Title(), got, want)
				}
			}
		}
	}
}

func pullMix(t testing.TB, s *Session, v Volumes) [][2]float64 {
	t.Helper()
	m, err := NewMix(s, v)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	return pullAll(t, m, s.Len()+1)
}

func TestSilentTimerIsSilent(t *testing.T) {
	s, err := NewTimer("quiet", Options{Length: 10 * time.Second, NoBells: true})
	if err != nil {
		t.Fatal(err)
	}
	got := pullMix(t, s, DefaultVolumes())
	if len(got) != 441000 || peak(got) != 0 {
		t.Fatalf("got %d samples with peak %g; want 441000 samples of silence", len(got), peak(got))
	}
}

func TestGuidedStretchesToLength(t *testing.T) {
	for _, sc := range []Script{textScript(), toneScript()} {
		natural, err := NewGuided(sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, minutes := range []int{5, 10, 15, 20} {
			want := time.Duration(minutes) * time.Minute
			s, err := NewGuided(sc, Options{Length: want, Background: BackgroundRain})
			if err != nil {
				t.Fatalf("%s at %d min: %v", sc.Title, minutes, err)
			}
			if d := math.Abs(float64(s.Duration()-want)) / float64(want); d > 0.01 {
				t.Errorf("%s at %d min: length %v is %.2f%% off", sc.Title, minutes, s.Duration(), 100*d)
			}
			if s.Len() != Samples(want) {
				t.Errorf("%s at %d min: Len %d, want exactly %d", sc.Title, minutes, s.Len(), Samples(want))
			}
			// Spoken (or shown) text is kept whole; fixed pauses stay as written.
			for i, st := range s.Steps() {
				nat := natural.Steps()[i]
				if st.SpeechEnd-st.Start != nat.SpeechEnd-nat.Start {
					t.Errorf("step %d speech changed from %d to %d samples", i, nat.SpeechEnd-nat.Start, st.SpeechEnd-st.Start)
				}
				if !sc.Steps[i].Stretch && st.End-st.SpeechEnd != Samples(sc.Steps[i].Pause) {
					t.Errorf("fixed pause of step %d changed", i)
				}
			}
		}
	}
}

func TestGuidedTooShort(t *testing.T) {
	long := textScript()
	for i := range 30 {
		long.Steps = append(long.Steps, ScriptStep{Text: "A step with several words to read on the screen slowly.", Pause: 10 * time.Second, Stretch: i%2 == 0})
	}
	_, err := NewGuided(long, Options{Length: time.Minute})
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v, want ErrTooLong", err)
	}
	s, err := NewGuided(long, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Shortest() >= s.Duration() || s.Shortest() < time.Minute {
		t.Fatalf("Shortest = %v, natural %v", s.Shortest(), s.Duration())
	}
	if _, err := NewGuided(long, Options{Length: s.Shortest() + time.Second}); err != nil {
		t.Fatalf("at Shortest()+1s: %v", err)
	}
}

func TestStepAt(t *testing.T) {
	s, err := NewGuided(textScript(), Options{Length: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	steps := s.Steps()
	if steps[0].Start != Samples(leadInBells) {
		t.Errorf("first step starts at %d, want after the %v lead-in", steps[0].Start, leadInBells)
	}
	if s.StepAt(0) != -1 || s.StepAt(steps[0].Start-1) != -1 {
		t.Error("the opening bell is not a step")
	}
	for i, st := range steps {
		for _, p := range []int{st.Start, st.SpeechEnd, st.End - 1} {
			if got := s.StepAt(p); got != i {
				t.Errorf("StepAt(%d) = %d, want %d", p, got, i)
			}
		}
		if i+1 < len(steps) && st.End != steps[i+1].Start {
			t.Errorf("gap between steps %d and %d", i, i+1)
		}
	}
	last := steps[len(steps)-1]
	if s.StepAt(last.End) != -1 || s.StepAt(s.Len()-1) != -1 {
		t.Error("the closing bell is not a step")
	}
	if s.Len()-last.End != Samples(tailBells) {
		t.Errorf("tail = %d samples", s.Len()-last.End)
	}
}

func rms(s [][2]float64) float64 {
	if len(s) == 0 {
		return 0
	}
	var sum float64
	for _, v := range s {
		sum += v[0]*v[0] + v[1]*v[1]
	}
	return math.Sqrt(sum / float64(2*len(s)))
}

func TestVoiceWhereStepsSay(t *testing.T) {
	s, err := NewGuided(toneScript(), Options{Length: time.Minute, NoBells: true})
	if err != nil {
		t.Fatal(err)
	}
	out := pullMix(t, s, Volumes{100, 100, 100})
	for i, st := range s.Steps() {
		if !st.Voiced || st.SpeechEnd-st.Start != 22050 {
			t.Fatalf("step %d: voiced %v, %d samples", i, st.Voiced, st.SpeechEnd-st.Start)
		}
		if r := rms(out[st.Start+500 : st.SpeechEnd-500]); r < 0.3 {
			t.Errorf("step %d: tone RMS %.3f, want about 0.35", i, r)
		}
		if p := peak(out[st.SpeechEnd:st.End]); p != 0 {
			t.Errorf("step %d: pause not silent (peak %g)", i, p)
		}
		if p := peak(out[st.Start-100 : st.Start]); p != 0 {
			t.Errorf("step %d: sound before the step starts", i)
		}
	}
}

func TestPacerPhases(t *testing.T) {
	p := Pacer{BreathsPerMinute: 6, OutRatio: 1.5, HoldIn: time.Second, HoldOut: time.Second}
	s, err := NewPacerSession("pacer", p, Options{Length: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	start := Samples(leadInBells)
	// 10 s per breath: 1 s of holds each, 8 s shared 1:1.5 -> 3.2 s in, 4.8 s out.
	tests := []struct {
		at     time.Duration
		kind   BreathKind
		breath int
	}{
		{0, BreathSettle, 0},
		{100 * time.Millisecond, BreathIn, 0},
		{3100 * time.Millisecond, BreathIn, 0},
		{3300 * time.Millisecond, BreathHoldIn, 0},
		{4300 * time.Millisecond, BreathOut, 0},
		{9100 * time.Millisecond, BreathHoldOut, 0},
		{10100 * time.Millisecond, BreathIn, 1},
	}
	for _, tt := range tests {
		pos := start + Samples(tt.at)
		if tt.at == 0 {
			pos = 0
		}
		ph := s.BreathAt(pos)
		if ph.Kind != tt.kind || ph.Breath != tt.breath || ph.Progress < 0 || ph.Progress >= 1 {
			t.Errorf("at %v: %+v, want %v breath %d", tt.at, ph, tt.kind, tt.breath)
		}
	}
	if ph := s.BreathAt(start + Samples(1600*time.Millisecond)); math.Abs(ph.Progress-0.5) > 0.01 {
		t.Errorf("halfway through the in-breath progress = %.3f", ph.Progress)
	}
	if err := (Pacer{BreathsPerMinute: 9, OutRatio: 1}).Validate(); err == nil {
		t.Error("9 breaths a minute accepted")
	}
}

func zeroCrossings(s [][2]float64) int {
	n := 0
	for i := 1; i < len(s); i++ {
		if (s[i-1][0] < 0) != (s[i][0] < 0) {
			n++
		}
	}
	return n
}

func TestBreathToneFollowsBreath(t *testing.T) {
	p := Pacer{BreathsPerMinute: 6, OutRatio: 1.5, HoldIn: time.Second, HoldOut: time.Second}
	s, err := NewPacerSession("pacer", p, Options{Length: time.Minute, NoBells: true})
	if err != nil {
		t.Fatal(err)
	}
	out := pullMix(t, s, Volumes{100, 0, 0})
	at := func(d time.Duration) int { return Samples(leadInNoBells + d) }
	win := Samples(400 * time.Millisecond)
	early := out[at(800*time.Millisecond):][:win]
	late := out[at(2200*time.Millisecond):][:win]
	if zeroCrossings(late) <= zeroCrossings(early) {
		t.Errorf("in-breath pitch does not rise: %d then %d crossings", zeroCrossings(early), zeroCrossings(late))
	}
	outEarly := out[at(5000*time.Millisecond):][:win]
	outLate := out[at(7800*time.Millisecond):][:win]
	if zeroCrossings(outLate) >= zeroCrossings(outEarly) {
		t.Errorf("out-breath pitch does not fall: %d then %d", zeroCrossings(outEarly), zeroCrossings(outLate))
	}
	if p := peak(out[at(3300*time.Millisecond):at(4100*time.Millisecond)]); p != 0 {
		t.Errorf("hold is not silent (peak %g)", p)
	}
	if rms(early) < 0.02 {
		t.Error("the breath tone is too quiet to hear")
	}
}

func TestBedLevels(t *testing.T) {
	for _, b := range Backgrounds()[1:] {
		t.Run(b.String(), func(t *testing.T) {
			buf := make([][2]float64, 20*44100)
			newBed(b, 1).fill(buf, 0)
			r, p := rms(buf), peak(buf)
			if r < 0.05 || r > 0.2 || p > 1 {
				t.Errorf("RMS %.3f, peak %.3f; want RMS 0.05..0.2 and peak <= 1", r, p)
			}
			var dc float64
			for _, v := range buf {
				dc += v[0]
			}
			if dc /= float64(len(buf)); math.Abs(dc) > 0.02 {
				t.Errorf("DC offset %.4f", dc)
			}
			// Stationary: the level of each 5 s quarter is within 40% of the whole
			// (the ocean swells on purpose, over about ten seconds).
			for q := range 4 {
				if b == BackgroundOcean {
					break
				}
				part := buf[q*len(buf)/4 : (q+1)*len(buf)/4]
				if rq := rms(part); rq < 0.6*r || rq > 1.4*r {
					t.Errorf("quarter %d RMS %.3f vs %.3f overall", q, rq, r)
				}
			}
		})
	}
	if _, err := ParseBackground("thunder"); err == nil {
		t.Error("unknown background accepted")
	}
	if b, err := ParseBackground(" Ocean "); err != nil || b != BackgroundOcean {
		t.Errorf("ParseBackground(Ocean) = %v, %v", b, err)
	}
}

func TestBellsAreSoftAndDistinct(t *testing.T) {
	crossings := map[Bell]int{}
	for _, b := range Bells() {
		var v bellVoice
		v.start(b, 1, 0)
		buf := make([][2]float64, b.Len())
		v.add(buf)
		p := peak(buf)
		if p < 0.2 || p > 1.2 {
			t.Errorf("%s: peak %.3f", b, p)
		}
		if first := peak(buf[:44]); first > 0.25*p {
			t.Errorf("%s: attack too sudden (%.3f in the first millisecond, peak %.3f)", b, first, p)
		}
		head, tail := rms(buf[4410:44100]), rms(buf[len(buf)-4410:])
		if tail > head/100 {
			t.Errorf("%s: does not decay (head %.4f, tail %.5f)", b, head, tail)
		}
		if v.active {
			t.Errorf("%s: still active after its length", b)
		}
		crossings[b] = zeroCrossings(buf[4410:48510])
		if got, err := ParseBell(b.String()); err != nil || got != b {
			t.Errorf("ParseBell(%s) = %v, %v", b, got, err)
		}
	}
	if crossings[BellChime] <= crossings[BellBowl] || crossings[BellBowl] <= crossings[BellLow] {
		t.Errorf("bells not distinct in pitch: %v", crossings)
	}
}

func TestGain(t *testing.T) {
	if Gain(0) != 0 || Gain(100) != 1 || Gain(-5) != 0 || Gain(150) != 1 {
		t.Error("Gain ends wrong")
	}
	if g := 20 * math.Log10(Gain(50)); g > -15 || g < -21 {
		t.Errorf("Gain(50) = %.1f dB, want about -18", g)
	}
	for v := 1; v <= 100; v++ {
		if Gain(v) <= Gain(v-1) {
			t.Fatalf("Gain not increasing at %d", v)
		}
	}
}
