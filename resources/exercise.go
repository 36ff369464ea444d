package resources

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// rawExercise is an exercises/<id>.toml file as written.
type rawExercise struct {
	ID         string            `toml:"id"`
	Title      string            `toml:"title"`
	Summary    string            `toml:"summary"`
	RecordKind string            `toml:"record_kind"`
	SafetyNote string            `toml:"safety_note"`
	Steps      []rawExerciseStep `toml:"steps"`
}

type rawExerciseStep struct {
	Title    string     `toml:"title"`
	Guidance string     `toml:"guidance"`
	Fields   []rawField `toml:"fields"`
}

type rawField struct {
	ID       string   `toml:"id"`
	Label    string   `toml:"label"`
	Type     string   `toml:"type"`
	Hint     string   `toml:"hint"`
	Choices  []string `toml:"choices"`
	Optional *bool    `toml:"optional"`
}

func (l *loader) exercises() {
	for _, file := range l.files(dirExercises, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawExercise
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		l.pack.Exercises = append(l.pack.Exercises, l.exercise(file, src, r))
	}
}

func (l *loader) exercise(file, src string, r rawExercise) Exercise {
	loc := newLocator(src, 1)
	l.checkID(file, loc.line("id"), "id", r.ID)
	l.checkFileName(file, loc.line("id"), r.ID, ".toml")
	l.oneLine(file, loc.line("title"), "title", r.Title, true)
	l.oneLine(file, loc.line("summary"), "summary", r.Summary, true)
	l.checkID(file, loc.line("record_kind"), "record_kind", r.RecordKind)
	if len(r.Steps) == 0 {
		l.addf(file, 0, "an exercise needs at least one [[steps]]")
	}
	e := Exercise{ID: r.ID, Title: r.Title, Summary: r.Summary, RecordKind: r.RecordKind,
		SafetyNote: strings.TrimSpace(r.SafetyNote), PackID: l.pack.Manifest.ID}
	seen := map[string]bool{}
	for i, s := range r.Steps {
		l.oneLine(file, loc.line("title", "steps", i), fmt.Sprintf("step %d title", i+1), s.Title, true)
		if strings.TrimSpace(s.Guidance) == "" && len(s.Fields) == 0 {
			l.addf(file, loc.line("", "steps", i), "step %d has neither guidance nor fields", i+1)
		}
		st := ExerciseStep{Title: s.Title, Guidance: strings.TrimSpace(s.Guidance)}
		for j, f := range s.Fields {
			at := func(key string) int { return loc.line(key, "steps", i, "steps.fields", j) }
			what := fmt.Sprintf("step %d field %d", i+1, j+1)
			switch {
			case f.ID == "":
				l.addf(file, at("id"), "%s id is missing", what)
			case !validFieldID(f.ID):
				l.addf(file, at("id"), "%s id %q is not valid (1-64 lowercase letters, digits, hyphens and underscores)", what, f.ID)
			}
			if f.ID != "" && seen[f.ID] {
				l.addf(file, at("id"), "%s id %q is used twice in this exercise", what, f.ID)
			}
			seen[f.ID] = true
			l.oneLine(file, at("label"), what+" label", f.Label, true)
			l.oneLine(file, at("hint"), what+" hint", f.Hint, false)
			ft := FieldType(f.Type)
			switch {
			case !slices.Contains(fieldTypes, ft):
				l.addf(file, at("type"), "%s type %q is not one of %s", what, f.Type, joinQ(fieldTypes))
			case ft == FieldChoice && len(f.Choices) < 2:
				l.addf(file, cmp.Or(at("choices"), at("type")), "%s is a choice field and needs at least two choices", what)
			case ft != FieldChoice && len(f.Choices) > 0:
				l.addf(file, at("choices"), "%s has choices but its type is %s (use type = \"choice\")", what, f.Type)
			}
			for _, c := range f.Choices {
				if strings.TrimSpace(c) == "" {
					l.addf(file, at("choices"), "%s has an empty choice", what)
				}
			}
			st.Fields = append(st.Fields, Field{ID: f.ID, Label: f.Label, Type: ft, Hint: f.Hint,
				Choices: f.Choices, Optional: f.Optional == nil || *f.Optional})
		}
		e.Steps = append(e.Steps, st)
	}
	return e
}

// validFieldID reports whether id is a valid exercise field ID. Field IDs are keys
// inside a journal record, so unlike content IDs they may also use underscores.
func validFieldID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}
