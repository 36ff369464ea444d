package learn

import (
	"slices"
	"testing"
	"time"

	"github.com/hearth-app/hearth/journal"
)

func TestReadMarks(t *testing.T) {
	prefs := newTestApp(t).Preferences()
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	SetRead(prefs, "three-circles", true, t0)
	SetRead(prefs, "tricky-brain", true, t0.AddDate(0, 0, 2))
	SetRead(prefs, "three-circles", true, t0.AddDate(0, 0, 1)) // read again: the time moves on
	if got := prefs.StringList(PrefRead); !slices.Equal(got, []string{"three-circles", "tricky-brain"}) {
		t.Errorf("%s = %v", PrefRead, got)
	}
	tests := []struct {
		since time.Time
		want  []string
	}{
		{time.Time{}, []string{"three-circles", "tricky-brain"}},
		{t0.AddDate(0, 0, 1), []string{"three-circles", "tricky-brain"}},
		{t0.AddDate(0, 0, 1).Add(time.Second), []string{"tricky-brain"}},
		{t0.AddDate(0, 0, 3), nil},
	}
	for _, tc := range tests {
		var got []string
		for id := range LessonsReadSince(prefs, tc.since) {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("LessonsReadSince(%v) = %v, want %v", tc.since, got, tc.want)
		}
	}
	SetRead(prefs, "three-circles", false, t0)
	SetRead(prefs, "not-there", false, t0)
	if got := ReadLessons(prefs); len(got) != 1 || !got["tricky-brain"] {
		t.Errorf("after unmarking, read = %v", got)
	}
}

func TestProgrammeStart(t *testing.T) {
	prefs := newTestApp(t).Preferences()
	loc := time.FixedZone("test", -5*60*60)
	if _, ok := ProgrammeStart(prefs, "four-weeks", loc); ok {
		t.Error("started before anything was saved")
	}
	StartProgramme(prefs, "four-weeks", time.Date(2026, 11, 25, 23, 30, 0, 0, loc))
	got, ok := ProgrammeStart(prefs, "four-weeks", loc)
	if want := time.Date(2026, 11, 25, 0, 0, 0, 0, loc); !ok || !got.Equal(want) {
		t.Errorf("start %v, %v; want %v", got, ok, want)
	}
	prefs.SetString(PrefStartPrefix+"four-weeks", "not a date")
	if _, ok := ProgrammeStart(prefs, "four-weeks", loc); ok {
		t.Error("a damaged preference reads as started")
	}
}

func TestTodayForHome(t *testing.T) {
	prefs := newTestApp(t).Preferences()
	lib := builtinLibrary(t)
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	if _, ok := Today(lib, prefs, nil, now); ok {
		t.Fatal("a step before the programme was started")
	}
	StartProgramme(prefs, "four-weeks", now.AddDate(0, 0, -1)) // today is day 2
	step, ok := Today(lib, prefs, nil, now)
	if !ok || step.Number != 2 || step.Day.Title != "Settling into the breath" || step.Done || step.Finished() {
		t.Fatalf("Today = %+v, %v", step, ok)
	}
	if !step.Items.Practice.Has || !step.Items.Prompt.Has || step.Items.Lesson.Has {
		t.Errorf("items %+v", step.Items)
	}
	// Day 2's practice, done yesterday (day 1), is not today's step done.
	recs := []journal.Record{session("soothing-rhythm-breathing-short", now.AddDate(0, 0, -1))}
	if step, _ := Today(lib, prefs, recs, now); step.Items.Practice.Done {
		t.Error("yesterday's session ticks today's step")
	}
	recs = append(recs, session("soothing-rhythm-breathing-short", now.Add(-time.Hour)),
		record(journal.KindEntry, now.Add(-time.Minute), "prompt_id", "after-practice-noticed"))
	if step, _ := Today(lib, prefs, recs, now); !step.Done {
		t.Errorf("today's step not done: %+v", step.Items)
	}

	StartProgramme(prefs, "four-weeks", now.AddDate(0, 0, -30))
	if step, ok := Today(lib, prefs, nil, now); !ok || !step.Finished() || step.Day.Number != 28 || step.Number != 31 {
		t.Errorf("past the end: %+v, %v", step, ok)
	}
}

func TestVaultRecordsTickDays(t *testing.T) {
	dir := t.TempDir()
	v, _, err := journal.Create(dir, "a long enough passphrase for tests",
		journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	if _, err := v.Create(journal.Record{Kind: journal.KindPracticeSession, Title: "Soothing rhythm breathing, short",
		Meta: map[string]string{"practice_id": "soothing-rhythm-breathing-short", "seconds": "240", "completed": "true"}}); err != nil {
		t.Fatal(err)
	}
	s, a, _, _ := newScreen(t, v)
	now := time.Now()
	s.now = func() time.Time { return now }
	StartProgramme(a.Preferences(), "four-weeks", now)
	refreshed(t, s)
	if !s.plan.days[0].practice.tick.Visible() {
		t.Error("a session saved in the vault today does not tick day 1's practice")
	}
	if s.plan.days[0].done.Visible() {
		t.Error("day 1 is done without its lesson")
	}
}
