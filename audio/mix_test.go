package audio

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"testing"
	"time"

	"github.com/gopxl/beep/v2/wav"
)

// longTone is a guided session whose only step is a long tone (from a WAV built in
// memory), with no bells or background: every sample is predictable.
func longTone(t testing.TB, seconds float64, amp float64) *Session {
	t.Helper()
	data := sineWAV(int(seconds*44100), 440, amp)
	s, err := NewGuided(Script{Title: "tone", Steps: []ScriptStep{{
		Text: "tone",
		Clip: func() (io.ReadSeekCloser, error) { return nopCloser{bytes.NewReader(data)}, nil },
	}}}, Options{NoBells: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sineWAV builds a 44.1 kHz stereo 16-bit WAV of n samples of a sine.
func sineWAV(n int, freq, amp float64) []byte {
	var b bytes.Buffer
	writeWAVHeader(&b, n)
	for i := range n {
		v := toPCM16(amp * math.Sin(2*math.Pi*freq*float64(i)/44100))
		binary.Write(&b, binary.LittleEndian, [2]int16{v, v})
	}
	return b.Bytes()
}

// maxJump is the largest sample-to-sample change: a click shows up as a big jump.
func maxJump(s [][2]float64) float64 {
	j := 0.0
	for i := 1; i < len(s); i++ {
		j = max(j, math.Abs(s[i][0]-s[i-1][0]), math.Abs(s[i][1]-s[i-1][1]))
	}
	return j
}

func pull(m *Mix, n int) [][2]float64 {
	out := make([][2]float64, n)
	k, _ := m.Stream(out)
	return out[:k]
}

func TestNoClippingAtFullVolume(t *testing.T) {
	// Bells every second (so several ring at once), an ocean, and a loud voice.
	o := Options{Length: 20 * time.Second, Background: BackgroundBrown, Interval: time.Second, IntervalBell: BellLow}
	timer, err := NewTimer("busy", o)
	if err != nil {
		t.Fatal(err)
	}
	s := longTone(t, 17, 0.99)
	s.strikes = timer.strikes[:len(timer.strikes)-1]
	s.bed = BackgroundOcean
	out := pullMix(t, s, Volumes{100, 100, 100})
	if p := peak(out); p > 1 {
		t.Fatalf("peak %.4f after mixing", p)
	}
	if p := peak(out); p < 0.9 {
		t.Fatalf("peak %.4f: the test is not loud enough to test the limiter", p)
	}
	if softLimit(5) > 1 || softLimit(-5) < -1 || softLimit(0.5) != 0.5 {
		t.Fatal("softLimit out of range")
	}
}

func TestFadesDoNotClick(t *testing.T) {
	s := longTone(t, 10, 0.5)
	m, err := NewMix(s, Volumes{100, 100, 100})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	var out [][2]float64
	step := func(n int) { out = append(out, pull(m, n)...) }
	step(Samples(1500 * time.Millisecond)) // lead-in, tone starts at 1 s
	m.Pause()
	step(3000)
	m.Resume()
	step(5000)
	m.Seek(Samples(5 * time.Second))
	step(5000)
	m.SetVolume(LayerVoice, 20)
	step(3000)
	m.SetVolume(LayerVoice, 100)
	step(3000)
	m.Stop()
	step(5000)
	if !m.Ended() {
		t.Fatal("not ended after Stop")
	}
	// A 440 Hz sine at 0.5 moves at most 0.031 per sample; a cut would jump ~0.5.
	if j := maxJump(out); j > 0.04 {
		t.Fatalf("largest jump between samples %.3f: a click", j)
	}
	if p := peak(out[len(out)-1:]); p != 0 {
		t.Fatalf("stream ends at %g, not silence", p)
	}
}

func TestPauseStopsTheFlow(t *testing.T) {
	s := longTone(t, 10, 0.5)
	m, _ := NewMix(s, DefaultVolumes())
	defer m.Close()
	pull(m, 2*44100)
	m.Pause()
	pull(m, fadeLen) // the fade-out
	pos := m.Position()
	for range 10 {
		if out := pull(m, 4096); len(out) != 4096 || peak(out) != 0 {
			t.Fatalf("paused stream gave %d samples, peak %g", len(out), peak(out))
		}
	}
	if m.Position() != pos {
		t.Fatalf("position moved while paused: %d -> %d", pos, m.Position())
	}
	m.Resume()
	pull(m, 1000)
	if m.Position() != pos+1000 {
		t.Fatalf("after resume position %d, want %d", m.Position(), pos+1000)
	}
}

func TestSeekLandsWhereAsked(t *testing.T) {
	s := longTone(t, 20, 0.5)
	ref := pullMix(t, s, DefaultVolumes())
	m, _ := NewMix(s, DefaultVolumes())
	defer m.Close()
	pull(m, 3*44100)
	target := Samples(12 * time.Second)
	m.Seek(target)
	if m.Position() != target {
		t.Fatalf("Position right after Seek = %d, want %d", m.Position(), target)
	}
	out := pull(m, fadeLen+2*fadeLen+1000)
	if m.Position() != target+2*fadeLen+1000 {
		t.Fatalf("Position = %d, want %d (fade-out, then from the target)", m.Position(), target+2*fadeLen+1000)
	}
	// After the fade-in, the sound is exactly what plays at the target.
	after := out[fadeLen+fadeLen:]
	for i := range 1000 {
		if math.Abs(after[i][0]-ref[target+fadeLen+i][0]) > 1e-9 {
			t.Fatalf("sample %d after seek = %g, want %g", i, after[i][0], ref[target+fadeLen+i][0])
		}
	}
	// Seeking while paused jumps at once.
	m.Pause()
	pull(m, fadeLen)
	m.Seek(Samples(2 * time.Second))
	if m.Position() != Samples(2*time.Second) {
		t.Fatalf("paused seek: Position %d", m.Position())
	}
}

func TestSeekRestartsRingingBells(t *testing.T) {
	s, err := NewTimer("t", Options{Length: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ref := pullMix(t, s, DefaultVolumes())
	m, _ := NewMix(s, DefaultVolumes())
	defer m.Close()
	m.Seek(3 * 44100) // before the first Stream: jumps at once, fades in
	out := pull(m, 3*fadeLen)
	for i := 2 * fadeLen; i < 3*fadeLen; i++ {
		if math.Abs(out[i][0]-ref[3*44100+i][0]) > 1e-6 {
			t.Fatalf("bell after seek differs at %d: %g vs %g", i, out[i][0], ref[3*44100+i][0])
		}
	}
}

func TestRenderWAV(t *testing.T) {
	s, err := NewGuided(toneScript(), Options{Length: 30 * time.Second, Background: BackgroundPink})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Render(context.Background(), s, &b, DefaultVolumes()); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 44+4*s.Len() {
		t.Fatalf("file is %d bytes, want %d", b.Len(), 44+4*s.Len())
	}
	dec, f, err := wav.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if f.SampleRate != 44100 || f.NumChannels != 2 || f.Precision != 2 || dec.Len() != s.Len() {
		t.Fatalf("format %+v, %d samples", f, dec.Len())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Render(ctx, s, &bytes.Buffer{}, DefaultVolumes()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled render: %v", err)
	}
}

func TestMissingClipPlaysSilence(t *testing.T) {
	sc := toneScript()
	sc.Steps[1].Clip = fileOpenerFor("truncated.wav")
	s, err := NewGuided(sc, Options{Length: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings()) != 1 || !errors.Is(s.Warnings()[0], ErrDecode) || s.Steps()[1].Voiced {
		t.Fatalf("warnings %v; step voiced %v", s.Warnings(), s.Steps()[1].Voiced)
	}
	if s.Len() != Samples(30*time.Second) {
		t.Fatalf("Len %d", s.Len())
	}
}
