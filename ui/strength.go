package ui

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Strength is a rough, honest rating of a passphrase.
type Strength int

// Strength levels, weakest first.
const (
	StrengthTooShort Strength = iota // fewer than 8 characters: not accepted
	StrengthWeak                     // accepted, with a kind warning
	StrengthFair
	StrengthGood
	StrengthStrong
)

// EstimateStrength rates p from its length and the variety of its characters only:
// it knows nothing about dictionaries, so it is an upper bound and says so in the UI.
// It returns the level and the estimated bits of guessing work.
func EstimateStrength(p string) (Strength, float64) {
	n := utf8.RuneCountInString(p)
	if n < minPassphraseRune {
		return StrengthTooShort, 0
	}
	var lower, upper, digit, other, nonASCII bool
	distinct := map[rune]bool{}
	for _, r := range p {
		distinct[r] = true
		switch {
		case r > unicode.MaxASCII:
			nonASCII = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	pool := 0
	for _, c := range []struct {
		has  bool
		size int
	}{{lower, 26}, {upper, 26}, {digit, 10}, {other, 33}, {nonASCII, 100}} {
		if c.has {
			pool += c.size
		}
	}
	// Repeats add little: count at most two characters per distinct one.
	effective := min(n, 2*len(distinct))
	bits := float64(effective) * math.Log2(float64(pool))
	switch {
	case bits < 45:
		return StrengthWeak, bits
	case bits < 60:
		return StrengthFair, bits
	case bits < 80:
		return StrengthGood, bits
	}
	return StrengthStrong, bits
}
