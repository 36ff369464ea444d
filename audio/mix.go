package audio

import (
	"errors"
	"math"
	"sort"
)

// Mixing constants.
const (
	chunk     = 1024 // samples mixed at a time (23 ms)
	maxVoices = 6    // bells ringing at once
	fadeLen   = 882  // 20 ms: start, stop, pause, resume and seek fades
	edgeFade  = 220  // 5 ms at the edges of each recording
	endFade   = 2205 // 50 ms: the very end of a session
	bedFade   = 3 * 44100
	limitKnee = 0.8 // the soft limiter leaves everything below this untouched
	bellGain  = 0.9 // bells' level before the layer volume
)

// Mix plays one Session: it is the beep.Streamer that a speaker or a renderer pulls.
// It mixes the voice, background and bell layers, each with its own volume, fades on
// start, pause, resume, seek and stop, and passes the sum through a soft limiter so no
// sample leaves [-1, 1].
//
// A Mix is not safe for concurrent use: Deck serialises the audio thread and the
// controls. Stream never allocates, blocks on a lock or calls back into the caller.
type Mix struct {
	s     *Session
	clips []*Clip // parallel to s.voice; nil where a clip failed to open

	vol  [numLayers]float64 // target gains
	gain [numLayers]float64 // gains reached at the end of the last chunk

	pos      int
	level    float64 // master fade level, 0..1
	paused   bool
	stopping bool
	seekTo   int // -1 when no seek is pending
	ended    bool

	bed        *bed
	tone       *breathTone
	bells      [maxVoices]bellVoice
	nextStrike int // index of the first strike not yet started
	nextVoice  int // index of the first voice event not yet finished

	scratch [numLayers][][2]float64
	err     error
}

// NewMix prepares s for playing with volumes v, opening its recordings. It starts
// playing (with a short fade-in) from position 0 on the first call to Stream. Close
// the Mix when done with it.
func NewMix(s *Session, v Volumes) (*Mix, error) {
	m := &Mix{s: s, seekTo: -1, bed: newBed(s.bed, 1)}
	for l := range numLayers {
		m.scratch[l] = make([][2]float64, chunk)
		m.vol[l] = Gain(v[l])
		m.gain[l] = m.vol[l]
	}
	if s.pacer != nil {
		m.tone = &breathTone{plan: *s.pacer}
	}
	m.clips = make([]*Clip, len(s.voice))
	for i, ev := range s.voice {
		c, err := OpenClip(ev.open)
		if err != nil {
			// Built sessions already checked their clips; a file that vanished since
			// plays as silence and is reported, never a crash.
			m.err = errors.Join(m.err, err)
			continue
		}
		m.clips[i] = c
	}
	return m, nil
}

// Close closes the Mix's recordings.
func (m *Mix) Close() error {
	var err error
	for i, c := range m.clips {
		if c != nil {
			err = errors.Join(err, c.Close())
			m.clips[i] = nil
		}
	}
	return err
}

// Session is the session being played.
func (m *Mix) Session() *Session { return m.s }

// Err reports recordings that failed to open or to decode (their time plays as
// silence). Playback itself never stops for them.
func (m *Mix) Err() error { return m.err }

// Position is the current position in samples (the target of a pending seek).
func (m *Mix) Position() int {
	if m.seekTo >= 0 {
		return m.seekTo
	}
	return m.pos
}

// Paused reports whether a pause was asked for.
func (m *Mix) Paused() bool { return m.paused }

// Ended reports whether the session has played to its end or was stopped.
func (m *Mix) Ended() bool { return m.ended }

// Pause fades out and then holds the position: Stream returns silence until Resume.
func (m *Mix) Pause() { m.paused = true }

// Resume fades back in from where the Mix paused.
func (m *Mix) Resume() { m.paused = false }

// Stop fades out and ends the stream.
func (m *Mix) Stop() { m.stopping = true }

// SetVolume sets a layer's volume in percent (0..100, on the perceptual curve of Gain).
// The change is smoothed over one chunk so it never clicks.
func (m *Mix) SetVolume(l Layer, percent int) {
	if l >= 0 && l < numLayers {
		m.vol[l] = Gain(percent)
	}
}

// Seek moves to sample position p (clamped to the session). While playing it fades
// out, jumps and fades in; while paused it jumps at once.
func (m *Mix) Seek(p int) {
	p = min(max(p, 0), max(m.s.n-1, 0))
	m.seekTo = p
	if m.level == 0 {
		m.jump(p)
	}
}

// Stream fills samples with the mixed session. It returns false once the session has
// ended (played through, or stopped); while paused it returns silence without moving.
func (m *Mix) Stream(samples [][2]float64) (n int, ok bool) {
	for n < len(samples) && !m.ended {
		if m.seekTo >= 0 && m.level == 0 {
			m.jump(m.seekTo)
		}
		want := 1.0
		if m.paused || m.stopping || m.seekTo >= 0 {
			want = 0
		}
		if m.level == 0 && want == 0 {
			if m.stopping {
				m.ended = true
				break
			}
			if m.paused {
				clear(samples[n:])
				return len(samples), true
			}
		}
		k := min(len(samples)-n, chunk, m.s.n-m.pos)
		if k <= 0 {
			m.ended = true
			break
		}
		if m.level != want {
			// End the chunk exactly where the fade completes.
			k = min(k, int(math.Ceil(math.Abs(want-m.level)*fadeLen-1e-6)))
		}
		m.render(samples[n:n+k], want)
		n += k
	}
	return n, n > 0
}

