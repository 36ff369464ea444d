package exercise

import (
	"embed"
	"errors"
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
	"github.com/hearth-app/hearth/resources/critic"
	"github.com/hearth-app/hearth/ui/page"
)

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the Exercises screen's strings to fyne's lang bundle.
// Call it once at start-up, before building the screen.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("exercise: load translations: %w", err)
	}
	return nil
}

// ErrUnknownExercise is returned by Open for an ID the library does not have, and by
// OpenRecord for a record that belongs to no exercise.
var ErrUnknownExercise = errors.New("exercise: no such exercise")

// Screen is the Exercises screen: the exercises to start, the user's saved ones, the
// step-by-step form and the finished views. Use it on the UI goroutine.
type Screen struct {
	// OnNeedSupport is called (at most once per field while a form is open) when a
	// distress rating is 8/10 or more. The shell should offer support gently.
	OnNeedSupport func()
	// OnSaved is called after every successful save, with the saved record.
	OnSaved func(journal.Record)

	lib     *resources.Library
	store   Store
	prefs   fyne.Preferences
	spotter *critic.Spotter
	now     func() time.Time

	after      afterFunc               // timers (tests replace it)
	background func(work, done func()) // slow work (tests run it inline)

	saved    []journal.Record // newest first
	loadGen  int
	loading  bool             // a Refresh is reading the store
	fresh    []journal.Record // saved while that Refresh was reading: merged in after
	form     *form            // the open form, if any
	reader   *reader          // the open letter reader, if any
	root     *fyne.Container
	listView fyne.CanvasObject
	list     *widget.List
	status   *widget.Label
	empty    fyne.CanvasObject
}

// New builds the screen. lib gives the exercises; store keeps the answers (a
// *journal.Vault); prefs holds the critic-notes preference (may be nil); spotter
// notices the inner critic (nil: no notes); now gives the time (nil: time.Now).
func New(lib *resources.Library, store Store, prefs fyne.Preferences, spotter *critic.Spotter, now func() time.Time) *Screen {
	if now == nil {
		now = time.Now
	}
	s := &Screen{lib: lib, store: store, prefs: prefs, spotter: spotter, now: now,
		after: realAfter, background: inBackground}
	s.build()
	return s
}

