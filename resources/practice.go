package resources

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// rawPractice is a practices/<id>.toml file as written.
type rawPractice struct {
	ID            string    `toml:"id"`
	Title         string    `toml:"title"`
	Summary       string    `toml:"summary"`
	Category      string    `toml:"category"`
	Kind          string    `toml:"kind"`
	Lengths       []int     `toml:"lengths"`
	DefaultLength int       `toml:"default_length"`
	SafetyNote    string    `toml:"safety_note"`
	Audio         string    `toml:"audio"`
	Steps         []rawStep `toml:"steps"`
}

type rawStep struct {
	Text    string  `toml:"text"`
	Pause   float64 `toml:"pause"`
	Stretch bool    `toml:"stretch"`
	Speak   *bool   `toml:"speak"`
	Clip    string  `toml:"clip"`
}

var (
	categories = []Category{CategoryBreathing, CategoryImagery, CategoryCompassionateSelf,
		CategoryCompassionFlows, CategoryBody, CategoryHardMoments, CategoryPreparation, CategorySilent}
	kinds      = []PracticeKind{KindGuided, KindTimer, KindPacer}
	fieldTypes = []FieldType{FieldLongText, FieldShortText, FieldRating10, FieldRating100, FieldChoice}
)

func (l *loader) practices() {
	for _, file := range l.files(dirPractices, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawPractice
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		l.pack.Practices = append(l.pack.Practices, l.practice(file, src, r))
	}
}

// maxPause is the longest pause a step may have (an hour; longer is surely a typo).
const maxPause = 3600

// practice checks one decoded practice file and converts it. Like every item, it is
// kept even when it has problems, so references to it are not reported as missing.
func (l *loader) practice(file, src string, r rawPractice) Practice {
	loc := newLocator(src, 1)
	l.checkID(file, loc.line("id"), "id", r.ID)
	l.checkFileName(file, loc.line("id"), r.ID, ".toml")
	l.oneLine(file, loc.line("title"), "title", r.Title, true)
	l.oneLine(file, loc.line("summary"), "summary", r.Summary, true)
	oneOf(l, file, loc.line("category"), "category", Category(r.Category), categories)
	kind := PracticeKind(r.Kind)
	oneOf(l, file, loc.line("kind"), "kind", kind, kinds)
	l.checkLengths(file, loc, r.Lengths, r.DefaultLength)
	if r.Audio != "" {
		if kind != KindGuided {
			l.addf(file, loc.line("audio"), "only a guided practice can have a recording (audio)")
		}
		if len(r.Lengths) != 1 {
			l.addf(file, loc.line("lengths"), "a practice with one recording (audio) plays at its own length: give exactly one length")
		}
		l.checkAudio(file, loc.line("audio"), r.Audio)
	}
	switch {
	case kind == KindGuided && len(r.Steps) == 0 && r.Audio == "":
		l.addf(file, loc.line("kind"), "a guided practice needs at least one [[steps]] (or one recording in audio)")
	case kind != KindGuided && len(r.Steps) > 0 && slices.Contains(kinds, kind):
		l.addf(file, loc.line("", "steps", 0), "a %s practice has no steps (the app makes its sound)", kind)
	}
	p := Practice{
		ID: r.ID, Title: r.Title, Summary: r.Summary, Category: Category(r.Category), Kind: kind,
		Lengths: r.Lengths, DefaultLength: r.DefaultLength, SafetyNote: strings.TrimSpace(r.SafetyNote),
		Audio: r.Audio, PackID: l.pack.Manifest.ID, PackTitle: l.pack.Manifest.Title, fsys: l.fsys,
	}
	for i, s := range r.Steps {
		line := loc.line("", "steps", i)
		l.need(file, line, fmt.Sprintf("step %d text", i+1), s.Text)
		if s.Pause < 0 || s.Pause > maxPause {
			l.addf(file, loc.line("pause", "steps", i), "step %d pause must be between 0 and %d seconds, not %g", i+1, maxPause, s.Pause)
		}
		speak := s.Speak == nil || *s.Speak
		if s.Clip != "" {
			l.checkAudio(file, loc.line("clip", "steps", i), s.Clip)
			if r.Audio != "" {
				l.addf(file, loc.line("clip", "steps", i), "step %d has a clip, but the practice already has one recording (audio); use one or the other", i+1)
			}
		}
		p.Steps = append(p.Steps, Step{
			Text:    strings.TrimSpace(s.Text),
			Pause:   time.Duration(s.Pause * float64(time.Second)),
			Stretch: s.Stretch,
			Speak:   speak,
			Clip:    s.Clip,
		})
	}
	return p
}

// checkLengths checks that lengths are positive, ascending and include the default.
func (l *loader) checkLengths(file string, loc locator, lengths []int, def int) {
	line := loc.line("lengths")
	if len(lengths) == 0 {
		l.addf(file, line, "lengths is missing (the minutes this practice can be played at, e.g. [5, 10])")
		return
	}
	for i, n := range lengths {
		if n <= 0 || n > 180 {
			l.addf(file, line, "length %d is not a number of minutes between 1 and 180", n)
		}
		if i > 0 && n <= lengths[i-1] {
			l.addf(file, line, "lengths must be in increasing order without repeats")
			break
		}
	}
	if !slices.Contains(lengths, def) {
		l.addf(file, cmp.Or(loc.line("default_length"), line), "default_length %d is not one of the lengths %v", def, lengths)
	}
}

// ParsePractice parses and checks one practice file on its own (name is its path in
// the pack, like "practices/safe-place.toml"): syntax, unknown keys, required fields,
// lengths and steps, but not audio files or references. The practice is returned even
// when there are problems.
func ParsePractice(name string, data []byte) (Practice, []Problem) {
	l := &loader{pack: &Pack{Manifest: Manifest{ID: BuiltinID}}}
	if !utf8.Valid(data) {
		return Practice{}, []Problem{{File: name, Msg: "file is not UTF-8 text"}}
	}
	var r rawPractice
	if !decodeStrict(string(data), name, 1, &r, l.add) {
		return Practice{}, l.problems
	}
	p := l.practice(name, string(data), r)
	return p, l.problems
}
