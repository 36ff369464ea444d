package progress

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/charts"
)

func TestMain(m *testing.M) {
	if err := RegisterTranslations(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// fakeSource serves a fixed list of records, or an error.
type fakeSource struct {
	mu      sync.Mutex
	records []journal.Record
	err     error
	queries []journal.Query
}

func (f *fakeSource) List(q journal.Query) ([]journal.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries = append(f.queries, q)
	return f.records, f.err
}

func (f *fakeSource) set(recs []journal.Record, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.records, f.err = recs, err
}

// vault must keep satisfying Source.
var _ Source = (*journal.Vault)(nil)

// newScreen builds a screen on src in a test app and window, at the fixture's "now".
func newScreen(t *testing.T, src Source, prefs func(fyne.Preferences)) (*Screen, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	if prefs != nil {
		prefs(a.Preferences())
	}
	now := fixtureNow(t)
	s := New(src, a.Preferences(), func() time.Time { return now })
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(800, 900))
	return s, a
}

// load refreshes s and waits until the new data is on screen.
func load(t *testing.T, s *Screen) {
	t.Helper()
	done := make(chan struct{}, 1)
	s.afterUpdate = func() { done <- struct{}{} }
	s.Refresh()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the screen did not update")
	}
}

func labelTexts(c *fyne.Container) []string {
	var out []string
	for _, o := range c.Objects {
		out = append(out, o.(*widget.Label).Text)
	}
	return out
}

func TestScreenShowsTheNumbers(t *testing.T) {
	src := &fakeSource{records: loadRecords(t, "records.json")}
	s, _ := newScreen(t, src, nil)
	load(t, s)

	if len(src.queries) != 1 || src.queries[0].Limit != 0 || len(src.queries[0].Kinds) != 0 {
		t.Errorf("queries = %+v, want one for everything", src.queries)
	}
	checks := []struct{ name, got, want string }{
		{"month", s.monthText.Text, "You practised on 11 days in November, 83 minutes in all. You wrote on 12 days."},
		{"weeks", s.weeksText.Text, "This week: 26 minutes. Across the last 8 weeks: 93 minutes."},
		{"check-ins", s.checkText.Text, "You made 5 check-ins in the last 12 weeks. The latest, on 24 November: threat 4, drive 4, soothing 6. On average: threat 5.5, drive 4, soothing 4."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, c.got, c.want)
		}
	}
	wantPractices := []string{
		"Soothing rhythm breathing — 8 sessions, on average 1.7 points calmer afterwards",
		"Safe place — 3 sessions, on average about the same afterwards",
		"Compassionate self — 1 session, 1 minute in all",
		"Kind body scan — 1 session, 7 minutes in all",
	}
	if got := labelTexts(s.practices); strings.Join(got, "\n") != strings.Join(wantPractices, "\n") {
		t.Errorf("practices:\n got %q\nwant %q", got, wantPractices)
	}
	wantExercises := []string{"6 three-circles check-ins", "1 compassionate thought record", "2 compassionate letters", "1 look at the inner critic"}
	if got := labelTexts(s.exercises); strings.Join(got, "\n") != strings.Join(wantExercises, "\n") {
		t.Errorf("exercises:\n got %q\nwant %q", got, wantExercises)
	}

	m := s.calendar.Month()
	if m.Year != 2026 || m.Month != time.November || m.Today != 25 || !m.CanPrevious || m.CanNext {
		t.Errorf("calendar month = %+v", m)
	}
	if m.Marks[3] != charts.MarkPractice || m.Marks[24] != charts.MarkPractice|charts.MarkWriting || m.Marks[6] != charts.MarkWriting || m.Marks[20] != 0 {
		t.Errorf("calendar marks = %v", m.Marks)
	}

	bars := s.bars.Bars()
	if len(bars) != WeeksShown || bars[4].Label != "2 Nov" || bars[4].ValueText != "35" || bars[7].Label != "This week" ||
		bars[6].ValueText != "" || bars[7].Value != 1545.0/60 {
		t.Errorf("bars = %+v", bars)
	}

	series := s.line.Series()
	if len(series) != 3 || len(series[0].Points) != 4 || len(series[1].Points) != 4 || len(series[2].Points) != 5 {
		t.Fatalf("check-in series = %+v", series)
	}
	if series[0].Color != charts.ColorNameThreat || series[2].Name != "Soothing" || series[2].Points[4].Value != 6 {
		t.Errorf("series = %+v", series)
	}
	if s.streakText.Visible() || s.streakCheck.Checked {
		t.Error("streaks shown by default")
	}
}

