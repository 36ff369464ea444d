package resources

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// The content folders of a pack. Everything in them is checked; other files (a README,
// audio folders) are only read when something refers to them.
const (
	dirPractices  = "practices"
	dirPrompts    = "prompts"
	dirLessons    = "lessons"
	dirExercises  = "exercises"
	dirProgrammes = "programmes"
	dirSupport    = "support"
)

// maxTextFile is the largest TOML or Markdown file the loader reads (1 MiB).
const maxTextFile = 1 << 20

// Lesson body length, in words.
const (
	minLessonWords = 300
	maxLessonWords = 800
)

// maxLineLen is the longest a one-line text (summary, description, nudge) may be.
const maxLineLen = 200

// LoadPack loads and validates the pack at the root of fsys: its manifest.toml and any
// content folders. References may point into the pack itself or into the built-in
// content; the pack's IDs must not repeat built-in IDs. If anything is wrong it returns
// a *ValidationError (errors.Is(err, ErrInvalidPack)) that lists every problem.
//
// LoadPack reads only through fsys; callers that read outside input from a folder or
// zip file should go through ValidatePack or ImportPack, which also refuse symlinks,
// paths outside the pack and oversized files.
func LoadPack(fsys fs.FS) (*Pack, error) {
	base, err := loadBuiltinBase()
	if err != nil {
		return nil, err
	}
	return loadPackWith(fsys, base)
}

// loadPackWith loads a pack whose references may also point into base.
func loadPackWith(fsys fs.FS, base *Pack) (*Pack, error) {
	var probs []Problem
	add := func(p Problem) { probs = append(probs, p) }
	m, ok := readManifest(fsys, add)
	if !ok {
		return nil, &ValidationError{Problems: probs}
	}
	if m.ID == BuiltinID {
		add(Problem{File: manifestFile, Msg: fmt.Sprintf("the pack ID %q is reserved for Hearth's own content", BuiltinID)})
	}
	pk, err := load(fsys, m, base)
	var ve *ValidationError
	if errors.As(err, &ve) {
		probs = append(probs, ve.Problems...)
	} else if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, &ValidationError{Problems: probs}
	}
	return pk, nil
}

// load reads and checks every content folder of fsys into a Pack with manifest m.
// base (nil for the built-in pack itself) is the content references may also use and
// whose IDs must not be reused.
func load(fsys fs.FS, m Manifest, base *Pack) (*Pack, error) {
	l := &loader{fsys: fsys, base: base, pack: &Pack{Manifest: m, FS: fsys}}
	l.practices()
	l.prompts()
	l.lessons()
	l.exercises()
	l.programmes()
	l.support()
	if base != nil {
		l.onlyHelplines()
	}
	l.crossReferences()
	if len(l.problems) > 0 {
		return nil, &ValidationError{Problems: l.problems}
	}
	return l.pack, nil
}

// loader collects the pack and every problem found on the way.
type loader struct {
	fsys     fs.FS
	base     *Pack
	pack     *Pack
	problems []Problem

	// where each item was defined, for cross-reference problems
	srcs         map[string]string // file -> text, for finding lines later
	lessonLoc    map[string]locRef
	programmeLoc map[string]locRef
}

// locRef is a file and its locator.
type locRef struct {
	file string
	loc  locator
}

func (l *loader) add(p Problem) { l.problems = append(l.problems, p) }

func (l *loader) addf(file string, line int, format string, a ...any) {
	l.add(Problem{File: file, Line: line, Msg: fmt.Sprintf(format, a...)})
}

// files lists the regular files of dir with extension ext, sorted. Other entries in the
// folder are problems. A missing folder is fine (packs carry only what they need).
func (l *loader) files(dir, ext string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.addf(dir, 0, "cannot read the folder: %v", err)
		return nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
			// hidden files (.keep, .DS_Store) are ignored
		case e.IsDir():
			l.addf(path.Join(dir, name), 0, "unexpected folder (only %s files belong in %s/)", ext, dir)
		case !strings.HasSuffix(name, ext):
			l.addf(path.Join(dir, name), 0, "unexpected file (only %s files belong in %s/)", ext, dir)
		default:
			names = append(names, path.Join(dir, name))
		}
	}
	sort.Strings(names)
	return names
}

