package progress

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hearth-app/hearth/journal"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// newYork is a zone with daylight saving (it ends on 1 November 2026).
func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatalf("load zone: %v", err)
	}
	return loc
}

// loadRecords reads a JSON list of records from testdata.
func loadRecords(t testing.TB, name string) []journal.Record {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var recs []journal.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return recs
}

// fixtureNow is "now" for testdata/records.json: Wednesday 25 November 2026, 18:00 in New York.
func fixtureNow(t testing.TB) time.Time {
	return time.Date(2026, time.November, 25, 18, 0, 0, 0, newYork(t))
}

func d(m time.Month, day int) Date { return Date{Year: 2026, Month: m, Day: day} }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestComputeKnownRecords(t *testing.T) {
	loc := newYork(t)
	s := Compute(loadRecords(t, "records.json"), fixtureNow(t), loc)

	wantTotals := Totals{
		Sessions: 13, Seconds: 5560, PracticeDays: 12, Entries: 2, Exercises: 10,
		CheckIns: 6, WritingDays: 13, RatedSessions: 5,
	}
	if s.Totals != wantTotals {
		t.Errorf("totals:\n got %+v\nwant %+v", s.Totals, wantTotals)
	}
	if s.Today != d(time.November, 25) {
		t.Errorf("today = %v", s.Today)
	}
	if s.CurrentStreak != 3 || s.LongestStreak != 6 {
		t.Errorf("streaks = %d current, %d longest; want 3, 6", s.CurrentStreak, s.LongestStreak)
	}

	// Days in November, as the calendar sees them.
	practised := []int{}
	nov := s.MonthDays(2026, time.November)
	for day := 1; day <= 30; day++ {
		if nov[day].Practised() {
			practised = append(practised, day)
		}
	}
	if got, want := practised, []int{1, 2, 3, 4, 5, 10, 12, 13, 23, 24, 25}; !equalInts(got, want) {
		t.Errorf("November practice days = %v, want %v", got, want)
	}
	if a := nov[1]; a.Sessions != 2 || a.Seconds != 300 {
		t.Errorf("1 November (both 01:30s of the DST change) = %+v, want 2 sessions, 300 s", a)
	}
	if a := nov[3]; a.Sessions != 1 || a.Seconds != 600 {
		t.Errorf("3 November (a session at 23:30 local) = %+v, want 1 session, 600 s", a)
	}
	if a := nov[20]; a.Practised() {
		t.Errorf("20 November had only an empty session but counts as practised: %+v", a)
	}
	if a := nov[24]; a.Writings != 2 || a.Sessions != 1 {
		t.Errorf("24 November = %+v, want 1 session, 2 writings", a)
	}
	if a := s.Days[d(time.October, 31)]; a.Seconds != 600 {
		t.Errorf("31 October = %+v, want 600 s", a)
	}

	wantWeeks := []Week{
		{2026, 41, d(time.October, 5), 0},
		{2026, 42, d(time.October, 12), 0},
		{2026, 43, d(time.October, 19), 0},
		{2026, 44, d(time.October, 26), 900},
		{2026, 45, d(time.November, 2), 2090},
		{2026, 46, d(time.November, 9), 1025},
		{2026, 47, d(time.November, 16), 0},
		{2026, 48, d(time.November, 23), 1545},
	}
	if len(s.Weeks) != len(wantWeeks) {
		t.Fatalf("%d weeks, want %d", len(s.Weeks), len(wantWeeks))
	}
	for i, w := range wantWeeks {
		if s.Weeks[i] != w {
			t.Errorf("week %d = %+v, want %+v", i, s.Weeks[i], w)
		}
	}
	if got := []int{s.Weeks[3].Minutes(), s.Weeks[4].Minutes(), s.Weeks[5].Minutes(), s.Weeks[7].Minutes()}; !equalInts(got, []int{15, 35, 17, 26}) {
		t.Errorf("week minutes = %v, want [15 35 17 26]", got)
	}

	// Check-ins: oldest first, drafts left out, out-of-range ratings as "not rated".
	if len(s.CheckIns) != 6 {
		t.Fatalf("%d check-ins, want 6", len(s.CheckIns))
	}
	if first := s.CheckIns[0]; first.At.Month() != time.July || first.Soothing != (Level{1, true}) {
		t.Errorf("first check-in = %+v", first)
	}
	for i := 1; i < len(s.CheckIns); i++ {
		if s.CheckIns[i].At.Before(s.CheckIns[i-1].At) {
			t.Errorf("check-ins out of order at %d", i)
		}
	}
	wantNov16 := CheckIn{Threat: Level{5, true}, Soothing: Level{5, true}}
	if c := s.CheckIns[3]; c.Threat != wantNov16.Threat || c.Drive.Set || c.Soothing != wantNov16.Soothing {
		t.Errorf("16 November check-in = %+v, want drive not rated", c)
	}
	if c := s.CheckIns[4]; c.Threat.Set || c.Drive != (Level{3, true}) {
		t.Errorf("18 November check-in (threat 12) = %+v, want threat not rated", c)
	}
	if got := len(s.CheckInsSince(s.CheckInFrom())); got != 5 {
		t.Errorf("%d check-ins in the last %d weeks, want 5", got, CheckInWeeks)
	}

	// Per practice.
	if len(s.Practices) != 4 {
		t.Fatalf("%d practices, want 4: %+v", len(s.Practices), s.Practices)
	}
	srb := s.Practices[0]
	if srb.ID != "soothing-rhythm-breathing" || srb.Title != "Soothing rhythm breathing" ||
		srb.Sessions != 8 || srb.Completed != 6 || srb.Seconds != 2815 {
		t.Errorf("breathing = %+v", srb)
	}
	if srb.Distress.Pairs != 3 || !near(srb.Distress.MeanBefore, 19.0/3) ||
		!near(srb.Distress.MeanAfter, 14.0/3) || !near(srb.Distress.MeanChange, -5.0/3) || srb.Calm.Pairs != 0 {
		t.Errorf("breathing ratings = %+v / %+v", srb.Distress, srb.Calm)
	}
	if by, ok := srb.CalmerBy(); !ok || !near(by, 5.0/3) {
		t.Errorf("breathing CalmerBy = %v, %v", by, ok)
	}
	safe := s.Practices[1]
	if safe.ID != "safe-place" || safe.Sessions != 3 || safe.Completed != 3 || safe.Seconds != 2280 ||
		safe.Distress != (RatingChange{1, 5, 5, 0}) || safe.Calm != (RatingChange{1, 3, 6, 3}) {
		t.Errorf("safe place = %+v", safe)
	}
	if by, ok := safe.CalmerBy(); !ok || by != 0 {
		t.Errorf("safe place CalmerBy = %v, %v; want distress ratings to win: 0", by, ok)
	}
	if p := s.Practices[2]; p.Title != "Compassionate self" || p.Sessions != 1 || p.Seconds != 45 || p.Completed != 0 {
		t.Errorf("third practice = %+v", p)
	}
	if p := s.Practices[3]; p.ID != "" || p.Title != "Kind body scan" || p.Seconds != 420 {
		t.Errorf("fourth practice (no id) = %+v", p)
	}
	if _, ok := s.Practices[2].CalmerBy(); ok {
		t.Error("an unrated practice has a CalmerBy")
	}

	wantEx := map[journal.Kind]int{
		journal.KindCheckIn: 6, journal.KindThoughtRecord: 1, journal.KindLetter: 2, journal.KindCriticAnalysis: 1,
	}
	if len(s.Exercises) != len(wantEx) {
		t.Errorf("exercises = %v, want %v", s.Exercises, wantEx)
	}
	for k, n := range wantEx {
		if s.Exercises[k] != n {
			t.Errorf("exercises[%s] = %d, want %d", k, s.Exercises[k], n)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// session is a practice-session record for the edge-case tables.
func session(at time.Time, secs int) journal.Record {
	return journal.Record{Kind: journal.KindPracticeSession, Created: at,
		Meta: map[string]string{"practice_id": "p", "practice_title": "P", "seconds": strconv.Itoa(secs), "completed": "true"}}
}

func TestComputeEdgeCases(t *testing.T) {
	ny := newYork(t)
	at := func(y int, m time.Month, day, h, min int, loc *time.Location) time.Time {
		return time.Date(y, m, day, h, min, 0, 0, loc)
	}
	tests := []struct {
		name      string
		records   []journal.Record
		now       time.Time
		loc       *time.Location
		wantDays  []Date // practised days
		current   int
		longest   int
		weekSecs  []int // the last weeks' seconds, newest last (only as many as given)
		wantTotal int   // total seconds
	}{
		{
			name:     "23:30 local counts for that local day",
			records:  []journal.Record{session(at(2026, 11, 3, 23, 30, ny), 600)},
			now:      at(2026, 11, 4, 9, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 3)}, current: 1, longest: 1, weekSecs: []int{600}, wantTotal: 600,
		},
		{
			name:     "the same instant counted in UTC is the next day",
			records:  []journal.Record{session(at(2026, 11, 3, 23, 30, ny), 600)},
			now:      at(2026, 11, 4, 9, 0, ny),
			loc:      time.UTC,
			wantDays: []Date{d(time.November, 4)}, current: 1, longest: 1, weekSecs: []int{600}, wantTotal: 600,
		},
		{
			name: "Sunday 23:30 local stays in its ISO week, not the next (UTC) Monday's",
			records: []journal.Record{
				session(at(2026, 11, 22, 23, 30, ny), 120), // Sunday
				session(at(2026, 11, 23, 0, 30, ny), 60),   // Monday
			},
			now:      at(2026, 11, 23, 12, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 22), d(time.November, 23)}, current: 2, longest: 2,
			weekSecs: []int{120, 60}, wantTotal: 180,
		},
		{
			name: "the repeated hour when DST ends is one day",
			records: []journal.Record{
				session(time.Date(2026, 11, 1, 1, 30, 0, 0, time.FixedZone("EDT", -4*3600)), 60),
				session(time.Date(2026, 11, 1, 1, 30, 0, 0, time.FixedZone("EST", -5*3600)), 60),
			},
			now:      at(2026, 11, 1, 20, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 1)}, current: 1, longest: 1, weekSecs: []int{120}, wantTotal: 120,
		},
		{
			name: "a run across the spring-forward night is unbroken",
			records: []journal.Record{
				session(at(2026, 3, 7, 22, 0, ny), 60),
				session(at(2026, 3, 8, 3, 30, ny), 60), // clocks went 2:00 → 3:00
				session(at(2026, 3, 9, 7, 0, ny), 60),
			},
			now:      at(2026, 3, 9, 20, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.March, 7), d(time.March, 8), d(time.March, 9)}, current: 3, longest: 3,
			weekSecs: []int{120, 60}, wantTotal: 180,
		},
		{
			name: "today not practised yet keeps yesterday's run",
			records: []journal.Record{
				session(at(2026, 11, 23, 8, 0, ny), 60),
				session(at(2026, 11, 24, 8, 0, ny), 60),
			},
			now:      at(2026, 11, 25, 8, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 23), d(time.November, 24)}, current: 2, longest: 2,
			weekSecs: []int{120}, wantTotal: 120,
		},
		{
			name: "a gap of a day ends the current run",
			records: []journal.Record{
				session(at(2026, 11, 20, 8, 0, ny), 60),
				session(at(2026, 11, 21, 8, 0, ny), 60),
				session(at(2026, 11, 22, 8, 0, ny), 60),
			},
			now:      at(2026, 11, 24, 8, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 20), d(time.November, 21), d(time.November, 22)}, current: 0, longest: 3,
			weekSecs: []int{180, 0}, wantTotal: 180,
		},
		{
			name: "odd seconds: negative and garbage count 0, huge is capped at a day",
			records: []journal.Record{
				{Kind: journal.KindPracticeSession, Created: at(2026, 11, 24, 8, 0, ny), Meta: map[string]string{"seconds": "-5", "completed": "true"}},
				{Kind: journal.KindPracticeSession, Created: at(2026, 11, 24, 9, 0, ny), Meta: map[string]string{"seconds": "1e9"}},
				{Kind: journal.KindPracticeSession, Created: at(2026, 11, 24, 10, 0, ny), Meta: map[string]string{"seconds": "99999999999"}},
				{Kind: journal.KindPracticeSession, Created: at(2026, 11, 24, 11, 0, ny), Meta: map[string]string{"seconds": " 30 "}},
			},
			now:      at(2026, 11, 24, 20, 0, ny),
			loc:      ny,
			wantDays: []Date{d(time.November, 24)}, current: 1, longest: 1,
			weekSecs: []int{86400 + 30}, wantTotal: 86400 + 30,
		},
		{
			name:     "nil location means local time",
			records:  nil,
			now:      at(2026, 11, 24, 20, 0, ny),
			loc:      nil,
			weekSecs: []int{0, 0, 0, 0, 0, 0, 0, 0},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Compute(tc.records, tc.now, tc.loc)
			var got []Date
			for day, a := range s.Days {
				if a.Practised() {
					got = append(got, day)
				}
			}
			if len(got) != len(tc.wantDays) {
				t.Errorf("practised days = %v, want %v", got, tc.wantDays)
			}
			for _, w := range tc.wantDays {
				if !s.Days[w].Practised() {
					t.Errorf("%v not practised; days = %v", w, got)
				}
			}
			if s.CurrentStreak != tc.current || s.LongestStreak != tc.longest {
				t.Errorf("streaks = %d, %d; want %d, %d", s.CurrentStreak, s.LongestStreak, tc.current, tc.longest)
			}
			if len(s.Weeks) != WeeksShown {
				t.Fatalf("%d weeks, want %d", len(s.Weeks), WeeksShown)
			}
			for i, want := range tc.weekSecs {
				w := s.Weeks[WeeksShown-len(tc.weekSecs)+i]
				if w.Seconds != want {
					t.Errorf("week starting %v: %d s, want %d", w.Start, w.Seconds, want)
				}
				if w.Start.Weekday() != time.Monday {
					t.Errorf("week starts on %v", w.Start.Weekday())
				}
			}
			if s.Totals.Seconds != tc.wantTotal {
				t.Errorf("total seconds = %d, want %d", s.Totals.Seconds, tc.wantTotal)
			}
		})
	}
}

