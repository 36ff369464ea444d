package resources

import (
	"fmt"
	"io/fs"
)

// OpenClip opens the voice clip of step i (0-based index into p.Steps) from the pack's
// files. It returns an error wrapping ErrNoClip when that step has no clip, and
// ErrNotFound when i is out of range. The caller closes the file; the audio package
// decodes it (OGG Vorbis, MP3, WAV or FLAC, told apart by its extension).
func (p *Practice) OpenClip(i int) (fs.File, error) {
	if i < 0 || i >= len(p.Steps) {
		return nil, fmt.Errorf("practice %s step %d: %w", p.ID, i+1, ErrNotFound)
	}
	return p.open(p.Steps[i].Clip, fmt.Sprintf("step %d", i+1))
}

// OpenAudio opens the recording of the whole practice (a pack's audio = "..."). It
// returns an error wrapping ErrNoClip when there is none.
func (p *Practice) OpenAudio() (fs.File, error) {
	return p.open(p.Audio, "recording")
}

func (p *Practice) open(name, what string) (fs.File, error) {
	if name == "" || p.fsys == nil {
		return nil, fmt.Errorf("practice %s %s: %w", p.ID, what, ErrNoClip)
	}
	f, err := p.fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("practice %s %s: %w", p.ID, what, err)
	}
	return f, nil
}

// OpenClip opens the clip of step i (0-based) of the practice with that ID in this pack.
func (pk *Pack) OpenClip(practiceID string, i int) (fs.File, error) {
	p := pk.Practice(practiceID)
	if p == nil {
		return nil, fmt.Errorf("practice %q: %w", practiceID, ErrNotFound)
	}
	return p.OpenClip(i)
}
