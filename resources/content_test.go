package resources

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestBuiltinContent loads the bundled content and checks it against the content
// contract (/tmp/hearth/ids.md at the time of writing): the fixed IDs, how much there
// is, and that every reference resolves (the loader refuses broken references).
func TestBuiltinContent(t *testing.T) {
	pk, err := Builtin()
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				t.Error(p)
			}
		}
		t.Fatal(err)
	}
	if pk.Manifest.ID != BuiltinID {
		t.Errorf("ID = %q", pk.Manifest.ID)
	}

	t.Run("practices", func(t *testing.T) {
		want := []struct {
			id   string
			cat  Category
			kind PracticeKind
		}{
			{"soothing-rhythm-breathing-short", CategoryBreathing, KindGuided},
			{"soothing-rhythm-breathing", CategoryBreathing, KindGuided},
			{"safe-place", CategoryImagery, KindGuided},
			{"compassionate-self", CategoryCompassionateSelf, KindGuided},
			{"compassionate-other", CategoryImagery, KindGuided},
			{"compassion-flowing-out", CategoryCompassionFlows, KindGuided},
			{"compassion-flowing-in", CategoryCompassionFlows, KindGuided},
			{"self-compassion-break", CategoryHardMoments, KindGuided},
			{"kind-body-scan", CategoryBody, KindGuided},
			{"preparing-compassionate-letter", CategoryPreparation, KindGuided},
			{"preparing-multiple-selves", CategoryPreparation, KindGuided},
			{"breathing-space", CategoryHardMoments, KindGuided},
			{"silent-timer", CategorySilent, KindTimer},
			{"breathing-pacer", CategoryBreathing, KindPacer},
		}
		for _, w := range want {
			p := pk.Practice(w.id)
			if p == nil {
				t.Errorf("practice %s is missing", w.id)
				continue
			}
			if p.Category != w.cat || p.Kind != w.kind {
				t.Errorf("%s: category %s kind %s, want %s %s", w.id, p.Category, p.Kind, w.cat, w.kind)
			}
		}
		count := map[PracticeKind]int{}
		for _, p := range pk.Practices {
			count[p.Kind]++
			if p.Kind == KindGuided && len(p.Lengths) > 1 && !hasStretch(&p) {
				t.Errorf("%s plays at %v minutes but no step stretches", p.ID, p.Lengths)
			}
			if p.Audio != "" {
				t.Errorf("%s: built-in practices are voiced from their steps, not one recording", p.ID)
			}
		}
		if count[KindGuided] < 12 || count[KindTimer] < 1 || count[KindPacer] < 1 {
			t.Errorf("practices by kind: %v; want at least 12 guided, a timer and a pacer", count)
		}
	})

	t.Run("prompts", func(t *testing.T) {
		themes := map[string]bool{}
		n := 0
		for _, th := range pk.PromptThemes {
			themes[th.ID] = true
			n += len(th.Prompts)
		}
		for _, th := range []string{"inner-critic", "common-humanity", "soothing-safeness", "fears-of-compassion",
			"relationships-flows", "after-practice", "after-workshop", "hard-days"} {
			if !themes[th] {
				t.Errorf("theme %s is missing", th)
			}
		}
		if n < 80 {
			t.Errorf("%d prompts, want at least 80", n)
		}
		for id, theme := range map[string]string{
			"circles-today": "soothing-safeness", "tricky-brain-loops": "inner-critic",
			"esteem-vs-compassion": "common-humanity", "common-humanity-not-alone": "common-humanity",
			"flows-which-is-hardest": "relationships-flows", "fears-what-gets-in-the-way": "fears-of-compassion",
			"critic-what-does-it-fear": "inner-critic", "correction-kinder-voice": "inner-critic",
			"after-practice-noticed": "after-practice", "workshop-takeaway": "after-workshop",
			"hard-day-kindness": "hard-days", "soothing-what-helps": "soothing-safeness",
			"flows-receiving": "relationships-flows", "letter-reread": "after-practice",
		} {
			p := pk.Prompt(id)
			switch {
			case p == nil:
				t.Errorf("prompt %s is missing", id)
			case p.Theme != theme:
				t.Errorf("prompt %s is in theme %s, want %s", id, p.Theme, theme)
			}
		}
	})

	t.Run("lessons", func(t *testing.T) {
		want := []struct{ id, prompt string }{
			{"three-circles", "circles-today"}, {"tricky-brain", "tricky-brain-loops"},
			{"compassion-not-self-esteem", "esteem-vs-compassion"}, {"common-humanity", "common-humanity-not-alone"},
			{"three-flows", "flows-which-is-hardest"}, {"fears-and-blocks", "fears-what-gets-in-the-way"},
			{"inner-critic", "critic-what-does-it-fear"}, {"compassionate-self-correction", "correction-kinder-voice"},
		}
		if len(pk.Lessons) != len(want) {
			t.Errorf("%d lessons, want %d", len(pk.Lessons), len(want))
		}
		for i, w := range want {
			l := pk.Lesson(w.id)
			switch {
			case l == nil:
				t.Errorf("lesson %s is missing", w.id)
			case l.Order != i+1 || l.Prompt != w.prompt:
				t.Errorf("lesson %s: order %d prompt %s, want %d %s", w.id, l.Order, l.Prompt, i+1, w.prompt)
			}
		}
	})

	t.Run("exercises", func(t *testing.T) {
		want := map[string]string{
			"compassionate-letter": "compassionate-letter", "thought-record": "thought-record",
			"multiple-selves": "multiple-selves", "critic-function": "critic-analysis",
			"three-circles-checkin": "three-circles", "fears-and-blocks": "fears-blocks",
		}
		if len(pk.Exercises) < len(want) {
			t.Errorf("%d exercises, want %d", len(pk.Exercises), len(want))
		}
		for id, kind := range want {
			e := pk.Exercise(id)
			switch {
			case e == nil:
				t.Errorf("exercise %s is missing", id)
			case e.RecordKind != kind:
				t.Errorf("exercise %s saves as %s, want %s", id, e.RecordKind, kind)
			}
		}
	})

	t.Run("programme", func(t *testing.T) {
		p := pk.Programme("four-weeks")
		if p == nil {
			t.Fatal("programme four-weeks is missing")
		}
		if len(p.Days) != 28 || len(p.Weeks) != 4 {
			t.Errorf("%d days in %d weeks, want 28 in 4", len(p.Days), len(p.Weeks))
		}
		if p.WeekOf(1) != 1 || p.WeekOf(7) != 1 || p.WeekOf(8) != 2 || p.WeekOf(28) != 4 {
			t.Errorf("WeekOf is off: %d %d %d %d", p.WeekOf(1), p.WeekOf(7), p.WeekOf(8), p.WeekOf(28))
		}
	})

	t.Run("support", func(t *testing.T) {
		s := pk.Support
		if !strings.Contains(strings.ToLower(s.Crisis), "therapy") {
			t.Error("crisis.md should say Hearth is a practice companion, not therapy")
		}
		if s.Grounding == nil || s.Grounding.ID != "grounding-5-4-3-2-1" || len(s.Grounding.Steps) == 0 {
			t.Errorf("grounding exercise: %+v", s.Grounding)
		}
		if len(s.Helplines) == 0 {
			t.Fatal("no helplines")
		}
		countries := map[string]bool{}
		for _, h := range s.Helplines {
			countries[h.Country] = true
			if h.Checked.IsZero() || h.Checked.After(time.Now().Add(48*time.Hour)) || !strings.HasPrefix(h.Source, "http") {
				t.Errorf("helpline %s (%s): checked %v, source %q", h.Name, h.Country, h.Checked, h.Source)
			}
		}
		if !countries["INT"] {
			t.Error("no international directory (country INT) for people outside the listed countries")
		}
	})
}

func hasStretch(p *Practice) bool {
	for _, s := range p.Steps {
		if s.Stretch {
			return true
		}
	}
	return false
}

// TestBuiltinTiming reports how long each guided practice's voice and fixed pauses
// take, and checks they fit into its shortest length (the stretching pauses make up
// the rest, so the engine can reach every length).
func TestBuiltinTiming(t *testing.T) {
	pk, err := Builtin()
	if err != nil {
		t.Skip("built-in content does not load yet:", err)
	}
	for _, p := range pk.Practices {
		if p.Kind != KindGuided {
			continue
		}
		var voice, pauses float64
		for _, s := range p.Steps {
			voice += s.ClipSeconds
			pauses += s.Pause.Seconds()
		}
		shortest := float64(p.Lengths[0] * 60)
		t.Logf("%-32s voice %4.0fs + pauses %4.0fs = %4.0fs; shortest length %4.0fs", p.ID, voice, pauses, voice+pauses, shortest)
		if voice+pauses > shortest*1.15 {
			t.Errorf("%s: voice and pauses take %.0f s, more than its shortest length of %v min", p.ID, voice+pauses, p.Lengths[0])
		}
	}
}
