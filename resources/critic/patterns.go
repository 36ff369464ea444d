package critic

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// patternFiles holds one TOML file per language: patterns/<code>.toml.
//
//go:embed patterns/*.toml
var patternFiles embed.FS

// Languages returns the codes of the languages that have a pattern file, sorted.
func Languages() []string {
	entries, err := fs.ReadDir(patternFiles, "patterns")
	if err != nil {
		return nil
	}
	var langs []string
	for _, e := range entries {
		if code, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			langs = append(langs, code)
		}
	}
	slices.Sort(langs)
	return langs
}

// file is the shape of a language's TOML file. The file's header comment documents each
// field for people who write one.
type file struct {
	Language string              `toml:"language"`
	Name     string              `toml:"name"`
	Cues     fileCues            `toml:"cues"`
	Lists    map[string][]string `toml:"lists"`
	Kinds    []fileKind          `toml:"kind"`
}

type fileCues struct {
	Negation       []string `toml:"negation"`
	GapWords       []string `toml:"gap_words"`
	ReportedBefore []string `toml:"reported_before"`
	ReportedAfter  []string `toml:"reported_after"`
	ReportedWindow int      `toml:"reported_window"`
	Care           []string `toml:"care"`
}

type fileKind struct {
	Kind      string   `toml:"kind"`
	Title     string   `toml:"title"`
	Questions []string `toml:"questions"`
	Patterns  []string `toml:"patterns"`
}

// cues are the phrases around a match that show it is not the writer's own critic: a
// negation just before it ("I don't think I'm useless") or reported speech nearby
// ("she said I was useless"); or that the sentence speaks of dying or self-harm, where
// a reframing question would be the wrong response.
//
// Phrases are word-ID sequences, indexed by the word that touches the match: the last
// word of a phrase that comes before it, the first of one that comes after.
type cues struct {
	negation       map[int32][][]int32 // by last word
	gapWords       map[int32]bool
	reportedBefore map[int32][][]int32 // by last word
	reportedAfter  map[int32][][]int32 // by first word
	reportedWindow int
	care           map[int32][][]int32 // by first word
}

// parse reads a language file and compiles its patterns.
func parse(lang string, src []byte) (*Spotter, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: patterns/%s.toml: %s", ErrBadPatterns, lang, fmt.Sprintf(format, a...))
	}
	var f file
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&f)
	if err != nil {
		return nil, bad("%v", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, bad("unknown key %q", und[0].String())
	}
	if f.Language != lang {
		return nil, bad("language = %q, want %q", f.Language, lang)
	}
	s := &Spotter{
		lang:      lang,
		name:      f.Name,
		vocab:     make(vocab),
		questions: make(map[Kind][]string),
		titles:    make(map[Kind]string),
	}

	lists := make(map[string][][]string, len(f.Lists))
	for name, entries := range f.Lists {
		for _, e := range entries {
			words := strings.Fields(normalise(e))
			if len(words) == 0 {
				return nil, bad("list %q has an empty entry", name)
			}
			lists[name] = append(lists[name], words)
		}
	}

	if s.cues, err = compileCues(f.Cues, s.vocab); err != nil {
		return nil, bad("%v", err)
	}

	for _, fk := range f.Kinds {
		k := Kind(fk.Kind)
		if !slices.Contains(Kinds(), k) {
			return nil, bad("unknown kind %q", fk.Kind)
		}
		if _, dup := s.questions[k]; dup {
			return nil, bad("kind %q appears twice", fk.Kind)
		}
		if len(fk.Questions) == 0 {
			return nil, bad("kind %q has no questions", fk.Kind)
		}
		s.questions[k] = fk.Questions
		if fk.Title != "" {
			s.titles[k] = fk.Title
		}
		for _, src := range fk.Patterns {
			p, err := compilePattern(src, k, lists, s.vocab)
			if err != nil {
				return nil, bad("kind %q: pattern %q: %v", fk.Kind, src, err)
			}
			s.patterns = append(s.patterns, p)
		}
	}
	s.byPair = make(map[uint64][]int)
	s.bySingle = make(map[int32][]int)
	for idx, p := range s.patterns {
		add := func(m map[uint64][]int, k uint64) {
			if l := m[k]; len(l) == 0 || l[len(l)-1] != idx {
				m[k] = append(l, idx)
			}
		}
		single := p.pairs(func(w1, w2 int32) { add(s.byPair, pairKey(w1, w2)) })
		if single {
			for w := range p.firstWords() {
				if l := s.bySingle[w]; len(l) == 0 || l[len(l)-1] != idx {
					s.bySingle[w] = append(l, idx)
				}
			}
		}
	}
	return s, nil
}

// compileCues turns the cue phrases into word-ID sequences.
func compileCues(fc fileCues, v vocab) (cues, error) {
	c := cues{gapWords: make(map[int32]bool), reportedWindow: fc.ReportedWindow}
	if c.reportedWindow < 0 || c.reportedWindow > 8 {
		return c, fmt.Errorf("reported_window must be between 0 and 8")
	}
	seqs := func(what string, in []string) (map[int32][][]int32, error) {
		out := make(map[int32][][]int32)
		for _, s := range in {
			w := strings.Fields(normalise(s))
			if len(w) == 0 {
				return nil, fmt.Errorf("cues.%s has an empty phrase", what)
			}
			ids := v.ids(w)
			key := ids[len(ids)-1]
			if what == "reported_after" || what == "care" {
				key = ids[0]
			}
			out[key] = append(out[key], ids)
		}
		return out, nil
	}
	var err error
	if c.negation, err = seqs("negation", fc.Negation); err != nil {
		return c, err
	}
	if c.reportedBefore, err = seqs("reported_before", fc.ReportedBefore); err != nil {
		return c, err
	}
	if c.reportedAfter, err = seqs("reported_after", fc.ReportedAfter); err != nil {
		return c, err
	}
	if c.care, err = seqs("care", fc.Care); err != nil {
		return c, err
	}
	for _, w := range fc.GapWords {
		c.gapWords[v.intern(normalise(w))] = true
	}
	return c, nil
}

// normalise lowercases s and writes every apostrophe as ', the way the tokenizer
// writes words, so file authors may use any of them.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return toLower(r)
	}, s)
}
