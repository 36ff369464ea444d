package critic

// Find returns the critic phrases in text, in order, never overlapping. Each Mark's
// Start and End are byte offsets into text on rune boundaries. Text need not be valid
// UTF-8 (invalid bytes count as punctuation). Find returns nil if it finds nothing.
//
// At each word Find takes the longest phrase that starts there (the earlier pattern in
// the language file wins a tie), unless a cue shows it is not the writer's own critic,
// then carries on after the marked part.
func (s *Spotter) Find(text string) []Mark {
	toks := tokenize(text, s.vocab)
	var marks []Mark
	for i := 0; i < len(toks); {
		if toks[i].id == noWord {
			i++
			continue
		}
		var best match
		bestIdx := -1
		try := func(pi int) {
			m, ok := s.patterns[pi].longest(toks, i)
			if ok && (bestIdx < 0 || m.end > best.end || (m.end == best.end && pi < bestIdx)) {
				best, bestIdx = m, pi
			}
		}
		if i+1 < len(toks) && toks[i+1].gap == gapSoft && toks[i+1].id != noWord {
			for _, pi := range s.byPair[pairKey(toks[i].id, toks[i+1].id)] {
				try(pi)
			}
		}
		for _, pi := range s.bySingle[toks[i].id] {
			try(pi)
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
// ("I don't think I'm useless") or someone else's words ("she said I'm useless"), or
// whether its sentence speaks of dying or self-harm.
func (c *cues) cancel(toks []token, lo, hi int) bool {
	// A negation ends right before the phrase, or one gap word before it, with only
	// spaces or quotes between.
	for skip := 0; skip <= 1 && lo-skip-1 >= 0; skip++ {
		end := lo - skip // one past the cue's last word
		if toks[end].gap != gapSoft || (skip == 1 && (!c.gapWords[toks[lo-1].id] || toks[lo].gap != gapSoft)) {
			break
		}
		for _, cue := range c.negation[toks[end-1].id] {
			if wordsAt(toks, end-len(cue), cue) {
				return true
			}
		}
	}
	// Reported speech: within reportedWindow words, in the same sentence.
	for skip := 0; skip <= c.reportedWindow && lo-skip-1 >= 0; skip++ {
		end := lo - skip
		if toks[end].gap == gapSentence {
			break
		}
		for _, cue := range c.reportedBefore[toks[end-1].id] {
			if wordsAt(toks, end-len(cue), cue) {
				return true
			}
		}
	}
	for skip := 0; skip <= c.reportedWindow && hi+skip < len(toks); skip++ {
		start := hi + skip
		if toks[start].gap == gapSentence {
			break
		}
		for _, cue := range c.reportedAfter[toks[start].id] {
			if wordsAt(toks, start, cue) {
				return true
			}
		}
	}
	return c.inCareSentence(toks, lo, hi)
}

// inCareSentence reports whether the sentence holding toks[lo:hi] contains a care
// phrase (words about dying or self-harm).
func (c *cues) inCareSentence(toks []token, lo, hi int) bool {
	if len(c.care) == 0 {
		return false
	}
	first := lo
	for first > 0 && toks[first].gap != gapSentence {
		first--
	}
	for i := first; i < len(toks) && (i < hi || toks[i].gap != gapSentence); i++ {
		for _, cue := range c.care[toks[i].id] {
			if wordsAt(toks, i, cue) {
				return true
			}
		}
	}
	return false
}

// pairKey packs two word IDs into one map key.
func pairKey(w1, w2 int32) uint64 {
	return uint64(uint32(w1))<<32 | uint64(uint32(w2))
}