// read returns a text file's contents, or "", false after adding a problem.
func (l *loader) read(name string) (string, bool) {
	f, err := l.fsys.Open(name)
	if err != nil {
		l.addf(name, 0, "cannot open: %v", err)
		return "", false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	if err != nil {
		l.addf(name, 0, "cannot read: %v", err)
		return "", false
	}
	if len(data) > maxTextFile {
		l.addf(name, 0, "file is larger than %d KiB", maxTextFile>>10)
		return "", false
	}
	if !utf8.Valid(data) {
		l.addf(name, 0, "file is not UTF-8 text")
		return "", false
	}
	if l.srcs == nil {
		l.srcs = map[string]string{}
	}
	l.srcs[name] = string(data)
	return string(data), true
}

// idFromFile returns "x" for "practices/x.toml".
func idFromFile(name, ext string) string {
	return strings.TrimSuffix(path.Base(name), ext)
}

// checkID adds a problem when id is missing or not a valid ID.
func (l *loader) checkID(file string, line int, what, id string) {
	switch {
	case id == "":
		l.addf(file, line, "%s is missing", what)
	case !ValidID(id):
		l.addf(file, line, "%s %q is not a valid ID (2-64 lowercase letters, digits and hyphens)", what, id)
	}
}

// checkFileName adds a problem when a valid id differs from the file's name.
func (l *loader) checkFileName(file string, line int, id, ext string) {
	if ValidID(id) && id != idFromFile(file, ext) {
		l.addf(file, line, "id %q does not match the file name; name the file %s%s or change the id", id, id, ext)
	}
}

// need adds a problem when a required text is empty.
func (l *loader) need(file string, line int, what, v string) {
	if strings.TrimSpace(v) == "" {
		l.addf(file, line, "%s is missing", what)
	}
}

// oneLine adds a problem when a text that must be one line is not (or is missing and
// required).
func (l *loader) oneLine(file string, line int, what, v string, required bool) {
	switch {
	case strings.TrimSpace(v) == "":
		if required {
			l.addf(file, line, "%s is missing", what)
		}
	case strings.ContainsAny(v, "\r\n"):
		l.addf(file, line, "%s must be one line", what)
	case len([]rune(v)) > maxLineLen:
		l.addf(file, line, "%s is %d characters; keep it to one line of at most %d", what, len([]rune(v)), maxLineLen)
	}
}

// ---- practices

type rawPractice struct {
	ID            string    `toml:"id"`
	Title         string    `toml:"title"`
	Summary       string    `toml:"summary"`
	Category      string    `toml:"category"`
	Kind          string    `toml:"kind"`
	Lengths       []int     `toml:"lengths"`
	DefaultLength int       `toml:"default_length"`
	SafetyNote    string    `toml:"safety_note"`
	Audio         string    `toml:"audio"`
	Steps         []rawStep `toml:"steps"`
}

type rawStep struct {
	Text    string  `toml:"text"`
	Pause   float64 `toml:"pause"`
	Stretch bool    `toml:"stretch"`
	Speak   *bool   `toml:"speak"`
	Clip    string  `toml:"clip"`
}

var (
	categories = []Category{CategoryBreathing, CategoryImagery, CategoryCompassionateSelf,
		CategoryCompassionFlows, CategoryBody, CategoryHardMoments, CategoryPreparation, CategorySilent}
	kinds      = []PracticeKind{KindGuided, KindTimer, KindPacer}
	fieldTypes = []FieldType{FieldLongText, FieldShortText, FieldRating10, FieldRating100, FieldChoice}
)

func (l *loader) practices() {
	for _, file := range l.files(dirPractices, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawPractice
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		l.pack.Practices = append(l.pack.Practices, l.practice(file, src, r))
	}
}

// maxPause is the longest pause a step may have (an hour; longer is surely a typo).
const maxPause = 3600

// practice checks one decoded practice file and converts it. Like every item, it is
// kept even when it has problems, so references to it are not reported as missing.
func (l *loader) practice(file, src string, r rawPractice) Practice {
	loc := newLocator(src, 1)
	l.checkID(file, loc.line("id"), "id", r.ID)
	l.checkFileName(file, loc.line("id"), r.ID, ".toml")
	l.oneLine(file, loc.line("title"), "title", r.Title, true)
	l.oneLine(file, loc.line("summary"), "summary", r.Summary, true)
	oneOf(l, file, loc.line("category"), "category", Category(r.Category), categories)
	kind := PracticeKind(r.Kind)
	oneOf(l, file, loc.line("kind"), "kind", kind, kinds)
	l.checkLengths(file, loc, r.Lengths, r.DefaultLength)
	if r.Audio != "" {
		if kind != KindGuided {
			l.addf(file, loc.line("audio"), "only a guided practice can have a recording (audio)")
		}
		if len(r.Lengths) != 1 {
			l.addf(file, loc.line("lengths"), "a practice with one recording (audio) plays at its own length: give exactly one length")
		}
		l.checkAudio(file, loc.line("audio"), r.Audio)
	}
	switch {
	case kind == KindGuided && len(r.Steps) == 0 && r.Audio == "":
		l.addf(file, loc.line("kind"), "a guided practice needs at least one [[steps]] (or one recording in audio)")
	case kind != KindGuided && len(r.Steps) > 0 && slices.Contains(kinds, kind):
		l.addf(file, loc.line("", "steps", 0), "a %s practice has no steps (the app makes its sound)", kind)
	}
	p := Practice{
		ID: r.ID, Title: r.Title, Summary: r.Summary, Category: Category(r.Category), Kind: kind,
		Lengths: r.Lengths, DefaultLength: r.DefaultLength, SafetyNote: strings.TrimSpace(r.SafetyNote),
		Audio: r.Audio, PackID: l.pack.Manifest.ID, PackTitle: l.pack.Manifest.Title, fsys: l.fsys,
	}
	for i, s := range r.Steps {
		line := loc.line("", "steps", i)
		l.need(file, line, fmt.Sprintf("step %d text", i+1), s.Text)
		if s.Pause < 0 || s.Pause > maxPause {
			l.addf(file, loc.line("pause", "steps", i), "step %d pause must be between 0 and %d seconds, not %g", i+1, maxPause, s.Pause)
		}
		speak := s.Speak == nil || *s.Speak
		if s.Clip != "" {
			l.checkAudio(file, loc.line("clip", "steps", i), s.Clip)
			if r.Audio != "" {
				l.addf(file, loc.line("clip", "steps", i), "step %d has a clip, but the practice already has one recording (audio); use one or the other", i+1)
			}
		}
		p.Steps = append(p.Steps, Step{
			Text:    strings.TrimSpace(s.Text),
			Pause:   time.Duration(s.Pause * float64(time.Second)),
			Stretch: s.Stretch,
			Speak:   speak,
			Clip:    s.Clip,
		})
	}
	return p
}

// checkLengths checks that lengths are positive, ascending and include the default.
func (l *loader) checkLengths(file string, loc locator, lengths []int, def int) {
	line := loc.line("lengths")
	if len(lengths) == 0 {
		l.addf(file, line, "lengths is missing (the minutes this practice can be played at, e.g. [5, 10])")
		return
	}
	for i, n := range lengths {
		if n <= 0 || n > 180 {
			l.addf(file, line, "length %d is not a number of minutes between 1 and 180", n)
		}
		if i > 0 && n <= lengths[i-1] {
			l.addf(file, line, "lengths must be in increasing order without repeats")
			break
		}
	}
	if !slices.Contains(lengths, def) {
		l.addf(file, cmp.Or(loc.line("default_length"), line), "default_length %d is not one of the lengths %v", def, lengths)
	}
}

// ---- prompts

type rawTheme struct {
	Theme       string      `toml:"theme"`
	Title       string      `toml:"title"`
	Description string      `toml:"description"`
	Prompts     []rawPrompt `toml:"prompts"`
}

type rawPrompt struct {
	ID       string `toml:"id"`
	Question string `toml:"question"`
	Nudge    string `toml:"nudge"`
}

func (l *loader) prompts() {
	for _, file := range l.files(dirPrompts, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawTheme
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		loc := newLocator(src, 1)
		l.checkID(file, loc.line("theme"), "theme", r.Theme)
		l.checkFileName(file, loc.line("theme"), r.Theme, ".toml")
		l.oneLine(file, loc.line("title"), "title", r.Title, true)
		l.oneLine(file, loc.line("description"), "description", r.Description, true)
		if len(r.Prompts) == 0 {
			l.addf(file, 0, "a theme needs at least one [[prompts]]")
		}
		t := PromptTheme{ID: r.Theme, Title: r.Title, Description: r.Description, PackID: l.pack.Manifest.ID}
		for i, rp := range r.Prompts {
			l.checkID(file, loc.line("id", "prompts", i), fmt.Sprintf("prompt %d id", i+1), rp.ID)
			l.need(file, loc.line("question", "prompts", i), fmt.Sprintf("prompt %d question", i+1), rp.Question)
			l.oneLine(file, loc.line("nudge", "prompts", i), fmt.Sprintf("prompt %d nudge", i+1), rp.Nudge, false)
			t.Prompts = append(t.Prompts, Prompt{ID: rp.ID, Theme: r.Theme, Question: strings.TrimSpace(rp.Question),
				Nudge: strings.TrimSpace(rp.Nudge), PackID: l.pack.Manifest.ID})
		}
		l.pack.PromptThemes = append(l.pack.PromptThemes, t)
	}
}

// ---- lessons

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

// ---- exercises

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

// ---- programmes

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

// ---- support

type rawGrounding struct {
	ID    string             `toml:"id"`
	Title string             `toml:"title"`
	Intro string             `toml:"intro"`
	Steps []rawGroundingStep `toml:"steps"`
}

type rawGroundingStep struct {
	Text    string  `toml:"text"`
	Seconds float64 `toml:"seconds"`
}

type rawHelplines struct {
	Helplines []rawHelpline `toml:"helplines"`
}

type rawHelpline struct {
	Country     string    `toml:"country"`
	CountryName string    `toml:"country_name"`
	Name        string    `toml:"name"`
	Phone       string    `toml:"phone"`
	Text        string    `toml:"text"`
	URL         string    `toml:"url"`
	Hours       string    `toml:"hours"`
	Description string    `toml:"description"`
	Checked     time.Time `toml:"checked"`
	Source      string    `toml:"source"`
}

var supportFiles = []string{"crisis.md", "grounding.toml", "helplines.toml"}

func (l *loader) support() {
	entries, err := fs.ReadDir(l.fsys, dirSupport)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		l.addf(dirSupport, 0, "cannot read the folder: %v", err)
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") && !slices.Contains(supportFiles, e.Name()) {
			l.addf(path.Join(dirSupport, e.Name()), 0, "unexpected file (support/ holds %s)", strings.Join(supportFiles, ", "))
		}
	}
	sup := &l.pack.Support
	if src, ok := l.readIfExists(path.Join(dirSupport, "crisis.md")); ok {
		if strings.TrimSpace(src) == "" {
			l.addf(path.Join(dirSupport, "crisis.md"), 0, "the crisis page is empty")
		}
		sup.Crisis = strings.TrimSpace(src)
	}
	if src, ok := l.readIfExists(path.Join(dirSupport, "grounding.toml")); ok {
		sup.Grounding = l.grounding(path.Join(dirSupport, "grounding.toml"), src)
	}
	if src, ok := l.readIfExists(path.Join(dirSupport, "helplines.toml")); ok {
		sup.Helplines = l.helplines(path.Join(dirSupport, "helplines.toml"), src)
	}
}

