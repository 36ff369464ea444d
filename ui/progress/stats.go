package progress

// This file is pure Go on purpose: it computes everything the Progress screen shows
// from the vault's records, with no Fyne import, so it is tested without a display.

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hearth-app/hearth/journal"
)

// WeeksShown is how many ISO weeks (this one included) Summary.Weeks covers.
const WeeksShown = 8

// maxSessionSeconds caps one session's length, so a damaged or odd value cannot
// swamp the totals: a day is the longest a single practice could honestly be.
const maxSessionSeconds = 24 * 60 * 60

// Rating bounds used throughout Hearth: every rating is 0 to 10.
const (
	minRating = 0
	maxRating = 10
)

// Meta keys and values the player and the exercise forms save.
const (
	metaPracticeID    = "practice_id"
	metaPracticeTitle = "practice_title"
	metaSeconds       = "seconds"
	metaCompleted     = "completed"
	metaDraft         = "draft"
	metaTrue          = "true"
)

// Rating names a practice session and a three-circles check-in may carry.
const (
	ratingBefore     = "before"
	ratingAfter      = "after"
	ratingCalmBefore = "calm_before"
	ratingCalmAfter  = "calm_after"
	ratingThreat     = "threat"
	ratingDrive      = "drive"
	ratingSoothing   = "soothing"
)

// ExerciseKinds lists the kinds of record counted as exercises, in the order the
// screen shows them. Treat it as a constant.
var ExerciseKinds = []journal.Kind{
	journal.KindCheckIn,
	journal.KindThoughtRecord,
	journal.KindLetter,
	journal.KindMultipleSelves,
	journal.KindCriticAnalysis,
	journal.KindFearsBlocks,
}

// Date is a calendar day in the user's own time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the local calendar day of t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{Year: y, Month: m, Day: d}
}

// AddDays returns the day n days later (earlier when n < 0). Calendar arithmetic is
// done at noon UTC, so daylight-saving changes never skip or repeat a day.
func (d Date) AddDays(n int) Date {
	return DateOf(d.noon().AddDate(0, 0, n), time.UTC)
}

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.noon().Before(e.noon()) }

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.noon().Weekday() }

// noon is d at 12:00 UTC, the anchor for calendar arithmetic.
func (d Date) noon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// Activity is what happened on one day.
type Activity struct {
	Sessions int // practice sessions that count as practice (some time spent, or completed)
	Seconds  int // seconds practised
	Writings int // journal entries, exercises and check-ins written that day (drafts too)
}

// Practised reports whether the day had any practice.
func (a Activity) Practised() bool { return a.Sessions > 0 }

// Week is the practice time of one ISO week (Monday to Sunday, local time).
type Week struct {
	Year, Number int  // ISO year and week number
	Start        Date // the Monday
	Seconds      int  // seconds practised that week
}

// Minutes is the week's practice time rounded to the nearest minute.
func (w Week) Minutes() int { return roundMinutes(w.Seconds) }

// Level is an optional 0–10 rating: Set is false when the user left it out.
type Level struct {
	Value int
	Set   bool
}

// CheckIn is one three-circles check-in.
type CheckIn struct {
	At                      time.Time // when it was made (in the summary's time zone)
	Threat, Drive, Soothing Level
}

// RatingChange is the mean of before/after ratings over the sessions that have both.
type RatingChange struct {
	Pairs      int     // sessions with both ratings
	MeanBefore float64 // mean rating before
	MeanAfter  float64 // mean rating after
	MeanChange float64 // mean of (after − before)
}

// PracticeStats is what one practice (a meditation or exercise audio) adds up to.
type PracticeStats struct {
	ID        string       // practice_id, or "" when the sessions carried none
	Title     string       // the title saved with the newest session
	Sessions  int          // every saved session of it
	Completed int          // sessions played to the end
	Seconds   int          // seconds practised
	Distress  RatingChange // "how unsettled do you feel?" (before/after): lower is calmer
	Calm      RatingChange // "how calm do you feel?" (calm_before/calm_after): higher is calmer
}

// CalmerBy is how many points calmer the user felt afterwards on average (negative
// when less calm), from the distress ratings if there are any, else the calm ratings.
// ok is false when no session has both ratings of either kind.
func (p PracticeStats) CalmerBy() (points float64, ok bool) {
	switch {
	case p.Distress.Pairs > 0:
		return -p.Distress.MeanChange, true
	case p.Calm.Pairs > 0:
		return p.Calm.MeanChange, true
	}
	return 0, false
}

