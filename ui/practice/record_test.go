package practice

import (
	"maps"
	"testing"
	"time"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

func TestSessionRecord(t *testing.T) {
	builtin := &resources.Practice{ID: "safe-place", Title: "A safe, calm place", PackID: resources.BuiltinID}
	packed := &resources.Practice{ID: "river", Title: "River", PackID: "group-pack"}
	cases := []struct {
		name        string
		s           session
		wantMeta    map[string]string
		wantRatings map[string]int
	}{
		{
			name: "completed built-in, no ratings",
			s:    session{practice: builtin, minutes: 10, played: 600*time.Second + 900*time.Millisecond, completed: true, before: noRating, after: noRating},
			wantMeta: map[string]string{"practice_id": "safe-place", "practice_title": "A safe, calm place",
				"seconds": "600", "completed": "true", "length_minutes": "10"},
		},
		{
			name: "ended early from a pack, both ratings",
			s:    session{practice: packed, minutes: 3, played: 95 * time.Second, before: 7, after: 4},
			wantMeta: map[string]string{"practice_id": "river", "practice_title": "River", "pack_id": "group-pack",
				"seconds": "95", "completed": "false", "length_minutes": "3"},
			wantRatings: map[string]int{"before": 7, "after": 4},
		},
		{
			name: "a rating of zero is kept",
			s:    session{practice: builtin, minutes: 15, played: time.Minute, before: 0, after: noRating},
			wantMeta: map[string]string{"practice_id": "safe-place", "practice_title": "A safe, calm place",
				"seconds": "60", "completed": "false", "length_minutes": "15"},
			wantRatings: map[string]int{"before": 0},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.s.Record()
			if r.Kind != journal.KindPracticeSession || r.Title != c.s.practice.Title {
				t.Errorf("kind %q title %q", r.Kind, r.Title)
			}
			if !maps.Equal(r.Meta, c.wantMeta) {
				t.Errorf("meta = %v, want %v", r.Meta, c.wantMeta)
			}
			if !maps.Equal(r.Ratings, c.wantRatings) {
				t.Errorf("ratings = %v, want %v", r.Ratings, c.wantRatings)
			}
			if !r.Kind.Valid() {
				t.Error("invalid kind")
			}
		})
	}
}

func TestWorthSaving(t *testing.T) {
	for _, c := range []struct {
		played    time.Duration
		completed bool
		want      bool
	}{
		{0, false, false},
		{29 * time.Second, false, false},
		{30 * time.Second, false, true},
		{10 * time.Second, true, true},
	} {
		s := session{played: c.played, completed: c.completed}
		if got := s.worthSaving(); got != c.want {
			t.Errorf("played %v completed %v: worthSaving = %v, want %v", c.played, c.completed, got, c.want)
		}
	}
}

func TestPromptFor(t *testing.T) {
	lib := builtinLibrary(t)
	for _, c := range []struct{ practice, want string }{
		// A programme day pairs the practice with a prompt.
		{"compassion-flowing-in", "flows-receiving"},
		{"soothing-rhythm-breathing-short", "after-practice-noticed"},
		// No programme day does, but a lesson does.
		{"compassion-flowing-out", "flows-which-is-hardest"},
		{"self-compassion-break", "common-humanity-not-alone"},
		// Neither: the general after-practice prompt.
		{"kind-body-scan", "after-practice-noticed"},
		{"no-such-practice", "after-practice-noticed"},
	} {
		if got := PromptFor(lib, c.practice); got != c.want {
			t.Errorf("PromptFor(%q) = %q, want %q", c.practice, got, c.want)
		}
		if lib.Prompt(c.want) == nil {
			t.Errorf("prompt %q is not in the library", c.want)
		}
	}
	if got := PromptFor(&resources.Library{}, "safe-place"); got != "" {
		t.Errorf("an empty library offers prompt %q", got)
	}
}

func TestClock(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "0:00"},
		{0, "0:00"},
		{999 * time.Millisecond, "0:00"},
		{65 * time.Second, "1:05"},
		{10 * time.Minute, "10:00"},
		{time.Hour + 2*time.Minute + 3*time.Second, "1:02:03"},
	} {
		if got := clock(c.d); got != c.want {
			t.Errorf("clock(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestPickLength(t *testing.T) {
	for _, c := range []struct {
		lengths   []int
		want, got int
	}{
		{[]int{5, 10, 15}, 10, 10},
		{[]int{10, 15, 20}, 5, 10},
		{[]int{3, 5}, 20, 5},
		{[]int{5, 10}, 7, 5},
	} {
		if got := pickLength(c.lengths, c.want); got != c.got {
			t.Errorf("pickLength(%v, %d) = %d, want %d", c.lengths, c.want, got, c.got)
		}
	}
}

func TestGroupsKeepUnknownCategories(t *testing.T) {
	lib := &resources.Library{Practices: []*resources.Practice{
		{ID: "a", Category: "future-category"},
		{ID: "b", Category: resources.CategorySilent},
		{ID: "c", Category: resources.CategoryBreathing},
		{ID: "d", Category: resources.CategoryBreathing},
	}}
	g := Groups(lib)
	var got []string
	for _, x := range g {
		for _, p := range x.Practices {
			got = append(got, string(x.Category)+"/"+p.ID)
		}
	}
	want := []string{"breathing/c", "breathing/d", "silent/b", "future-category/a"}
	if len(got) != len(want) {
		t.Fatalf("groups = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("groups = %v, want %v", got, want)
		}
	}
}