// onlyHelplines refuses a pack's own crisis page and grounding exercise: those stay
// Hearth's (reviewed with the app); a pack adds helplines.
func (l *loader) onlyHelplines() {
	if l.pack.Support.Crisis != "" {
		l.addf(path.Join(dirSupport, "crisis.md"), 0, "a pack cannot replace Hearth's crisis page; add local numbers to support/helplines.toml")
	}
	if l.pack.Support.Grounding != nil {
		l.addf(path.Join(dirSupport, "grounding.toml"), 0, "a pack cannot replace Hearth's grounding exercise; put yours in practices/")
	}
}

// readIfExists reads a file that a pack may leave out.
func (l *loader) readIfExists(name string) (string, bool) {
	if _, err := fs.Stat(l.fsys, name); errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	return l.read(name)
}

func (l *loader) grounding(file, src string) *Grounding {
	var r rawGrounding
	if !decodeStrict(src, file, 1, &r, l.add) {
		return nil
	}
	loc := newLocator(src, 1)
	l.checkID(file, loc.line("id"), "id", r.ID)
	l.oneLine(file, loc.line("title"), "title", r.Title, true)
	l.need(file, loc.line("intro"), "intro", r.Intro)
	if len(r.Steps) == 0 {
		l.addf(file, 0, "the grounding exercise needs at least one [[steps]]")
	}
	g := &Grounding{ID: r.ID, Title: r.Title, Intro: strings.TrimSpace(r.Intro)}
	for i, s := range r.Steps {
		l.need(file, loc.line("text", "steps", i), fmt.Sprintf("step %d text", i+1), s.Text)
		if s.Seconds <= 0 || s.Seconds > maxPause {
			l.addf(file, loc.line("seconds", "steps", i), "step %d seconds must be more than 0 and at most %d", i+1, maxPause)
		}
		g.Steps = append(g.Steps, GroundingStep{Text: strings.TrimSpace(s.Text), Duration: time.Duration(s.Seconds * float64(time.Second))})
	}
	return g
}

