package audio

import (
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func fileOpenerFor(name string) Opener {
	return func() (io.ReadSeekCloser, error) { return os.Open(filepath.Join("testdata", name)) }
}

func openFixture(t testing.TB, name string) *Clip {
	t.Helper()
	c, err := OpenClip(fileOpenerFor(name))
	if err != nil {
		t.Fatalf("OpenClip(%s): %v", name, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// pullAll reads a streamer to its end (bounded), returning every sample.
func pullAll(t testing.TB, s interface {
	Stream([][2]float64) (int, bool)
}, limit int) [][2]float64 {
	t.Helper()
	var out [][2]float64
	buf := make([][2]float64, 777) // an odd size, to cross internal boundaries
	for len(out) < limit {
		n, ok := s.Stream(buf)
		out = append(out, buf[:n]...)
		if !ok {
			return out
		}
	}
	t.Fatalf("stream did not end within %d samples", limit)
	return nil
}

func peak(s [][2]float64) float64 {
	p := 0.0
	for _, v := range s {
		p = max(p, math.Abs(v[0]), math.Abs(v[1]))
	}
	return p
}

func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		file    string
		wantLen int // output samples at 44.1 kHz
		slack   int // encoders add padding: MP3 and Vorbis lengths are not exact
	}{
		{"tone-22k-mono.wav", 22050, 0},
		{"tone-44k-stereo.wav", 22050, 0},
		{"tone-48k-24bit.wav", 22050, 0},
		{"tone-16k-8bit.wav", 22050, 0},
		{"tone-22k-mono.flac", 22050, 0},
		{"tone-22k-mono.ogg", 22050, 0},
		{"tone-44k-stereo.mp3", 22050, 4000},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c := openFixture(t, tt.file)
			if d := c.Len() - tt.wantLen; d < 0 || d > tt.slack {
				t.Errorf("Len = %d, want %d (+%d)", c.Len(), tt.wantLen, tt.slack)
			}
			got := pullAll(t, c, 1<<20)
			if len(got) != c.Len() {
				t.Errorf("streamed %d samples, Len says %d", len(got), c.Len())
			}
			if err := c.Err(); err != nil {
				t.Errorf("Err = %v", err)
			}
			// The tone has amplitude 0.5 (8-bit and lossy codecs are a little off).
			if p := peak(got); p < 0.4 || p > 0.6 {
				t.Errorf("peak = %.3f, want about 0.5", p)
			}
		})
	}
}

func TestDecodeExactSilence(t *testing.T) {
	c := openFixture(t, "silence-1s.wav") // 8000 samples at 8 kHz
	if c.Len() != 44100 {
		t.Fatalf("Len = %d, want 44100", c.Len())
	}
	got := pullAll(t, c, 1<<20)
	if len(got) != 44100 || peak(got) != 0 {
		t.Fatalf("got %d samples, peak %g; want 44100 silent samples", len(got), peak(got))
	}
}

func TestDecodeSeek(t *testing.T) {
	for _, file := range []string{"tone-22k-mono.wav", "tone-44k-stereo.wav", "tone-22k-mono.flac", "tone-22k-mono.ogg", "tone-44k-stereo.mp3"} {
		t.Run(file, func(t *testing.T) {
			ref := pullAll(t, openFixture(t, file), 1<<20)
			c := openFixture(t, file)
			for _, p := range []int{10000, 3, 15000, 0} {
				if err := c.Seek(p); err != nil {
					t.Fatalf("Seek(%d): %v", p, err)
				}
				if c.Position() != p {
					t.Fatalf("Position = %d after Seek(%d)", c.Position(), p)
				}
				buf := make([][2]float64, 1000)
				n, _ := c.Stream(buf)
				if n != 1000 {
					t.Fatalf("read %d after seek", n)
				}
				worst := 0.0
				for i := range buf {
					worst = max(worst, math.Abs(buf[i][0]-ref[p+i][0]))
				}
				if worst > 1e-3 {
					t.Errorf("after Seek(%d) samples differ from a straight read by %g", p, worst)
				}
			}
		})
	}
}

