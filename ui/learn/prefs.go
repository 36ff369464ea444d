package learn

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// Preference keys. What the Learn screen keeps is UI state, not anything the user
// wrote, so it lives in fyne.Preferences rather than the vault.
const (
	// PrefRead is the list of lesson IDs marked read.
	PrefRead = "learn.read"
	// PrefReadAtPrefix + a lesson ID holds when it was last marked read (RFC 3339).
	PrefReadAtPrefix = "learn.read_at."
	// PrefStartPrefix + a programme ID holds the date it was started ("2006-01-02",
	// a local calendar day).
	PrefStartPrefix = "learn.programme_start."
	// PrefProgramme is the ID of the programme chosen on the Learn screen.
	PrefProgramme = "learn.programme"
)

const dateLayout = "2006-01-02"

// ReadLessons is the set of lessons marked read.
func ReadLessons(prefs fyne.Preferences) map[string]bool {
	read := map[string]bool{}
	for _, id := range prefs.StringList(PrefRead) {
		read[id] = true
	}
	return read
}

// LessonsReadSince is the set of lessons marked read at or after since (all of them
// when since is zero).
func LessonsReadSince(prefs fyne.Preferences, since time.Time) map[string]bool {
	read := map[string]bool{}
	for _, id := range prefs.StringList(PrefRead) {
		if since.IsZero() {
			read[id] = true
			continue
		}
		at, err := time.Parse(time.RFC3339, prefs.String(PrefReadAtPrefix+id))
		if err == nil && !at.Before(since) {
			read[id] = true
		}
	}
	return read
}

// SetRead marks the lesson read (at now) or not read.
func SetRead(prefs fyne.Preferences, lessonID string, read bool, now time.Time) {
	ids := prefs.StringList(PrefRead)
	i := slices.Index(ids, lessonID)
	switch {
	case read:
		if i < 0 {
			prefs.SetStringList(PrefRead, append(slices.Clone(ids), lessonID))
		}
		prefs.SetString(PrefReadAtPrefix+lessonID, now.Format(time.RFC3339))
	case i >= 0:
		prefs.SetStringList(PrefRead, slices.Delete(slices.Clone(ids), i, i+1))
		prefs.RemoveValue(PrefReadAtPrefix + lessonID)
	}
}

// ProgrammeStart is local midnight (in loc) of the day the programme was started, and
// false when it has not been started.
func ProgrammeStart(prefs fyne.Preferences, programmeID string, loc *time.Location) (time.Time, bool) {
	t, err := time.ParseInLocation(dateLayout, prefs.String(PrefStartPrefix+programmeID), loc)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// StartProgramme records that the programme starts (or starts again) on now's date
// and makes it the chosen one.
func StartProgramme(prefs fyne.Preferences, programmeID string, now time.Time) {
	prefs.SetString(PrefStartPrefix+programmeID, now.Format(dateLayout))
	prefs.SetString(PrefProgramme, programmeID)
}

// ChosenProgramme is the programme chosen on the Learn screen, or the library's first
// (the built-in four weeks) when none was chosen or the chosen one is gone. It is nil
// only when the library has no programmes.
func ChosenProgramme(lib *resources.Library, prefs fyne.Preferences) *resources.Programme {
	if p := lib.Programme(prefs.String(PrefProgramme)); p != nil {
		return p
	}
	if len(lib.Programmes) == 0 {
		return nil
	}
	return lib.Programmes[0]
}

// Step is today's step of the programme the user follows, for the Home screen.
type Step struct {
	Programme *resources.Programme
	Start     time.Time     // local midnight of the day it was started
	Number    int           // the day number today, from 1; past the end it keeps counting
	Day       resources.Day // today's day (the last one once past the end)
	Items     Items         // which of the day's items were done
	Done      bool          // every item was done
}

// Finished reports whether today is past the programme's last day.
func (s Step) Finished() bool { return s.Number > len(s.Programme.Days) }

// Today is today's step of the chosen programme, with its items ticked from records
// (all the vault's records, or at least those saved since the programme started) and
// the lessons marked read. ok is false when the chosen programme was not started.
func Today(lib *resources.Library, prefs fyne.Preferences, records []journal.Record, now time.Time) (step Step, ok bool) {
	p := ChosenProgramme(lib, prefs)
	if p == nil {
		return Step{}, false
	}
	start, started := ProgrammeStart(prefs, p.ID, now.Location())
	day, ok := TodayStep(p, start, now)
	if !started || !ok {
		return Step{}, false
	}
	items := DayItems(day, records, LessonsReadSince(prefs, start), DayDate(start, day.Number))
	return Step{Programme: p, Start: start, Number: DayNumber(start, now), Day: day, Items: items, Done: items.All()}, true
}
