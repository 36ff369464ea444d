package audio

import (
	"errors"
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/hearth-app/hearth/resources"
)

func loadTestPack(t *testing.T) *resources.Pack {
	t.Helper()
	pk, err := resources.LoadPack(os.DirFS("testdata/pack"))
	if err != nil {
		t.Fatalf("loading the test pack: %v", err)
	}
	return pk
}

func TestSessionForPackPractice(t *testing.T) {
	pk := loadTestPack(t)
	p := pk.Practice("audio-test-steps")
	if p == nil {
		t.Fatal("practice missing from the test pack")
	}
	lengths, err := AvailableLengths(p, Options{})
	if err != nil || len(lengths) != 3 {
		t.Fatalf("AvailableLengths = %v, %v", lengths, err)
	}
	s, err := SessionForPractice(p, Options{Length: 2 * time.Minute}, DefaultPacer())
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != Samples(2*time.Minute) {
		t.Fatalf("Len %d", s.Len())
	}
	steps := s.Steps()
	if len(steps) != 2 || !steps[0].Voiced || steps[1].Voiced {
		t.Fatalf("steps %+v", steps)
	}
	if steps[0].SpeechEnd-steps[0].Start != 22050 {
		t.Errorf("the recorded step lasts %d samples, want the clip's 22050", steps[0].SpeechEnd-steps[0].Start)
	}
	m, err := NewMix(s, Volumes{100, 0, 0})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	out := pull(m, steps[0].SpeechEnd)
	if r := rms(out[steps[0].Start+1000 : steps[0].SpeechEnd-1000]); r < 0.3 {
		t.Errorf("clip RMS %.3f: the pack's clip did not play", r)
	}
}

func TestSessionForWholeRecording(t *testing.T) {
	p := loadTestPack(t).Practice("audio-test-whole")
	s, err := SessionForPractice(p, Options{Length: 10 * time.Minute}, DefaultPacer())
	if err != nil {
		t.Fatal(err)
	}
	c := openFixture(t, "tone-44k-stereo.mp3")
	if want := Samples(leadInBells) + c.Len() + Samples(tailBells); s.Len() != want {
		t.Fatalf("Len %d, want lead-in + recording + tail = %d", s.Len(), want)
	}
	if l, err := AvailableLengths(p, Options{}); err != nil || len(l) != 1 || l[0] != 1 {
		t.Fatalf("AvailableLengths = %v, %v (a short recording counts as 1 minute)", l, err)
	}
}

func TestBuiltinPracticesBuild(t *testing.T) {
	pk, err := resources.Builtin()
	if err != nil {
		t.Fatalf("built-in content does not load: %v", err)
	}
	if len(pk.Practices) == 0 {
		t.Fatal("no built-in practices")
	}
	for i := range pk.Practices {
		p := &pk.Practices[i]
		t.Run(p.ID, func(t *testing.T) {
			lengths, err := AvailableLengths(p, Options{})
			if err != nil {
				t.Fatalf("AvailableLengths: %v", err)
			}
			for _, m := range lengths {
				s, err := SessionForPractice(p, Options{Length: time.Duration(m) * time.Minute}, DefaultPacer())
				if err != nil {
					t.Fatalf("%d min: %v", m, err)
				}
				if s.Len() != Samples(time.Duration(m)*time.Minute) {
					t.Errorf("%d min: Len %d", m, s.Len())
				}
				if p.Kind == resources.KindGuided && len(s.Steps()) != len(p.Steps) {
					t.Errorf("%d steps built from %d", len(s.Steps()), len(p.Steps))
				}
			}
		})
	}
}

func TestUnknownKind(t *testing.T) {
	_, err := SessionForPractice(&resources.Practice{ID: "x", Kind: "dance"}, Options{}, DefaultPacer())
	if err == nil || errors.Is(err, ErrTooLong) {
		t.Fatalf("unknown kind: %v", err)
	}
}

// TestBuiltinClipsDecode decodes every bundled voice clip to its end with this
// package's decoder: a clip that is damaged or cut short after its header fails here.
func TestBuiltinClipsDecode(t *testing.T) {
	pk, err := resources.Builtin()
	if err != nil {
		t.Fatalf("built-in content does not load: %v", err)
	}
	buf := make([][2]float64, 4096)
	clips := 0
	for i := range pk.Practices {
		p := &pk.Practices[i]
		for j, st := range p.Steps {
			if st.Clip == "" {
				continue
			}
			clips++
			c, err := OpenClip(fileOpener(func() (fs.File, error) { return p.OpenClip(j) }))
			if err != nil {
				t.Errorf("%s step %d: %v", p.ID, j+1, err)
				continue
			}
			n := 0
			for {
				k, ok := c.Stream(buf)
				n += k
				if !ok {
					break
				}
			}
			if err := c.Err(); err != nil || n != c.Len() || n == 0 {
				t.Errorf("%s step %d: decoded %d of %d samples, err %v", p.ID, j+1, n, c.Len(), err)
			}
			if got, want := float64(n)/float64(SampleRate), st.ClipSeconds; want > 0 && (got < want-0.05 || got > want+0.05) {
				t.Errorf("%s step %d: %.2f s decoded, manifest says %.2f s", p.ID, j+1, got, want)
			}
			c.Close()
		}
	}
	if clips < 100 {
		t.Errorf("only %d bundled clips found", clips)
	}
}
