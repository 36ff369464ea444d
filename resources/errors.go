package resources

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Test for them with errors.Is.
var (
	// ErrInvalidPack means the content has problems; the error is a *ValidationError
	// that lists every one of them.
	ErrInvalidPack = errors.New("resources: invalid pack")
	// ErrNotFound means no practice, pack or clip has that ID or number.
	ErrNotFound = errors.New("resources: not found")
	// ErrNoClip means a practice step has no voice clip (or the practice no recording).
	ErrNoClip = errors.New("resources: no recording")
	// ErrUnsafePack means a pack file tried something outside input must never do: a
	// path outside the pack, a symlink, or too much data. The message says which.
	ErrUnsafePack = errors.New("resources: unsafe pack")
	// ErrTooOld means a pack needs a newer Hearth than this one.
	ErrTooOld = errors.New("resources: pack needs a newer Hearth")
	// ErrBuiltinBroken means Hearth's own bundled content failed to load (a bug in a
	// release, caught by the tests); no pack can be checked against it.
	ErrBuiltinBroken = errors.New("resources: the built-in content has problems")
)

// Problem is one thing wrong with a pack's content.
type Problem struct {
	File string // path inside the pack, e.g. "practices/safe-place.toml"; "" if none
	Line int    // 1-based line, 0 if unknown
	Msg  string
}

// String formats the problem as "file:line: message" (parts that are unknown are left out).
func (p Problem) String() string {
	switch {
	case p.File == "":
		return p.Msg
	case p.Line <= 0:
		return p.File + ": " + p.Msg
	default:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
}

// ValidationError lists every problem found in a pack. errors.Is(err, ErrInvalidPack)
// is true for it.
type ValidationError struct {
	Problems []Problem
}

// Error reports the first few problems in one message.
func (e *ValidationError) Error() string {
	const show = 3
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem", len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteString("s")
	}
	b.WriteString(" in the pack: ")
	for i, p := range e.Problems {
		if i == show {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-show)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Is makes errors.Is(err, ErrInvalidPack) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidPack }
