package learn

import (
	"embed"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the Learn screen's English strings to fyne's lang
// bundle. Call it once at start-up, before building the screen.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("learn: load translations: %w", err)
	}
	return nil
}

// Store is where the screen reads records from, to tick the programme's days;
// *journal.Vault satisfies it.
type Store interface {
	List(journal.Query) ([]journal.Record, error)
}

// Navigation is how the screen sends the user elsewhere in the app. Any of them may
// be nil, and the buttons that would call it are then hidden.
type Navigation struct {
	OnOpenPractice func(id string)       // open the practice with that ID
	OnOpenPrompt   func(promptID string) // start a journal entry answering that prompt
	OnOpenExercise func(id string)       // open the exercise with that ID
}

// Screen is the Learn screen: lessons and the take-home programme. Use it on the UI
// goroutine.
type Screen struct {
	lib   *resources.Library
	store Store
	prefs fyne.Preferences
	now   func() time.Time
	nav   Navigation

	done    doneIndex // when each practice, prompt and exercise was last done
	loadErr error
	gen     int // the latest Refresh; older loads are dropped

	root     *fyne.Container // holds the view being shown
	overview *overview
	reader   *reader
	plan     *programmeView

	afterUpdate func() // tests: called after each load is shown
}

// New builds the screen. now gives the current time (nil means time.Now); its time
// zone is the user's for counting programme days. Call Refresh when the screen is
// shown.
func New(lib *resources.Library, store Store, prefs fyne.Preferences, now func() time.Time, nav Navigation) *Screen {
	if now == nil {
		now = time.Now
	}
	s := &Screen{lib: lib, store: store, prefs: prefs, now: now, nav: nav}
	s.overview = newOverview(s)
	s.reader = newReader(s)
	s.plan = newProgrammeView(s)
	s.root = container.NewStack(s.overview.root)
	s.update()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Refresh reloads the records off the UI goroutine and then updates the ticks. Call it
// when the screen is shown and after the user saved something.
func (s *Screen) Refresh() {
	s.gen++
	gen := s.gen
	store := s.store
	s.update() // read marks and the day may have changed meanwhile
	if store == nil {
		return
	}
	go func() {
		recs, err := store.List(journal.Query{})
		var done doneIndex
		if err == nil {
			done = indexRecords(recs)
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			if err == nil {
				s.done = done
			}
			s.loadErr = err
			s.update()
			if s.afterUpdate != nil {
				s.afterUpdate()
			}
		})
	}()
}

// Stop is called when the user navigates away or locks. The screen has nothing
// running and keeps no unsaved state (read marks are saved at once), so it only
// drops what it learnt from the records.
func (s *Screen) Stop() {
	s.gen++
	s.done = doneIndex{}
}

// SetLibrary replaces the content shown, after a pack was imported or removed.
func (s *Screen) SetLibrary(lib *resources.Library) {
	s.lib = lib
	s.overview.build()
	s.plan.choose(ChosenProgramme(lib, s.prefs))
	s.ShowLessons()
	s.update()
}

// ShowLessons goes back to the list of lessons (the screen's first view).
func (s *Screen) ShowLessons() { s.show(s.overview.root) }

// OpenLesson shows the lesson with that ID; it does nothing when there is none.
func (s *Screen) OpenLesson(id string) {
	s.openLesson(id, s.overview.root)
}

// ShowProgramme shows the take-home programme chosen (the built-in four weeks
// unless another was chosen), scrolled to today's day.
func (s *Screen) ShowProgramme() {
	s.plan.update()
	fresh := s.show(s.plan.root)
	if fresh {
		s.plan.scrollToToday()
	}
}

func (s *Screen) openLesson(id string, from fyne.CanvasObject) {
	l := s.lib.Lesson(id)
	if l == nil {
		return
	}
	s.reader.open(l, from == s.plan.root)
	s.show(s.reader.root)
}

// show puts view on screen; it reports whether it was not already there.
func (s *Screen) show(view fyne.CanvasObject) bool {
	if len(s.root.Objects) == 1 && s.root.Objects[0] == view {
		return false
	}
	s.root.Objects = []fyne.CanvasObject{view}
	s.root.Refresh()
	return true
}

// update shows the current read marks, day and ticks in every view.
func (s *Screen) update() {
	s.overview.update()
	s.reader.update()
	s.plan.update()
}

// setRead marks a lesson read or not and shows it everywhere.
func (s *Screen) setRead(id string, read bool) {
	if ReadLessons(s.prefs)[id] == read {
		return
	}
	SetRead(s.prefs, id, read, s.now())
	s.update()
}

// column stacks objects with generous room between them.
func column(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*3), objs...)
}

// backButton is a quiet "back" button.
func backButton(text string, onTap func()) *widget.Button {
	b := widget.NewButtonWithIcon(text, theme.NavigateBackIcon(), onTap)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// leftAligned keeps o at its natural width on the left.
func leftAligned(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(o, layout.NewSpacer())
}
