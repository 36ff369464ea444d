package resources

import (
	"fmt"
	"path"
	"strings"
)

// crossReferences checks duplicate IDs (within the pack and against base) and that
// every reference names something in the pack or in base.
func (l *loader) crossReferences() {
	pk := l.pack
	dups := func(kind string, ids []string, files []string, inBase func(string) bool) {
		seen := map[string]string{}
		count := map[string]int{} // occurrences of "id" per file so far
		for i, id := range ids {
			if id == "" {
				continue
			}
			key := files[i] + "\x00" + id
			line := l.lineWith(files[i], fmt.Sprintf("%q", id), count[key])
			count[key]++
			if prev, ok := seen[id]; ok {
				l.addf(files[i], line, "%s ID %q is also used in %s", kind, id, prev)
			}
			seen[id] = files[i]
			if inBase != nil && inBase(id) {
				l.addf(files[i], line, "%s ID %q is already used by Hearth's built-in content; choose another", kind, id)
			}
		}
	}
	var ids, files []string
	for _, p := range pk.Practices {
		ids, files = append(ids, p.ID), append(files, path.Join(dirPractices, p.ID+".toml"))
	}
	dups("practice", ids, files, l.inBase(func(b *Pack, id string) bool { return b.Practice(id) != nil }))
	ids, files = nil, nil
	for _, t := range pk.PromptThemes {
		for _, p := range t.Prompts {
			ids, files = append(ids, p.ID), append(files, path.Join(dirPrompts, t.ID+".toml"))
		}
	}
	dups("prompt", ids, files, l.inBase(func(b *Pack, id string) bool { return b.Prompt(id) != nil }))
	ids, files = nil, nil
	for _, x := range pk.Lessons {
		ids, files = append(ids, x.ID), append(files, path.Join(dirLessons, x.ID+".md"))
	}
	dups("lesson", ids, files, l.inBase(func(b *Pack, id string) bool { return b.Lesson(id) != nil }))
	ids, files = nil, nil
	for _, x := range pk.Exercises {
		ids, files = append(ids, x.ID), append(files, path.Join(dirExercises, x.ID+".toml"))
	}
	dups("exercise", ids, files, l.inBase(func(b *Pack, id string) bool { return b.Exercise(id) != nil }))
	ids, files = nil, nil
	for _, x := range pk.Programmes {
		ids, files = append(ids, x.ID), append(files, path.Join(dirProgrammes, x.ID+".toml"))
	}
	dups("programme", ids, files, l.inBase(func(b *Pack, id string) bool { return b.Programme(id) != nil }))

	for _, x := range pk.Lessons {
		ref := l.lessonLoc[x.ID]
		if x.Practice != "" && !l.hasPractice(x.Practice) {
			l.addf(ref.file, ref.loc.line("practice"), "practice %q does not exist", x.Practice)
		}
		if x.Prompt != "" && !l.hasPrompt(x.Prompt) {
			l.addf(ref.file, ref.loc.line("prompt"), "prompt %q does not exist", x.Prompt)
		}
	}
	for _, p := range pk.Programmes {
		ref := l.programmeLoc[p.ID]
		for i, d := range p.Days {
			at := func(key string) int { return ref.loc.line(key, "days", i) }
			if d.Practice != "" && !l.hasPractice(d.Practice) {
				l.addf(ref.file, at("practice"), "day %d: practice %q does not exist", d.Number, d.Practice)
			}
			if d.Lesson != "" && !l.hasLesson(d.Lesson) {
				l.addf(ref.file, at("lesson"), "day %d: lesson %q does not exist", d.Number, d.Lesson)
			}
			if d.Prompt != "" && !l.hasPrompt(d.Prompt) {
				l.addf(ref.file, at("prompt"), "day %d: prompt %q does not exist", d.Number, d.Prompt)
			}
			if d.Exercise != "" && !l.hasExercise(d.Exercise) {
				l.addf(ref.file, at("exercise"), "day %d: exercise %q does not exist", d.Number, d.Exercise)
			}
		}
	}
}

// lineWith returns the line of the nth (0-based) line of file that is an id key
// holding quoted, or 0.
func (l *loader) lineWith(file, quoted string, nth int) int {
	for i, line := range strings.Split(l.srcs[file], "\n") {
		t := strings.TrimSpace(line)
		if keyOf(t) == "id" && strings.Contains(t, quoted) {
			if nth == 0 {
				return i + 1
			}
			nth--
		}
	}
	return 0
}

// inBase adapts a lookup in the base pack (nil when there is no base).
func (l *loader) inBase(has func(*Pack, string) bool) func(string) bool {
	if l.base == nil {
		return nil
	}
	return func(id string) bool { return has(l.base, id) }
}

func (l *loader) hasPractice(id string) bool {
	return l.pack.Practice(id) != nil || (l.base != nil && l.base.Practice(id) != nil)
}

func (l *loader) hasPrompt(id string) bool {
	return l.pack.Prompt(id) != nil || (l.base != nil && l.base.Prompt(id) != nil)
}

func (l *loader) hasLesson(id string) bool {
	return l.pack.Lesson(id) != nil || (l.base != nil && l.base.Lesson(id) != nil)
}

func (l *loader) hasExercise(id string) bool {
	return l.pack.Exercise(id) != nil || (l.base != nil && l.base.Exercise(id) != nil)
}