func TestComputeEmptyVault(t *testing.T) {
	now := fixtureNow(t)
	for _, recs := range [][]journal.Record{nil, {}} {
		s := Compute(recs, now, now.Location())
		if !s.IsEmpty() || s.Totals != (Totals{}) || s.CurrentStreak != 0 || s.LongestStreak != 0 ||
			len(s.CheckIns) != 0 || len(s.Practices) != 0 || len(s.Exercises) != 0 {
			t.Errorf("empty vault gave %+v", s)
		}
		if len(s.Weeks) != WeeksShown || s.Weeks[WeeksShown-1].Start != d(time.November, 23) {
			t.Errorf("weeks = %+v", s.Weeks)
		}
		for _, w := range s.Weeks {
			if w.Seconds != 0 {
				t.Errorf("week %+v not zero", w)
			}
		}
		want := "Nothing here yet, and that's fine. Your practice, check-ins and exercises will gather here as you go."
		if got := s.Text(); got != want {
			t.Errorf("Text() = %q, want %q", got, want)
		}
		if got := s.StreakText(English); got != "" {
			t.Errorf("StreakText = %q, want nothing", got)
		}
	}
}

func TestSummaryTextGolden(t *testing.T) {
	s := Compute(loadRecords(t, "records.json"), fixtureNow(t), newYork(t))
	got := s.Text() + "\n"
	golden := filepath.Join("testdata", "summary.golden.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Text() changed (run with -update if intended):\n got:\n%s\nwant:\n%s", got, want)
	}
	if !strings.HasPrefix(got, "You practised on 11 days in November, 83 minutes in all. You wrote on 12 days.\n") {
		t.Errorf("first line = %q", strings.SplitN(got, "\n", 2)[0])
	}
}

