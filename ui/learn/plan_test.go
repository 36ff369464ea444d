package learn

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

func TestTodayStep(t *testing.T) {
	lib := builtinLibrary(t)
	p := lib.Programme("four-weeks")
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		p          *resources.Programme
		start, now time.Time
		wantDay    int // 0: not ok
		wantNumber int
	}{
		{"the day it starts", p, start, start.Add(20 * time.Hour), 1, 1},
		{"late on the first evening", p, start, start.Add(23*time.Hour + 59*time.Minute), 1, 1},
		{"the next morning", p, start, start.Add(24 * time.Hour), 2, 2},
		{"eight days later", p, start, start.AddDate(0, 0, 8).Add(9 * time.Hour), 9, 9},
		{"the last day", p, start, start.AddDate(0, 0, 27), 28, 28},
		{"past the end", p, start, start.AddDate(0, 0, 40), 28, 41},
		{"a clock set before the start", p, start, start.AddDate(0, 0, -3), 1, 1},
		{"across a clock change", p, time.Date(2026, 3, 27, 0, 0, 0, 0, london), time.Date(2026, 3, 30, 0, 30, 0, 0, london), 4, 4},
		{"never started", p, time.Time{}, start, 0, 0},
		{"no programme", nil, start, start, 0, 0},
		{"a programme without days", &resources.Programme{ID: "x"}, start, start, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			day, ok := TodayStep(tc.p, tc.start, tc.now)
			if ok != (tc.wantDay > 0) || (ok && day.Number != tc.wantDay) {
				t.Errorf("TodayStep = day %d, %v; want day %d", day.Number, ok, tc.wantDay)
			}
			if tc.wantNumber > 0 {
				if n := DayNumber(tc.start, tc.now); n != tc.wantNumber {
					t.Errorf("DayNumber = %d, want %d", n, tc.wantNumber)
				}
			}
		})
	}
}

func TestDayDate(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	start := time.Date(2026, 3, 27, 0, 0, 0, 0, london)
	got := DayDate(start, 4)
	if want := time.Date(2026, 3, 30, 0, 0, 0, 0, london); !got.Equal(want) {
		t.Errorf("DayDate(start, 4) = %v, want %v", got, want)
	}
	if got := DayDate(start, 1); !got.Equal(start) {
		t.Errorf("DayDate(start, 1) = %v, want the start", got)
	}
}

func TestDayItems(t *testing.T) {
	since := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	after, before := since.Add(10*time.Hour), since.Add(-time.Hour)
	practiceDay := resources.Day{Number: 1, Practice: "safe-place"}
	lessonDay := resources.Day{Number: 1, Lesson: "three-circles", Practice: "safe-place"}
	promptDay := resources.Day{Number: 1, Prompt: "circles-today"}
	exerciseDay := resources.Day{Number: 1, Exercise: "thought-record"}
	tests := []struct {
		name string
		day  resources.Day
		recs []journal.Record
		read map[string]bool
		want bool
	}{
		{"a session with that practice", practiceDay, []journal.Record{session("safe-place", after, "seconds", "300", "completed", "true")}, nil, true},
		{"a session stopped part way", practiceDay, []journal.Record{session("safe-place", after, "seconds", "42", "completed", "false")}, nil, true},
		{"a session with no time in it", practiceDay, []journal.Record{session("safe-place", after, "seconds", "0", "completed", "false")}, nil, false},
		{"a session with no details", practiceDay, []journal.Record{session("safe-place", after)}, nil, true},
		{"a session of another practice", practiceDay, []journal.Record{session("silent-timer", after, "seconds", "300")}, nil, false},
		{"a session before the day", practiceDay, []journal.Record{session("safe-place", before, "seconds", "300")}, nil, false},
		{"an entry with the practice ID is not a session", practiceDay, []journal.Record{record(journal.KindEntry, after, "practice_id", "safe-place")}, nil, false},
		{"nothing yet", practiceDay, nil, nil, false},
		{"practice done, lesson not read", lessonDay, []journal.Record{session("safe-place", after)}, nil, false},
		{"practice done and lesson read", lessonDay, []journal.Record{session("safe-place", after)}, map[string]bool{"three-circles": true}, true},
		{"lesson read, practice not done", lessonDay, nil, map[string]bool{"three-circles": true}, false},
		{"an entry answering the prompt", promptDay, []journal.Record{record(journal.KindEntry, after, "prompt_id", "circles-today")}, nil, true},
		{"an entry answering another prompt", promptDay, []journal.Record{record(journal.KindEntry, after, "prompt_id", "soothing-what-helps")}, nil, false},
		{"a finished exercise", exerciseDay, []journal.Record{record(journal.KindThoughtRecord, after, "exercise_id", "thought-record")}, nil, true},
		{"a draft exercise", exerciseDay, []journal.Record{record(journal.KindThoughtRecord, after, "exercise_id", "thought-record", "draft", "true")}, nil, false},
		{"an exercise finished before the day", exerciseDay, []journal.Record{record(journal.KindThoughtRecord, before, "exercise_id", "thought-record")}, nil, false},
		{"a day with nothing on it", resources.Day{Number: 1}, nil, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DayDone(tc.day, tc.recs, tc.read, since); got != tc.want {
				t.Errorf("DayDone = %v, want %v (items %+v)", got, tc.want, DayItems(tc.day, tc.recs, tc.read, since))
			}
		})
	}
}

