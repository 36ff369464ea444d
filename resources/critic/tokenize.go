package critic

import (
	"unicode"
	"unicode/utf8"
)

// gap says what separates a word from the word before it.
type gap uint8

const (
	// gapSoft is only spaces, quotes or emphasis marks: a phrase may run across it.
	gapSoft gap = iota
	// gapClause is a comma, colon, dash, bracket or other symbol: phrases stop here,
	// but reported speech ("she said, …") still reaches across.
	gapClause
	// gapSentence is the end of a sentence or line (. ! ? ; … or a line break), and
	// the start of the text.
	gapSentence
)

// token is one word of the text.
type token struct {
	start, end int   // byte offsets of the word in the original text
	id         int32 // the word's ID in the vocab, or noWord
	gap        gap   // what lies between the previous word and this one
}

// tokenize splits text into words and looks each up in v (lowercased, apostrophes
// written as '). A word is a run of letters, digits and combining marks; an apostrophe
// or hyphen between letters stays inside it ("don't", "I’m", "good-for-nothing").
// Invalid UTF-8 counts as a symbol between words.
func tokenize(text string, v vocab) []token {
	toks := make([]token, 0, len(text)/5+1)
	var buf [64]byte
	g := gapSentence
	for i := 0; i < len(text); {
		r, size := decodeRune(text, i)
		if !isWordRune(r) {
			g = max(g, gapOf(r, size))
			i += size
			continue
		}
		start := i
		norm := buf[:0]
		for i < len(text) {
			r, size = decodeRune(text, i)
			switch {
			case isWordRune(r):
				norm = utf8.AppendRune(norm, toLower(r))
				i += size
				continue
			case isApostrophe(r) || isHyphen(r):
				// Keep it only between two word characters.
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(next) {
					if isApostrophe(r) {
						norm = append(norm, '\'')
					} else {
						norm = append(norm, '-')
					}
					i += size
					continue
				}
			}
			break
		}
		id, ok := v[string(norm)] // no allocation: the compiler looks up the bytes
		if !ok {
			id = noWord
		}
		toks = append(toks, token{start: start, end: i, id: id, gap: g})
		g = gapSoft
	}
	return toks
}

// decodeRune decodes the rune at text[i], quickly for ASCII.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// isApostrophe reports whether r is written as an apostrophe: ' ’ ‘ ʼ or ′.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '′'
}

// isHyphen reports whether r joins the parts of a compound word.
func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// toLower lowercases r, quickly for ASCII.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// gapOf classifies a character that lies between words.
func gapOf(r rune, size int) gap {
	if r == utf8.RuneError && size == 1 {
		return gapClause
	}
	switch r {
	case '.', '!', '?', ';', '…', '\n', '\r', '\u2028', '\u2029', '。', '！', '？':
		return gapSentence
	case '"', '“', '”', '„', '«', '»', '‹', '›', '*', '_', '`':
		return gapSoft
	}
	if isApostrophe(r) || unicode.IsSpace(r) {
		return gapSoft
	}
	return gapClause
}