func TestTextPieces(t *testing.T) {
	s := Compute(loadRecords(t, "records.json"), fixtureNow(t), newYork(t))
	tests := []struct {
		name, got, want string
	}{
		{"streak", s.StreakText(English), "Practice days in a row: 3 days now; your longest run is 6 days."},
		{"October, a month before", s.MonthText(English, 2026, time.October), "You practised on 1 day in October, 10 minutes in all."},
		{"a month of another year", s.MonthText(English, 2025, time.December), "Days you practise in December 2025 will be marked here."},
		{"July: writing only", s.MonthText(English, 2026, time.July), "Days you practise in July will be marked here. You wrote on 1 day."},
		{"weeks", s.WeeksText(English), "This week: 26 minutes. Across the last 8 weeks: 93 minutes."},
		{"check-ins", s.CheckInsText(English), "You made 5 check-ins in the last 12 weeks. The latest, on 24 November: threat 4, drive 4, soothing 6. On average: threat 5.5, drive 4, soothing 4."},
		{"breathing", PracticeLine(English, s.Practices[0]), "Soothing rhythm breathing — 8 sessions, on average 1.7 points calmer afterwards"},
		{"safe place", PracticeLine(English, s.Practices[1]), "Safe place — 3 sessions, on average about the same afterwards"},
		{"45 seconds round to a minute", PracticeLine(English, s.Practices[2]), "Compassionate self — 1 session, 1 minute in all"},
		{"under a minute", PracticeLine(English, PracticeStats{Title: "Pacer", Sessions: 1, Seconds: 29}), "Pacer — 1 session, under a minute in all"},
		{"exercises", s.ExercisesText(English), "Exercises completed: 6 three-circles check-ins, 1 compassionate thought record, 2 compassionate letters, 1 look at the inner critic."},
		{"one point, more unsettled", PracticeLine(English, PracticeStats{Title: "Safe place", Sessions: 2, Distress: RatingChange{Pairs: 2, MeanChange: 1}}),
			"Safe place — 2 sessions, on average 1 point more unsettled afterwards"},
		{"calm ratings only", PracticeLine(English, PracticeStats{Sessions: 1, Calm: RatingChange{Pairs: 1, MeanChange: 2.25}}),
			"A practice — 1 session, on average 2.2 points calmer afterwards"},
		{"one exercise line", ExerciseLine(English, journal.KindLetter, 1), "1 compassionate letter"},
		{"unknown kind", ExerciseLine(English, "mood-note", 2), "2 mood-note"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, tc.got, tc.want)
		}
	}
	if got := (Summary{}).CheckInsSince(Date{}); got != nil {
		t.Errorf("zero summary CheckInsSince = %v", got)
	}
	older := Compute(loadRecords(t, "records.json"), time.Date(2027, 6, 1, 12, 0, 0, 0, newYork(t)), newYork(t))
	if got, want := older.CheckInsText(English), "Check-ins from the last 12 weeks will appear here. Your earlier ones are kept in your journal."; got != want {
		t.Errorf("old check-ins: %q, want %q", got, want)
	}
}