func (l *loader) helplines(file, src string) []Helpline {
	var r rawHelplines
	if !decodeStrict(src, file, 1, &r, l.add) {
		return nil
	}
	loc := newLocator(src, 1)
	if len(r.Helplines) == 0 {
		l.addf(file, 0, "no [[helplines]] in the file")
	}
	var out []Helpline
	for i, h := range r.Helplines {
		at := func(key string) int { return loc.line(key, "helplines", i) }
		what := fmt.Sprintf("helpline %d", i+1)
		if h.Name != "" {
			what = fmt.Sprintf("helpline %q", h.Name)
		}
		if !validCountry(h.Country) {
			l.addf(file, at("country"), "%s: country %q is not a two-letter ISO code (like GB) or INT", what, h.Country)
		}
		l.oneLine(file, at("country_name"), what+": country_name", h.CountryName, true)
		l.oneLine(file, at("name"), "helpline name", h.Name, true)
		l.oneLine(file, at("hours"), what+": hours", h.Hours, true)
		l.oneLine(file, at("description"), what+": description", h.Description, false)
		if h.Phone == "" && h.Text == "" && h.URL == "" {
			l.addf(file, at(""), "%s has no phone, text or url", what)
		}
		if h.URL != "" && !isWebAddress(h.URL) {
			l.addf(file, at("url"), "%s: url must start with https:// or http://", what)
		}
		if h.Checked.IsZero() {
			l.addf(file, at("checked"), "%s: checked (the date the number was confirmed, like 2026-11-25) is missing", what)
		}
		if !isWebAddress(h.Source) {
			l.addf(file, at("source"), "%s: source (the web page the number was confirmed on) is missing or not a web address", what)
		}
		y, m, d := h.Checked.Date()
		out = append(out, Helpline{Country: h.Country, CountryName: h.CountryName, Name: h.Name, Phone: h.Phone,
			Text: h.Text, URL: h.URL, Hours: h.Hours, Description: h.Description,
			Checked: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Source: h.Source, PackID: l.pack.Manifest.ID})
	}
	return out
}

