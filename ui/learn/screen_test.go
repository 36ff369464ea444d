package learn

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
)

// the start of the test programme: 9 a.m. local time, 8 days before "now".
var (
	testNow   = time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)
	testStart = time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)
)

// newScreen builds the Learn screen over the built-in content in a test window.
func newScreen(t *testing.T, store Store) (*Screen, fyne.App, *navLog, fyne.Window) {
	t.Helper()
	a := newTestApp(t)
	nav := &navLog{}
	c := &clock{t: testNow}
	s := New(builtinLibrary(t), store, a.Preferences(), c.now, nav.nav())
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(900, 700))
	return s, a, nav, w
}

// shown is the view the screen shows now.
func shown(s *Screen) fyne.CanvasObject { return s.root.Objects[0] }

func TestLessonsListed(t *testing.T) {
	s, a, _, _ := newScreen(t, nil)
	want := []string{"three-circles", "tricky-brain", "compassion-not-self-esteem", "common-humanity",
		"three-flows", "fears-and-blocks", "inner-critic", "compassionate-self-correction"}
	var got []string
	for _, r := range s.overview.rows {
		got = append(got, r.lesson.ID)
		if r.read.Visible() {
			t.Errorf("%s is marked read before anything was read", r.lesson.ID)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("lessons listed %v, want %v", got, want)
	}
	// Every row shows its order, title and summary.
	for i, r := range s.overview.rows {
		texts := renderedTexts(r.area)
		for _, w := range []string{string(rune('1' + i)), r.lesson.Title, r.lesson.Summary} {
			if !slices.Contains(texts, w) {
				t.Errorf("row %d shows %q, missing %q", i+1, texts, w)
			}
		}
	}

	SetRead(a.Preferences(), "tricky-brain", true, testNow)
	s.Refresh()
	for _, r := range s.overview.rows {
		if r.read.Visible() != (r.lesson.ID == "tricky-brain") {
			t.Errorf("%s: read tick shown = %v", r.lesson.ID, r.read.Visible())
		}
	}
}

// renderedTexts is the text of every label and rich text segment under o.
func renderedTexts(o fyne.CanvasObject) []string {
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.RichText:
			texts = append(texts, w.String())
		}
	}
	return texts
}

func TestOpenLessonRendersMarkdown(t *testing.T) {
	s, _, _, _ := newScreen(t, nil)
	test.Tap(s.overview.rows[0].area.button)
	if shown(s) != s.reader.root {
		t.Fatal("tapping a lesson does not open the reader")
	}
	if s.reader.title.Text != "The three circles" {
		t.Errorf("title %q", s.reader.title.Text)
	}
	var headings, paragraphs []string
	for _, seg := range s.reader.body.Segments {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		switch {
		case ts.Style.SizeName == theme.SizeNameSubHeadingText:
			headings = append(headings, ts.Text)
		case ts.Style == widget.RichTextStyleInline && len(ts.Text) > 40:
			paragraphs = append(paragraphs, ts.Text)
		}
	}
	wantHeadings := []string{"The threat circle", "The drive circle", "The soothing circle", "Finding a better balance",
		"A picture, not a diagnosis", "A daily check-in", "Try this"}
	if !slices.Equal(headings, wantHeadings) {
		t.Errorf("headings %q, want %q", headings, wantHeadings)
	}
	if len(paragraphs) < 10 || paragraphs[0][:40] != "Compassion Focused Therapy often starts " {
		t.Errorf("paragraphs %q", paragraphs)
	}
	if s.reader.body.Wrapping != fyne.TextWrapWord {
		t.Error("the lesson does not wrap")
	}
	// A bulleted list survives, and nothing in the Markdown is shown raw.
	if !slices.ContainsFunc(s.reader.body.Segments, func(seg widget.RichTextSegment) bool { _, ok := seg.(*widget.ListSegment); return ok }) {
		t.Error("the Try this list is not a list")
	}
	for _, seg := range s.reader.body.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && (containsAny(ts.Text, "**", "##", "+++")) {
			t.Errorf("raw Markdown shown: %q", ts.Text)
		}
	}

	test.Tap(s.reader.back)
	if shown(s) != s.overview.root {
		t.Error("Back does not return to the lessons")
	}
}