func TestDayItemsUsesLastSave(t *testing.T) {
	since := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	// A draft begun the day before and finished today counts for today.
	r := record(journal.KindThoughtRecord, since.Add(-20*time.Hour), "exercise_id", "thought-record")
	r.Updated = since.Add(2 * time.Hour)
	day := resources.Day{Number: 1, Exercise: "thought-record"}
	if !DayDone(day, []journal.Record{r}, nil, since) {
		t.Error("an exercise finished on the day does not count")
	}
}

func FuzzDayNumber(f *testing.F) {
	f.Add(int64(0), int64(0))
	f.Add(int64(1764028800), int64(1764028800+8*86400))
	f.Add(int64(1764028800), int64(1764028800-86400))
	f.Fuzz(func(t *testing.T, startUnix, nowUnix int64) {
		const limit = 1 << 40 // far beyond any real date, inside time's range
		if startUnix < -limit || startUnix > limit || nowUnix < -limit || nowUnix > limit {
			return
		}
		start, now := time.Unix(startUnix, 0).UTC(), time.Unix(nowUnix, 0).UTC()
		n := DayNumber(start, now)
		if n < 1 {
			t.Fatalf("DayNumber = %d", n)
		}
		if DayDate(start, n).After(now) && n > 1 {
			t.Fatalf("day %d opens at %v, after now %v", n, DayDate(start, n), now)
		}
		p := &resources.Programme{Days: make([]resources.Day, 28)}
		for i := range p.Days {
			p.Days[i].Number = i + 1
		}
		day, ok := TodayStep(p, start, now)
		if !ok || day.Number < 1 || day.Number > 28 || day.Number != min(n, 28) {
			t.Fatalf("TodayStep = %d, %v for day number %d", day.Number, ok, n)
		}
	})
}

// FuzzLessonSegments feeds lesson Markdown (a pack's lessons are outside input) to
// the reader's parser: it must not panic and never shows an image.
func FuzzLessonSegments(f *testing.F) {
	f.Add("Some text.\n\n## A heading\n\n- **Practice:** *A safe place.*\n- two\n\nAfter.")
	f.Add("![x](https://example.org/p.png)\n\n> quote ![y](/etc/passwd)\n\n- item ![z](https://example.org/z.png)\n\n| ![t](t.png) | b |\n|---|---|\n| ![u](u.png) | 2 |")
	f.Add("## \n\n## *Emph* heading\n\n1. a\n   - b\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |")
	f.Fuzz(func(t *testing.T, md string) {
		var check func(segs []widget.RichTextSegment)
		check = func(segs []widget.RichTextSegment) {
			for _, seg := range segs {
				switch x := seg.(type) {
				case nil:
					t.Fatal("a nil segment")
				case *widget.ImageSegment:
					t.Fatal("an image segment")
				case *widget.ListSegment:
					check(x.Items)
				case *widget.ParagraphSegment:
					check(x.Texts)
				case *widget.TableSegment:
					for _, c := range x.Headers {
						check(c)
					}
					for _, row := range x.Rows {
						for _, c := range row {
							check(c)
						}
					}
				}
			}
		}
		check(lessonSegments(md))
	})
}
