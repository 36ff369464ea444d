// Package home is Hearth's Home screen: a greeting for the time of day, today's
// step of the take-home programme with its items as buttons, three quick actions
// (a three-minute breathing practice, a three-circles check-in, writing), a gentle
// reminder when a compassionate letter is ready to be reread, and the most recent
// entries and practices.
//
// # Hosting
//
// The shell builds one Screen with New after unlocking and shows Content(). It
// calls Refresh each time the screen is shown (records load off the UI goroutine
// through Config.Background) and Stop when it is hidden; Actions are how Home sends
// the user elsewhere. Call RegisterTranslations once at start-up.
//
// Home never counts missed days or scolds: someone coming back after a while is
// welcomed back.
package home

import (
	"embed"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/learn"
	"github.com/hearth-app/hearth/ui/page"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds Home's English strings to fyne's lang bundle.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("home: load translations: %w", err)
	}
	return nil
}

// Store is where Home reads records from; *journal.Vault satisfies it.
type Store interface {
	List(journal.Query) ([]journal.Record, error)
}

// Actions are how Home sends the user elsewhere. Any may be nil; its button is
// then hidden.
type Actions struct {
	OnBreathe       func()                 // the three-minute breathing practice
	OnCheckIn       func()                 // the three-circles check-in
	OnWrite         func()                 // a new journal entry
	OnOpenPractice  func(id string)        // a practice of today's step
	OnOpenLesson    func(id string)        // a lesson of today's step
	OnOpenPrompt    func(promptID string)  // a prompt of today's step
	OnOpenExercise  func(id string)        // an exercise of today's step
	OnOpenProgramme func()                 // the programme on the Learn screen
	OnOpenRecord    func(r journal.Record) // a recent entry, exercise, letter or practice
}

// Config is what Home needs.
type Config struct {
	Library *resources.Library
	Store   Store
	Prefs   fyne.Preferences
	// Now is the clock; its time zone is the user's (time.Now when nil).
	Now     func() time.Time
	Actions Actions
	// Background runs work off the UI goroutine, then done on it. Nil means a
	// goroutine and fyne.Do.
	Background func(work, done func())
}

// Recent is how many recent entries and practices Home lists.
const Recent = 3

// welcomeBackAfter is the quiet gap after which Home says "welcome back".
const welcomeBackAfter = 3 * 24 * time.Hour

// Screen is the Home screen. Use it on the UI goroutine.
type Screen struct {
	cfg Config
	gen int // the latest Refresh; older loads are dropped

	root     fyne.CanvasObject
	greeting *widget.Label
	date     *widget.RichText
	welcome  *widget.Label
	letters  *fyne.Container
	today    *page.Card
	recent   *page.Card
	problem  *widget.Label

	// what is on show (for tests and the shell)
	step     learn.Step
	hasStep  bool
	due      []journal.Record
	entries  []journal.Record
	sessions []journal.Record
}

// New builds the screen; call Refresh to load the records.
func New(c Config) *Screen {
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Background == nil {
		c.Background = func(work, done func()) {
			go func() { work(); fyne.Do(done) }()
		}
	}
	s := &Screen{cfg: c}
	s.build()
	s.apply(nil, nil)
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Stop has nothing running to stop; it lets go of the records on show.
func (s *Screen) Stop() {
	s.gen++ // a load still running is no longer wanted
}

// SetLibrary shows content from lib (after a pack was imported or removed).
func (s *Screen) SetLibrary(lib *resources.Library) { s.cfg.Library = lib }

// Refresh reloads the records off the UI goroutine and updates the screen.
func (s *Screen) Refresh() {
	s.gen++
	gen := s.gen
	s.greet()
	var (
		recs []journal.Record
		err  error
	)
	store := s.cfg.Store
	s.cfg.Background(func() {
		if store != nil {
			recs, err = store.List(journal.Query{})
		}
	}, func() {
		if gen != s.gen {
			return
		}
		s.apply(recs, err)
	})
}

// Greeting is the greeting for the hour of t: morning from 5, afternoon from 12,
// evening from 17, and a plain hello in the small hours.
func Greeting(t time.Time) string {
	switch h := t.Hour(); {
	case h >= 5 && h < 12:
		return lang.L("Good morning")
	case h >= 12 && h < 17:
		return lang.L("Good afternoon")
	case h >= 17:
		return lang.L("Good evening")
	}
	return lang.L("Hello")
}

func (s *Screen) build() {
	s.greeting = page.Heading("")
	s.date = page.Note("")
	s.welcome = page.Paragraph("")
	s.welcome.Hide()
	s.problem = page.Paragraph("")
	s.problem.Hide()

	quick := container.NewGridWithColumns(3)
	add := func(label string, icon fyne.Resource, f func(), imp widget.Importance) {
		if f == nil {
			return
		}
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = imp
		quick.Add(b)
	}
	a := s.cfg.Actions
	add(lang.L("3-minute breathing"), theme.MediaPlayIcon(), a.OnBreathe, widget.HighImportance)
	add(lang.L("Check in"), theme.RadioButtonCheckedIcon(), a.OnCheckIn, widget.MediumImportance)
	add(lang.L("Write"), theme.DocumentCreateIcon(), a.OnWrite, widget.MediumImportance)
	quickCard := page.NewCard(lang.L("A few minutes for yourself"),
		page.Note(lang.L("Whatever today has been like, you might take a small moment here.")),
		quick)

	s.letters = container.NewVBox()
	s.today = page.NewCard(lang.L("Today's step"))
	s.recent = page.NewCard(lang.L("Lately"))

	column := container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*4),
		container.NewVBox(s.greeting, s.date, s.welcome, s.problem),
		quickCard,
		s.letters,
		s.today,
		s.recent,
	)
	s.root = container.NewVScroll(page.Padded(theme.Padding()*3, page.Readable(760, column)))
}