func containsAny(s string, subs ...string) bool {
	return slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(s, sub) })
}

func TestLessonLinks(t *testing.T) {
	tests := []struct {
		lesson, practice, prompt, practiceText, promptText string
	}{
		{"three-circles", "soothing-rhythm-breathing-short", "circles-today",
			"Try the practice: Soothing rhythm breathing, short", "Reflect: How big does each of your three circles feel today: threat, drive and soothing?"},
		{"inner-critic", "compassionate-self", "critic-what-does-it-fear",
			"Try the practice: Becoming your compassionate self", ""},
	}
	for _, tc := range tests {
		t.Run(tc.lesson, func(t *testing.T) {
			s, _, nav, _ := newScreen(t, nil)
			s.OpenLesson(tc.lesson)
			if got := s.reader.practice.label.Text; got != tc.practiceText {
				t.Errorf("practice button %q, want %q", got, tc.practiceText)
			}
			if tc.promptText != "" && s.reader.prompt.label.Text != tc.promptText {
				t.Errorf("prompt button %q, want %q", s.reader.prompt.label.Text, tc.promptText)
			}
			test.Tap(s.reader.practice.button)
			test.Tap(s.reader.prompt.button)
			if !slices.Equal(nav.practices, []string{tc.practice}) || !slices.Equal(nav.prompts, []string{tc.prompt}) {
				t.Errorf("opened practices %v and prompts %v, want %s and %s", nav.practices, nav.prompts, tc.practice, tc.prompt)
			}
		})
	}
}

func TestLessonLinksHiddenWithoutNavigation(t *testing.T) {
	a := newTestApp(t)
	s := New(builtinLibrary(t), nil, a.Preferences(), nil, Navigation{})
	s.OpenLesson("three-circles")
	if s.reader.practice.Visible() || s.reader.prompt.Visible() {
		t.Error("buttons shown that would do nothing")
	}
}

func TestMarkAsRead(t *testing.T) {
	s, a, _, _ := newScreen(t, nil)
	prefs := a.Preferences()
	s.OpenLesson("tricky-brain")
	if s.reader.readNote.Visible() || s.reader.markRead.Text != "Mark as read" {
		t.Fatalf("an unread lesson shows %q", s.reader.markRead.Text)
	}
	test.Tap(s.reader.markRead)
	if got := prefs.StringList(PrefRead); !slices.Equal(got, []string{"tricky-brain"}) {
		t.Errorf("%s = %v", PrefRead, got)
	}
	at, err := time.Parse(time.RFC3339, prefs.String(PrefReadAtPrefix+"tricky-brain"))
	if err != nil || !at.Equal(testNow) {
		t.Errorf("read at %v (%v), want %v", at, err, testNow)
	}
	if !s.reader.readNote.Visible() || s.reader.markRead.Text != "Mark as not read" {
		t.Error("the reader does not show the lesson as read")
	}
	if !s.overview.rows[1].read.Visible() {
		t.Error("the list does not tick the lesson")
	}

	test.Tap(s.reader.markRead)
	if got := prefs.StringList(PrefRead); len(got) != 0 {
		t.Errorf("after marking not read, %s = %v", PrefRead, got)
	}
	if prefs.String(PrefReadAtPrefix+"tricky-brain") != "" {
		t.Error("the read time is kept after marking not read")
	}
}

func TestReadAtTheEnd(t *testing.T) {
	s, a, _, w := newScreen(t, nil)
	w.Resize(fyne.NewSize(700, 500))
	s.OpenLesson("common-humanity")
	s.reader.root.ScrollToOffset(fyne.NewPos(0, 200))
	s.reader.root.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -10)})
	if ReadLessons(a.Preferences())["common-humanity"] {
		t.Fatal("marked read before the end")
	}
	s.reader.root.ScrollToBottom()
	if !ReadLessons(a.Preferences())["common-humanity"] {
		t.Fatal("not marked read at the end")
	}

	// Once the user marks it not read by hand, reaching the end again leaves it so.
	test.Tap(s.reader.markRead)
	s.reader.root.ScrollToTop()
	s.reader.root.ScrollToBottom()
	if ReadLessons(a.Preferences())["common-humanity"] {
		t.Error("the end overrode the user's choice")
	}
	// Opening it again starts afresh.
	s.OpenLesson("common-humanity")
	if s.reader.root.Offset.Y != 0 {
		t.Errorf("a lesson opens scrolled to %v", s.reader.root.Offset)
	}
	s.reader.root.ScrollToBottom()
	if !ReadLessons(a.Preferences())["common-humanity"] {
		t.Error("not marked read at the end after opening again")
	}
}

