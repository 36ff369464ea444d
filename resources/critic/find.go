package critic

// Find returns the critic phrases in text, in order, never overlapping. Each Mark's
// Start and End are byte offsets into text on rune boundaries. Text need not be valid
// UTF-8 (invalid bytes count as punctuation). Find returns nil if it finds nothing.
//
// At each word Find takes the longest phrase that starts there (the earlier pattern in
// the language file wins a tie), unless a cue shows it is not the writer's own critic,
// then carries on after the marked part.
func (s *Spotter) Find(text string) []Mark {
	toks := tokenize(text)
	var marks []Mark
	for i := 0; i < len(toks); {
		var best match
		bestIdx := -1
		for _, pi := range s.byFirst[toks[i].norm] {
			if m, ok := s.patterns[pi].longest(toks, i); ok && (bestIdx < 0 || m.end > best.end) {
				best, bestIdx = m, pi
			}
		}
		if bestIdx < 0 || s.cues.cancel(toks, i, best.end) {
			i++
			continue
		}
		marks = append(marks, Mark{
			Start: toks[best.focusLo].start,
			End:   toks[best.focusHi-1].end,
			Kind:  s.patterns[bestIdx].kind,
		})
		i = best.focusHi
	}
	return marks
}

// cancel reports whether the words around toks[lo:hi] show that the phrase is negated
// ("I don't think I'm useless") or someone else's words ("she said I'm useless").
func (c *cues) cancel(toks []token, lo, hi int) bool {
	// A negation ends right before the phrase, or one gap word before it.
	for _, cue := range c.negation {
		for skip := 0; skip <= 1; skip++ {
			end := lo - skip // one past the cue's last word
			if end-len(cue) < 0 {
				break
			}
			if skip == 1 && (!c.gapWords[toks[lo-1].norm] || toks[lo].gap != gapSoft) {
				break
			}
			if toks[end].gap == gapSoft && wordsAt(toks, end-len(cue), cue) {
				return true
			}
		}
	}
	// Reported speech: within reportedWindow words, in the same sentence.
	for _, cue := range c.reportedBefore {
		for skip := 0; skip <= c.reportedWindow; skip++ {
			end := lo - skip
			if end-len(cue) < 0 || toks[end].gap == gapSentence {
				break
			}
			if wordsAt(toks, end-len(cue), cue) {
				return true
			}
		}
	}
	for _, cue := range c.reportedAfter {
		for skip := 0; skip <= c.reportedWindow; skip++ {
			start := hi + skip
			if start >= len(toks) || toks[start].gap == gapSentence {
				break
			}
			if wordsAt(toks, start, cue) {
				return true
			}
		}
	}
	return false
}