// greet sets the greeting and the date from the clock.
func (s *Screen) greet() {
	now := s.cfg.Now()
	s.greeting.SetText(Greeting(now))
	page.SetNote(s.date, now.Format("Monday 2 January"))
}

// apply shows a finished load.
func (s *Screen) apply(recs []journal.Record, err error) {
	now := s.cfg.Now()
	s.greet()
	if err != nil {
		s.problem.SetText(lang.L("Hearth couldn't read your journal just now. Your entries are safe; you might try again in a moment."))
		s.problem.Show()
	} else {
		s.problem.Hide()
	}
	s.showWelcome(recs, now)
	s.due = exercise.DueLetters(recs, now)
	s.showLetters()
	s.showToday(recs, now)
	s.showRecent(recs, now)
}

// showWelcome greets someone new, or someone back after a quiet while.
func (s *Screen) showWelcome(recs []journal.Record, now time.Time) {
	var last time.Time
	for _, r := range recs {
		if t := r.Updated; t.After(last) {
			last = t
		}
	}
	switch {
	case len(recs) == 0:
		s.welcome.SetText(lang.L("This is a quiet place to practise being kind to yourself. There's no right way to begin: a few minutes of breathing is a lovely start."))
		s.welcome.Show()
	case now.Sub(last) >= welcomeBackAfter:
		s.welcome.SetText(lang.L("Welcome back. It's good to see you."))
		s.welcome.Show()
	default:
		s.welcome.Hide()
	}
}

// showLetters shows a gentle reminder for letters ready to be reread.
func (s *Screen) showLetters() {
	s.letters.Objects = nil
	if len(s.due) > 0 { // one reminder is enough
		r := s.due[0]
		msg := lang.L("A compassionate letter you wrote on {{.Date}} is ready to be read again, slowly, whenever you like.",
			map[string]any{"Date": r.Created.Format("2 January")})
		var read fyne.CanvasObject
		if s.cfg.Actions.OnOpenRecord != nil {
			b := widget.NewButtonWithIcon(lang.L("Read it"), theme.VisibilityIcon(), func() { s.cfg.Actions.OnOpenRecord(r) })
			read = container.NewCenter(b)
		}
		s.letters.Add(page.NewCard("", container.NewBorder(nil, nil, nil, read, page.Paragraph(msg))))
	}
	if len(s.letters.Objects) == 0 {
		s.letters.Hide()
	} else {
		s.letters.Show()
	}
	s.letters.Refresh()
}