func TestProgrammeWeeksAndDays(t *testing.T) {
	s, a, _, _ := newScreen(t, nil)
	test.Tap(s.overview.progButton)
	if shown(s) != s.plan.root {
		t.Fatal("the programme button does not open the programme")
	}
	if len(s.plan.weeks.Items) != 4 || len(s.plan.days) != 28 {
		t.Fatalf("%d weeks, %d days; want 4 and 28", len(s.plan.weeks.Items), len(s.plan.days))
	}
	if got := s.plan.weeks.Items[0].Title; got != "Week 1: Finding a soothing rhythm" {
		t.Errorf("week 1 is titled %q", got)
	}
	for i, item := range s.plan.weeks.Items {
		if n := countCards(item.Detail); n != 7 {
			t.Errorf("week %d has %d days", i+1, n)
		}
	}
	if !s.plan.weeks.Items[0].Open || s.plan.weeks.Items[1].Open {
		t.Error("before starting, week 1 alone should be open")
	}
	if s.plan.chooser.Visible() {
		t.Error("a chooser with one programme")
	}
	// Not started: an invitation, no day marked as today, nothing ticked.
	if !s.plan.start.Visible() || s.plan.again.Visible() {
		t.Error("Start this programme is not offered")
	}
	for _, dv := range s.plan.days {
		if dv.today.Visible() || dv.done.Visible() {
			t.Errorf("day %d marked before starting", dv.day.Number)
		}
	}

	test.Tap(s.plan.start)
	if got := a.Preferences().String(PrefStartPrefix + "four-weeks"); got != "2026-11-25" {
		t.Errorf("start saved as %q", got)
	}
	if !s.plan.days[0].today.Visible() {
		t.Error("day 1 is not today after starting")
	}
	if s.plan.where.Text != "You're on day 1. Pick up wherever feels right." {
		t.Errorf("where: %q", s.plan.where.Text)
	}
	if s.plan.start.Visible() || !s.plan.again.Visible() {
		t.Error("after starting, only Start again is offered")
	}
}

// countCards counts the page cards (days) under o.
func countCards(o fyne.CanvasObject) int {
	n := 0
	for _, obj := range test.LaidOutObjects(o) {
		if _, ok := obj.(interface{ SetContent(...fyne.CanvasObject) }); ok {
			n++
		}
	}
	return n
}

func TestProgrammeDay9(t *testing.T) {
	store := &fakeStore{}
	s, a, nav, _ := newScreen(t, store)
	StartProgramme(a.Preferences(), "four-weeks", testStart)
	s.ShowProgramme()
	refreshed(t, s)
	if s.plan.where.Text != "You're on day 9. Pick up wherever feels right." {
		t.Errorf("where: %q", s.plan.where.Text)
	}
	for _, dv := range s.plan.days {
		if dv.today.Visible() != (dv.day.Number == 9) {
			t.Errorf("day %d today = %v", dv.day.Number, dv.today.Visible())
		}
	}
	if !s.plan.weeks.Items[1].Open || s.plan.weeks.Items[0].Open {
		t.Error("week 2 (today's) should be the one open")
	}
	// Opened from the lessons, the programme is scrolled to today.
	s.ShowLessons()
	s.ShowProgramme()
	cardY, _ := offsetWithin(s.plan.root.Content, s.plan.weeks)
	cardY += s.plan.weeks.Items[1].Detail.Position().Y + s.plan.days[8].card.Position().Y
	if off := s.plan.root.Offset.Y; off <= 0 || cardY < off || cardY > off+s.plan.root.Size().Height/2 {
		t.Errorf("scrolled to %v; today's day is at %v", off, cardY)
	}
	if s.overview.progText.Text != "You're on day 9. Pick up wherever feels right." || s.overview.progToday.Text != "Today: The tricky brain" {
		t.Errorf("overview: %q / %q", s.overview.progText.Text, s.overview.progToday.Text)
	}

	// The day's items open where they belong.
	day3 := s.plan.days[2]
	test.Tap(day3.exercise.button)
	test.Tap(day3.practice.button)
	test.Tap(s.plan.days[1].prompt.button)
	if !slices.Equal(nav.exercises, []string{"three-circles-checkin"}) || !slices.Equal(nav.practices, []string{"breathing-pacer"}) ||
		!slices.Equal(nav.prompts, []string{"after-practice-noticed"}) {
		t.Errorf("opened %v %v %v", nav.exercises, nav.practices, nav.prompts)
	}
	test.Tap(s.plan.days[8].lesson.button)
	if shown(s) != s.reader.root || s.reader.lesson.ID != "tricky-brain" {
		t.Fatal("the day's lesson does not open")
	}
	if s.reader.back.Text != "Back to the programme" {
		t.Errorf("back reads %q", s.reader.back.Text)
	}
	test.Tap(s.reader.back)
	if shown(s) != s.plan.root {
		t.Error("Back does not return to the programme")
	}
}