// Totals counts everything in the vault the screen speaks about.
type Totals struct {
	Sessions      int // practice sessions that count as practice
	Seconds       int // seconds practised
	PracticeDays  int // distinct local days with practice
	Entries       int // journal entries
	Exercises     int // exercises completed (drafts excluded), check-ins included
	CheckIns      int // three-circles check-ins (drafts excluded)
	WritingDays   int // distinct local days with any writing
	RatedSessions int // sessions with a before and after rating of either kind
}

// Summary is everything the Progress screen shows, computed from the vault's records.
// Nothing in it is stored: it is recomputed whenever the screen is refreshed.
type Summary struct {
	Today         Date                 // the local day of "now"
	Location      *time.Location       // the time zone days were counted in
	Days          map[Date]Activity    // days with any practice or writing
	CurrentStreak int                  // practice days in a row ending today (or yesterday, if today is still open)
	LongestStreak int                  // the longest run of practice days in a row
	Weeks         []Week               // the last WeeksShown ISO weeks, oldest first, gaps as zero
	CheckIns      []CheckIn            // all check-ins, oldest first
	Practices     []PracticeStats      // per practice, most sessions first
	Exercises     map[journal.Kind]int // completed exercises per kind (zero counts left out)
	Totals        Totals
}

// Compute adds up records as of now, counting days in loc (nil means time.Local).
// Records are read only; their order does not matter.
func Compute(records []journal.Record, now time.Time, loc *time.Location) Summary {
	if loc == nil {
		loc = time.Local
	}
	s := Summary{
		Today:     DateOf(now, loc),
		Location:  loc,
		Days:      map[Date]Activity{},
		Exercises: map[journal.Kind]int{},
	}
	practices := map[string]*practiceAcc{}
	for _, r := range records {
		if r.Created.IsZero() {
			continue
		}
		day := DateOf(r.Created, loc)
		switch {
		case r.Kind == journal.KindPracticeSession:
			s.addSession(r, day, practices)
		case r.Kind == journal.KindEntry:
			s.addWriting(day)
			s.Totals.Entries++
		case slices.Contains(ExerciseKinds, r.Kind):
			s.addWriting(day)
			if r.Meta[metaDraft] == metaTrue {
				continue
			}
			s.Exercises[r.Kind]++
			s.Totals.Exercises++
			if r.Kind == journal.KindCheckIn {
				s.CheckIns = append(s.CheckIns, CheckIn{
					At:       r.Created.In(loc),
					Threat:   level(r.Ratings, ratingThreat),
					Drive:    level(r.Ratings, ratingDrive),
					Soothing: level(r.Ratings, ratingSoothing),
				})
			}
		}
	}
	s.Totals.CheckIns = len(s.CheckIns)
	slices.SortStableFunc(s.CheckIns, func(a, b CheckIn) int { return a.At.Compare(b.At) })
	for _, a := range s.Days {
		if a.Practised() {
			s.Totals.PracticeDays++
		}
		if a.Writings > 0 {
			s.Totals.WritingDays++
		}
	}
	s.CurrentStreak, s.LongestStreak = streaks(s.Days, s.Today)
	s.Weeks = weeks(s.Days, s.Today, WeeksShown)
	s.Practices = finishPractices(practices)
	return s
}

// addWriting marks day as a day with writing.
func (s *Summary) addWriting(day Date) {
	a := s.Days[day]
	a.Writings++
	s.Days[day] = a
}

// addSession adds one practice session. A session counts as practice when some time
// was spent or it was completed; an opened-and-closed player adds nothing.
func (s *Summary) addSession(r journal.Record, day Date, practices map[string]*practiceAcc) {
	secs := sessionSeconds(r.Meta[metaSeconds])
	completed := r.Meta[metaCompleted] == metaTrue
	if secs == 0 && !completed {
		return
	}
	a := s.Days[day]
	a.Sessions++
	a.Seconds += secs
	s.Days[day] = a
	s.Totals.Sessions++
	s.Totals.Seconds += secs

	id := strings.TrimSpace(r.Meta[metaPracticeID])
	key := id
	if key == "" {
		key = "title:" + strings.TrimSpace(r.Meta[metaPracticeTitle])
	}
	p := practices[key]
	if p == nil {
		p = &practiceAcc{stats: PracticeStats{ID: id}}
		practices[key] = p
	}
	if p.add(r, secs, completed) {
		s.Totals.RatedSessions++
	}
}

// practiceAcc accumulates one practice's sessions.
type practiceAcc struct {
	stats          PracticeStats
	titleAt        time.Time
	distress, calm pairSums
}

// pairSums adds up before/after pairs.
type pairSums struct{ n, before, after int }

