package audio

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Script is a guided practice as the engine sees it: steps of text (spoken from a
// clip, or shown on screen for a reading time), each followed by a pause.
type Script struct {
	Title string
	Steps []ScriptStep
	// Recording, when set, is one recording of the whole practice (a pack's audio);
	// the steps are then shown without timing and are not voiced separately.
	Recording Opener
}

// ScriptStep is one step of a Script.
type ScriptStep struct {
	Text string
	// Clip opens the recording of this step's text; nil when there is none. A step
	// without a clip is shown on screen for an estimated reading time.
	Clip Opener
	// Pause is the quiet after the text.
	Pause time.Duration
	// Stretch lets the pause grow or shrink so the practice fits the chosen length.
	Stretch bool
}

// Options are the choices a listener makes for a session.
type Options struct {
	// Length is the total length wanted. For a guided practice zero means "as
	// written" (no stretching). Timer and pacer sessions need it.
	Length time.Duration
	// Background is the bed under the session.
	Background Background
	// NoBells leaves out the start and end bells.
	NoBells bool
	// Bell rings at the start and at the end.
	Bell Bell
	// Interval, when positive, rings IntervalBell every Interval (timer and pacer).
	Interval     time.Duration
	IntervalBell Bell
}

// SessionKind says what a session was built from.
type SessionKind int

// The kinds of session.
const (
	SessionGuided SessionKind = iota
	SessionTimer
	SessionPacer
)

// Step is one step of a built session, with its place on the timeline in samples.
type Step struct {
	Text string
	// Voiced is true when a recording plays for this step; false when the text is
	// shown for an estimated reading time.
	Voiced bool
	// Start is where the text begins, SpeechEnd where its recording (or reading time)
	// ends and the pause begins, End where the pause ends.
	Start, SpeechEnd, End int
}

// Strike is one bell on a session's timeline.
type Strike struct {
	At   int // sample position
	Bell Bell
}

// voiceEvent is one recording on the timeline.
type voiceEvent struct {
	start, n int
	open     Opener
}

// Session is a built, immutable timeline: steps, recordings, bells, background and
// (for the pacer) breaths. It is safe to use from several goroutines, and can be
// played or rendered many times; each Mix opens its own files.
type Session struct {
	kind     SessionKind
	title    string
	n        int
	steps    []Step
	voice    []voiceEvent
	strikes  []Strike
	bed      Background
	pacer    *pacerPlan
	warnings []error
	shortest int // the shortest length stretching could reach, in samples
}

// Timing constants of every session.
const (
	leadInBells   = 5 * time.Second // quiet after the start bell before the first step
	leadInNoBells = 1 * time.Second
	tailBells     = 9 * time.Second // the end bell rings out
	tailNoBells   = 2 * time.Second
	minPause      = 2 * time.Second // a stretched pause never shrinks below this
)

// ReadingTime estimates how long text takes to read calmly on screen: a second to
// settle plus about 170 words a minute, at least two seconds.
func ReadingTime(text string) time.Duration {
	words := len(strings.Fields(text))
	d := time.Second + time.Duration(words)*350*time.Millisecond
	return max(d, 2*time.Second)
}

// Len is the session's length in samples.
func (s *Session) Len() int { return s.n }

// Duration is the session's length.
func (s *Session) Duration() time.Duration { return Duration(s.n) }

// Kind says what the session was built from.
func (s *Session) Kind() SessionKind { return s.kind }

// Title is the practice's title.
func (s *Session) Title() string { return s.title }

// Background is the session's bed.
func (s *Session) Background() Background { return s.bed }

// Steps returns a copy of the session's steps.
func (s *Session) Steps() []Step { return append([]Step(nil), s.steps...) }

// Strikes returns a copy of the session's bells, in time order (for showing bells
// visually).
func (s *Session) Strikes() []Strike { return append([]Strike(nil), s.strikes...) }

// Shortest is the shortest length this session's script can be stretched to (for a
// timer or pacer, its own length).
func (s *Session) Shortest() time.Duration {
	if s.shortest == 0 {
		return s.Duration()
	}
	return Duration(s.shortest)
}

// Warnings lists recordings that could not be opened when the session was built;
// their steps are shown as text instead.
func (s *Session) Warnings() []error { return append([]error(nil), s.warnings...) }

// StepAt returns the index of the step playing at sample position pos, or -1 before
// the first step (the opening bell) and after the last (the closing bell).
func (s *Session) StepAt(pos int) int {
	i := sort.Search(len(s.steps), func(i int) bool { return s.steps[i].Start > pos }) - 1
	if i < 0 || pos >= s.steps[i].End {
		return -1
	}
	return i
}

// BreathAt returns the breathing pacer's phase at sample position pos (always
// BreathSettle for other sessions).
func (s *Session) BreathAt(pos int) BreathPhase {
	if s.pacer == nil {
		return BreathPhase{Kind: BreathSettle}
	}
	return s.pacer.phaseAt(pos)
}

func (o Options) leadIn() int {
	if o.NoBells {
		return Samples(leadInNoBells)
	}
	return Samples(leadInBells)
}

func (o Options) tail() int {
	if o.NoBells {
		return Samples(tailNoBells)
	}
	return Samples(tailBells)
}

// frame adds the start, interval and end bells of a session of n samples.
func (s *Session) frame(o Options) {
	if o.NoBells {
		return
	}
	s.strikes = append(s.strikes, Strike{At: 0, Bell: o.Bell})
	end := s.n - o.tail()
	if o.Interval > 0 {
		iv := Samples(o.Interval)
		gap := o.IntervalBell.Len() / 2 // keep interval bells clear of the end bell
		for at := iv; at < end-gap; at += iv {
			s.strikes = append(s.strikes, Strike{At: at, Bell: o.IntervalBell})
		}
	}
	s.strikes = append(s.strikes, Strike{At: end, Bell: o.Bell})
}

// NewTimer builds a silent timer of o.Length with bells (and o.Interval bells).
func NewTimer(title string, o Options) (*Session, error) {
	n := Samples(o.Length)
	if n < o.leadIn()+o.tail() {
		return nil, fmt.Errorf("a timer must last at least %v", Duration(o.leadIn()+o.tail()))
	}
	s := &Session{kind: SessionTimer, title: title, n: n, bed: o.Background}
	s.frame(o)
	return s, nil
}

// NewPacerSession builds a breathing-pacer session of o.Length: breath tones that
// follow p from the end of the lead-in until the end bell.
func NewPacerSession(title string, p Pacer, o Options) (*Session, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	n := Samples(o.Length)
	if n < o.leadIn()+o.tail()+seconds(60/p.BreathsPerMinute) {
		return nil, errors.New("a breathing pacer must last long enough for one breath")
	}
	s := &Session{kind: SessionPacer, title: title, n: n, bed: o.Background}
	plan := newPacerPlan(p, o.leadIn(), n-o.tail())
	s.pacer = &plan
	s.frame(o)
	return s, nil
}

// NewGuided builds a guided session from a script. It opens each clip once to learn
// its length (and closes it again). With o.Length set, stretchable pauses grow or
// shrink (never below two seconds, or their written length if shorter) so the session
// is exactly that long; spoken text is never cut. If the script cannot fit, the error
// wraps ErrTooLong and says the shortest length possible.
func NewGuided(sc Script, o Options) (*Session, error) {
	s := &Session{kind: SessionGuided, title: sc.Title, bed: o.Background}
	lead, tail := o.leadIn(), o.tail()
	if sc.Recording != nil {
		return s.withRecording(sc, o)
	}
	if len(sc.Steps) == 0 {
		return nil, errors.New("the practice has no steps")
	}
	speech := make([]int, len(sc.Steps))
	pause := make([]int, len(sc.Steps))
	voiced := make([]bool, len(sc.Steps))
	fixed := lead + tail
	for i, st := range sc.Steps {
		if st.Pause < 0 {
			return nil, fmt.Errorf("step %d has a negative pause", i+1)
		}
		speech[i] = Samples(ReadingTime(st.Text))
		if st.Clip != nil {
			n, err := clipLen(st.Clip)
			if err != nil {
				s.warnings = append(s.warnings, fmt.Errorf("step %d: %w", i+1, err))
			} else {
				speech[i], voiced[i] = n, true
			}
		}
		pause[i] = Samples(st.Pause)
		fixed += speech[i]
		if !st.Stretch || o.Length == 0 {
			fixed += pause[i]
		}
	}
	s.shortest = fixed
	for i, st := range sc.Steps {
		if st.Stretch {
			s.shortest += min(pause[i], Samples(minPause))
			if o.Length == 0 {
				s.shortest -= pause[i]
			}
		}
	}
	if o.Length > 0 {
		if err := stretch(sc.Steps, pause, Samples(o.Length)-fixed); err != nil {
			return nil, err
		}
	}
	pos := lead
	for i, st := range sc.Steps {
		step := Step{Text: st.Text, Voiced: voiced[i], Start: pos, SpeechEnd: pos + speech[i]}
		step.End = step.SpeechEnd + pause[i]
		if voiced[i] {
			s.voice = append(s.voice, voiceEvent{start: pos, n: speech[i], open: st.Clip})
		}
		s.steps = append(s.steps, step)
		pos = step.End
	}
	s.n = pos + tail
	s.frame(o)
	return s, nil
}

// withRecording builds a session that plays one recording of the whole practice.
func (s *Session) withRecording(sc Script, o Options) (*Session, error) {
	n, err := clipLen(sc.Recording)
	if err != nil {
		return nil, err
	}
	lead := o.leadIn()
	s.voice = []voiceEvent{{start: lead, n: n, open: sc.Recording}}
	s.n = lead + n + o.tail()
	s.shortest = s.n
	s.frame(o)
	return s, nil
}

// clipLen opens a clip to learn its length in samples.
func clipLen(open Opener) (int, error) {
	c, err := OpenClip(open)
	if err != nil {
		return 0, err
	}
	n := c.Len()
	c.Close()
	return n, nil
}

// stretch sets the stretchable pauses (in pause, in samples, as written) so that
// they add up to exactly avail samples.
func stretch(steps []ScriptStep, pause []int, avail int) error {
	var idx []int
	for i, st := range steps {
		if st.Stretch {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		if avail != 0 {
			return fmt.Errorf("%w: it has no pauses that can stretch", ErrTooLong)
		}
		return nil
	}
	floor := make([]float64, len(pause))
	weight := make([]float64, len(pause))
	var minSum, wSum float64
	for _, i := range idx {
		floor[i] = float64(min(pause[i], Samples(minPause)))
		minSum += floor[i]
		weight[i] = float64(pause[i])
		wSum += weight[i]
	}
	if float64(avail) < minSum {
		need := time.Duration(float64(time.Second) * (minSum - float64(avail)) / float64(SampleRate))
		return fmt.Errorf("%w: it needs about %v more", ErrTooLong, need.Round(time.Second))
	}
	if wSum == 0 { // every stretchable pause is written as zero: share equally
		for _, i := range idx {
			weight[i] = 1
		}
	}
	// Water-filling: scale every free pause by the same factor; pauses that would
	// fall below their floor are pinned there, and the rest rescaled.
	pinned := make([]bool, len(pause))
	var scale float64
	for {
		rest, w := float64(avail), 0.0
		for _, i := range idx {
			if pinned[i] {
				rest -= floor[i]
			} else {
				w += weight[i]
			}
		}
		if w == 0 {
			break
		}
		scale = rest / w
		changed := false
		for _, i := range idx {
			if !pinned[i] && scale*weight[i] < floor[i] {
				pinned[i], changed = true, true
			}
		}
		if !changed {
			break
		}
	}
	total := 0
	for _, i := range idx {
		v := floor[i]
		if !pinned[i] {
			v = scale * weight[i]
		}
		pause[i] = int(math.Round(v))
		total += pause[i]
	}
	// Put the rounding remainder on the longest stretchable pause so the length is
	// exact to the sample.
	longest := idx[0]
	for _, i := range idx {
		if pause[i] > pause[longest] {
			longest = i
		}
	}
	pause[longest] += avail - total
	if pause[longest] < 0 {
		return fmt.Errorf("%w: no room left for its pauses", ErrTooLong)
	}
	return nil
}
