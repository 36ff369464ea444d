package resources

import (
	"slices"
	"strings"
	"testing"
)

const goodHead = `id = "x1"
title = "T"
summary = "S"
category = "body"
kind = "guided"
lengths = [5, 10]
default_length = 5
`

func TestParsePracticeProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"valid", goodHead + "[[steps]]\ntext = \"a\"\npause = 8\n", nil},
		{"float and int pauses", goodHead + "[[steps]]\ntext = \"a\"\npause = 8\n[[steps]]\ntext = \"b\"\npause = 2.5\nstretch = true\n", nil},
		{"wrong type in second step", goodHead + "[[steps]]\ntext = \"a\"\npause = 8\n[[steps]]\ntext = \"b\"\npause = \"8\"\n",
			[]string{"practices/x1.toml:13: steps.pause should be a number, not text in quotes"}},
		{"list expected", strings.Replace(goodHead, "[5, 10]", "5", 1) + "[[steps]]\ntext = \"a\"\n",
			[]string{"practices/x1.toml:6: lengths should be a list in [ ], not a whole number"}},
		{"typo in each step", goodHead + "[[steps]]\ntext = \"a\"\npauze = 1\n[[steps]]\ntext = \"b\"\npauze = 2\n",
			[]string{`practices/x1.toml:10: unknown key "steps.pauze" (check the spelling)`, `practices/x1.toml:13: unknown key "steps.pauze" (check the spelling)`}},
		{"syntax", "id = \"x1\"\nid = \"y\"\n", []string{"practices/x1.toml:2: TOML: Key 'id' has already been defined."}},
		{"missing things", "id = \"x1\"\n", []string{
			"practices/x1.toml: title is missing", "practices/x1.toml: summary is missing",
			`practices/x1.toml: category is missing (one of "breathing", "imagery", "compassionate-self", "compassion-flows", "body", "hard-moments", "preparation" or "silent")`,
			`practices/x1.toml: kind is missing (one of "guided", "timer" or "pacer")`,
			"practices/x1.toml: lengths is missing (the minutes this practice can be played at, e.g. [5, 10])",
		}},
		{"timer with steps", strings.Replace(goodHead, `"guided"`, `"timer"`, 1) + "[[steps]]\ntext = \"a\"\n",
			[]string{"practices/x1.toml:8: a timer practice has no steps (the app makes its sound)"}},
		{"summary two lines", strings.Replace(goodHead, `summary = "S"`, `summary = "S\nT"`, 1) + "[[steps]]\ntext = \"a\"\n",
			[]string{"practices/x1.toml:3: summary must be one line"}},
		{"audio and clips", goodHead + "audio = \"a.ogg\"\n[[steps]]\ntext = \"a\"\nclip = \"b.ogg\"\n", []string{
			"practices/x1.toml:6: a practice with one recording (audio) plays at its own length: give exactly one length",
			"practices/x1.toml:11: step 1 has a clip, but the practice already has one recording (audio); use one or the other",
		}},
		{"file name", strings.Replace(goodHead, `"x1"`, `"other"`, 1) + "[[steps]]\ntext = \"a\"\n",
			[]string{`practices/x1.toml:1: id "other" does not match the file name; name the file other.toml or change the id`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParsePractice("practices/x1.toml", []byte(tt.src))
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLocator(t *testing.T) {
	src := `id = "e"
title = "T"

[[steps]]
title = "one"

[[steps.fields]]
id = "a"
type = "x"

[[steps.fields]]
id = "b"

[[steps]]
title = "two"
guidance = "g"

[[steps.fields]]
id = "c"
type = "y"
`
	loc := newLocator(src, 1)
	tests := []struct {
		key  string
		path []any
		want int
	}{
		{"title", nil, 2},
		{"missing", nil, 0},
		{"title", []any{"steps", 0}, 5},
		{"title", []any{"steps", 1}, 15},
		{"guidance", []any{"steps", 0}, 4}, // missing: the step's header
		{"type", []any{"steps", 0, "steps.fields", 0}, 9},
		{"type", []any{"steps", 0, "steps.fields", 1}, 11},
		{"type", []any{"steps", 1, "steps.fields", 0}, 20},
		{"id", []any{"steps", 2}, 0},
	}
	for _, tt := range tests {
		if got := loc.line(tt.key, tt.path...); got != tt.want {
			t.Errorf("line(%q, %v) = %d, want %d", tt.key, tt.path, got, tt.want)
		}
	}
	// Front matter: lines count from where it starts in the file.
	if got := newLocator("id = \"x\"\ntitle = \"t\"\n", 2).line("title"); got != 3 {
		t.Errorf("offset locator: %d, want 3", got)
	}
}

func TestSplitFrontMatter(t *testing.T) {
	front, body, first, err := splitFrontMatter("+++\nid = \"a\"\n+++\n## Body\ntext\n")
	if err != nil || front != "id = \"a\"\n" || body != "## Body\ntext\n" || first != 2 {
		t.Errorf("got %q %q %d %v", front, body, first, err)
	}
	for _, bad := range []string{"no front matter", "+++\nid = \"a\"\n", "---\nid: a\n---\n"} {
		if _, _, _, err := splitFrontMatter(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