// jump moves the timeline to p: bells that are still ringing at p restart part-way
// through, and the recording playing at p is positioned.
func (m *Mix) jump(p int) {
	m.pos = p
	m.seekTo = -1
	for i := range m.bells {
		m.bells[i].active = false
	}
	strikes := m.s.strikes
	m.nextStrike = sort.Search(len(strikes), func(i int) bool { return strikes[i].At >= p })
	for i := 0; i < m.nextStrike; i++ {
		if off := p - strikes[i].At; off < strikes[i].Bell.Len() {
			m.startBell(strikes[i], off)
		}
	}
	ev := m.s.voice
	m.nextVoice = sort.Search(len(ev), func(i int) bool { return ev[i].start+ev[i].n > p })
}

// startBell starts a strike offset samples after it was struck, in a free voice (or
// in place of the oldest).
func (m *Mix) startBell(st Strike, offset int) *bellVoice {
	slot := 0
	for i := range m.bells {
		if !m.bells[i].active {
			slot = i
			break
		}
		if m.bells[i].offset > m.bells[slot].offset {
			slot = i
		}
	}
	v := &m.bells[slot]
	v.start(st.Bell, bellGain, offset)
	return v
}

// render mixes len(out) samples at m.pos, fading the master level towards want.
func (m *Mix) render(out [][2]float64, want float64) {
	k := len(out)
	voice, bed, bells := m.scratch[LayerVoice][:k], m.scratch[LayerBackground][:k], m.scratch[LayerBells][:k]
	m.fillVoice(voice)
	m.fillBed(bed)
	m.fillBells(bells)

	var g0, dg [numLayers]float64
	for l := range numLayers {
		g0[l] = m.gain[l]
		dg[l] = (m.vol[l] - m.gain[l]) / float64(k)
	}
	step := 1.0 / fadeLen
	if want < m.level {
		step = -step
	}
	level := m.level
	endFrom := m.s.n - endFade
	for i := range out {
		fi := float64(i + 1)
		gv, gb, gl := g0[0]+dg[0]*fi, g0[1]+dg[1]*fi, g0[2]+dg[2]*fi
		if level != want {
			level = m.level + step*fi
			if (step > 0 && level > want-1e-9) || (step < 0 && level < want+1e-9) {
				level = want
			}
		}
		env := level
		if p := m.pos + i; p >= endFrom {
			env *= float64(m.s.n-p) / endFade
		}
		for c := range 2 {
			v := (voice[i][c]*gv + bed[i][c]*gb + bells[i][c]*gl) * env
			out[i][c] = softLimit(v)
		}
	}
	m.level = level
	m.gain = m.vol
	m.pos += k
}

// softLimit passes values below limitKnee unchanged and bends louder ones smoothly
// towards, but never past, full scale.
func softLimit(x float64) float64 {
	a := math.Abs(x)
	if a <= limitKnee {
		return x
	}
	y := limitKnee + (1-limitKnee)*math.Tanh((a-limitKnee)/(1-limitKnee))
	return math.Copysign(y, x)
}

// fillVoice writes the recordings (or the pacer's breath tone) at m.pos into out.
func (m *Mix) fillVoice(out [][2]float64) {
	clear(out)
	k := len(out)
	if m.tone != nil {
		m.tone.fill(out, m.pos)
	}
	ev := m.s.voice
	for i := m.nextVoice; i < len(ev) && ev[i].start < m.pos+k; i++ {
		e := ev[i]
		a, b := max(m.pos, e.start), min(m.pos+k, e.start+e.n)
		if a >= b {
			continue
		}
		c := m.clips[i]
		if c == nil {
			continue
		}
		if c.Position() != a-e.start {
			c.Seek(a - e.start)
		}
		dst := out[a-m.pos : b-m.pos]
		c.Stream(dst)
		if err := c.Err(); err != nil && m.err == nil {
			m.err = err
		}
		// Short fades at the recording's edges, in case it starts or ends abruptly.
		for j := range dst {
			o := a - e.start + j
			g := 1.0
			if o < edgeFade {
				g = float64(o) / edgeFade
			} else if r := e.n - o; r < edgeFade {
				g = float64(r) / edgeFade
			}
			if g != 1 {
				dst[j][0] *= g
				dst[j][1] *= g
			}
		}
	}
	for m.nextVoice < len(ev) && ev[m.nextVoice].start+ev[m.nextVoice].n <= m.pos+k {
		m.nextVoice++
	}
}

// fillBed writes the background bed, faded in over the first three seconds of the
// session and out over the last three.
func (m *Mix) fillBed(out [][2]float64) {
	if m.s.bed == BackgroundNone {
		clear(out)
		return
	}
	m.bed.fill(out, m.pos)
	fade := min(bedFade, m.s.n/3)
	for i := range out {
		p := m.pos + i
		g := 1.0
		if p < fade {
			g = float64(p) / float64(fade)
		}
		if r := m.s.n - p; r < fade {
			g = min(g, float64(r)/float64(fade))
		}
		if g != 1 {
			g = g * g // ease in and out
			out[i][0] *= g
			out[i][1] *= g
		}
	}
}

// fillBells writes the ringing bells and starts the strikes that fall in this chunk.
func (m *Mix) fillBells(out [][2]float64) {
	clear(out)
	for i := range m.bells {
		m.bells[i].add(out)
	}
	end := m.pos + len(out)
	for m.nextStrike < len(m.s.strikes) && m.s.strikes[m.nextStrike].At < end {
		st := m.s.strikes[m.nextStrike]
		m.nextStrike++
		at := max(st.At-m.pos, 0)
		v := m.startBell(st, max(m.pos-st.At, 0))
		v.add(out[at:])
	}
}
