package critic

import (
	"errors"
	"fmt"
	"iter"
	"strings"
)

// A pattern is a sequence of elements matched against consecutive words. Its source
// form, as written in a language file:
//
//	word          that word (lowercase; any apostrophe is written ')
//	@list         any entry of the named list (an entry may be several words)
//	(a b|c|@list) any one of the alternatives, each a few words or a list
//	X?            element X is optional
//	!(a|b) or !a  the next word must not start any of these (consumes nothing)
//	[ … ]         the part to mark; without brackets the whole match is marked
//
// The words of a match must follow each other with only spaces or quotes between them.
type pattern struct {
	kind     Kind
	elems    []element
	focusLo  int // element index where the marked part starts
	focusHi  int // element index where the marked part ends (exclusive)
	hasFocus bool
}

// element is one step of a pattern.
type element struct {
	alts     map[string][][]string // first word -> alternatives starting with it
	optional bool
	negative bool // a negative look-ahead: matches only if no alternative does
}

// compilePattern parses src (see pattern) for kind k, with lists for @references.
func compilePattern(src string, k Kind, lists map[string][][]string) (pattern, error) {
	p := pattern{kind: k}
	rest := strings.TrimSpace(src)
	open := -1
	for rest != "" {
		switch {
		case rest[0] == ' ':
			rest = rest[1:]
			continue
		case rest[0] == '[':
			if p.hasFocus || open >= 0 {
				return p, errors.New("only one [ ] part may be marked")
			}
			open = len(p.elems)
			rest = rest[1:]
			continue
		case rest[0] == ']':
			if open < 0 {
				return p, errors.New("] without [")
			}
			p.focusLo, p.focusHi, p.hasFocus = open, len(p.elems), true
			open = -1
			rest = rest[1:]
			continue
		}
		var e element
		if rest[0] == '!' {
			e.negative = true
			rest = rest[1:]
		}
		var body string
		if strings.HasPrefix(rest, "(") {
			end := strings.IndexByte(rest, ')')
			if end < 0 {
				return p, errors.New("( without )")
			}
			body, rest = rest[1:end], rest[end+1:]
		} else {
			end := strings.IndexAny(rest, " []?")
			if end < 0 {
				end = len(rest)
			}
			body, rest = rest[:end], rest[end:]
		}
		if strings.HasPrefix(rest, "?") {
			if e.negative {
				return p, errors.New("a !look-ahead cannot be optional")
			}
			e.optional = true
			rest = rest[1:]
		}
		alts, err := alternatives(body, lists)
		if err != nil {
			return p, err
		}
		e.alts = make(map[string][][]string)
		for _, a := range alts {
			e.alts[a[0]] = append(e.alts[a[0]], a)
		}
		p.elems = append(p.elems, e)
	}
	if open >= 0 {
		return p, errors.New("[ without ]")
	}
	if !p.hasFocus {
		p.focusLo, p.focusHi = 0, len(p.elems)
	}
	if p.focusLo == p.focusHi {
		return p, errors.New("the marked part is empty")
	}
	required := false
	for _, e := range p.elems[p.focusLo:p.focusHi] {
		required = required || (!e.optional && !e.negative)
	}
	if !required {
		return p, errors.New("the marked part could match no words at all")
	}
	if len(p.elems) == 0 || p.elems[0].negative {
		return p, errors.New("a pattern must start with words, not a !look-ahead")
	}
	return p, nil
}

// alternatives expands the body of an element ("a b|c|@list") into word sequences.
func alternatives(body string, lists map[string][][]string) ([][]string, error) {
	var out [][]string
	for alt := range strings.SplitSeq(body, "|") {
		alt = strings.TrimSpace(alt)
		if name, ok := strings.CutPrefix(alt, "@"); ok {
			l, ok := lists[name]
			if !ok {
				return nil, fmt.Errorf("no list called %q", name)
			}
			out = append(out, l...)
			continue
		}
		words := strings.Fields(normalise(alt))
		if len(words) == 0 {
			return nil, errors.New("an empty alternative")
		}
		for _, w := range words {
			if strings.ContainsAny(w, "()[]?!@|") {
				return nil, fmt.Errorf("%q: groups cannot be nested", w)
			}
			if strings.HasPrefix(w, "'") || strings.HasSuffix(w, "'") {
				return nil, fmt.Errorf("%q: an apostrophe belongs inside a word (write \"i've\", not \"i 've\")", w)
			}
		}
		out = append(out, words)
	}
	return out, nil
}

// firstWords yields every word a match of p can start with.
func (p pattern) firstWords() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, e := range p.elems {
			if e.negative {
				continue
			}
			for w := range e.alts {
				if !yield(w) {
					return
				}
			}
			if !e.optional {
				return
			}
		}
	}
}

// match is one way a pattern matched, in token indices.
type match struct {
	end              int // one past the last word of the whole match
	focusLo, focusHi int // the words to mark
}

// longest returns the longest match of p starting at word i, if any. Among equally long
// matches it keeps the first found.
func (p pattern) longest(toks []token, i int) (match, bool) {
	var best match
	found := false
	var walk func(ei, ti, flo, fhi int)
	walk = func(ei, ti, flo, fhi int) {
		if ei == p.focusLo {
			flo = ti
		}
		if ei == p.focusHi {
			fhi = ti
		}
		if ei == len(p.elems) {
			if ti > i && fhi > flo && (!found || ti > best.end) {
				best, found = match{end: ti, focusLo: flo, focusHi: fhi}, true
			}
			return
		}
		e := p.elems[ei]
		if e.negative {
			if ti < len(toks) && toks[ti].gap == gapSoft && e.startsAt(toks, ti) {
				return
			}
			walk(ei+1, ti, flo, fhi)
			return
		}
		if e.optional {
			walk(ei+1, ti, flo, fhi)
		}
		if ti >= len(toks) || (ti > i && toks[ti].gap != gapSoft) {
			return
		}
		for _, alt := range e.alts[toks[ti].norm] {
			if n := len(alt); wordsAt(toks, ti, alt) {
				walk(ei+1, ti+n, flo, fhi)
			}
		}
	}
	walk(0, i, i, i)
	return best, found
}

// startsAt reports whether any alternative of e matches the words at ti.
func (e element) startsAt(toks []token, ti int) bool {
	for _, alt := range e.alts[toks[ti].norm] {
		if wordsAt(toks, ti, alt) {
			return true
		}
	}
	return false
}

// wordsAt reports whether words are the words at toks[ti:], joined by soft gaps.
func wordsAt(toks []token, ti int, words []string) bool {
	if ti+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		t := toks[ti+j]
		if t.norm != w || (j > 0 && t.gap != gapSoft) {
			return false
		}
	}
	return true
}
