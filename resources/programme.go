package resources

import (
	"fmt"
	"strings"
)

// rawProgramme is a programmes/<id>.toml file as written.
type rawProgramme struct {
	ID      string    `toml:"id"`
	Title   string    `toml:"title"`
	Summary string    `toml:"summary"`
	Weeks   []rawWeek `toml:"weeks"`
	Days    []rawDay  `toml:"days"`
}

type rawWeek struct {
	Week  int    `toml:"week"`
	Title string `toml:"title"`
	Intro string `toml:"intro"`
}

type rawDay struct {
	Day      int    `toml:"day"`
	Title    string `toml:"title"`
	Practice string `toml:"practice"`
	Lesson   string `toml:"lesson"`
	Prompt   string `toml:"prompt"`
	Exercise string `toml:"exercise"`
	Note     string `toml:"note"`
}

func (l *loader) programmes() {
	l.programmeLoc = map[string]locRef{}
	for _, file := range l.files(dirProgrammes, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawProgramme
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		loc := newLocator(src, 1)
		l.checkID(file, loc.line("id"), "id", r.ID)
		l.checkFileName(file, loc.line("id"), r.ID, ".toml")
		l.oneLine(file, loc.line("title"), "title", r.Title, true)
		l.oneLine(file, loc.line("summary"), "summary", r.Summary, true)
		if len(r.Weeks) == 0 {
			l.addf(file, 0, "a programme needs at least one [[weeks]]")
		}
		if len(r.Days) == 0 {
			l.addf(file, 0, "a programme needs at least one [[days]]")
		}
		if len(r.Days) < len(r.Weeks) {
			l.addf(file, 0, "a programme has at least one day per week (%d weeks, %d days)", len(r.Weeks), len(r.Days))
		}
		p := Programme{ID: r.ID, Title: r.Title, Summary: r.Summary, PackID: l.pack.Manifest.ID}
		for i, w := range r.Weeks {
			at := func(key string) int { return loc.line(key, "weeks", i) }
			if w.Week != i+1 {
				l.addf(file, at("week"), "week %d should be numbered %d (weeks count up from 1)", w.Week, i+1)
			}
			l.oneLine(file, at("title"), fmt.Sprintf("week %d title", i+1), w.Title, true)
			l.need(file, at("intro"), fmt.Sprintf("week %d intro", i+1), w.Intro)
			p.Weeks = append(p.Weeks, Week{Number: w.Week, Title: w.Title, Intro: strings.TrimSpace(w.Intro)})
		}
		for i, d := range r.Days {
			at := func(key string) int { return loc.line(key, "days", i) }
			if d.Day != i+1 {
				l.addf(file, at("day"), "day %d should be numbered %d (days count up from 1 with none missing)", d.Day, i+1)
			}
			l.oneLine(file, at("title"), fmt.Sprintf("day %d title", i+1), d.Title, true)
			if d.Practice == "" && d.Lesson == "" && d.Prompt == "" && d.Exercise == "" {
				l.addf(file, at(""), "day %d needs at least one of practice, lesson, prompt or exercise", i+1)
			}
			p.Days = append(p.Days, Day{Number: d.Day, Title: d.Title, Practice: d.Practice, Lesson: d.Lesson,
				Prompt: d.Prompt, Exercise: d.Exercise, Note: strings.TrimSpace(d.Note)})
		}
		l.programmeLoc[r.ID] = locRef{file, loc}
		l.pack.Programmes = append(l.pack.Programmes, p)
	}
}
