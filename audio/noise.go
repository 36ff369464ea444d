package audio

import (
	"fmt"
	"math"
	"strings"
)

// Background is a synthesised background bed. Beds are stationary noise, generated
// sample by sample, so they loop forever without a seam.
type Background int

// The background beds.
const (
	// BackgroundNone is silence.
	BackgroundNone Background = iota
	// BackgroundPink is pink noise: even, like a soft waterfall.
	BackgroundPink
	// BackgroundBrown is brown noise: deep and dark, like distant surf.
	BackgroundBrown
	// BackgroundRain is soft rain: filtered noise with a light, random patter.
	BackgroundRain
	// BackgroundOcean is a gentle ocean: low noise that swells and ebbs every few
	// seconds.
	BackgroundOcean
	numBackgrounds
)

// Backgrounds lists every background, BackgroundNone first.
func Backgrounds() []Background {
	out := make([]Background, 0, numBackgrounds)
	for b := BackgroundNone; b < numBackgrounds; b++ {
		out = append(out, b)
	}
	return out
}

// String is the background's name, as ParseBackground accepts it.
func (b Background) String() string {
	switch b {
	case BackgroundNone:
		return "none"
	case BackgroundPink:
		return "pink"
	case BackgroundBrown:
		return "brown"
	case BackgroundRain:
		return "rain"
	case BackgroundOcean:
		return "ocean"
	}
	return fmt.Sprintf("background(%d)", int(b))
}

// ParseBackground returns the background with that name ("none", "pink", "brown",
// "rain", "ocean"; case-insensitive; "" means none).
func ParseBackground(name string) (Background, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return BackgroundNone, nil
	}
	for _, b := range Backgrounds() {
		if b.String() == n {
			return b, nil
		}
	}
	return BackgroundNone, fmt.Errorf("unknown background %q (choose none, pink, brown, rain or ocean)", name)
}

// rng is a small xorshift64* generator: fast, allocation-free and reproducible, so a
// rendered session sounds the same every time.
type rng uint64

// next returns a uniform value in [-1, 1).
func (r *rng) next() float64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return float64((x*2685821657736338717)>>11)/(1<<52) - 1
}

// pinkFilter turns white noise into pink noise (Paul Kellet's refined filter).
type pinkFilter struct{ b [7]float64 }

func (p *pinkFilter) next(w float64) float64 {
	b := &p.b
	b[0] = 0.99886*b[0] + w*0.0555179
	b[1] = 0.99332*b[1] + w*0.0750759
	b[2] = 0.96900*b[2] + w*0.1538520
	b[3] = 0.86650*b[3] + w*0.3104856
	b[4] = 0.55000*b[4] + w*0.5329522
	b[5] = -0.7616*b[5] - w*0.0168980
	out := b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + w*0.5362
	b[6] = w * 0.115926
	return out
}

// Levels of each bed at 100% volume, chosen so that every bed measures about 0.1 RMS
// (-20 dBFS): present but well under the voice. TestBedLevels checks them.
const (
	pinkLevel  = 0.055
	brownLevel = 1.7
	rainLevel  = 0.11
	oceanLevel = 0.40
)

// bed generates one background. Left and right are independent generators, so the bed
// sounds wide and calm. The ocean's swell follows the absolute position, so seeking
// lands on the same wave as playing through.
type bed struct {
	kind  Background
	noise [2]rng
	pink  [2]pinkFilter
	brown [2]float64
	lp    [2]float64 // one-pole low-pass state
	hp    [2]float64 // one-pole high-pass state (the low-passed signal it removes)
	drop  [2]float64 // rain: the current droplet's envelope
	dropN [2]rng
}

func newBed(kind Background, seed uint64) *bed {
	b := &bed{kind: kind}
	for c := range 2 {
		b.noise[c] = rng(seed*2654435761 + uint64(c)*0x9E3779B97F4A7C15 + 1)
		b.dropN[c] = rng(seed*40503 + uint64(c)*0xBF58476D1CE4E5B9 + 7)
	}
	return b
}

// brownStep integrates white noise with a small leak (so it never drifts away).
func (b *bed) brownStep(c int, w float64) float64 {
	b.brown[c] = (b.brown[c] + 0.02*w) / 1.02
	return b.brown[c]
}

// swell is the ocean's slow wave envelope at sample position pos, in [0.25, 1].
func swell(pos int) float64 {
	t := float64(pos) / float64(SampleRate)
	// Two slow waves whose periods do not divide each other, so the sea never repeats
	// audibly.
	v := 0.6*math.Sin(2*math.Pi*t/9.7) + 0.4*math.Sin(2*math.Pi*t/14.3+1.3)
	return 0.625 + 0.375*v
}

// fill writes the bed's samples for positions pos, pos+1, ... into out.
func (b *bed) fill(out [][2]float64, pos int) {
	switch b.kind {
	case BackgroundPink:
		for i := range out {
			for c := range 2 {
				out[i][c] = pinkLevel * b.pink[c].next(b.noise[c].next())
			}
		}
	case BackgroundBrown:
		for i := range out {
			for c := range 2 {
				out[i][c] = brownLevel * b.brownStep(c, b.noise[c].next())
			}
		}
	case BackgroundRain:
		b.fillRain(out)
	case BackgroundOcean:
		b.fillOcean(out, pos)
	default:
		clear(out)
	}
}

// fillRain is pink noise band-limited to a soft hiss (about 300 Hz to 4 kHz) with a
// sparse patter of tiny droplets on top.
func (b *bed) fillRain(out [][2]float64) {
	const (
		hpA      = 0.042  // one-pole coefficient for ~300 Hz
		lpA      = 0.43   // one-pole coefficient for ~4 kHz
		dropRate = 0.0009 // droplets per sample per channel (about 40 per second)
		dropLeak = 0.9965 // a droplet decays in a few milliseconds
	)
	for i := range out {
		for c := range 2 {
			p := b.pink[c].next(b.noise[c].next())
			b.hp[c] += hpA * (p - b.hp[c])
			x := p - b.hp[c]
			if d := b.dropN[c].next(); d > 1-2*dropRate {
				b.drop[c] += 0.6 + 0.4*d
			}
			b.drop[c] *= dropLeak
			x += b.drop[c] * b.noise[c].next() * 0.8
			b.lp[c] += lpA * (x - b.lp[c])
			out[i][c] = rainLevel * b.lp[c]
		}
	}
}

// fillOcean is brown and pink noise through a low-pass whose cutoff and level rise
// and fall with the swell.
func (b *bed) fillOcean(out [][2]float64, pos int) {
	const block = 32
	for start := 0; start < len(out); start += block {
		end := min(start+block, len(out))
		s, s1 := swell(pos+start), swell(pos+end)
		ds := (s1 - s) / float64(end-start)
		for i := start; i < end; i++ {
			s += ds
			cut := 0.01 + 0.05*s*s // cutoff rises from ~70 Hz to ~500 Hz at the crest
			for c := range 2 {
				w := b.noise[c].next()
				x := b.brownStep(c, w) + 0.08*b.pink[c].next(w)
				b.lp[c] += cut * (x - b.lp[c])
				out[i][c] = oceanLevel * s * (b.lp[c]*3 + 0.3*x)
			}
		}
	}
}
