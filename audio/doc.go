// Package audio is Hearth's sound engine: it builds sessions (guided practices, a
// silent timer, a breathing pacer) from scripts, synthesises bells, breath tones and
// background beds in pure Go, decodes voice recordings (OGG Vorbis, MP3, WAV, FLAC),
// mixes everything into one 44.1 kHz stereo stream with a volume per layer, and renders
// any session to a WAV file.
//
// Nothing here touches a sound card: the Mix is a beep.Streamer that anything can pull
// samples from. The subpackage audio/device plays it through the speaker (the only
// place that needs cgo); OfflinePlayer drives the same engine without a device, for
// tests and for a UI that must keep working when there is no sound output.
//
// Positions are counted in samples at SampleRate (one sample = one stereo frame);
// Samples and Duration convert to and from time.Duration.
//
// # Driving a player from a UI
//
// Build a Session (SessionForPractice, or NewGuided, NewTimer, NewPacerSession) on any
// goroutine; it opens each recording once to learn its length. Then:
//
//	p := device.New()              // once per process, in cmd/hearth
//	err := p.Play(session)         // returns at once; never blocks on audio
//	if errors.Is(err, audio.ErrNoOutput) {
//		// Show err's message once, kindly, and carry on without sound:
//		p2 := audio.NewSilentPlayer() // same API, runs the session on a clock
//		p2.Play(session)
//	}
//
// Watch the player from one goroutine: wait on Changed() (it fires when the state or
// the step changes; it never blocks the audio) and on a ticker of 4-10 Hz while the
// screen is visible, call Status() and hand the result to the UI with fyne.Do.
// Status has the position and length for a slider, the current step (show its text),
// the breath phase (drive the pacer's animation from Breath.Kind and
// Breath.Progress), the state, and Err when a recording could not be read. Strikes()
// lists the bells, to show them visually. Pause, Resume, Seek, SetVolume and Stop are
// safe from any goroutine and return quickly. Nothing in this package ever calls
// back into the UI.
package audio

import (
	"time"

	"github.com/gopxl/beep/v2"
)

// SampleRate is the rate everything is mixed and rendered at.
const SampleRate beep.SampleRate = 44100

// OutputFormat is the format of the mixed stream and of rendered WAV files:
// 44.1 kHz, stereo, 16-bit.
func OutputFormat() beep.Format {
	return beep.Format{SampleRate: SampleRate, NumChannels: 2, Precision: 2}
}

// Samples converts a duration to a number of samples at SampleRate, rounded to the
// nearest sample.
func Samples(d time.Duration) int {
	return int((int64(d)*int64(SampleRate) + int64(time.Second)/2) / int64(time.Second))
}

// Duration converts a number of samples at SampleRate to a duration.
func Duration(n int) time.Duration {
	return time.Duration(int64(n) * int64(time.Second) / int64(SampleRate))
}

// seconds converts seconds to samples, rounded to the nearest sample.
func seconds(s float64) int {
	return int(s*float64(SampleRate) + 0.5)
}
