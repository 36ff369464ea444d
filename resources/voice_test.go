package resources

import (
	"io"
	"io/fs"
	"strings"
	"testing"
)

// maxBundledAudio is the budget for all bundled voice clips.
const maxBundledAudio = 25 << 20

// TestBuiltinVoice checks that every spoken step of every built-in practice has an
// up-to-date generated clip, that the manifest lists only real steps and files, and
// that the clips stay within the size budget. (Decoding every clip is checked in the
// audio package, which owns the decoders.)
func TestBuiltinVoice(t *testing.T) {
	pk, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	vm, err := BuiltinVoice()
	if err != nil {
		t.Fatal(err)
	}
	if !vm.Synthesised || vm.Voice == "" || vm.Pipeline == "" {
		t.Errorf("manifest must name the voice and say it is synthesised: %+v", vm)
	}
	listed := map[string]bool{}
	for _, c := range vm.Clips {
		listed[c.File] = true
		p := pk.Practice(c.Practice)
		switch {
		case p == nil:
			t.Errorf("%s: practice %s does not exist", c.File, c.Practice)
			continue
		case c.Step < 1 || c.Step > len(p.Steps):
			t.Errorf("%s: %s has no step %d", c.File, c.Practice, c.Step)
			continue
		case c.File != ClipFile(c.Practice, c.Step):
			t.Errorf("%s: want file %s", c.File, ClipFile(c.Practice, c.Step))
		case c.Seconds <= 0:
			t.Errorf("%s: length %v", c.File, c.Seconds)
		}
		s := p.Steps[c.Step-1]
		if !s.Speak || c.TextSHA256 != TextHash(s.Text) {
			t.Errorf("%s is stale: the step's text changed (run go generate ./resources/...)", c.File)
		}
	}
	var total int64
	err = fs.WalkDir(pk.FS, "voice", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == VoiceManifestFile {
			return err
		}
		if !listed[name] {
			t.Errorf("%s is not in the manifest", name)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		f, err := pk.FS.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		head, err := io.ReadAll(io.LimitReader(f, 64<<10))
		if err != nil {
			return err
		}
		if err := CheckAudioHeader(name, head); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d clips, %.1f MiB", len(vm.Clips), float64(total)/(1<<20))
	if total > maxBundledAudio {
		t.Errorf("bundled voice is %d bytes, over the %d byte budget", total, maxBundledAudio)
	}

	for _, p := range pk.Practices {
		for i, s := range p.Steps {
			if !s.Speak {
				continue
			}
			if s.Clip == "" {
				t.Errorf("%s step %d has no up-to-date voice clip (run go generate ./resources/...)", p.ID, i+1)
				continue
			}
			f, err := p.OpenClip(i)
			if err != nil {
				t.Errorf("%s step %d: %v", p.ID, i+1, err)
				continue
			}
			f.Close()
			if !p.SynthesisedVoice {
				t.Errorf("%s: SynthesisedVoice is false", p.ID)
			}
		}
	}
	if !strings.HasPrefix(ClipFile("safe-place", 3), "voice/safe-place/03.ogg") {
		t.Errorf("ClipFile = %q", ClipFile("safe-place", 3))
	}
}