func TestProgrammeTicksFromRecords(t *testing.T) {
	day := func(n int, h int) time.Time { return DayDate(testStart, n).Add(time.Duration(h) * time.Hour) }
	store := &fakeStore{recs: []journal.Record{
		// Day 1: the short breathing, done that morning; the lesson is read below.
		session("soothing-rhythm-breathing-short", day(1, 9), "seconds", "300", "completed", "true"),
		// Day 3: the pacer, and a check-in left as a draft.
		session("breathing-pacer", day(3, 9), "seconds", "120"),
		record(journal.KindCheckIn, day(3, 10), "exercise_id", "three-circles-checkin", "draft", "true"),
		// Day 4: the longer breathing, done before the programme started (not counted).
		session("soothing-rhythm-breathing", day(0, 9), "seconds", "600"),
	}}
	s, a, _, _ := newScreen(t, store)
	prefs := a.Preferences()
	StartProgramme(prefs, "four-weeks", testStart)
	SetRead(prefs, "three-circles", true, day(1, 8))
	SetRead(prefs, "tricky-brain", true, day(-3, 8)) // read before starting: not counted
	s.ShowProgramme()
	refreshed(t, s)

	d := s.plan.days
	if !d[0].done.Visible() || !d[0].practice.tick.Visible() || !d[0].lesson.tick.Visible() {
		t.Error("day 1 (session and lesson) is not ticked")
	}
	if d[1].done.Visible() || d[1].practice.tick.Visible() {
		t.Error("day 2 is ticked by day 1's session of the same practice")
	}
	if d[2].done.Visible() || !d[2].practice.tick.Visible() || d[2].exercise.tick.Visible() {
		t.Errorf("day 3: done %v, pacer %v, draft check-in %v; want false, true, false",
			d[2].done.Visible(), d[2].practice.tick.Visible(), d[2].exercise.tick.Visible())
	}
	if d[3].done.Visible() {
		t.Error("day 4 is ticked by a session before the programme started")
	}
	if d[8].lesson.tick.Visible() {
		t.Error("a lesson read before the programme started ticks day 9")
	}

	// Finishing the check-in (draft removed) ticks day 3 at the next refresh.
	store.mu.Lock()
	delete(store.recs[2].Meta, "draft")
	store.mu.Unlock()
	refreshed(t, s)
	if !d[2].done.Visible() {
		t.Error("day 3 is not ticked once the check-in is finished")
	}

	// Starting again today leaves no old ticks.
	test.Tap(s.plan.again)
	if !s.plan.confirm.Visible() || s.plan.again.Visible() {
		t.Fatal("Start again does not ask first")
	}
	test.Tap(s.plan.confirm.Objects[1].(*fyne.Container).Objects[0].(*widget.Button))
	if got := prefs.String(PrefStartPrefix + "four-weeks"); got != "2026-11-25" {
		t.Errorf("started again on %q", got)
	}
	for _, dv := range d {
		if dv.done.Visible() {
			t.Errorf("day %d still ticked after starting again", dv.day.Number)
		}
	}
	if !d[0].today.Visible() || s.plan.confirm.Visible() {
		t.Error("after starting again, day 1 should be today")
	}
}

