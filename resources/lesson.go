package resources

import (
	"cmp"
	"errors"
	"path"
	"slices"
	"strings"
)

// Lesson body length, in words.
const (
	minLessonWords = 300
	maxLessonWords = 800
)

// rawLesson is the front matter of a lessons/<id>.md file.
type rawLesson struct {
	ID       string `toml:"id"`
	Title    string `toml:"title"`
	Order    int    `toml:"order"`
	Summary  string `toml:"summary"`
	Practice string `toml:"practice"`
	Prompt   string `toml:"prompt"`
}

func (l *loader) lessons() {
	l.lessonLoc = map[string]locRef{}
	for _, file := range l.files(dirLessons, ".md") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		front, body, firstLine, err := splitFrontMatter(src)
		if err != nil {
			l.addf(file, 1, "%v", err)
			continue
		}
		var r rawLesson
		if !decodeStrict(front, file, firstLine, &r, l.add) {
			continue
		}
		loc := newLocator(front, firstLine)
		l.checkID(file, loc.line("id"), "id", r.ID)
		l.checkFileName(file, loc.line("id"), r.ID, ".md")
		l.oneLine(file, loc.line("title"), "title", r.Title, true)
		l.oneLine(file, loc.line("summary"), "summary", r.Summary, true)
		if r.Order < 1 {
			l.addf(file, loc.line("order"), "order must be a number from 1 (the lesson's place in the list)")
		}
		if r.Practice == "" {
			l.addf(file, loc.line("practice"), "practice is missing (the practice that goes with this lesson)")
		}
		if r.Prompt == "" {
			l.addf(file, loc.line("prompt"), "prompt is missing (the lesson's reflection prompt)")
		}
		bodyLine := firstLine + strings.Count(front, "\n") + 1
		words := len(strings.Fields(stripMarkdown(body)))
		if words < minLessonWords || words > maxLessonWords {
			l.addf(file, bodyLine, "the lesson is %d words; keep it between %d and %d", words, minLessonWords, maxLessonWords)
		}
		for i, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "# ") {
				l.addf(file, bodyLine+i, "headings in a lesson start at ## (the title is shown above it)")
			}
		}
		l.lessonLoc[r.ID] = locRef{file, loc}
		l.pack.Lessons = append(l.pack.Lessons, Lesson{ID: r.ID, Title: r.Title, Order: r.Order,
			Summary: r.Summary, Practice: r.Practice, Prompt: r.Prompt, Body: strings.TrimSpace(body),
			PackID: l.pack.Manifest.ID})
	}
	slices.SortStableFunc(l.pack.Lessons, func(a, b Lesson) int { return cmp.Compare(a.Order, b.Order) })
	for i := 1; i < len(l.pack.Lessons); i++ {
		if a, b := l.pack.Lessons[i-1], l.pack.Lessons[i]; a.Order == b.Order {
			l.addf(path.Join(dirLessons, b.ID+".md"), l.lessonLoc[b.ID].loc.line("order"),
				"order %d is also used by lesson %s", b.Order, a.ID)
		}
	}
}

// splitFrontMatter splits a Markdown file into its +++ TOML front matter and body.
// firstLine is the line number of the front matter's first line.
func splitFrontMatter(src string) (front, body string, firstLine int, err error) {
	src = strings.TrimPrefix(src, "\ufeff")
	if !strings.HasPrefix(src, "+++\n") && !strings.HasPrefix(src, "+++\r\n") {
		return "", "", 0, errors.New("a lesson starts with TOML front matter between +++ lines")
	}
	rest := src[strings.Index(src, "\n")+1:]
	end := -1
	for off := 0; off < len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, "\r ") == "+++" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return "", "", 0, errors.New("the front matter has no closing +++ line")
	}
	front = rest[:end]
	body = rest[end:]
	if nl := strings.IndexByte(body, '\n'); nl >= 0 {
		body = body[nl+1:]
	} else {
		body = ""
	}
	return front, body, 2, nil
}

// stripMarkdown removes heading marks and emphasis so words can be counted.
func stripMarkdown(s string) string {
	r := strings.NewReplacer("#", " ", "*", " ", "_", " ", ">", " ", "-", " ")
	return r.Replace(s)
}
