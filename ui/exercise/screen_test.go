package exercise

import (
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// fill answers every field of the step on show and records what it gave.
func (h *harness) fill(st resources.ExerciseStep, text map[string]string, ratings map[string]int) {
	h.t.Helper()
	f := h.form()
	for i, fd := range st.Fields {
		switch fd.Type {
		case resources.FieldLongText:
			v := "Some words for " + fd.ID + ".\n\nA second paragraph."
			f.entries[fd.ID].SetText(v)
			text[fd.ID] = v
		case resources.FieldShortText:
			v := "short " + fd.ID
			test.Type(f.entries[fd.ID], v)
			text[fd.ID] = v
		case resources.FieldChoice:
			f.choices[fd.ID].SetSelected(fd.Choices[1])
			text[fd.ID] = fd.Choices[1]
		case resources.FieldRating10:
			v := 2 + i%5
			f.ratings[fd.ID].slider.SetValue(float64(v))
			ratings[fd.ID] = v
		case resources.FieldRating100:
			v := 35 + 10*i
			f.ratings[fd.ID].slider.SetValue(float64(v))
			ratings[fd.ID] = v
		default:
			h.t.Fatalf("field type %q not covered", fd.Type)
		}
	}
}

func TestEveryExerciseEndToEnd(t *testing.T) {
	pk, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(pk.Exercises) < 6 {
		t.Fatalf("only %d built-in exercises", len(pk.Exercises))
	}
	for _, ex := range pk.Exercises {
		t.Run(ex.ID, func(t *testing.T) {
			h := newHarness(t)
			if err := h.s.Open(ex.ID); err != nil {
				t.Fatal(err)
			}
			f := h.form()
			if ex.SafetyNote != "" && !h.shows(ex.SafetyNote) {
				t.Error("the safety note is not shown on the first step")
			}
			text, ratings := map[string]string{}, map[string]int{}
			for i, st := range ex.Steps {
				want := fmt.Sprintf("Step %d of %d", i+1, len(ex.Steps))
				if f.stepLabel.String() != want {
					t.Fatalf("step label %q, want %q", f.stepLabel.String(), want)
				}
				if !h.shows(st.Title) {
					t.Errorf("step %d title not shown", i+1)
				}
				h.fill(st, text, ratings)
				if i == len(ex.Steps)-1 && f.next.Text != "Finish" {
					t.Errorf("last step's button says %q", f.next.Text)
				}
				test.Tap(f.next)
			}
			if h.s.form != nil {
				t.Fatal("the form is still open after Finish")
			}
			r := h.only()
			if r.Kind != journal.Kind(ex.RecordKind) || r.Title != ex.Title {
				t.Errorf("kind %q title %q", r.Kind, r.Title)
			}
			if !maps.Equal(r.Fields, text) {
				t.Errorf("fields = %v\nwant %v", r.Fields, text)
			}
			if len(ratings) == 0 && r.Ratings != nil || len(ratings) > 0 && !maps.Equal(r.Ratings, ratings) {
				t.Errorf("ratings = %v, want %v", r.Ratings, ratings)
			}
			if r.Meta[MetaExerciseID] != ex.ID || r.Meta[MetaDraft] != "" || r.Meta[MetaStep] != "" {
				t.Errorf("meta = %v", r.Meta)
			}
			for _, st := range ex.Steps {
				if len(st.Fields) > 0 && !strings.Contains(r.Body, "## "+st.Title) {
					t.Errorf("body lacks the step %q", st.Title)
				}
				for _, fd := range st.Fields {
					if !strings.Contains(r.Body, oneLine(fd.Label)) {
						t.Errorf("body lacks the label %q", fd.Label)
					}
				}
			}
			for id, v := range text {
				if !strings.Contains(r.Body, strings.Split(v, "\n")[0]) {
					t.Errorf("body lacks the answer to %s", id)
				}
			}
			if !h.shows("Thank you for taking this time") {
				t.Error("no thank-you after finishing")
			}
			for _, v := range text {
				if ex.ID != "multiple-selves" && ex.ID != "compassionate-letter" && !h.shows(strings.Split(v, "\n")[0]) {
					t.Errorf("finished view lacks %q", v)
				}
			}
		})
	}
}

func TestOptionalFieldsFinishEmpty(t *testing.T) {
	h := newHarness(t)
	for _, ex := range h.lib.Exercises {
		if err := h.s.Open(ex.ID); err != nil {
			t.Fatal(err)
		}
		for range ex.Steps {
			test.Tap(h.form().next)
		}
		if h.s.form != nil {
			t.Fatalf("%s: could not finish with nothing filled", ex.ID)
		}
		if !h.shows("You left every question open this time") {
			t.Errorf("%s: no gentle word for an empty exercise", ex.ID)
		}
		h.tapButton("Back to exercises")
	}
	rs := h.records()
	if len(rs) != len(h.lib.Exercises) {
		t.Fatalf("%d records, want %d", len(rs), len(h.lib.Exercises))
	}
	for _, r := range rs {
		if r.Fields != nil || r.Ratings != nil || isDraft(r) || r.Meta[MetaExerciseID] == "" {
			t.Errorf("%s: %+v", r.Kind, r)
		}
	}
}

func TestDraftAutosaveAndResume(t *testing.T) {
	h := newHarness(t)
	if err := h.s.Open("thought-record"); err != nil {
		t.Fatal(err)
	}
	f := h.form()
	test.Type(f.entries["situation"], "The meeting ran late")
	if f.status.String() == "Saved" {
		t.Fatal(`"Saved" shown before anything was saved`)
	}
	if len(h.records()) != 0 {
		t.Fatal("saved before typing paused")
	}
	h.timers.fire(autosaveDelay)
	r := h.only()
	if !isDraft(r) || r.Meta[MetaStep] != "0" || r.Fields["situation"] != "The meeting ran late" {
		t.Fatalf("draft = %+v", r)
	}
	if f.status.String() != "Saved" {
		t.Errorf("status %q after the save", f.status.String())
	}
	test.Tap(f.next)
	if got := h.only().Meta[MetaStep]; got != "1" {
		t.Errorf("step after Next = %q, want 1", got)
	}
	test.Type(f.entries["feeling"], "anxious")
	h.s.Stop() // before the timer: Stop must flush
	if got := h.only().Fields["feeling"]; got != "anxious" {
		t.Errorf("Stop did not flush: feeling = %q", got)
	}
	if h.timers.live() != 0 {
		t.Errorf("%d timers still live after Stop", h.timers.live())
	}

	// Another session: the list offers the draft, which opens on step 2.
	s2 := h.newScreen()
	w := test.NewTempWindow(t, s2.Content())
	w.Resize(fyne.NewSize(900, 700))
	if len(s2.saved) != 1 || !strings.Contains(shownText(s2.Content()), "Draft — continue") {
		t.Fatalf("the list does not offer the draft:\n%s", shownText(s2.Content()))
	}
	s2.list.Select(0)
	f2 := s2.form
	if f2 == nil || f2.step != 1 || f2.stepLabel.String() != "Step 2 of 7" {
		t.Fatalf("resumed on the wrong step: %+v", f2)
	}
	if f2.entries["situation"].Text != "The meeting ran late" || f2.entries["feeling"].Text != "anxious" {
		t.Error("resumed draft lost its answers")
	}
	// Open by exercise ID continues the draft too, even before the list has loaded.
	s3 := New(h.lib, h.store, h.app.Preferences(), h.spotter, func() time.Time { return h.now })
	if err := s3.Open("thought-record"); err != nil || s3.form.rec.ID != h.only().ID || s3.form.step != 1 {
		t.Errorf("Open did not continue the draft (%v)", err)
	}
}

func TestNoRecordUntilSomethingIsWritten(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("critic-function")
	test.Tap(h.form().next)
	test.Tap(h.form().back)
	h.s.Stop()
	h.tapButton("Exercises")
	if n := len(h.records()); n != 0 {
		t.Errorf("%d records saved for an untouched exercise", n)
	}
}

func TestReopenFinishedAndEdit(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("fears-and-blocks")
	f := h.form()
	test.Tap(f.next)
	f.entries["giving_blocks"].SetText("I worry about being drained.")
	for f.step < len(f.ex.Steps)-1 {
		test.Tap(f.next)
	}
	test.Tap(f.next)
	id := h.only().ID
	h.tapButton("Back to exercises")
	if !h.shows("Fears and blocks to compassion") {
		t.Fatal("the finished exercise is not listed")
	}
	h.s.list.Select(0)
	if h.s.form != nil || !h.shows("I worry about being drained.") {
		t.Fatal("a finished exercise should open in its finished view")
	}
	h.tapButton("Edit your answers")
	f = h.form()
	if f.step != 0 || !f.finished {
		t.Fatalf("edit opened on step %d finished=%v", f.step, f.finished)
	}
	test.Tap(f.next)
	f.entries["giving_blocks"].SetText("I worry about being drained, less now.")
	h.timers.fire(autosaveDelay)
	r := h.only()
	if r.ID != id || isDraft(r) || r.Fields["giving_blocks"] != "I worry about being drained, less now." {
		t.Errorf("edit saved %+v", r)
	}
	if !strings.Contains(r.Body, "less now") {
		t.Error("the body was not re-rendered")
	}
	revs, err := h.vault.Revisions(id)
	if err != nil || len(revs) == 0 {
		t.Fatalf("no earlier revision kept: %v", err)
	}
	if prev := revs[0]; prev.Fields["giving_blocks"] != "I worry about being drained." || isDraft(prev) {
		t.Errorf("the newest revision is not the finished original: %+v", prev)
	}
}

func TestSaveErrorKeepsText(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("compassionate-letter")
	f := h.form()
	f.move(+1)
	f.move(+1)
	h.store.fail = errDisk
	letter := "Dear me,\n\nIt makes sense you're tired."
	f.entries["letter"].SetText(letter)
	h.timers.fire(autosaveDelay)
	if !strings.Contains(f.status.String(), "couldn't save") || !f.retry.Visible() {
		t.Fatalf("no kind message: %q", f.status.String())
	}
	if f.entries["letter"].Text != letter || !f.dirty {
		t.Fatal("the letter was lost after a failed save")
	}
	if err := h.s.Flush(); err == nil {
		t.Error("Flush hid the error")
	}
	test.Tap(f.next) // moving on still works; the words stay
	if f.step != 3 {
		t.Errorf("step %d", f.step)
	}
	h.store.fail = nil
	test.Tap(f.retry)
	if h.only().Fields["letter"] != letter || f.status.String() != "Saved" || f.retry.Visible() {
		t.Errorf("retry did not save: %q", f.status.String())
	}
}

func TestFinishErrorStaysOnForm(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("three-circles-checkin")
	f := h.form()
	f.entries["note"].SetText("busy day")
	h.store.fail = errDisk
	test.Tap(f.next)
	if h.s.form != f || f.entries["note"].Text != "busy day" {
		t.Fatal("a failed finish left the form")
	}
	h.store.fail = nil
	test.Tap(f.next)
	if h.s.form != nil || isDraft(h.only()) {
		t.Error("finish did not work after the error cleared")
	}
}

func TestThoughtRecordBeforeAfter(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("thought-record")
	f := h.form()
	test.Tap(f.next)
	f.entries["feeling"].SetText("anxious")
	f.ratings["feeling_intensity_before"].slider.SetValue(80)
	f.ratings["body_intensity_before"].slider.SetValue(60)
	f.ratings["second_feeling_intensity_before"].slider.SetValue(40) // no after: no pair
	for f.step < len(f.ex.Steps)-1 {
		test.Tap(f.next)
	}
	f.ratings["feeling_intensity_after"].slider.SetValue(55)
	f.ratings["body_intensity_after"].slider.SetValue(60)
	test.Tap(f.next)
	for _, want := range []string{
		"Before and after",
		"Your main feeling (anxious) eased from 80 to 55.",
		"The feelings in your body stayed at 60.",
		"Before: 80", "Now: 55",
	} {
		if !h.shows(want) {
			t.Errorf("finished view lacks %q", want)
		}
	}
	if h.shows("Your other feeling") {
		t.Error("a pair without an after rating is shown")
	}
}

func TestPairs(t *testing.T) {
	pk, _ := resources.Builtin()
	lib := resources.NewLibrary(pk)
	tr := lib.Exercise("thought-record")
	tests := []struct {
		name    string
		fields  map[string]string
		ratings map[string]int
		want    []string
	}{
		{"none", nil, nil, nil},
		{"eased, named", map[string]string{"feeling": "ashamed"}, map[string]int{"feeling_intensity_before": 90, "feeling_intensity_after": 40},
			[]string{"Your main feeling (ashamed) eased from 90 to 40."}},
		{"rose, unnamed", nil, map[string]int{"second_feeling_intensity_before": 20, "second_feeling_intensity_after": 35},
			[]string{"Your other feeling went from 20 to 35. Looking closely at something hard can stir it up for a while; that's understandable."}},
		{"zero counts", nil, map[string]int{"body_intensity_before": 0, "body_intensity_after": 0},
			[]string{"The feelings in your body stayed at 0. That's okay: sometimes a feeling keeps its size and there is a little more room around it."}},
		{"only after", nil, map[string]int{"feeling_intensity_after": 10}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range Pairs(tr, journal.Record{Fields: tc.fields, Ratings: tc.ratings}) {
				got = append(got, PairSentence(p))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
	letter := lib.Exercise("compassionate-letter")
	ps := Pairs(letter, journal.Record{Ratings: map[string]int{"distress_before": 7, "distress_after": 4}})
	if len(ps) != 1 || ps[0].Max != 10 || PairSentence(ps[0]) != "How upset you felt eased from 7 to 4." {
		t.Errorf("letter pairs %+v", ps)
	}
}

func TestLetterRereadAndDueLetters(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("compassionate-letter")
	f := h.form()
	test.Tap(f.next)
	test.Tap(f.next)
	f.entries["letter"].SetText("Dear you,\n\nThis has been hard.\n\nYou are doing your best.")
	test.Tap(f.next)
	test.Tap(f.next)
	if !h.shows("Read it slowly") {
		t.Fatal("no offer to read the letter slowly")
	}
	h.tapButton("Remind me in a few days")
	r := h.only()
	want := time.Date(2026, 11, 28, 0, 0, 0, 0, h.now.Location()).Format(time.RFC3339)
	if r.Meta[MetaRereadAfter] != want {
		t.Fatalf("reread_after = %q, want %q", r.Meta[MetaRereadAfter], want)
	}
	if !h.shows("Hearth will remind you to read it again from 28 November.") {
		t.Error("the reminder date is not shown")
	}
	if got := DueLetters(h.records(), h.now); len(got) != 0 {
		t.Errorf("due already: %v", got)
	}
	h.now = h.now.Add(3 * 24 * time.Hour)
	if got := DueLetters(h.records(), h.now); len(got) != 1 || got[0].ID != r.ID {
		t.Fatalf("not due after three days: %v", got)
	}
	// Home opens it: the reader shows one paragraph at a time.
	if err := h.s.OpenRecord(r.ID); err != nil {
		t.Fatal(err)
	}
	rd := h.s.reader
	if rd == nil || rd.shown() != "Dear you," || rd.count.String() != "1 of 3" {
		t.Fatalf("reader: %+v", rd)
	}
	test.Tap(rd.next)
	if rd.shown() != "This has been hard." {
		t.Errorf("second paragraph %q", rd.shown())
	}
	test.Tap(rd.toggle)
	if !strings.Contains(rd.shown(), "You are doing your best.") || !strings.Contains(rd.shown(), "Dear you,") {
		t.Error("whole letter not shown")
	}
	got := h.only()
	if got.Meta[MetaRereadAfter] != "" || got.Meta[MetaRereadOn] == "" {
		t.Errorf("reading it through did not settle the reminder: %v", got.Meta)
	}
	if len(DueLetters(h.records(), h.now)) != 0 {
		t.Error("still due after rereading")
	}
	test.Tap(rd.next) // "I've read it" closes the reader
	if h.s.reader != nil || !h.shows("Your letter") {
		t.Error("the reader did not close back to the letter")
	}
}

func TestDueLetters(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	at := func(d time.Duration) string { return now.Add(d).Format(time.RFC3339) }
	letter := func(id, after string, draft bool) journal.Record {
		r := journal.Record{ID: id, Kind: journal.KindLetter, Meta: map[string]string{}}
		if after != "" {
			r.Meta[MetaRereadAfter] = after
		}
		if draft {
			r.Meta[MetaDraft] = "true"
		}
		return r
	}
	recs := []journal.Record{
		letter("later", at(time.Hour), false),
		letter("due-recent", at(-time.Hour), false),
		letter("due-old", at(-48*time.Hour), false),
		letter("exactly", at(0), false),
		letter("none", "", false),
		letter("draft", at(-time.Hour), true),
		letter("garbage", "next tuesday", false),
		{ID: "entry", Kind: journal.KindEntry, Meta: map[string]string{MetaRereadAfter: at(-time.Hour)}},
	}
	var ids []string
	for _, r := range DueLetters(recs, now) {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, ","); got != "due-old,due-recent,exactly" {
		t.Errorf("due = %s", got)
	}
	if got := DueLetters(nil, now); len(got) != 0 {
		t.Errorf("due from nothing: %v", got)
	}
}

func TestMultipleSelvesPanels(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("multiple-selves")
	f := h.form()
	for _, self := range []string{"angry", "anxious", "sad"} {
		f.entries[self+"_thoughts"].SetText(self + " thoughts here")
		f.entries[self+"_body"].SetText(self + " in the body")
	}
	f.entries["compassionate_understanding"].SetText("everyone was scared")
	for f.step < len(f.ex.Steps)-1 {
		test.Tap(f.next)
	}
	test.Tap(f.next)
	var panels []string
	walk(h.s.Content(), func(o fyne.CanvasObject) {
		if g, ok := o.(*fyne.Container); ok {
			if _, ok := g.Layout.(*gridRows); ok {
				for _, c := range g.Objects {
					panels = append(panels, shownText(c))
				}
			}
		}
	})
	want := []string{"Your angry self", "Your anxious self", "Your sad self", "Your compassionate self"}
	if len(panels) != 4 {
		t.Fatalf("%d panels", len(panels))
	}
	for i, p := range panels {
		if !strings.Contains(p, want[i]) || (i < 3 && !strings.Contains(p, want[i][5:len(want[i])-5]+" thoughts here")) {
			t.Errorf("panel %d = %q, want %s and its answers", i, p, want[i])
		}
	}
	for _, s := range []string{"angry thoughts here", "sad in the body", "everyone was scared"} {
		if !h.shows(s) {
			t.Errorf("panels lack %q", s)
		}
	}
	ps := Panels(f.ex, h.only())
	if len(ps) != 4 || len(ps[3].Answers) != 1 || ps[3].Answers[0].FieldID != "compassionate_understanding" {
		t.Errorf("Panels = %+v", ps)
	}
	if ps := Panels(h.lib.Exercise("thought-record"), h.only()); ps != nil {
		t.Errorf("the thought record (with only compassionate_action) has panels: %+v", ps)
	}
}

func TestRatingsOptionalAndClear(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("three-circles-checkin")
	f := h.form()
	rf := f.ratings["threat"]
	if _, rated := rf.get(); rated || rf.value.String() != "Not rated" {
		t.Fatalf("a new rating shows %q", rf.value.String())
	}
	// A tap at the far left rates 0, where the slider already rests.
	test.TapAt(rf.slider, fyne.NewPos(1, rf.slider.Size().Height/2))
	if v, rated := rf.get(); !rated || v != 0 || rf.value.String() != "0 / 10" {
		t.Fatalf("tap at 0: %v %v %q", v, rated, rf.value.String())
	}
	f.ratings["soothing"].slider.SetValue(6)
	test.Tap(rf.clear)
	if _, rated := rf.get(); rated || rf.value.String() != "Not rated" || !rf.clear.Disabled() {
		t.Error("Clear did not unrate")
	}
	test.Tap(f.next)
	r := h.only()
	if _, ok := r.Ratings["threat"]; ok || r.Ratings["soothing"] != 6 {
		t.Errorf("ratings %v", r.Ratings)
	}
}

func TestHighDistressOffersSupportOnce(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("compassionate-letter")
	f := h.form()
	f.ratings["distress_before"].slider.SetValue(5)
	if h.support != 0 {
		t.Fatal("support offered at 5")
	}
	f.ratings["distress_before"].slider.SetValue(9)
	f.ratings["distress_before"].slider.SetValue(10)
	if h.support != 1 {
		t.Errorf("support offered %d times, want 1", h.support)
	}
	// Not a distress field: warmth 9 is good news.
	for f.step < 3 {
		test.Tap(f.next)
	}
	f.ratings["warmth"].slider.SetValue(9)
	if h.support != 1 {
		t.Error("support offered for warmth")
	}
	// 0–100: 80 is very high.
	_ = h.s.Open("thought-record")
	g := h.form()
	test.Tap(g.next)
	g.ratings["feeling_intensity_before"].slider.SetValue(79)
	g.ratings["body_intensity_before"].slider.SetValue(80)
	if h.support != 2 {
		t.Errorf("support offered %d times, want 2", h.support)
	}
}

func TestLetterReaderFromForm(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("compassionate-letter")
	f := h.form()
	f.move(2)
	f.entries["letter"].SetText("One line only")
	test.Tap(f.next)
	h.tapButton("Read your letter slowly")
	if h.s.reader == nil || h.s.reader.shown() != "One line only" {
		t.Fatal("reader not opened on the letter")
	}
	h.tapButton("Close")
	if h.s.form != f || f.step != 3 {
		t.Error("closing the reader did not return to the form")
	}
}

func TestLetterParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"one", "one"},
		{"a\n\nb\n\n\n\nc", "a|b|c"},
		{"a\nb\nc", "a|b|c"},
		{"a\r\n\r\nb\nstill b", "a|b\nstill b"},
		{"  \n\n  ", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(letterParagraphs(tc.in), "|"); got != tc.want {
			t.Errorf("letterParagraphs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOpenUnknown(t *testing.T) {
	h := newHarness(t)
	if err := h.s.Open("no-such"); err == nil {
		t.Error("Open of an unknown exercise worked")
	}
	r, err := h.vault.Create(journal.Record{Kind: "something-else", Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.s.OpenRecord(r.ID); err == nil {
		t.Error("OpenRecord of a record from no exercise worked")
	}
	if err := h.s.OpenRecord("nope"); err == nil {
		t.Error("OpenRecord of a missing record worked")
	}
}

func TestListNewestFirstAndOnlyExercises(t *testing.T) {
	h := newHarness(t)
	if _, err := h.vault.Create(journal.Record{Kind: journal.KindEntry, Body: "journal entry"}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"three-circles-checkin", "fears-and-blocks"} {
		_ = h.s.Open(id)
		h.form().entries[map[string]string{"three-circles-checkin": "note", "fears-and-blocks": "giving_blocks"}[id]].SetText("x")
		h.s.Stop()
		h.now = h.now.Add(time.Minute)
	}
	s2 := h.newScreen()
	if len(s2.saved) != 2 || s2.saved[0].Title != "Fears and blocks to compassion" {
		t.Errorf("saved list: %d, first %q", len(s2.saved), s2.saved[0].Title)
	}
}

func TestRefreshKeepsWhatWasSavedMeanwhile(t *testing.T) {
	h := newHarness(t)
	var work, done func()
	h.s.background = func(w, d func()) { work, done = w, d }
	h.s.Refresh()
	work() // the list is read before the save below
	_ = h.s.Open("three-circles-checkin")
	h.form().entries["note"].SetText("calm morning")
	h.s.Stop()
	done()
	if len(h.s.saved) != 1 || h.s.saved[0].Fields["note"] != "calm morning" {
		t.Errorf("the list lost the record saved during a refresh: %+v", h.s.saved)
	}
}
