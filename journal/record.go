package journal

import (
	"time"
)

// Kind names a type of record. Any string of 1 to 40 characters from
// [a-z0-9-] is a valid kind, so new kinds need no code change here.
type Kind string

// Known kinds of record.
const (
	KindEntry           Kind = "entry"
	KindPracticeSession Kind = "practice-session"
	KindThoughtRecord   Kind = "thought-record"
	KindLetter          Kind = "compassionate-letter"
	KindMultipleSelves  Kind = "multiple-selves"
	KindCriticAnalysis  Kind = "critic-analysis"
	KindCheckIn         Kind = "three-circles"
	KindFearsBlocks     Kind = "fears-blocks"
)

// Valid reports whether k is a well-formed kind: 1 to 40 characters from [a-z0-9-].
func (k Kind) Valid() bool {
	if len(k) == 0 || len(k) > 40 {
		return false
	}
	for _, c := range []byte(k) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Record is one journal entry, exercise sheet or practice session.
// Everything in it is stored only inside sealed (encrypted) values.
type Record struct {
	ID      string            // time-sortable, assigned by Create
	Kind    Kind              // what sort of record this is
	Title   string            // optional title
	Body    string            // free text
	Tags    []string          // user tags
	Created time.Time         // set by Create
	Updated time.Time         // set by Create and Update
	Ratings map[string]int    // optional named ratings, e.g. "distress_before": 6
	Fields  map[string]string // structured answers (exercise field id -> text)
	Meta    map[string]string // e.g. "prompt_id", "practice_id", "exercise_id", "seconds", "draft"
}

// Query selects records for List and Search.
type Query struct {
	Kinds    []Kind    // empty = all kinds
	Tags     []string  // record must have all of these (case-insensitive)
	From, To time.Time // zero = unbounded; filters on Created (From inclusive, To exclusive)
	Limit    int       // 0 = no limit
}

// TagCount is a tag and how many current records carry it.
type TagCount struct {
	Tag   string
	Count int
}

// RestoreStats says what Restore did.
type RestoreStats struct {
	Added     int // records that were not in the vault
	Replaced  int // records where the backup had the newer edit
	Kept      int // records where the vault already had the same or a newer edit
	Revisions int // earlier versions added to revision history
}

// ImportStats says what ImportJSON did.
type ImportStats struct {
	Added     int // records that were not in the vault
	Replaced  int // records where the import had the newer edit
	Kept      int // records where the vault already had the same or a newer edit
	Revisions int // earlier versions added to revision history
}