func TestProgrammeStoreError(t *testing.T) {
	store := &fakeStore{err: errTestStore}
	s, a, _, _ := newScreen(t, store)
	StartProgramme(a.Preferences(), "four-weeks", testStart)
	s.ShowProgramme()
	refreshed(t, s)
	if !s.plan.status.Visible() {
		t.Error("a failed load is not mentioned")
	}
	store.mu.Lock()
	store.err = nil
	store.mu.Unlock()
	refreshed(t, s)
	if s.plan.status.Visible() {
		t.Error("the failure note stays after a good load")
	}
}

func TestProgrammePastTheEnd(t *testing.T) {
	s, a, _, _ := newScreen(t, nil)
	StartProgramme(a.Preferences(), "four-weeks", testNow.AddDate(0, 0, -40))
	s.Refresh()
	want := "You've come to the end of these 28 days. Any day is still here to revisit, and you can start again whenever you wish."
	if s.plan.where.Text != want || s.overview.progText.Text != want {
		t.Errorf("where: %q; overview %q", s.plan.where.Text, s.overview.progText.Text)
	}
	if s.overview.progToday.Visible() {
		t.Error("a today's step is offered past the end")
	}
	if !s.plan.days[27].today.Visible() {
		t.Error("the last day is not today's")
	}
}

func TestPackProgrammeInChooser(t *testing.T) {
	a := newTestApp(t)
	lib := packLibrary(t)
	s := New(lib, nil, a.Preferences(), (&clock{t: testNow}).now, (&navLog{}).nav())
	test.NewTempWindow(t, s.Content())
	s.ShowProgramme()
	if !s.plan.chooser.Visible() {
		t.Fatal("no chooser with two programmes")
	}
	want := []string{"Four weeks of compassionate practice", "A week with the Tuesday group"}
	if !slices.Equal(s.plan.chooser.Options, want) {
		t.Fatalf("chooser offers %q, want %q", s.plan.chooser.Options, want)
	}
	s.plan.chooser.SetSelected("A week with the Tuesday group")
	if s.plan.p.ID != "group-week" || len(s.plan.days) != 7 || len(s.plan.weeks.Items) != 1 {
		t.Fatalf("chose %s with %d days", s.plan.p.ID, len(s.plan.days))
	}
	if got := a.Preferences().String(PrefProgramme); got != "group-week" {
		t.Errorf("%s = %q", PrefProgramme, got)
	}
	if s.overview.progTitle.Text != "A week with the Tuesday group" {
		t.Errorf("the overview shows %q", s.overview.progTitle.Text)
	}
	test.Tap(s.plan.start)
	step, ok := Today(lib, a.Preferences(), nil, testNow)
	if !ok || step.Programme.ID != "group-week" || step.Number != 1 || step.Day.Title != "Arriving" {
		t.Errorf("Today = %+v, %v", step, ok)
	}

	// A new library without the pack falls back to the built-in programme.
	s.SetLibrary(builtinLibrary(t))
	if s.plan.p.ID != "four-weeks" || s.plan.chooser.Visible() {
		t.Errorf("after the pack went, showing %s", s.plan.p.ID)
	}
}

func TestStopDropsRecords(t *testing.T) {
	store := &fakeStore{recs: []journal.Record{session("safe-place", testNow)}}
	s, _, _, _ := newScreen(t, store)
	refreshed(t, s)
	if len(s.done.practice) != 1 {
		t.Fatal("records not loaded")
	}
	s.Stop()
	if s.done.practice != nil {
		t.Error("records kept after Stop")
	}
}

func TestLessonSegmentsLeaveOutImages(t *testing.T) {
	segs := lessonSegments("Some text.\n\n![a tracker](https://example.org/pixel.png)\n\n## A heading\n\n- one\n- two\n\nAfter the list.")
	var kinds []string
	for _, seg := range segs {
		switch x := seg.(type) {
		case *widget.ImageSegment:
			t.Errorf("an image from %v is shown", x.Source)
		case *gapSegment:
			kinds = append(kinds, "gap")
		case *widget.ListSegment:
			kinds = append(kinds, "list")
		case *widget.TextSegment:
			if isHeading(x) {
				kinds = append(kinds, "heading")
			}
		}
	}
	if want := []string{"gap", "heading", "list", "gap"}; !slices.Equal(kinds, want) {
		t.Errorf("blocks %v, want %v", kinds, want)
	}
}
