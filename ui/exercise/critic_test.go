package exercise

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestCriticNotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // phrases noted
	}{
		{"label and absolute", "I'm useless and I always mess up", []string{"useless", "always"}},
		{"negated", "I'm not useless", nil},
		{"plain", "The meeting ran late and I felt tired.", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			n := NewCriticNotes(h.spotter)
			n.after = h.timers.after
			test.NewTempWindow(t, n)
			n.SetText(tc.text)
			if len(n.Phrases()) != 0 {
				t.Fatal("notes before typing paused")
			}
			h.timers.fire(criticPause)
			got := strings.Join(n.Phrases(), "|")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("phrases %q lack %q", got, w)
				}
			}
			if len(tc.want) == 0 && got != "" {
				t.Errorf("noted %q", got)
			}
			shown := shownText(n)
			if len(tc.want) > 0 {
				if !strings.Contains(shown, "harsh labels") || !strings.Contains(shown, "Hide these") {
					t.Errorf("notes show:\n%s", shown)
				}
				for _, q := range h.spotter.Questions("label") {
					if strings.Contains(shown, q) {
						return
					}
				}
				t.Errorf("no compassionate question for the label in:\n%s", shown)
			} else if strings.TrimSpace(shown) != "" {
				t.Errorf("notes show %q for nothing", shown)
			}
		})
	}
}

func TestCriticNotesNoSpotter(t *testing.T) {
	h := newHarness(t)
	n := NewCriticNotes(nil)
	n.after = h.timers.after
	n.SetText("I'm useless")
	h.timers.fire(0)
	if len(n.Phrases()) != 0 || strings.TrimSpace(shownText(n)) != "" {
		t.Error("notes without a spotter")
	}
}

func TestCriticNotesInThoughtRecordAndHide(t *testing.T) {
	h := newHarness(t)
	_ = h.s.Open("thought-record")
	f := h.form()
	f.move(2)
	test.Type(f.entries["thoughts_self"], "I'm useless and I always mess up")
	if h.shows("harsh labels") {
		t.Fatal("notes before typing paused")
	}
	h.timers.fire(criticPause)
	if !h.shows("harsh labels") || !h.shows("useless”") {
		t.Fatalf("no notes under the thought:\n%s", shownText(h.s.Content()))
	}
	test.Type(f.entries["thoughts_others"], "they think I'm stupid")
	h.timers.fire(criticPause)
	if len(f.notes["thoughts_others"].Phrases()) == 0 {
		t.Error("no notes under thoughts about others")
	}
	// Hide these: every note goes, and the preference remembers.
	c := findCheck(h.s.Content(), "Hide these")
	if c == nil {
		t.Fatal("no Hide these switch")
	}
	test.Tap(c)
	if h.shows("harsh labels") || h.app.Preferences().BoolWithFallback(PrefCriticEnabled, true) {
		t.Fatal("Hide these did not hide the notes or keep the preference")
	}
	for id, n := range f.notes {
		if n.Enabled() {
			t.Errorf("%s still enabled", id)
		}
	}
	// Another form starts hidden; the quiet button brings the notes back.
	h.s.Stop()
	s2 := h.newScreen()
	_ = s2.Open("thought-record")
	f2 := s2.form
	if f2.notes["thoughts_self"].Enabled() {
		t.Fatal("the preference was not used by a new form")
	}
	if f2.step != 2 {
		t.Fatalf("the draft resumed on step %d, want the thoughts (2)", f2.step)
	}
	test.Tap(findButton(s2.Content(), "Show notes about the inner critic"))
	if !h.app.Preferences().Bool(PrefCriticEnabled) || !strings.Contains(shownText(s2.Content()), "harsh labels") {
		t.Error("showing the notes again did not work")
	}
}

func TestPickQuestionStable(t *testing.T) {
	qs := []string{"a", "b", "c"}
	if pickQuestion(qs, "I'm useless") != pickQuestion(qs, "i'm USELESS") {
		t.Error("the question changes with case")
	}
	if pickQuestion(nil, "x") != "" {
		t.Error("a question from nothing")
	}
}