func validCountry(c string) bool {
	if c == "INT" {
		return true
	}
	return len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z'
}

func isWebAddress(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && len(s) > len("https://") &&
		!strings.ContainsAny(s, " \t\r\n")
}

// ---- cross-references and duplicates

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

// oneOf adds a problem when v is missing or not one of allowed.
func oneOf[T ~string](l *loader, file string, line int, what string, v T, allowed []T) {
	switch {
	case v == "":
		l.addf(file, line, "%s is missing (one of %s)", what, joinQ(allowed))
	case !slices.Contains(allowed, v):
		l.addf(file, line, "%s %q is not one of %s", what, string(v), joinQ(allowed))
	}
}

// joinQ formats allowed values as "a", "b" or "c".
func joinQ[T ~string](vals []T) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", string(v))
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// ParsePractice parses and checks one practice file on its own (name is its path in
// the pack, like "practices/safe-place.toml"): syntax, unknown keys, required fields,
// lengths and steps, but not audio files or references. The practice is returned even
// when there are problems.
func ParsePractice(name string, data []byte) (Practice, []Problem) {
	l := &loader{pack: &Pack{Manifest: Manifest{ID: BuiltinID}}}
	if !utf8.Valid(data) {
		return Practice{}, []Problem{{File: name, Msg: "file is not UTF-8 text"}}
	}
	var r rawPractice
	if !decodeStrict(string(data), name, 1, &r, l.add) {
		return Practice{}, l.problems
	}
	p := l.practice(name, string(data), r)
	return p, l.problems
}
