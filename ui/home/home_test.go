package home

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/learn"
)

func TestGreetingByHour(t *testing.T) {
	tests := []struct {
		hour int
		want string
	}{
		{0, "Hello"}, {4, "Hello"}, {5, "Good morning"}, {11, "Good morning"},
		{12, "Good afternoon"}, {16, "Good afternoon"}, {17, "Good evening"}, {23, "Good evening"},
	}
	for _, tt := range tests {
		if got := Greeting(time.Date(2026, 11, 25, tt.hour, 30, 0, 0, time.UTC)); got != tt.want {
			t.Errorf("%02d:30: %q, want %q", tt.hour, got, tt.want)
		}
	}
}

// store is a fixed list of records, newest first.
type store []journal.Record

func (s store) List(journal.Query) ([]journal.Record, error) { return s, nil }

// calls records which action Home asked for.
type calls struct{ got []string }

func (c *calls) actions() Actions {
	rec := func(s string) { c.got = append(c.got, s) }
	return Actions{
		OnBreathe:       func() { rec("breathe") },
		OnCheckIn:       func() { rec("check-in") },
		OnWrite:         func() { rec("write") },
		OnOpenPractice:  func(id string) { rec("practice:" + id) },
		OnOpenLesson:    func(id string) { rec("lesson:" + id) },
		OnOpenPrompt:    func(id string) { rec("prompt:" + id) },
		OnOpenExercise:  func(id string) { rec("exercise:" + id) },
		OnOpenProgramme: func() { rec("programme") },
		OnOpenRecord:    func(r journal.Record) { rec("record:" + r.ID) },
	}
}

var evening = time.Date(2026, 11, 25, 19, 10, 0, 0, time.UTC)

func newScreen(t *testing.T, recs store, started bool) (*Screen, *calls, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	b, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lib := resources.NewLibrary(b)
	if started {
		learn.StartProgramme(a.Preferences(), lib.Programmes[0].ID, evening.AddDate(0, 0, -2))
	}
	c := &calls{}
	s := New(Config{Library: lib, Store: recs, Prefs: a.Preferences(), Now: func() time.Time { return evening },
		Actions: c.actions(), Background: func(work, done func()) { work(); done() }})
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(900, 2000))
	s.Refresh()
	return s, c, w
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

func buttons(w fyne.Window) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	walk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out[b.Text] = b
		}
	})
	return out
}

func texts(w fyne.Window) string {
	var sb strings.Builder
	walk(w.Canvas().Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Visible() {
				sb.WriteString(x.Text + "\n")
			}
		case *widget.RichText:
			if x.Visible() {
				sb.WriteString(x.String() + "\n")
			}
		}
	})
	return sb.String()
}

func TestQuickActions(t *testing.T) {
	_, c, w := newScreen(t, nil, false)
	b := buttons(w)
	for _, label := range []string{"3-minute breathing", "Check in", "Write"} {
		if b[label] == nil {
			t.Fatalf("no %q button", label)
		}
		test.Tap(b[label])
	}
	if got := strings.Join(c.got, ","); got != "breathe,check-in,write" {
		t.Errorf("actions = %s", got)
	}
	if !strings.Contains(texts(w), "Good evening") || !strings.Contains(texts(w), "a few minutes of breathing is a lovely start") {
		t.Errorf("a first visit:\n%s", texts(w))
	}
}

func TestTodaysStep(t *testing.T) {
	s, c, w := newScreen(t, nil, true)
	if !s.hasStep || s.step.Number != 3 {
		t.Fatalf("step: has %v, number %d", s.hasStep, s.step.Number)
	}
	got := texts(w)
	if !strings.Contains(got, "Day 3 of 28: "+s.step.Day.Title) {
		t.Errorf("no day heading:\n%s", got)
	}
	var items []*widget.Button
	for label, b := range buttons(w) {
		for _, kind := range []string{"Practice: ", "Read: ", "Reflect: ", "Exercise: "} {
			if strings.HasPrefix(label, kind) {
				items = append(items, b)
			}
		}
	}
	if len(items) == 0 {
		t.Fatal("today's items are not buttons")
	}
	for _, b := range items {
		test.Tap(b)
	}
	if len(c.got) != len(items) {
		t.Errorf("tapped %d items, actions %v", len(items), c.got)
	}
	d := s.step.Day
	for _, want := range []struct{ id, call string }{{d.Practice, "practice:"}, {d.Lesson, "lesson:"}, {d.Prompt, "prompt:"}, {d.Exercise, "exercise:"}} {
		if want.id == "" {
			continue
		}
		if !strings.Contains(strings.Join(c.got, ","), want.call+want.id) {
			t.Errorf("no %s%s in %v", want.call, want.id, c.got)
		}
	}
}

func TestProgrammeInvitation(t *testing.T) {
	_, c, w := newScreen(t, nil, false)
	test.Tap(buttons(w)["Have a look"])
	if len(c.got) != 1 || c.got[0] != "programme" {
		t.Errorf("actions %v", c.got)
	}
}

func TestRecentLetterAndWelcomeBack(t *testing.T) {
	old := evening.AddDate(0, 0, -6)
	recs := store{
		{ID: "e1", Kind: journal.KindEntry, Title: "A slower evening", Created: old, Updated: old},
		{ID: "p1", Kind: journal.KindPracticeSession, Title: "Safe place", Created: old, Updated: old,
			Meta: map[string]string{"practice_id": "safe-place", "seconds": "600"}},
		{ID: "l1", Kind: journal.KindLetter, Title: "Dear me", Created: old, Updated: old,
			Meta: map[string]string{"exercise_id": "compassionate-letter", "reread_after": evening.AddDate(0, 0, -1).Format(time.RFC3339)}},
		{ID: "d1", Kind: journal.KindThoughtRecord, Title: "Unfinished", Created: old, Updated: old, Meta: map[string]string{"draft": "true"}},
	}
	s, c, w := newScreen(t, recs, false)
	got := texts(w)
	if !strings.Contains(got, "Welcome back. It's good to see you.") {
		t.Errorf("no welcome back after six quiet days:\n%s", got)
	}
	for _, bad := range []string{"missed", "streak", "days in a row"} {
		if strings.Contains(strings.ToLower(got), bad) {
			t.Errorf("Home says %q", bad)
		}
	}
	if len(s.due) != 1 || s.due[0].ID != "l1" {
		t.Fatalf("due letters %v", s.due)
	}
	b := buttons(w)
	test.Tap(b["Read it"])
	for label, btn := range b {
		if strings.HasPrefix(label, "Safe place  ·  10 min") {
			test.Tap(btn)
		}
		if strings.HasPrefix(label, "Unfinished") {
			t.Error("a draft is listed as recent writing")
		}
	}
	if got := strings.Join(c.got, ","); got != "record:l1,record:p1" {
		t.Errorf("actions %s", got)
	}
}