func inBackground(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

// Content is the screen's root object, built once.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Focus puts the keyboard focus on the open form's first field, if a form is open.
func (s *Screen) Focus(c fyne.Canvas) {
	if s.form != nil && c != nil {
		if f := s.form.firstFocusable(); f != nil {
			c.Focus(f)
		}
	}
}

// Refresh reloads the saved exercises off the UI goroutine and then shows them.
func (s *Screen) Refresh() {
	s.loadGen++
	gen := s.loadGen
	kinds := s.kinds()
	s.loading, s.fresh = true, nil
	var recs []journal.Record
	var err error
	s.background(func() {
		recs, err = s.store.List(journal.Query{Kinds: kinds})
		if err == nil {
			sortSaved(recs)
		}
	}, func() {
		if gen != s.loadGen {
			return
		}
		s.loading = false
		if err != nil {
			s.status.SetText(lang.L("Hearth couldn't read your saved exercises just now. They are safe; you might try again in a moment."))
			s.status.Show()
			return
		}
		s.status.Hide()
		s.saved = recs
		for _, r := range s.fresh {
			s.saved = replaceRecord(s.saved, r)
		}
		s.fresh = nil
		sortSaved(s.saved)
		s.showSaved()
	})
}

// Stop saves the open form now and cancels its timers. Call it when the user leaves
// the screen or locks. If the save fails the words stay in the form.
func (s *Screen) Stop() {
	_ = s.Flush()
}

// Flush saves the open form now, if anything is unsaved, and returns the error if
// that failed (the shell may then keep the vault open and say so).
func (s *Screen) Flush() error {
	if s.form == nil {
		return nil
	}
	return s.form.stop()
}

// Open starts the exercise with this ID, or continues its most recent draft.
func (s *Screen) Open(exerciseID string) error {
	ex := s.exercise(exerciseID, "")
	if ex == nil {
		return fmt.Errorf("%w: %q", ErrUnknownExercise, exerciseID)
	}
	if err := s.Flush(); err != nil {
		return err
	}
	// Ask the store, not the list, which may still be loading. The vault answers
	// List from memory.
	recs, err := s.store.List(journal.Query{Kinds: []journal.Kind{journal.Kind(ex.RecordKind)}})
	if err != nil {
		recs = s.saved
	}
	sortSaved(recs)
	for _, r := range recs {
		if isDraft(r) && r.Meta[MetaExerciseID] == ex.ID {
			s.openForm(ex, r)
			return nil
		}
	}
	s.openForm(ex, journal.Record{})
	return nil
}

// OpenRecord opens a saved exercise: a draft in the form where it was left, a
// finished one in its finished view (a letter ready to reread in the reader).
func (s *Screen) OpenRecord(id string) error {
	if err := s.Flush(); err != nil {
		return err
	}
	r, err := s.store.Get(id)
	if err != nil {
		return fmt.Errorf("exercise: open record: %w", err)
	}
	ex := s.exercise(r.Meta[MetaExerciseID], r.Kind)
	if ex == nil {
		return fmt.Errorf("%w for this record", ErrUnknownExercise)
	}
	switch {
	case isDraft(r):
		s.openForm(ex, r)
	case len(DueLetters([]journal.Record{r}, s.now())) == 1:
		s.showDone(ex, r, false)
		s.openReader(ex, r)
	default:
		s.showDone(ex, r, false)
	}
	return nil
}

// exercise finds an exercise by ID, or else the first with record kind k.
func (s *Screen) exercise(id string, k journal.Kind) *resources.Exercise {
	if s.lib == nil {
		return nil
	}
	for _, e := range s.lib.Exercises {
		if id != "" && e.ID == id {
			return e
		}
	}
	for _, e := range s.lib.Exercises {
		if k != "" && journal.Kind(e.RecordKind) == k {
			return e
		}
	}
	return nil
}

// kinds are the record kinds of every exercise in the library.
func (s *Screen) kinds() []journal.Kind {
	var ks []journal.Kind
	seen := map[journal.Kind]bool{}
	if s.lib != nil {
		for _, e := range s.lib.Exercises {
			k := journal.Kind(e.RecordKind)
			if !seen[k] {
				seen[k] = true
				ks = append(ks, k)
			}
		}
	}
	if len(ks) == 0 {
		ks = []journal.Kind{"none"} // an empty query would list every record
	}
	return ks
}

// remember puts a saved record into the list of saved exercises.
func (s *Screen) remember(r journal.Record) {
	s.saved = replaceRecord(s.saved, r)
	if s.loading {
		s.fresh = append(s.fresh, r)
	}
	s.showSaved()
	if s.OnSaved != nil {
		s.OnSaved(r)
	}
}

// show puts one view on screen.
func (s *Screen) show(o fyne.CanvasObject) {
	s.root.Objects = []fyne.CanvasObject{o}
	s.root.Refresh()
}

// backToList closes the form or finished view (saving first) and shows the list.
func (s *Screen) backToList() {
	if s.form != nil {
		if err := s.form.stop(); err != nil {
			return // the message is on show and the words stay in the form
		}
		s.form = nil
	}
	s.reader = nil
	s.show(s.listView)
}

// build creates the list view.
func (s *Screen) build() {
	heading := page.Heading(lang.L("Exercises"))
	intro := page.Paragraph(lang.L("Structured writing to practise with. Every question is optional, and you can stop and come back whenever you like: your answers are kept in your journal."))

	var cards []fyne.CanvasObject
	if s.lib != nil {
		for _, e := range s.lib.Exercises {
			begin := widget.NewButtonWithIcon(lang.L("Begin"), theme.NavigateNextIcon(), func() { _ = s.Open(e.ID) })
			begin.Importance = widget.HighImportance
			cards = append(cards, page.NewCard(e.Title, page.Paragraph(e.Summary), container.NewHBox(layout.NewSpacer(), begin)))
		}
	}
	left := container.NewVBox(append([]fyne.CanvasObject{page.Subheading(lang.L("Start an exercise"))}, cards...)...)

	s.status = page.Paragraph("")
	s.status.Hide()
	s.list = widget.NewList(
		func() int { return len(s.saved) },
		func() fyne.CanvasObject { return newSavedRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.saved) {
				o.(*savedRow).set(s.saved[id], s.now())
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.saved) {
			_ = s.OpenRecord(s.saved[id].ID)
		}
	}
	s.empty = page.Note(lang.L("Exercises you start are kept here, newest first. You can continue a draft or come back to a finished one whenever you like."))
	right := container.NewBorder(container.NewVBox(page.Subheading(lang.L("Your exercises")), s.status), nil, nil, nil,
		container.NewStack(s.list, container.NewVBox(s.empty)))
	top := container.NewVBox(heading, intro)
	body := container.New(columns{}, container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*3), left)), right)
	s.listView = page.Padded(theme.Padding()*3, container.NewBorder(top, nil, nil, nil, body))
	s.root = container.New(&settle{}, s.listView)
	s.showSaved()
}

