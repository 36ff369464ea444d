package audio

import (
	"fmt"
	"math"
	"strings"
)

// Bell is one of the synthesised bells. Each is a sum of decaying, slightly
// inharmonic partials with a soft (felt-mallet) attack.
type Bell int

// The bells.
const (
	// BellBowl is a singing bowl: warm, long, with a slow beating shimmer.
	BellBowl Bell = iota
	// BellChime is a small, bright chime with a short ring.
	BellChime
	// BellLow is a soft low bell, round and deep.
	BellLow
)

// Bells lists every bell.
func Bells() []Bell { return []Bell{BellBowl, BellChime, BellLow} }

// String is the bell's name, as ParseBell accepts it.
func (b Bell) String() string {
	switch b {
	case BellBowl:
		return "bowl"
	case BellChime:
		return "chime"
	case BellLow:
		return "low"
	}
	return fmt.Sprintf("bell(%d)", int(b))
}

// ParseBell returns the bell with that name ("bowl", "chime" or "low").
func ParseBell(name string) (Bell, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, b := range Bells() {
		if b.String() == n {
			return b, nil
		}
	}
	return BellBowl, fmt.Errorf("unknown bell %q (choose bowl, chime or low)", name)
}

// Len is how long the bell rings, in samples (until it is 60 dB down).
func (b Bell) Len() int { return seconds(b.spec().ring) }

// maxPartials bounds the partials of any bell, so a bell voice has fixed-size state.
const maxPartials = 12

// partial is one sine component of a bell.
type partial struct {
	ratio float64 // frequency as a multiple of the bell's base frequency
	amp   float64 // starting amplitude
	t60   float64 // seconds until it has faded by 60 dB
	pan   float64 // -1 left .. +1 right
}

// bellSpec describes a bell.
type bellSpec struct {
	freq     float64 // base frequency, Hz
	attack   float64 // seconds of the soft onset
	ring     float64 // total length in seconds (the longest t60)
	partials []partial
}

// spec returns the bell's recipe. Partial ratios follow measured spectra of real
// instruments (Himalayan bowls, free bars, small bells), softened: high partials are
// quiet and short so nothing is sharp. Close pairs of partials beat slowly, which is
// what makes a bowl "sing".
func (b Bell) spec() bellSpec {
	switch b {
	case BellChime:
		return bellSpec{freq: 1046.5, attack: 0.008, ring: 4.5, partials: []partial{
			{1, 0.26, 4.5, -0.2}, {1.0015, 0.10, 4.0, 0.3},
			{2.756, 0.08, 2.0, 0.25}, {5.404, 0.03, 1.0, -0.3}, {8.933, 0.01, 0.5, 0.1},
		}}
	case BellLow:
		return bellSpec{freq: 146.83, attack: 0.03, ring: 9, partials: []partial{
			{1, 0.22, 9, 0}, {1.004, 0.12, 8, 0.35}, {2.0, 0.12, 6, -0.3},
			{2.52, 0.07, 4.5, 0.2}, {3.0, 0.05, 3.5, -0.15}, {4.16, 0.03, 2.5, 0.3},
			{5.43, 0.015, 1.5, -0.25},
		}}
	default: // BellBowl
		return bellSpec{freq: 261.63, attack: 0.025, ring: 12, partials: []partial{
			{1, 0.20, 12, -0.25}, {1.0031, 0.16, 11, 0.3},
			{2.71, 0.10, 8, 0.2}, {2.7148, 0.08, 7.5, -0.3},
			{5.15, 0.04, 4, -0.1}, {5.16, 0.03, 4, 0.25},
			{8.1, 0.012, 2, 0.1},
		}}
	}
}

// bellVoice plays one bell strike. Each partial is a damped complex phasor advanced by
// one complex multiplication per sample, so a bell costs a few multiplications per
// partial and no calls to math.Sin; starting at any offset (after a seek) is exact.
type bellVoice struct {
	n      int // number of partials
	re, im [maxPartials]float64
	cr, ci [maxPartials]float64 // per-sample rotation times decay
	gl, gr [maxPartials]float64 // stereo gains
	attack int                  // samples of soft onset
	length int                  // samples until the end of the ring
	offset int                  // samples since the strike
	active bool
}

// start sets the voice to bell b, struck with gain g, offset samples ago.
func (v *bellVoice) start(b Bell, g float64, offset int) {
	s := b.spec()
	v.n = min(len(s.partials), maxPartials)
	v.attack = max(1, seconds(s.attack))
	v.length = seconds(s.ring)
	v.offset = offset
	v.active = offset < v.length
	t := float64(offset) / float64(SampleRate)
	for k := range v.n {
		p := s.partials[k]
		w := 2 * math.Pi * s.freq * p.ratio / float64(SampleRate)
		tau := p.t60 / math.Log(1000) // seconds to fall by 1/e
		decay := math.Exp(-1 / (tau * float64(SampleRate)))
		v.cr[k] = decay * math.Cos(w)
		v.ci[k] = decay * math.Sin(w)
		a := g * p.amp * math.Exp(-t/tau)
		phase := w * float64(offset)
		v.re[k] = a * math.Cos(phase)
		v.im[k] = a * math.Sin(phase)
		// Constant-power pan.
		ang := (p.pan + 1) * math.Pi / 4
		v.gl[k] = math.Cos(ang) * math.Sqrt2
		v.gr[k] = math.Sin(ang) * math.Sqrt2
	}
}

// add mixes the next len(out) samples of the bell into out.
func (v *bellVoice) add(out [][2]float64) {
	if !v.active {
		return
	}
	n := min(len(out), v.length-v.offset)
	tail := v.length - seconds(0.05) // fade the last 50 ms (already ~-60 dB) to zero
	for i := range n {
		var l, r float64
		for k := range v.n {
			re, im := v.re[k], v.im[k]
			v.re[k] = re*v.cr[k] - im*v.ci[k]
			v.im[k] = re*v.ci[k] + im*v.cr[k]
			l += im * v.gl[k]
			r += im * v.gr[k]
		}
		env := 1.0
		if o := v.offset + i; o < v.attack {
			env = 0.5 - 0.5*math.Cos(math.Pi*float64(o)/float64(v.attack))
		} else if o >= tail {
			env = float64(v.length-o) / float64(v.length-tail)
		}
		out[i][0] += l * env
		out[i][1] += r * env
	}
	v.offset += n
	if v.offset >= v.length {
		v.active = false
	}
}
