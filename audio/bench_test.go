package audio

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// benchVoice makes a 15-second speech-like clip (band-limited pink noise with a
// syllable-rate tremolo, 16 kHz mono Vorbis, like the built-in voice) with sox and
// oggenc, skipping the benchmark when they are missing.
func benchVoice(b *testing.B) Opener {
	b.Helper()
	name := filepath.Join(b.TempDir(), "voice.ogg")
	cmd := exec.Command("sh", "-c", `sox -D -n -r 16000 -c 1 -b 16 -t wav - synth 15 pinknoise band 300 2000 tremolo 5 80 vol 0.5 | oggenc -Q -q 2 -o "$0" -`, name)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("needs sox and oggenc: %v %s", err, out)
	}
	return func() (io.ReadSeekCloser, error) { return os.Open(name) }
}

// benchSession is a 10-minute guided session: 20 spoken steps of 15 s (five minutes of
// voice), stretched pauses, an ocean bed, and a bowl every 20 s so bells ring almost
// all the time.
func benchSession(b *testing.B) *Session {
	b.Helper()
	voice := benchVoice(b)
	sc := Script{Title: "bench"}
	for range 20 {
		sc.Steps = append(sc.Steps, ScriptStep{Text: "spoken", Clip: voice, Pause: 10 * time.Second, Stretch: true})
	}
	s, err := NewGuided(sc, Options{Length: 10 * time.Minute, Background: BackgroundOcean,
		Interval: 20 * time.Second, IntervalBell: BellBowl})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkRender10Min renders a 10-minute session with voice, background and bells
// to a WAV stream (discarded). x-realtime is audio seconds per second of work.
func BenchmarkRender10Min(b *testing.B) {
	s := benchSession(b)
	b.ResetTimer()
	cpu := cpuSeconds()
	for b.Loop() {
		if err := Render(context.Background(), s, io.Discard, DefaultVolumes()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(s.Duration().Seconds()/(b.Elapsed().Seconds()/float64(b.N)), "x-realtime")
	if used := cpuSeconds() - cpu; used > 0 {
		// Under load from other programs wall time overstates the cost; CPU time
		// does not.
		b.ReportMetric(s.Duration().Seconds()/(used/float64(b.N)), "x-realtime-cpu")
	}
}

// mixAt returns a Mix positioned in the middle of a spoken step, with bells ringing and
// the bed playing: the busiest steady state.
func mixAt(b *testing.B, s *Session) *Mix {
	m, err := NewMix(s, Volumes{100, 100, 100})
	if err != nil {
		b.Fatal(err)
	}
	m.Seek(s.Steps()[3].Start + Samples(time.Second))
	buf := make([][2]float64, 4096)
	m.Stream(buf) // settle: fade-in done, decoders warmed
	return m
}

// speakerBuffer is the device's buffer in samples (60 ms).
const speakerBuffer = 2646

// BenchmarkMixSecond mixes one second of audio in speaker-sized buffers.
// pct-of-core is the share of one core that playing in real time costs.
func BenchmarkMixSecond(b *testing.B) {
	s := benchSession(b)
	m := mixAt(b, s)
	defer m.Close()
	buf := make([][2]float64, speakerBuffer)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for n := 0; n < int(SampleRate); n += speakerBuffer {
			if _, ok := m.Stream(buf); !ok {
				b.StopTimer()
				m.Close()
				m = mixAt(b, s)
				b.StartTimer()
			}
		}
	}
	b.ReportMetric(100*b.Elapsed().Seconds()/float64(b.N), "pct-of-core")
}

// BenchmarkMixBuffer mixes one speaker buffer; allocs/op must be 0.
func BenchmarkMixBuffer(b *testing.B) {
	s := benchSession(b)
	m := mixAt(b, s)
	defer m.Close()
	buf := make([][2]float64, speakerBuffer)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok := m.Stream(buf); !ok {
			b.StopTimer()
			m.Close()
			m = mixAt(b, s)
			b.StartTimer()
		}
	}
}

// BenchmarkMixSynthOnly mixes one speaker buffer of a pacer session with a bed and
// bells: no decoders at all.
func BenchmarkMixSynthOnly(b *testing.B) {
	s, err := NewPacerSession("bench", DefaultPacer(), Options{Length: 60 * time.Minute,
		Background: BackgroundRain, Interval: 20 * time.Second, IntervalBell: BellBowl})
	if err != nil {
		b.Fatal(err)
	}
	m, _ := NewMix(s, Volumes{100, 100, 100})
	defer m.Close()
	buf := make([][2]float64, speakerBuffer)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok := m.Stream(buf); !ok {
			m.Seek(0)
		}
	}
}

// BenchmarkStream60MinFile streams a 60-minute Vorbis file (made with sox and oggenc
// in a temporary folder; that takes about half a minute) from disk through a Clip and
// reports the largest growth of the Go heap while doing so, in MB.
func BenchmarkStream60MinFile(b *testing.B) {
	name := filepath.Join(b.TempDir(), "long.ogg")
	cmd := exec.Command("sh", "-c", `sox -D -n -r 16000 -c 1 -b 16 -t wav - synth 3600 sine 300 vol 0.3 | oggenc -Q -q 0 -o "$0" -`, name)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("needs sox and oggenc: %v %s", err, out)
	}
	open := func() (io.ReadSeekCloser, error) { return os.Open(name) }
	buf := make([][2]float64, speakerBuffer)
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapInuse
		c, err := OpenClip(open)
		if err != nil {
			b.Fatal(err)
		}
		if c.Len() < 3599*int(SampleRate) {
			b.Fatalf("clip is only %v long", Duration(c.Len()))
		}
		for n := 0; ; n++ {
			k, ok := c.Stream(buf)
			if n%1000 == 0 || !ok { // about once a minute of audio
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > base {
					peak = max(peak, ms.HeapInuse-base)
				}
			}
			if !ok || k == 0 {
				break
			}
		}
		if c.Err() != nil || c.Position() != c.Len() {
			b.Fatalf("stopped at %v: %v", Duration(c.Position()), c.Err())
		}
		c.Close()
	}
	b.ReportMetric(float64(peak)/1e6, "MB-heap-peak")
	b.ReportMetric(3600/(b.Elapsed().Seconds()/float64(b.N)), "x-realtime")
}