func TestDecodeBroken(t *testing.T) {
	tests := []struct {
		file string
		open error // the error OpenClip must return, or nil if it may open
	}{
		{"not-audio.txt", ErrUnsupported},
		{"empty.bin", ErrUnsupported},
		{"truncated.wav", ErrDecode},
		{"header-only.wav", ErrDecode},
		{"corrupt.flac", nil},
		{"corrupt.ogg", nil},
		{"corrupt.mp3", nil},
		{"truncated.ogg", nil},
		{"truncated.mp3", nil},
		{"truncated.flac", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c, err := OpenClip(fileOpenerFor(tt.file))
			if tt.open != nil {
				if !errors.Is(err, tt.open) {
					t.Fatalf("OpenClip error = %v, want %v", err, tt.open)
				}
				return
			}
			if err != nil {
				if !errors.Is(err, ErrDecode) && !errors.Is(err, ErrUnsupported) {
					t.Fatalf("OpenClip error = %v, want ErrDecode or ErrUnsupported", err)
				}
				return
			}
			defer c.Close()
			got := pullAll(t, c, c.Len()+1)
			if len(got) != c.Len() {
				t.Errorf("streamed %d, Len %d: a broken clip still fills its time", len(got), c.Len())
			}
			if err := c.Err(); err != nil && !errors.Is(err, ErrDecode) {
				t.Errorf("Err = %v, want nil or ErrDecode", err)
			}
		})
	}
}

func TestDecodeTruncatedFLACReportsError(t *testing.T) {
	c, err := OpenClip(fileOpenerFor("truncated.flac"))
	if err != nil {
		if !errors.Is(err, ErrDecode) {
			t.Fatal(err)
		}
		return
	}
	defer c.Close()
	pullAll(t, c, c.Len()+1)
	if !errors.Is(c.Err(), ErrDecode) {
		t.Fatalf("Err = %v, want ErrDecode for a truncated FLAC", c.Err())
	}
}

func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err == nil && len(data) < 40000 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeBytes(data)
		if err != nil {
			if !errors.Is(err, ErrDecode) && !errors.Is(err, ErrUnsupported) {
				t.Fatalf("error %v wraps neither ErrDecode nor ErrUnsupported", err)
			}
			return
		}
		defer c.Close()
		buf := make([][2]float64, 4096)
		for range 8 {
			n, ok := c.Stream(buf)
			for _, v := range buf[:n] {
				if math.IsNaN(v[0]) || math.IsNaN(v[1]) || math.IsInf(v[0], 0) || math.IsInf(v[1], 0) {
					t.Fatal("decoder produced a non-finite sample")
				}
			}
			if !ok {
				break
			}
		}
		c.Seek(c.Len() / 2)
		c.Stream(buf)
	})
}

func TestHeaderChecks(t *testing.T) {
	flac, err := os.ReadFile("testdata/tone-22k-mono.flac")
	if err != nil {
		t.Fatal(err)
	}
	streamInfo := append([]byte(nil), flac[4:4+4+34]...)
	streamInfo[0] &^= 0x80 // not the last block
	comment := func(body []byte) []byte {
		out := append([]byte("fLaC"), streamInfo...)
		out = append(out, 0x84, 0, 0, byte(len(body)))
		out = append(out, body...)
		return append(out, make([]byte, 64)...)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"ID3 tag longer than the file", append([]byte("ID3\x03\x00\x00\x7f\x7f\x7f\x7f"), make([]byte, 100)...)},
		{"FLAC comment count of four billion", comment([]byte{0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff})},
		{"FLAC vendor string past its block", comment([]byte{0xff, 0xff, 0, 0, 0, 0, 0, 0})},
		{"FLAC block past the end of the file", append([]byte("fLaC\x00\x00\x00\x22"), make([]byte, 10)...)},
		{"Ogg page cut short", []byte("OggS\x00\x02")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodeBytes(tt.data); !errors.Is(err, ErrDecode) {
				t.Fatalf("err = %v, want ErrDecode", err)
			}
		})
	}
}
