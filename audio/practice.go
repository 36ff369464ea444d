package audio

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/hearth-app/hearth/resources"
)

// maxUnseekable bounds how much of a file that cannot seek is read into memory.
const maxUnseekable = 64 << 20

// fileOpener adapts a function that opens an fs.File (as resources.Practice.OpenClip
// does) to an Opener. Files that cannot seek are read into memory, up to 64 MiB.
func fileOpener(open func() (fs.File, error)) Opener {
	return func() (io.ReadSeekCloser, error) {
		f, err := open()
		if err != nil {
			return nil, err
		}
		if rsc, ok := f.(io.ReadSeekCloser); ok {
			return rsc, nil
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, maxUnseekable+1))
		if err != nil {
			return nil, err
		}
		if len(data) > maxUnseekable {
			return nil, fmt.Errorf("%w: the recording is larger than 64 MiB and cannot be streamed", ErrUnsupported)
		}
		return nopCloser{bytes.NewReader(data)}, nil
	}
}

// ScriptFromPractice turns a guided practice from the resources package into a Script:
// spoken steps with a clip play it, other steps are shown for their reading time. A
// practice with one recording (a pack's audio) plays that recording.
func ScriptFromPractice(p *resources.Practice) Script {
	sc := Script{Title: p.Title}
	if p.Audio != "" {
		sc.Recording = fileOpener(p.OpenAudio)
	}
	for i, st := range p.Steps {
		step := ScriptStep{Text: st.Text, Pause: st.Pause, Stretch: st.Stretch}
		if st.Speak && st.Clip != "" {
			step.Clip = fileOpener(func() (fs.File, error) { return p.OpenClip(i) })
		}
		sc.Steps = append(sc.Steps, step)
	}
	return sc
}

// SessionForPractice builds the session for any kind of practice: a guided practice
// stretched to o.Length, a silent timer, or a breathing pacer using pacer.
func SessionForPractice(p *resources.Practice, o Options, pacer Pacer) (*Session, error) {
	switch p.Kind {
	case resources.KindTimer:
		return NewTimer(p.Title, o)
	case resources.KindPacer:
		return NewPacerSession(p.Title, pacer, o)
	case resources.KindGuided:
		sc := ScriptFromPractice(p)
		if sc.Recording != nil {
			o.Length = 0 // a whole recording plays at its own length
		}
		return NewGuided(sc, o)
	}
	return nil, fmt.Errorf("practice %s has an unknown kind %q", p.ID, p.Kind)
}

// AvailableLengths returns the lengths (in whole minutes, from p.Lengths) at which the
// practice can be played with its bells, and its natural length when it plays a
// single recording (rounded, at least 1).
func AvailableLengths(p *resources.Practice, o Options) ([]int, error) {
	if p.Kind != resources.KindGuided {
		return append([]int(nil), p.Lengths...), nil
	}
	o.Length = 0
	s, err := SessionForPractice(p, o, DefaultPacer())
	if err != nil {
		return nil, err
	}
	if p.Audio != "" {
		return []int{max(1, int((s.Duration()+30*time.Second)/time.Minute))}, nil
	}
	var out []int
	for _, m := range p.Lengths {
		if time.Duration(m)*time.Minute >= s.Shortest() {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: it needs at least %v", ErrTooLong, s.Shortest().Round(time.Second))
	}
	return out, nil
}
