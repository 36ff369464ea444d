package practice

import (
	"fmt"
	"strconv"
	"time"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// MinRecordedSeconds is how long a practice must have played before ending it early
// still saves a session record. Shorter tries are not recorded.
const MinRecordedSeconds = 30

// SupportThreshold is the rating (0–10, how unsettled) from which the screen gently
// offers the support screen.
const SupportThreshold = 8

// fallbackPrompt is the reflection offered after a practice that no programme day or
// lesson pairs with a prompt.
const fallbackPrompt = "after-practice-noticed"

// noRating marks a rating that was not given.
const noRating = -1

// session is what the player knows about one session while it runs, enough to save
// its record.
type session struct {
	practice  *resources.Practice
	minutes   int           // the chosen length
	played    time.Duration // time actually played, seeks excluded
	completed bool
	before    int // 0..10, or noRating
	after     int // 0..10, or noRating
}

// Record is the practice-session record for s, by the conventions in the package doc.
func (s *session) Record() journal.Record {
	p := s.practice
	r := journal.Record{
		Kind:  journal.KindPracticeSession,
		Title: p.Title,
		Meta: map[string]string{
			"practice_id":    p.ID,
			"practice_title": p.Title,
			"seconds":        strconv.Itoa(int(s.played / time.Second)),
			"completed":      strconv.FormatBool(s.completed),
			"length_minutes": strconv.Itoa(s.minutes),
		},
	}
	if p.PackID != "" && p.PackID != resources.BuiltinID {
		r.Meta["pack_id"] = p.PackID
	}
	ratings := map[string]int{}
	if s.before != noRating {
		ratings["before"] = s.before
	}
	if s.after != noRating {
		ratings["after"] = s.after
	}
	if len(ratings) > 0 {
		r.Ratings = ratings
	}
	return r
}

// worthSaving reports whether the session played long enough to be recorded.
func (s *session) worthSaving() bool {
	return s.completed || s.played >= MinRecordedSeconds*time.Second
}

// PromptFor returns the ID of the reflection prompt to offer after the practice with
// that ID: the prompt a programme day pairs with it, else the prompt of a lesson
// that goes with it, else the general after-practice prompt. It returns "" when the
// library has none of these.
func PromptFor(lib *resources.Library, practiceID string) string {
	for _, pr := range lib.Programmes {
		for _, d := range pr.Days {
			if d.Practice == practiceID && d.Prompt != "" && lib.Prompt(d.Prompt) != nil {
				return d.Prompt
			}
		}
	}
	for _, l := range lib.Lessons {
		if l.Practice == practiceID && l.Prompt != "" && lib.Prompt(l.Prompt) != nil {
			return l.Prompt
		}
	}
	if lib.Prompt(fallbackPrompt) != nil {
		return fallbackPrompt
	}
	return ""
}

// clock formats a duration as m:ss (or h:mm:ss), rounding down to whole seconds.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