// add adds the pair if both ratings are there, and reports whether they were.
func (ps *pairSums) add(ratings map[string]int, beforeKey, afterKey string) bool {
	b, a := level(ratings, beforeKey), level(ratings, afterKey)
	if !b.Set || !a.Set {
		return false
	}
	ps.n++
	ps.before += b.Value
	ps.after += a.Value
	return true
}

func (ps pairSums) change() RatingChange {
	if ps.n == 0 {
		return RatingChange{}
	}
	n := float64(ps.n)
	return RatingChange{
		Pairs:      ps.n,
		MeanBefore: float64(ps.before) / n,
		MeanAfter:  float64(ps.after) / n,
		MeanChange: float64(ps.after-ps.before) / n,
	}
}

// add adds one session and reports whether it had a before/after pair of either kind.
func (p *practiceAcc) add(r journal.Record, secs int, completed bool) bool {
	p.stats.Sessions++
	p.stats.Seconds += secs
	if completed {
		p.stats.Completed++
	}
	if t := strings.TrimSpace(r.Meta[metaPracticeTitle]); t != "" && !r.Created.Before(p.titleAt) {
		p.stats.Title, p.titleAt = t, r.Created
	}
	d := p.distress.add(r.Ratings, ratingBefore, ratingAfter)
	c := p.calm.add(r.Ratings, ratingCalmBefore, ratingCalmAfter)
	return d || c
}

// finishPractices turns the accumulators into a list, most sessions first, then by
// title and id so the order is stable.
func finishPractices(m map[string]*practiceAcc) []PracticeStats {
	out := make([]PracticeStats, 0, len(m))
	for _, p := range m {
		st := p.stats
		st.Distress = p.distress.change()
		st.Calm = p.calm.change()
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b PracticeStats) int {
		return cmp.Or(cmp.Compare(b.Sessions, a.Sessions), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// level reads an optional 0–10 rating; anything out of range counts as left out.
func level(ratings map[string]int, name string) Level {
	v, ok := ratings[name]
	if !ok || v < minRating || v > maxRating {
		return Level{}
	}
	return Level{Value: v, Set: true}
}

// sessionSeconds parses Meta["seconds"]: a whole number of seconds; anything else is 0.
func sessionSeconds(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, maxSessionSeconds)
}

// roundMinutes rounds seconds to the nearest whole minute (half a minute rounds up).
func roundMinutes(secs int) int { return (secs + 30) / 60 }

// streaks finds the current and the longest run of practice days. The current run
// ends today, or yesterday when today has no practice yet: the day is not over.
func streaks(days map[Date]Activity, today Date) (current, longest int) {
	practised := make([]Date, 0, len(days))
	for d, a := range days {
		if a.Practised() {
			practised = append(practised, d)
		}
	}
	slices.SortFunc(practised, func(a, b Date) int { return a.noon().Compare(b.noon()) })
	run := 0
	for i, d := range practised {
		if i > 0 && practised[i-1].AddDays(1) == d {
			run++
		} else {
			run = 1
		}
		longest = max(longest, run)
	}
	start := today
	if !days[start].Practised() {
		start = today.AddDays(-1)
	}
	for d := start; days[d].Practised(); d = d.AddDays(-1) {
		current++
	}
	return current, longest
}

// weeks returns the n ISO weeks ending with today's, oldest first, zero where
// nothing was practised.
func weeks(days map[Date]Activity, today Date, n int) []Week {
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	out := make([]Week, n)
	index := map[Date]int{}
	for i := range out {
		start := monday.AddDays(-7 * (n - 1 - i))
		y, w := start.noon().ISOWeek()
		out[i] = Week{Year: y, Number: w, Start: start}
		index[start] = i
	}
	for d, a := range days {
		start := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		if i, ok := index[start]; ok {
			out[i].Seconds += a.Seconds
		}
	}
	return out
}

// MonthDays is the activity of each day of one month, keyed by day of the month.
func (s Summary) MonthDays(year int, month time.Month) map[int]Activity {
	out := map[int]Activity{}
	for d, a := range s.Days {
		if d.Year == year && d.Month == month {
			out[d.Day] = a
		}
	}
	return out
}

// CheckInsSince returns the check-ins made on or after the local day from.
func (s Summary) CheckInsSince(from Date) []CheckIn {
	if s.Location == nil {
		return nil
	}
	i, _ := slices.BinarySearchFunc(s.CheckIns, from, func(c CheckIn, d Date) int {
		return DateOf(c.At, s.Location).noon().Compare(d.noon())
	})
	return s.CheckIns[i:]
}