// showToday shows today's step of the programme, or an invitation to start one.
func (s *Screen) showToday(recs []journal.Record, now time.Time) {
	lib := s.cfg.Library
	s.hasStep = false
	if lib == nil {
		s.today.Hide()
		return
	}
	s.today.Show()
	step, ok := learn.Today(lib, s.cfg.Prefs, recs, now)
	if !ok {
		p := learn.ChosenProgramme(lib, s.cfg.Prefs)
		if p == nil {
			s.today.Hide()
			return
		}
		objs := []fyne.CanvasObject{
			widget.NewLabelWithStyle(p.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			page.Paragraph(p.Summary),
		}
		if s.cfg.Actions.OnOpenProgramme != nil {
			look := widget.NewButtonWithIcon(lang.L("Have a look"), theme.NavigateNextIcon(), s.cfg.Actions.OnOpenProgramme)
			objs = append(objs, container.NewHBox(layout.NewSpacer(), look))
		}
		s.today.SetContent(objs...)
		return
	}
	s.step, s.hasStep = step, true
	title := lang.L("Day {{.Day}} of {{.Days}}: {{.Title}}", map[string]any{
		"Day": min(step.Number, len(step.Programme.Days)), "Days": len(step.Programme.Days), "Title": step.Day.Title})
	objs := []fyne.CanvasObject{page.Note(step.Programme.Title), page.Subheading(title)}
	if step.Day.Note != "" {
		objs = append(objs, page.Paragraph(step.Day.Note))
	}
	objs = append(objs, s.stepButtons(step)...)
	switch {
	case step.Finished():
		objs = append(objs, page.Note(lang.L("You've reached the end of the programme. Any day is yours to return to.")))
	case step.Done:
		objs = append(objs, page.Note(lang.L("That's today's step. Lovely to have spent this time with yourself.")))
	}
	s.today.SetContent(objs...)
}

// stepButtons are today's items, each a button that opens it, ticked when done.
func (s *Screen) stepButtons(step learn.Step) []fyne.CanvasObject {
	lib, a, d := s.cfg.Library, s.cfg.Actions, step.Day
	var out []fyne.CanvasObject
	add := func(kind, label string, done bool, f func()) {
		if f == nil || label == "" {
			return
		}
		icon := theme.NavigateNextIcon()
		if done {
			icon = theme.ConfirmIcon()
		}
		b := widget.NewButtonWithIcon(kind+": "+label, icon, f)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if !done {
			b.Importance = widget.MediumImportance
		}
		out = append(out, b)
	}
	if p := lib.Practice(d.Practice); p != nil && a.OnOpenPractice != nil {
		add(lang.L("Practice"), p.Title, step.Items.Practice.Done, func() { a.OnOpenPractice(p.ID) })
	}
	if l := lib.Lesson(d.Lesson); l != nil && a.OnOpenLesson != nil {
		add(lang.L("Read"), l.Title, step.Items.Lesson.Done, func() { a.OnOpenLesson(l.ID) })
	}
	if p := lib.Prompt(d.Prompt); p != nil && a.OnOpenPrompt != nil {
		add(lang.L("Reflect"), p.Question, step.Items.Prompt.Done, func() { a.OnOpenPrompt(p.ID) })
	}
	if e := lib.Exercise(d.Exercise); e != nil && a.OnOpenExercise != nil {
		add(lang.L("Exercise"), e.Title, step.Items.Exercise.Done, func() { a.OnOpenExercise(e.ID) })
	}
	return out
}

// showRecent lists the latest writing and practices.
func (s *Screen) showRecent(recs []journal.Record, now time.Time) {
	s.entries, s.sessions = nil, nil
	for _, r := range recs { // newest first
		switch {
		case r.Kind == journal.KindPracticeSession:
			if len(s.sessions) < Recent {
				s.sessions = append(s.sessions, r)
			}
		case r.Meta["draft"] == "true":
		default:
			if len(s.entries) < Recent {
				s.entries = append(s.entries, r)
			}
		}
	}
	if len(s.entries)+len(s.sessions) == 0 {
		s.recent.Hide()
		return
	}
	var objs []fyne.CanvasObject
	row := func(r journal.Record, text string) fyne.CanvasObject {
		label := text + "  ·  " + shortDate(r.Created, now)
		if s.cfg.Actions.OnOpenRecord == nil {
			return page.Paragraph(label)
		}
		b := widget.NewButton(label, func() { s.cfg.Actions.OnOpenRecord(r) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	if len(s.entries) > 0 {
		objs = append(objs, widget.NewLabelWithStyle(lang.L("Writing"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, r := range s.entries {
			objs = append(objs, row(r, recordTitle(r)))
		}
	}
	if len(s.sessions) > 0 {
		objs = append(objs, widget.NewLabelWithStyle(lang.L("Practice"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, r := range s.sessions {
			objs = append(objs, row(r, sessionText(r)))
		}
	}
	s.recent.SetContent(objs...)
	s.recent.Show()
}

// recordTitle is a record's title, else its first line, cut to a row's length.
func recordTitle(r journal.Record) string {
	t := strings.TrimSpace(r.Title)
	if t == "" {
		t, _, _ = strings.Cut(strings.TrimSpace(r.Body), "\n")
	}
	t = strings.Join(strings.Fields(t), " ")
	if rs := []rune(t); len(rs) > 60 {
		t = string(rs[:59]) + "…"
	}
	if t == "" {
		return lang.L("Untitled")
	}
	return t
}

// sessionText is a practice session's title and how long it lasted.
func sessionText(r journal.Record) string {
	t := recordTitle(r)
	var secs int
	if _, err := fmt.Sscan(r.Meta["seconds"], &secs); err == nil && secs >= 60 {
		t += "  ·  " + lang.L("{{.Minutes}} min", map[string]any{"Minutes": (secs + 30) / 60})
	}
	return t
}

// shortDate is "Today", "Yesterday" or a day and month.
func shortDate(t, now time.Time) string {
	t = t.In(now.Location())
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	py, pm, pd := now.AddDate(0, 0, -1).Date()
	switch {
	case y == ny && m == nm && d == nd:
		return lang.L("Today")
	case y == py && m == pm && d == pd:
		return lang.L("Yesterday")
	}
	return t.Format("Mon 2 Jan")
}
