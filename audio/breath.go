package audio

import (
	"fmt"
	"math"
	"time"
)

// Pacer sets the rhythm of a breathing-pacer session.
type Pacer struct {
	// BreathsPerMinute is the pace, 4..7 (soothing-rhythm breathing is usually 5-6).
	BreathsPerMinute float64
	// OutRatio is the out-breath's length divided by the in-breath's, 0.5..3
	// (1 = equal; a slightly longer out-breath, 1.2-1.5, is calming).
	OutRatio float64
	// HoldIn and HoldOut are optional pauses after the in- and the out-breath.
	HoldIn, HoldOut time.Duration
}

// DefaultPacer is 5.5 breaths a minute with a slightly longer out-breath and no holds.
func DefaultPacer() Pacer { return Pacer{BreathsPerMinute: 5.5, OutRatio: 1.3} }

// Validate reports whether the pacer's settings are in range.
func (p Pacer) Validate() error {
	switch {
	case p.BreathsPerMinute < 4 || p.BreathsPerMinute > 7 || math.IsNaN(p.BreathsPerMinute):
		return fmt.Errorf("breaths per minute must be between 4 and 7, not %g", p.BreathsPerMinute)
	case p.OutRatio < 0.5 || p.OutRatio > 3 || math.IsNaN(p.OutRatio):
		return fmt.Errorf("the out-breath ratio must be between 0.5 and 3, not %g", p.OutRatio)
	case p.HoldIn < 0 || p.HoldOut < 0:
		return fmt.Errorf("holds cannot be negative")
	}
	cycle := time.Duration(float64(time.Minute) / p.BreathsPerMinute)
	if p.HoldIn+p.HoldOut > cycle/2 {
		return fmt.Errorf("the holds (%v) take more than half of each breath (%v)", p.HoldIn+p.HoldOut, cycle)
	}
	return nil
}

// BreathKind is the part of a breath.
type BreathKind int

// The parts of a breath.
const (
	// BreathSettle is before the first and after the last breath (bells ringing).
	BreathSettle BreathKind = iota
	// BreathIn is the in-breath.
	BreathIn
	// BreathHoldIn is the pause after breathing in.
	BreathHoldIn
	// BreathOut is the out-breath.
	BreathOut
	// BreathHoldOut is the pause after breathing out.
	BreathHoldOut
)

// String names the part of the breath.
func (k BreathKind) String() string {
	switch k {
	case BreathIn:
		return "in"
	case BreathHoldIn:
		return "hold-in"
	case BreathOut:
		return "out"
	case BreathHoldOut:
		return "hold-out"
	}
	return "settle"
}

// BreathPhase is where a breathing pacer is at a position, for the UI's animation.
type BreathPhase struct {
	Kind BreathKind
	// Progress runs from 0 to 1 through this part of the breath.
	Progress float64
	// Breath counts breaths from 0.
	Breath int
	// Left is the time until this part of the breath ends.
	Left time.Duration
}

// pacerPlan is a Pacer laid out in samples.
type pacerPlan struct {
	start, end              int // breathing runs in [start, end)
	in, holdIn, out, holdOn int // lengths in samples
	cycle                   int
}

func newPacerPlan(p Pacer, start, end int) pacerPlan {
	cycle := seconds(60 / p.BreathsPerMinute)
	hi, ho := Samples(p.HoldIn), Samples(p.HoldOut)
	active := cycle - hi - ho
	in := int(float64(active)/(1+p.OutRatio) + 0.5)
	return pacerPlan{start: start, end: end, in: in, holdIn: hi, out: active - in, holdOn: ho, cycle: cycle}
}

// phaseAt returns the phase at session position pos.
func (pl *pacerPlan) phaseAt(pos int) BreathPhase {
	if pos < pl.start || pos >= pl.end || pl.cycle <= 0 {
		return BreathPhase{Kind: BreathSettle}
	}
	rel := pos - pl.start
	ph := BreathPhase{Breath: rel / pl.cycle}
	o := rel % pl.cycle
	parts := [4]struct {
		kind BreathKind
		n    int
	}{{BreathIn, pl.in}, {BreathHoldIn, pl.holdIn}, {BreathOut, pl.out}, {BreathHoldOut, pl.holdOn}}
	for _, p := range parts {
		if o < p.n {
			ph.Kind = p.kind
			ph.Progress = float64(o) / float64(p.n)
			ph.Left = Duration(p.n - o)
			return ph
		}
		o -= p.n
	}
	return BreathPhase{Kind: BreathSettle}
}

// breathTone is the pacer's sound: a soft hum that rises in pitch and swells during
// the in-breath and falls during the out-breath, silent during holds.
type breathTone struct {
	plan  pacerPlan
	phase float64 // oscillator phase in radians
}

// Pitches of the breath tone: from F3 up to C4 (a fifth) while breathing in.
const (
	breathLow  = 174.61
	breathHigh = 261.63
	breathAmp  = 0.22
)

// breathBlock is how many samples share one computation of pitch and envelope (they
// are interpolated in between): under 1 ms, far finer than a breath.
const breathBlock = 32

// shape returns the tone's frequency and envelope at session position pos (zero
// envelope outside the in- and out-breaths).
func (t *breathTone) shape(pos int) (f, env float64) {
	ph := t.plan.phaseAt(pos)
	s := 0.5 - 0.5*math.Cos(math.Pi*ph.Progress) // smooth 0..1
	switch ph.Kind {
	case BreathIn:
		return breathLow + (breathHigh-breathLow)*s, 0.5 - 0.5*math.Cos(2*math.Pi*ph.Progress)
	case BreathOut:
		return breathHigh - (breathHigh-breathLow)*s, 0.5 - 0.5*math.Cos(2*math.Pi*ph.Progress)
	}
	return breathLow, 0
}

// fill writes the tone for positions pos, pos+1, ... into out.
func (t *breathTone) fill(out [][2]float64, pos int) {
	for start := 0; start < len(out); start += breathBlock {
		end := min(start+breathBlock, len(out))
		f0, e0 := t.shape(pos + start)
		f1, e1 := t.shape(pos + end)
		if e0 == 0 && e1 == 0 {
			clear(out[start:end])
			continue
		}
		df, de := (f1-f0)/float64(end-start), (e1-e0)/float64(end-start)
		for i := start; i < end; i++ {
			f, env := f0+df*float64(i-start), e0+de*float64(i-start)
			t.phase += 2 * math.Pi * f / float64(SampleRate)
			if t.phase > 2*math.Pi {
				t.phase -= 2 * math.Pi
			}
			// sin, plus the 2nd and 3rd harmonics from the same sine and cosine.
			sn, cs := math.Sincos(t.phase)
			v := breathAmp * env * (sn + 0.2*2*sn*cs + 0.05*(3*sn-4*sn*sn*sn))
			out[i] = [2]float64{v, v}
		}
	}
}
