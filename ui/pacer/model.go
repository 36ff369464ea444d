package pacer

// This file imports no Fyne: the pacer's timing is plain arithmetic, tested on its own.

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/hearth-app/hearth/audio"
)

// The framing of a pacer session with bells, as audio.NewPacerSession lays it out:
// the breaths start when the opening bell has settled and stop when the closing bell
// rings. TestModelAgreesWithAudio fails if audio's timeline ever moves away from these.
const (
	leadIn = 5 * time.Second // opening bell, then the first breath
	tail   = 9 * time.Second // the closing bell rings out
)

// restAfter is how long the shape takes to come gently to rest after the last breath
// (the last breath may be cut short by the closing bell).
const restAfter = 3 * time.Second

// ErrTooShort means the chosen length leaves no room for even one breath.
var ErrTooShort = errors.New("that length is too short for one breath")

// Model is the breathing pacer's timing: for any moment of a session it tells which
// part of the breath it is, how far through it, and how large the breathing shape is.
// It is a pure value (no clock, no goroutines) and mirrors audio's own pacer plan to
// the sample, so the shape on screen moves exactly with the breath tones.
//
// The timeline of a session of Length: a few seconds of settling while the opening
// bell rings, breaths from Start to End, then rest while the closing bell rings out.
type Model struct {
	pacer  audio.Pacer
	length int // session length in samples
	start  int // first sample of the first breath
	end    int // breathing stops here (the closing bell)
	in     int // lengths of the parts of one breath, in samples
	holdIn int
	out    int
	hold   int // the pause after breathing out
	cycle  int
}

// NewModel lays out pacer p over a session of length (bells at both ends, as the
// pacer screen plays it). It fails if p is out of range or length is too short.
func NewModel(p audio.Pacer, length time.Duration) (Model, error) {
	if err := p.Validate(); err != nil {
		return Model{}, fmt.Errorf("pacer settings: %w", err)
	}
	// The same arithmetic as audio's pacer plan, in samples, rounded the same way.
	cycle := int(60/p.BreathsPerMinute*float64(audio.SampleRate) + 0.5)
	n := audio.Samples(length)
	start, end := audio.Samples(leadIn), n-audio.Samples(tail)
	if end-start < cycle {
		return Model{}, fmt.Errorf("%w (%v)", ErrTooShort, length)
	}
	hi, ho := audio.Samples(p.HoldIn), audio.Samples(p.HoldOut)
	active := cycle - hi - ho
	in := int(float64(active)/(1+p.OutRatio) + 0.5)
	return Model{
		pacer: p, length: n, start: start, end: end,
		in: in, holdIn: hi, out: active - in, hold: ho, cycle: cycle,
	}, nil
}

// Pacer is the rhythm the model was built from.
func (m Model) Pacer() audio.Pacer { return m.pacer }

// Length is the whole session's length.
func (m Model) Length() time.Duration { return audio.Duration(m.length) }

// Cycle is the length of one whole breath (in, pause, out, pause).
func (m Model) Cycle() time.Duration { return audio.Duration(m.cycle) }

// Parts returns the lengths of the in-breath, the pause after it, the out-breath and
// the pause after it.
func (m Model) Parts() (in, holdIn, out, holdOut time.Duration) {
	return audio.Duration(m.in), audio.Duration(m.holdIn), audio.Duration(m.out), audio.Duration(m.hold)
}

// Breathing returns when the first breath starts and when breathing stops.
func (m Model) Breathing() (start, end time.Duration) {
	return audio.Duration(m.start), audio.Duration(m.end)
}

// Phase is where the pacer is at one moment.
type Phase struct {
	// Kind is the part of the breath; audio.BreathSettle before the first breath and
	// after the last.
	Kind audio.BreathKind
	// Progress runs from 0 to 1 through this part.
	Progress float64
	// Breath counts breaths from 0.
	Breath int
	// Into is the time since this part began; Left the time until it ends.
	Into, Left time.Duration
	// Scale is the breathing shape's size, from 0 (breathed out) to 1 (breathed in).
	// It eases in and out along a half sine, stays still during pauses, and never
	// jumps.
	Scale float64
	// Done is true after the last breath, while the closing bell rings out.
	Done bool
}

// ease is a half-cosine step from 0 to 1: it starts and ends at rest.
func ease(p float64) float64 { return 0.5 - 0.5*math.Cos(math.Pi*min(max(p, 0), 1)) }

// At returns the phase at time t from the start of the session.
func (m Model) At(t time.Duration) Phase {
	pos := min(max(audio.Samples(t), 0), m.length)
	switch {
	case pos < m.start:
		return Phase{Kind: audio.BreathSettle, Progress: float64(pos) / float64(m.start),
			Into: audio.Duration(pos), Left: audio.Duration(m.start - pos)}
	case pos >= m.end:
		last := m.breath(m.end - m.start).Scale
		rest := float64(pos-m.end) / float64(audio.Samples(restAfter))
		return Phase{Kind: audio.BreathSettle, Done: true, Breath: (m.end - m.start) / m.cycle,
			Progress: float64(pos-m.end) / float64(max(m.length-m.end, 1)),
			Into:     audio.Duration(pos - m.end), Left: audio.Duration(m.length - pos),
			Scale: last * (1 - ease(rest))}
	}
	return m.breath(pos - m.start)
}

// breath returns the phase rel samples after the first breath began.
func (m Model) breath(rel int) Phase {
	ph := Phase{Breath: rel / m.cycle}
	o := rel % m.cycle
	parts := [4]struct {
		kind audio.BreathKind
		n    int
	}{{audio.BreathIn, m.in}, {audio.BreathHoldIn, m.holdIn}, {audio.BreathOut, m.out}, {audio.BreathHoldOut, m.hold}}
	for _, p := range parts {
		if o < p.n {
			ph.Kind = p.kind
			ph.Progress = float64(o) / float64(p.n)
			ph.Into, ph.Left = audio.Duration(o), audio.Duration(p.n-o)
			switch p.kind {
			case audio.BreathIn:
				ph.Scale = ease(ph.Progress)
			case audio.BreathHoldIn:
				ph.Scale = 1
			case audio.BreathOut:
				ph.Scale = 1 - ease(ph.Progress)
			}
			return ph
		}
		o -= p.n
	}
	// Unreachable: the parts add up to a cycle.
	return Phase{Kind: audio.BreathHoldOut, Breath: ph.Breath}
}
