package pacer

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/hearth-app/hearth/audio"
)

// pacers are the rhythms the model tests run over: the default, both ends of the
// range, uneven ratios and pauses.
var pacers = []struct {
	name string
	p    audio.Pacer
}{
	{"default", audio.DefaultPacer()},
	{"even 5", audio.Pacer{BreathsPerMinute: 5, OutRatio: 1}},
	{"slowest", audio.Pacer{BreathsPerMinute: 4, OutRatio: 2}},
	{"fastest", audio.Pacer{BreathsPerMinute: 7, OutRatio: 1.5}},
	{"holds", audio.Pacer{BreathsPerMinute: 5.5, OutRatio: 1.3, HoldIn: 2 * time.Second, HoldOut: 3 * time.Second}},
	{"hold in only", audio.Pacer{BreathsPerMinute: 6, OutRatio: 2, HoldIn: 4 * time.Second}},
	{"hold out only", audio.Pacer{BreathsPerMinute: 4.5, OutRatio: 1, HoldOut: 1 * time.Second}},
	{"tight", audio.Pacer{BreathsPerMinute: 7, OutRatio: 3, HoldIn: 2 * time.Second, HoldOut: 2 * time.Second}},
}

func mustModel(t *testing.T, p audio.Pacer, length time.Duration) Model {
	t.Helper()
	m, err := NewModel(p, length)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelParts(t *testing.T) {
	tests := []struct {
		p                       audio.Pacer
		in, holdIn, out, holdOu time.Duration // to the millisecond
	}{
		{audio.Pacer{BreathsPerMinute: 5, OutRatio: 1}, 6 * time.Second, 0, 6 * time.Second, 0},
		{audio.Pacer{BreathsPerMinute: 6, OutRatio: 1.5}, 4 * time.Second, 0, 6 * time.Second, 0},
		{audio.Pacer{BreathsPerMinute: 4, OutRatio: 2, HoldIn: 2 * time.Second, HoldOut: time.Second}, 4 * time.Second, 2 * time.Second, 8 * time.Second, time.Second},
		{audio.Pacer{BreathsPerMinute: 6, OutRatio: 1, HoldIn: 2 * time.Second, HoldOut: 2 * time.Second}, 3 * time.Second, 2 * time.Second, 3 * time.Second, 2 * time.Second},
	}
	for _, tt := range tests {
		m := mustModel(t, tt.p, 5*time.Minute)
		in, hi, out, ho := m.Parts()
		got := [4]time.Duration{in, hi, out, ho}
		want := [4]time.Duration{tt.in, tt.holdIn, tt.out, tt.holdOu}
		for i := range got {
			if got[i].Round(time.Millisecond) != want[i] {
				t.Errorf("%+v: parts = %v, want %v", tt.p, got, want)
				break
			}
		}
		if c := m.Cycle().Round(time.Millisecond); c != time.Duration(float64(time.Minute)/tt.p.BreathsPerMinute).Round(time.Millisecond) {
			t.Errorf("%+v: cycle %v", tt.p, c)
		}
	}
}

// TestModelBoundaries walks each breath's part boundaries: the last sample of a part
// is that part near its end, the first sample of the next is the next part at 0.
func TestModelBoundaries(t *testing.T) {
	for _, tc := range pacers {
		t.Run(tc.name, func(t *testing.T) {
			m := mustModel(t, tc.p, 3*time.Minute)
			start, end := m.Breathing()
			if start != leadIn || end != 3*time.Minute-tail {
				t.Fatalf("breathing %v..%v", start, end)
			}
			if ph := m.At(start - time.Millisecond); ph.Kind != audio.BreathSettle || ph.Done || ph.Scale != 0 {
				t.Errorf("before the first breath: %+v", ph)
			}
			type part struct {
				kind audio.BreathKind
				n    int
			}
			parts := []part{{audio.BreathIn, m.in}, {audio.BreathHoldIn, m.holdIn}, {audio.BreathOut, m.out}, {audio.BreathHoldOut, m.hold}}
			pos := m.start
			for breath := 0; breath < 3; breath++ {
				for _, p := range parts {
					if p.n == 0 {
						continue
					}
					first := m.At(audio.Duration(pos))
					last := m.At(audio.Duration(pos + p.n - 1))
					if first.Kind != p.kind || first.Progress != 0 || first.Breath != breath {
						t.Errorf("breath %d: start of %v = %+v", breath, p.kind, first)
					}
					if last.Kind != p.kind || last.Progress < 0.999 || last.Progress >= 1 || last.Breath != breath {
						t.Errorf("breath %d: end of %v = %+v", breath, p.kind, last)
					}
					if first.Left != audio.Duration(p.n) || first.Into != 0 {
						t.Errorf("breath %d: %v into %v left %v, want 0 and %v", breath, p.kind, first.Into, first.Left, audio.Duration(p.n))
					}
					pos += p.n
				}
			}
			if ph := m.At(end); ph.Kind != audio.BreathSettle || !ph.Done {
				t.Errorf("at the closing bell: %+v", ph)
			}
			if ph := m.At(m.Length() + time.Hour); !ph.Done || ph.Scale != 0 || ph.Left != 0 {
				t.Errorf("after the end: %+v", ph)
			}
		})
	}
}

// TestModelBreathsPerMinute counts the in-breaths that begin over whole minutes.
func TestModelBreathsPerMinute(t *testing.T) {
	for _, tc := range pacers {
		t.Run(tc.name, func(t *testing.T) {
			bpm := tc.p.BreathsPerMinute
			minutes := 1
			if bpm != math.Trunc(bpm) {
				minutes = 2 // 5.5 a minute is 11 in two minutes
			}
			m := mustModel(t, tc.p, time.Duration(minutes)*time.Minute+leadIn+tail+time.Minute)
			start, _ := m.Breathing()
			starts := 0
			prev := m.At(start - time.Millisecond)
			for ms := 0; ms < minutes*60000; ms += 5 {
				ph := m.At(start + time.Duration(ms)*time.Millisecond)
				if ph.Kind == audio.BreathIn && prev.Kind != audio.BreathIn {
					starts++
				}
				prev = ph
			}
			if want := int(bpm * float64(minutes)); starts != want {
				t.Errorf("%d in-breaths in %d min, want %d", starts, minutes, want)
			}
			// The next breath begins a whole number of minutes in, give or take the
			// rounding of each breath to a whole sample.
			breaths := int(bpm * float64(minutes))
			slack := audio.Duration(breaths)
			at := start + time.Duration(minutes)*time.Minute
			if ph := m.At(at + slack); ph.Kind != audio.BreathIn || ph.Breath != breaths || ph.Into > 2*slack {
				t.Errorf("after %d min: %+v", minutes, ph)
			}
			if ph := m.At(at - slack - audio.Duration(1)); ph.Breath != breaths-1 {
				t.Errorf("just before %d min: %+v", minutes, ph)
			}
		})
	}
}

// TestModelScaleContinuous steps through whole sessions at 30 frames a second: the
// shape never jumps, holds keep it still, and it moves the right way.
func TestModelScaleContinuous(t *testing.T) {
	const frame = time.Second / 30
	for _, tc := range pacers {
		t.Run(tc.name, func(t *testing.T) {
			for _, length := range []time.Duration{3 * time.Minute, 3*time.Minute + 7*time.Second} {
				m := mustModel(t, tc.p, length)
				in, _, out, _ := m.Parts()
				// The steepest a half-sine step of length d gets, over one frame (the
				// last, cut-short breath comes to rest over restAfter).
				limit := math.Pi / 2 * frame.Seconds() / min(in, out, restAfter).Seconds() * 1.01
				prev := m.At(0)
				for at := frame; at <= length+frame; at += frame {
					ph := m.At(at)
					if d := math.Abs(ph.Scale - prev.Scale); d > limit {
						t.Fatalf("%v at %v: scale jumps %.4f (from %+v to %+v), limit %.4f", length, at, d, prev, ph, limit)
					}
					if ph.Scale < 0 || ph.Scale > 1 {
						t.Fatalf("at %v: scale %v", at, ph.Scale)
					}
					switch ph.Kind {
					case audio.BreathHoldIn:
						if ph.Scale != 1 {
							t.Fatalf("hold after in at %v: scale %v", at, ph.Scale)
						}
					case audio.BreathHoldOut:
						if ph.Scale != 0 {
							t.Fatalf("hold after out at %v: scale %v", at, ph.Scale)
						}
					case audio.BreathIn:
						if prev.Kind == audio.BreathIn && ph.Scale < prev.Scale {
							t.Fatalf("in-breath shrinks at %v", at)
						}
					case audio.BreathOut:
						if prev.Kind == audio.BreathOut && ph.Scale > prev.Scale {
							t.Fatalf("out-breath grows at %v", at)
						}
					}
					prev = ph
				}
				if end := m.At(length); end.Scale != 0 {
					t.Errorf("at the end: scale %v", end.Scale)
				}
			}
		})
	}
}

// TestModelAgreesWithAudio checks the model against the pacer session the audio
// package plays, sample for sample: the shape moves exactly with the breath tones.
func TestModelAgreesWithAudio(t *testing.T) {
	for _, tc := range pacers {
		t.Run(tc.name, func(t *testing.T) {
			length := 2*time.Minute + 13*time.Second
			m := mustModel(t, tc.p, length)
			s, err := audio.NewPacerSession("pacer", tc.p, audio.Options{Length: length, Bell: audio.BellBowl})
			if err != nil {
				t.Fatal(err)
			}
			if s.Duration() != m.Length() {
				t.Fatalf("session %v, model %v", s.Duration(), m.Length())
			}
			check := func(pos int) {
				want := s.BreathAt(pos)
				got := m.At(audio.Duration(pos))
				if got.Kind != want.Kind || got.Progress != want.Progress && want.Kind != audio.BreathSettle ||
					got.Breath != want.Breath && want.Kind != audio.BreathSettle || got.Left != want.Left && want.Kind != audio.BreathSettle {
					t.Fatalf("at sample %d: model %+v, audio %+v", pos, got, want)
				}
			}
			// Every part boundary, a sample either side, and a sweep in between.
			for pos := 0; pos < s.Len(); pos += 997 {
				check(pos)
			}
			for pos := m.start; pos < m.end; pos += m.cycle {
				for _, off := range []int{0, m.in, m.in + m.holdIn, m.in + m.holdIn + m.out} {
					for d := -1; d <= 1; d++ {
						if p := pos + off + d; p >= 0 && p < s.Len() {
							check(p)
						}
					}
				}
			}
			check(m.end - 1)
			check(m.end)
			// The closing bell rings where breathing stops.
			strikes := s.Strikes()
			if last := strikes[len(strikes)-1].At; last != m.end {
				t.Errorf("closing bell at %d, breathing ends at %d", last, m.end)
			}
		})
	}
}

func TestNewModelErrors(t *testing.T) {
	tests := []struct {
		name     string
		p        audio.Pacer
		length   time.Duration
		tooShort bool
	}{
		{"too slow", audio.Pacer{BreathsPerMinute: 3, OutRatio: 1}, time.Minute, false},
		{"too fast", audio.Pacer{BreathsPerMinute: 8, OutRatio: 1}, time.Minute, false},
		{"ratio", audio.Pacer{BreathsPerMinute: 5, OutRatio: 4}, time.Minute, false},
		{"holds over half", audio.Pacer{BreathsPerMinute: 7, OutRatio: 1, HoldIn: 4 * time.Second, HoldOut: 4 * time.Second}, time.Minute, false},
		{"NaN", audio.Pacer{BreathsPerMinute: math.NaN(), OutRatio: 1}, time.Minute, false},
		{"too short", audio.DefaultPacer(), 20 * time.Second, true},
	}
	for _, tt := range tests {
		_, err := NewModel(tt.p, tt.length)
		if err == nil {
			t.Errorf("%s: no error", tt.name)
		} else if errors.Is(err, ErrTooShort) != tt.tooShort {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestClock(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	var c Clock
	c.Start(0, t0)
	if got := c.Now(at(1000)); got != time.Second {
		t.Fatalf("after 1 s: %v", got)
	}
	// The player is 30 ms behind: the clock eases toward it, a little at a time.
	prev := c.Now(at(1000))
	for i := 1; i <= 40; i++ {
		now := at(1000 + 40*i)
		c.Sync(time.Second+time.Duration(40*i-30)*time.Millisecond, now)
		cur := c.Now(now)
		if step := cur - prev; step < 40*time.Millisecond-maxNudge || step > 40*time.Millisecond+maxNudge {
			t.Fatalf("frame %d: step %v", i, step)
		}
		prev = cur
	}
	if off := c.Now(at(2600)) - 2570*time.Millisecond; off.Abs() > 2*time.Millisecond {
		t.Errorf("still %v away from the player", off)
	}
	// A seek is followed at once.
	c.Sync(10*time.Second, at(2600))
	if got := c.Now(at(2600)); got != 10*time.Second {
		t.Errorf("after a jump: %v", got)
	}
	// Paused, it holds still even if the player's position lags a little.
	c.Pause(at(3000))
	held := c.Now(at(3000))
	c.Sync(held-50*time.Millisecond, at(5000))
	if c.Now(at(9000)) != held || c.Running() {
		t.Errorf("paused clock moved: %v, want %v", c.Now(at(9000)), held)
	}
	c.Resume(at(9000))
	if got := c.Now(at(9500)); got != held+500*time.Millisecond {
		t.Errorf("resumed: %v, want %v", got, held+500*time.Millisecond)
	}
}

func TestClockText(t *testing.T) {
	tests := []struct {
		d    time.Duration
		up   bool
		want string
	}{
		{0, true, "0:00"},
		{-time.Second, false, "0:00"},
		{1500 * time.Millisecond, true, "0:02"},
		{1500 * time.Millisecond, false, "0:01"},
		{10 * time.Minute, true, "10:00"},
		{59*time.Minute + 59*time.Second + 1, true, "1:00:00"},
		{61*time.Minute + 5*time.Second, false, "1:01:05"},
	}
	for _, tt := range tests {
		if got := clockText(tt.d, tt.up); got != tt.want {
			t.Errorf("clockText(%v, %v) = %q, want %q", tt.d, tt.up, got, tt.want)
		}
	}
}

func BenchmarkModelAt(b *testing.B) {
	m, err := NewModel(audio.DefaultPacer(), 20*time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	var t time.Duration
	for b.Loop() {
		t = (t + 33*time.Millisecond) % (20 * time.Minute)
		_ = m.At(t)
	}
}
