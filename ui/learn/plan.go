package learn

import (
	"strconv"
	"time"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// Record meta keys written by the other screens (see the record conventions in the
// package doc).
const (
	metaPracticeID = "practice_id"
	metaPromptID   = "prompt_id"
	metaExerciseID = "exercise_id"
	metaDraft      = "draft"
	metaSeconds    = "seconds"
	metaCompleted  = "completed"
)

// DayNumber is the programme day that now falls on when the programme started on
// start: 1 on the day it started, 2 the next calendar day, and so on, counted in
// now's time zone. It is not capped at the programme's length (past the end it keeps
// counting) and never less than 1.
func DayNumber(start, now time.Time) int {
	sy, sm, sd := start.In(now.Location()).Date()
	ny, nm, nd := now.Date()
	a := time.Date(sy, sm, sd, 0, 0, 0, 0, time.UTC)
	b := time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC)
	return int(max((b.Unix()-a.Unix())/(24*60*60)+1, 1))
}

// DayDate is local midnight of day n of a programme that started on start (in
// start's time zone): the moment that day opens.
func DayDate(start time.Time, n int) time.Time {
	y, m, d := start.Date()
	return time.Date(y, m, d+n-1, 0, 0, 0, 0, start.Location())
}

// TodayStep is the day of p that now falls on, for a programme started on start:
// days since start + 1, capped at the last day. ok is false when p is nil or has no
// days, or start is zero (the programme was never started).
func TodayStep(p *resources.Programme, start time.Time, now time.Time) (day resources.Day, ok bool) {
	if p == nil || len(p.Days) == 0 || start.IsZero() {
		return resources.Day{}, false
	}
	n := min(DayNumber(start, now), len(p.Days))
	return p.Days[n-1], true
}

// Items says, for each kind of item a day can hold, whether it is on the day (Has)
// and whether it was done (Done).
type Items struct {
	Practice, Lesson, Prompt, Exercise Item
}

// Item is one item of a programme day.
type Item struct {
	Has, Done bool
}

// All reports whether the day has at least one item and every item it has was done.
func (it Items) All() bool {
	has := false
	for _, i := range [...]Item{it.Practice, it.Lesson, it.Prompt, it.Exercise} {
		if i.Has && !i.Done {
			return false
		}
		has = has || i.Has
	}
	return has
}

// DayItems works out which of day's items were done, from the vault's records and the
// set of lessons marked read. Records count when they were saved (Updated, or Created
// when Updated is zero) on or after since:
//   - the practice: a practice-session record with Meta["practice_id"] equal to it in
//     which some time was practised (Meta["completed"] "true" or Meta["seconds"] above
//     zero; a session with neither key counts too);
//   - the prompt: any record that is not a draft with Meta["prompt_id"] equal to it;
//   - the exercise: any record with Meta["exercise_id"] equal to it and no
//     Meta["draft"]="true";
//   - the lesson: read[lesson] is true (the caller decides since when; see
//     LessonsReadSince).
func DayItems(day resources.Day, records []journal.Record, read map[string]bool, since time.Time) Items {
	return indexRecords(records).items(day, read, since)
}

// doneIndex holds, for each practice, prompt and exercise ID, when it was last done
// (by the rules of DayItems), so a whole programme is ticked in one pass over the
// records.
type doneIndex struct {
	practice, prompt, exercise map[string]time.Time
}

// indexRecords makes the doneIndex of records.
func indexRecords(records []journal.Record) doneIndex {
	ix := doneIndex{practice: map[string]time.Time{}, prompt: map[string]time.Time{}, exercise: map[string]time.Time{}}
	latest := func(m map[string]time.Time, id string, at time.Time) {
		if id != "" && at.After(m[id]) {
			m[id] = at
		}
	}
	for i := range records {
		r := &records[i]
		at := savedAt(r)
		if r.Kind == journal.KindPracticeSession && practised(r) {
			latest(ix.practice, r.Meta[metaPracticeID], at)
		}
		if r.Meta[metaDraft] == "true" {
			continue
		}
		latest(ix.prompt, r.Meta[metaPromptID], at)
		latest(ix.exercise, r.Meta[metaExerciseID], at)
	}
	return ix
}

// items is DayItems over the indexed records.
func (ix doneIndex) items(day resources.Day, read map[string]bool, since time.Time) Items {
	doneSince := func(m map[string]time.Time, id string) bool {
		at, ok := m[id]
		return ok && !at.Before(since)
	}
	return Items{
		Practice: Item{Has: day.Practice != "", Done: day.Practice != "" && doneSince(ix.practice, day.Practice)},
		Lesson:   Item{Has: day.Lesson != "", Done: day.Lesson != "" && read[day.Lesson]},
		Prompt:   Item{Has: day.Prompt != "", Done: day.Prompt != "" && doneSince(ix.prompt, day.Prompt)},
		Exercise: Item{Has: day.Exercise != "", Done: day.Exercise != "" && doneSince(ix.exercise, day.Exercise)},
	}
}

// DayDone reports whether every item of day was done (see DayItems for what counts).
// The Learn screen passes DayDate(start, day.Number) as since, so a practice repeated
// across the programme ticks each day only when done on or after that day opened;
// read holds the lessons read since the programme started (LessonsReadSince).
func DayDone(day resources.Day, records []journal.Record, read map[string]bool, since time.Time) bool {
	return DayItems(day, records, read, since).All()
}

// savedAt is when a record was last saved.
func savedAt(r *journal.Record) time.Time {
	if r.Updated.IsZero() {
		return r.Created
	}
	return r.Updated
}

// practised reports whether a practice session had any practice in it.
func practised(r *journal.Record) bool {
	completed, hasCompleted := r.Meta[metaCompleted]
	secs, hasSecs := r.Meta[metaSeconds]
	if !hasCompleted && !hasSecs {
		return true
	}
	if completed == "true" {
		return true
	}
	n, err := strconv.Atoi(secs)
	return err == nil && n > 0
}