func TestScreenStreakToggle(t *testing.T) {
	src := &fakeSource{records: loadRecords(t, "records.json")}
	s, a := newScreen(t, src, nil)
	load(t, s)
	const want = "Practice days in a row: 3 days now; your longest run is 6 days."

	test.Tap(s.streakCheck)
	if !a.Preferences().Bool(PrefShowStreaks) {
		t.Error("turning streaks on did not set the preference")
	}
	if !s.streakText.Visible() || s.streakText.Text != want {
		t.Errorf("streak text visible=%v %q", s.streakText.Visible(), s.streakText.Text)
	}
	test.Tap(s.streakCheck)
	if a.Preferences().Bool(PrefShowStreaks) || s.streakText.Visible() {
		t.Error("turning streaks off left them on")
	}

	// A preference set elsewhere (e.g. in Settings) is honoured on the next refresh.
	a.Preferences().SetBool(PrefShowStreaks, true)
	load(t, s)
	if !s.streakCheck.Checked || !s.streakText.Visible() || s.streakText.Text != want {
		t.Error("the preference was not honoured on refresh")
	}
}

func TestScreenStreaksOnFromThePreference(t *testing.T) {
	src := &fakeSource{records: loadRecords(t, "records.json")}
	s, _ := newScreen(t, src, func(p fyne.Preferences) { p.SetBool(PrefShowStreaks, true) })
	load(t, s)
	if !s.streakText.Visible() || !strings.Contains(s.streakText.Text, "3 days now") {
		t.Errorf("streaks not shown: %q", s.streakText.Text)
	}
}

func TestScreenMonthNavigation(t *testing.T) {
	src := &fakeSource{records: loadRecords(t, "records.json")}
	s, _ := newScreen(t, src, nil)
	load(t, s)

	s.calendar.OnPrevious()
	if m := s.calendar.Month(); m.Month != time.October || m.Today != 0 || !m.CanNext || !m.CanPrevious {
		t.Errorf("after previous: %+v", m)
	}
	if got, want := s.monthText.Text, "You practised on 1 day in October, 10 minutes in all."; got != want {
		t.Errorf("October text %q, want %q", got, want)
	}
	for range 3 { // back to July, the first month with anything in it
		s.calendar.OnPrevious()
	}
	if m := s.calendar.Month(); m.Month != time.July || m.CanPrevious {
		t.Errorf("July: %+v", m)
	}
	for range 4 {
		s.calendar.OnNext()
	}
	if m := s.calendar.Month(); m.Month != time.November || m.CanNext || m.Today != 25 {
		t.Errorf("back in November: %+v", m)
	}
}

func TestScreenEmptyVault(t *testing.T) {
	s, _ := newScreen(t, &fakeSource{}, nil)
	load(t, s)
	if got, want := s.monthText.Text, "Days you practise in November will be marked here."; got != want {
		t.Errorf("month text %q, want %q", got, want)
	}
	if s.weeksText.Visible() || s.checkText.Visible() {
		t.Error("the empty charts' own text is repeated below them")
	}
	if got := labelTexts(s.practices); len(got) != 1 || !strings.HasPrefix(got[0], "Practices you do will be listed here.") {
		t.Errorf("practices = %q", got)
	}
	if got := labelTexts(s.exercises); len(got) != 1 || got[0] != "Exercises you complete will be counted here." {
		t.Errorf("exercises = %q", got)
	}
	if m := s.calendar.Month(); m.CanPrevious || m.CanNext || len(m.Marks) != 0 {
		t.Errorf("calendar = %+v", m)
	}
}

func TestScreenReadErrorAndRetry(t *testing.T) {
	src := &fakeSource{err: errors.New("badger: something private")}
	s, _ := newScreen(t, src, nil)
	load(t, s)
	if !s.status.Visible() || !s.retry.Visible() {
		t.Fatal("no message after a read error")
	}
	if strings.Contains(s.status.Text, "private") || strings.Contains(s.status.Text, "badger") {
		t.Errorf("the message shows the raw error: %q", s.status.Text)
	}

	src.set(loadRecords(t, "records.json"), nil)
	done := make(chan struct{}, 1)
	s.afterUpdate = func() { done <- struct{}{} }
	test.Tap(s.retry)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("retry did not reload")
	}
	if s.status.Visible() || s.retry.Visible() || s.Summary().Totals.Sessions != 13 {
		t.Error("retry did not show the records")
	}
}

func TestTranslatorUsesTheEnglishFile(t *testing.T) {
	test.NewTempApp(t)
	// The plural form comes from translations/en.json: without it lang would say "1 sessions".
	if got := say(translate, phSessions, 1, nil); got != "1 session" {
		t.Errorf("one session = %q", got)
	}
	if got := say(translate, phSessions, 3, nil); got != "3 sessions" {
		t.Errorf("three sessions = %q", got)
	}
	s := Compute(loadRecords(t, "records.json"), fixtureNow(t), newYork(t))
	if s.TextWith(translate) != s.Text() {
		t.Errorf("lang and built-in English differ:\n%s\n---\n%s", s.TextWith(translate), s.Text())
	}
}