// showSaved updates the list of saved exercises.
func (s *Screen) showSaved() {
	if len(s.saved) == 0 {
		s.list.Hide()
		s.empty.Show()
	} else {
		s.empty.Hide()
		s.list.Show()
	}
	s.list.Refresh()
}

// savedRow is one saved exercise in the list: its title and a quiet line saying
// when, and whether it is a draft to continue.
type savedRow struct {
	widget.BaseWidget
	title *widget.Label
	note  *widget.RichText
}

func newSavedRow() *savedRow {
	r := &savedRow{title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), note: page.Note("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.note.Truncation = fyne.TextTruncateEllipsis
	r.note.Wrapping = fyne.TextWrapOff
	r.ExtendBaseWidget(r)
	return r
}

func (r *savedRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(0), r.title, r.note))
}

func (r *savedRow) set(rec journal.Record, now time.Time) {
	r.title.SetText(rec.Title)
	date := formatDate(rec.Updated, now)
	var note string
	switch {
	case isDraft(rec):
		note = lang.X("exercise.saved.draft", "Draft — continue · {{.Date}}", map[string]any{"Date": date})
	case len(DueLetters([]journal.Record{rec}, now)) == 1:
		note = lang.X("exercise.saved.reread", "Ready to read again · {{.Date}}", map[string]any{"Date": date})
	default:
		note = date
	}
	page.SetNote(r.note, note)
}

// formatDate is "25 November" this year, "25 November 2025" otherwise, in now's zone.
func formatDate(t, now time.Time) string {
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("2 January")
	}
	return t.Format("2 January 2006")
}

// columns lays out two objects side by side on a wide window (the first a little
// wider), and one above the other on a narrow one.
type columns struct{}

const columnGap = 24

func (columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 2 {
		return
	}
	if size.Width >= 760 {
		lw := (size.Width - columnGap) * 0.55
		objs[0].Move(fyne.NewPos(0, 0))
		objs[0].Resize(fyne.NewSize(lw, size.Height))
		objs[1].Move(fyne.NewPos(lw+columnGap, 0))
		objs[1].Resize(fyne.NewSize(size.Width-lw-columnGap, size.Height))
		return
	}
	th := (size.Height - columnGap) * 0.55
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, th))
	objs[1].Move(fyne.NewPos(0, th+columnGap))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-th-columnGap))
}

// replaceRecord puts r first in rs, removing its older version.
func replaceRecord(rs []journal.Record, r journal.Record) []journal.Record {
	out := make([]journal.Record, 0, len(rs)+1)
	out = append(out, r)
	for _, e := range rs {
		if e.ID != r.ID {
			out = append(out, e)
		}
	}
	return out
}

// settle lays out the view on show over the whole screen. When the width changes it
// lays it out a second time: wrapped text only knows its new height once it has its
// new width, so one pass would leave gaps or overlaps after a big jump (maximise).
type settle struct{ width float32 }

func (*settle) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (l *settle) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
		if size.Width != l.width && l.width != 0 {
			o.Refresh()
		}
	}
	l.width = size.Width
}