// TestWordsAreGentle keeps guilt and pressure out of every phrase (design principle 3).
func TestWordsAreGentle(t *testing.T) {
	banned := []string{"missed", "miss ", "fail", "broke", "lost", "only", "should", "must", "behind", "streak"}
	for _, p := range Phrases() {
		for _, text := range []string{p.One, p.Other} {
			low := strings.ToLower(text)
			for _, b := range banned {
				if strings.Contains(low, b) {
					t.Errorf("phrase %s says %q: %q", p.Key, b, text)
				}
			}
		}
	}
	s := Compute(loadRecords(t, "records.json"), fixtureNow(t), newYork(t))
	if strings.Contains(strings.ToLower(s.Text()+s.StreakText(English)), "missed") {
		t.Error("the summary says \"missed\"")
	}
}

func TestPhrasesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Phrases() {
		if p.Key == "" || p.One == "" || p.Other == "" {
			t.Errorf("incomplete phrase %+v", p)
		}
		if seen[p.Key] {
			t.Errorf("duplicate key %s", p.Key)
		}
		seen[p.Key] = true
	}
}

// FuzzCompute feeds odd Meta and Ratings values (they come from imports and other
// versions of Hearth) and checks that nothing panics and the numbers stay sane.
func FuzzCompute(f *testing.F) {
	f.Add("300", "true", 6, 4, "soothing", int64(0))
	f.Add("abc", "", -1, 11, "", int64(-86400*365))
	f.Add("99999999999999999999", "false", 10, 0, "x", int64(3600))
	loc := newYork(f)
	now := fixtureNow(f)
	f.Fuzz(func(t *testing.T, secs, completed string, before, after int, id string, offset int64) {
		at := now.Add(time.Duration(offset) * time.Second)
		recs := []journal.Record{
			{Kind: journal.KindPracticeSession, Created: at,
				Meta:    map[string]string{"seconds": secs, "completed": completed, "practice_id": id},
				Ratings: map[string]int{"before": before, "after": after}},
			{Kind: journal.KindCheckIn, Created: at, Ratings: map[string]int{"threat": before, "soothing": after}},
		}
		s := Compute(recs, now, loc)
		if s.Totals.Seconds < 0 || s.Totals.Seconds > maxSessionSeconds {
			t.Errorf("seconds = %d", s.Totals.Seconds)
		}
		for _, p := range s.Practices {
			if p.Distress.Pairs > 0 && (p.Distress.MeanBefore < 0 || p.Distress.MeanBefore > 10) {
				t.Errorf("mean before %v out of range", p.Distress.MeanBefore)
			}
		}
		if len(s.CheckIns) != 1 {
			t.Errorf("%d check-ins", len(s.CheckIns))
		}
		_ = s.Text()
	})
}

// BenchmarkCompute adds up three years of daily use: ~3300 records.
func BenchmarkCompute(b *testing.B) {
	loc := newYork(b)
	now := fixtureNow(b)
	var recs []journal.Record
	for i := range 3 * 365 {
		at := now.AddDate(0, 0, -i)
		recs = append(recs,
			journal.Record{Kind: journal.KindPracticeSession, Created: at,
				Meta:    map[string]string{"practice_id": "p" + strconv.Itoa(i%9), "practice_title": "Practice", "seconds": "600", "completed": "true"},
				Ratings: map[string]int{"before": 6, "after": 4}},
			journal.Record{Kind: journal.KindCheckIn, Created: at.Add(time.Hour), Ratings: map[string]int{"threat": 5, "drive": 4, "soothing": 6}},
			journal.Record{Kind: journal.KindEntry, Created: at.Add(2 * time.Hour)},
		)
	}
	b.ReportAllocs()
	for b.Loop() {
		s := Compute(recs, now, loc)
		_ = s.Text()
	}
}
