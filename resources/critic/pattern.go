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

// maxElems is the most elements a pattern may have.
const maxElems = 15

// element is one step of a pattern.
type element struct {
	alts     *trie // the alternatives, word by word
	optional bool
	negative bool // a negative look-ahead: matches only if no alternative does
}

// trie holds word sequences by word ID: a path from the root to a node with end set
// spells one alternative. Small nodes keep their children in slices (a short scan is
// faster than a map); large ones, such as the root of a long list, in a map.
type trie struct {
	keys []int32
	kids []*trie
	big  map[int32]*trie // used instead of keys/kids above smallTrie children
	end  bool
}

// smallTrie is the most children a node keeps in slices.
const smallTrie = 8

// child returns the node after word id, or nil.
func (t *trie) child(id int32) *trie {
	if t.big != nil {
		return t.big[id]
	}
	for i, k := range t.keys {
		if k == id {
			return t.kids[i]
		}
	}
	return nil
}

// children yields every (word ID, node) below t.
func (t *trie) children() iter.Seq2[int32, *trie] {
	return func(yield func(int32, *trie) bool) {
		if t.big != nil {
			for k, n := range t.big {
				if !yield(k, n) {
					return
				}
			}
			return
		}
		for i, k := range t.keys {
			if !yield(k, t.kids[i]) {
				return
			}
		}
	}
}

// add puts the word sequence ids into t.
func (t *trie) add(ids []int32) {
	for _, id := range ids {
		n := t.child(id)
		if n == nil {
			n = &trie{}
			switch {
			case t.big != nil:
				t.big[id] = n
			case len(t.keys) < smallTrie:
				t.keys, t.kids = append(t.keys, id), append(t.kids, n)
			default:
				t.big = make(map[int32]*trie, 2*smallTrie)
				for i, k := range t.keys {
					t.big[k] = t.kids[i]
				}
				t.keys, t.kids = nil, nil
				t.big[id] = n
			}
		}
		t = n
	}
	t.end = true
}

// vocab gives every word the patterns and cues use a small integer ID, so matching
// compares integers. Words of the text that no pattern uses get noWord.
type vocab map[string]int32

// noWord is the ID of a word that appears in no pattern or cue.
const noWord int32 = -1

// intern returns the ID of w, giving it a new one if needed.
func (v vocab) intern(w string) int32 {
	id, ok := v[w]
	if !ok {
		id = int32(len(v))
		v[w] = id
	}
	return id
}

// ids interns every word of words.
func (v vocab) ids(words []string) []int32 {
	out := make([]int32, len(words))
	for i, w := range words {
		out[i] = v.intern(w)
	}
	return out
}

// compilePattern parses src (see pattern) for kind k, with lists for @references and v
// to number the words.
func compilePattern(src string, k Kind, lists map[string][][]string, v vocab) (pattern, error) {
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
		e.alts = &trie{}
		for _, a := range alts {
			e.alts.add(v.ids(a))
		}
		p.elems = append(p.elems, e)
	}
	if open >= 0 {
		return p, errors.New("[ without ]")
	}
	if len(p.elems) > maxElems {
		return p, fmt.Errorf("more than %d elements; split it into two patterns", maxElems)
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

// firstWords yields the ID of every word a match of p can start with.
func (p pattern) firstWords() iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for _, e := range p.elems {
			if e.negative {
				continue
			}
			for w := range e.alts.children() {
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

// firstFrom yields the IDs of the words a match can continue with at element ei, and
// reports whether the pattern can also end there (all the rest is optional).
func (p pattern) firstFrom(ei int, yield func(int32)) bool {
	for _, e := range p.elems[ei:] {
		if e.negative {
			continue
		}
		for w := range e.alts.children() {
			yield(w)
		}
		if !e.optional {
			return false
		}
	}
	return true
}

// pairs yields every pair of first two words a match of p can start with, and reports
// whether a match can also be a single word.
func (p pattern) pairs(yield func(w1, w2 int32)) (single bool) {
	for k, e := range p.elems {
		if e.negative {
			continue
		}
		for w1, n := range e.alts.children() {
			for w2 := range n.children() {
				yield(w1, w2)
			}
			if n.end && p.firstFrom(k+1, func(w2 int32) { yield(w1, w2) }) {
				single = true
			}
		}
		if !e.optional {
			break
		}
	}
	return single
}

// match is one way a pattern matched, in token indices.
type match struct {
	end              int // one past the last word of the whole match
	focusLo, focusHi int // the words to mark
}

// longest returns the longest match of p starting at word i, if any. Among equally long
// matches it keeps the first found.
//
// Each (element, word) state is explored once: optional elements can reach the same
// state by several paths, and the first path's marked part is kept.
func (p pattern) longest(toks []token, i int) (match, bool) {
	var best match
	found := false
	var seen [maxElems + 1]uint64 // seen[ei] bit k: state (ei, i+k) explored
	var walk func(ei, ti, flo, fhi int)
	walk = func(ei, ti, flo, fhi int) {
		if k := ti - i; k < 64 {
			if seen[ei]&(1<<k) != 0 {
				return
			}
			seen[ei] |= 1 << k
		}
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
		if ti > i && ti < len(toks) && toks[ti].gap != gapSoft {
			return
		}
		node := e.alts
		for j := ti; j < len(toks) && (j == ti || toks[j].gap == gapSoft); j++ {
			if node = node.child(toks[j].id); node == nil {
				break
			}
			if node.end {
				walk(ei+1, j+1, flo, fhi)
			}
		}
	}
	walk(0, i, i, i)
	return best, found
}

// startsAt reports whether any alternative of e matches the words at ti.
func (e element) startsAt(toks []token, ti int) bool {
	node := e.alts
	for j := ti; j < len(toks) && (j == ti || toks[j].gap == gapSoft); j++ {
		if node = node.child(toks[j].id); node == nil {
			return false
		}
		if node.end {
			return true
		}
	}
	return false
}

// wordsAt reports whether the words with these ids are at toks[ti:], joined by soft gaps.
func wordsAt(toks []token, ti int, ids []int32) bool {
	if ti < 0 || ti+len(ids) > len(toks) {
		return false
	}
	for j, id := range ids {
		t := toks[ti+j]
		if t.id != id || (j > 0 && t.gap != gapSoft) {
			return false
		}
	}
	return true
}
