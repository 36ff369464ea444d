// Package critic gently spots phrases that sound like the inner critic in what someone
// writes, and offers a compassionate question for each.
//
// Compassion Focused Therapy sees self-criticism as a protector that uses harsh methods:
// absolutes ("I always ruin it"), global labels ("I'm useless"), harsh shoulds, mind-reading,
// catastrophising and put-down comparisons. Noticing the critic's voice opens a little space
// for compassionate self-correction. This package only notices: it gives no scores and makes
// no judgement, and the app lets people switch it off.
//
// The phrases live in data, one embedded TOML file per language (patterns/en.toml), so a
// language can be added by adding a file: its header explains the small pattern syntax
// (words, @lists, (alternatives), optional?, !look-ahead and the [marked part]) and
// the cues that cancel a mark (a negation just before it, or someone else's reported
// words nearby). A Spotter is built once per language with New (a few milliseconds), is
// safe for concurrent use, and Find takes well under a millisecond of CPU on a 10 KB
// entry, so it can run as someone types.
//
// testdata/corpus.tsv holds labelled sentences the patterns are tuned on, and
// testdata/heldout.tsv sentences written afterwards to measure them honestly; the tests
// keep precision and recall on both above recorded floors.
//
//	s, err := critic.New("en")
//	for _, m := range s.Find(text) {
//		phrase := text[m.Start:m.End]
//		question := s.Questions(m.Kind)[0]
//		...
//	}
package critic

import (
	"errors"
	"fmt"
	"slices"
)

// Kind is the kind of critic phrase a Mark points at.
type Kind string

// The kinds of inner-critic phrase. Every language file uses these names.
const (
	// KindAbsolute is an all-or-nothing word about oneself: "I always mess up",
	// "nobody likes me", "I can't do anything right".
	KindAbsolute Kind = "absolute"
	// KindLabel is a global label for the whole self: "I'm useless", "what an idiot",
	// "I'm not good enough".
	KindLabel Kind = "label"
	// KindShould is a harsh should or must: "I should have known", "I must not fail".
	KindShould Kind = "should"
	// KindMindReading is assuming what others think of you: "they think I'm stupid",
	// "everyone can see I'm a fraud".
	KindMindReading Kind = "mind-reading"
	// KindCatastrophising is expecting or declaring the worst: "it'll be a disaster",
	// "I'll never recover", "I've ruined everything".
	KindCatastrophising Kind = "catastrophising"
	// KindComparison is a comparison that puts the writer down: "everyone else manages",
	// "I'm not as good as her".
	KindComparison Kind = "comparison"
)

// Kinds returns every kind, in the order the app presents them.
func Kinds() []Kind {
	return []Kind{KindAbsolute, KindLabel, KindShould, KindMindReading, KindCatastrophising, KindComparison}
}

// ErrUnknownLanguage is returned by New for a language that has no pattern file.
var ErrUnknownLanguage = errors.New("critic: no patterns for this language")

// ErrBadPatterns means a pattern file could not be read; the error names the file and
// the problem. It only happens if a bundled file is broken, and tests catch that.
var ErrBadPatterns = errors.New("critic: pattern file is not valid")

// Mark is one phrase Find noticed. Start and End are byte offsets into the text given to
// Find (text[Start:End] is the phrase, never empty, always valid UTF-8); both fall on
// rune boundaries. To place a mark in a widget that counts runes, convert with
// utf8.RuneCountInString(text[:Start]).
type Mark struct {
	Start, End int
	Kind       Kind
}

// Spotter finds critic phrases in one language. Build it with New; it never changes
// afterwards, so one Spotter may be shared by many goroutines.
type Spotter struct {
	lang      string
	name      string
	patterns  []pattern        // in file order; earlier wins a tie
	vocab     vocab            // word -> ID, for every word of every pattern and cue
	byPair    map[uint64][]int // pairKey of the first two words -> indices into patterns
	bySingle  map[int32][]int  // word ID -> patterns that can match that one word alone
	cues      cues
	questions map[Kind][]string
	titles    map[Kind]string
}

// New returns the Spotter for lang, a language code such as "en" (see Languages). It
// returns an error wrapping ErrUnknownLanguage if there is no file for lang.
func New(lang string) (*Spotter, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("%w: %q", ErrUnknownLanguage, lang)
	}
	src, err := patternFiles.ReadFile("patterns/" + lang + ".toml")
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %w", ErrUnknownLanguage, lang, err)
	}
	return parse(lang, src)
}

// Language is the language code this Spotter was built for.
func (s *Spotter) Language() string { return s.lang }

// Name is the language's own name for itself, such as "English", for a settings list.
func (s *Spotter) Name() string { return s.name }

// Questions returns the compassionate questions offered for phrases of kind k, in the
// order the language file lists them (a fresh slice the caller may keep). It returns nil
// for a kind this language does not know.
func (s *Spotter) Questions(k Kind) []string {
	return slices.Clone(s.questions[k])
}

// Title returns a short, friendly name for kind k in this language, such as
// "all-or-nothing words", for the app to show beside a mark. It returns string(k) if the
// file gives no title.
func (s *Spotter) Title(k Kind) string {
	if t, ok := s.titles[k]; ok {
		return t
	}
	return string(k)
}
