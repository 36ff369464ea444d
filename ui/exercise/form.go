package exercise

import (
	"errors"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// autosaveDelay is how long after typing stops the form saves.
const autosaveDelay = time.Second

// form is one exercise being filled in: a page per step with Back and Next, saving
// as a draft by itself.
type form struct {
	s   *Screen
	ex  *resources.Exercise
	rec journal.Record // the saved version; ID is empty until the first save
	ans answers
	// step is the page on show, from 0.
	step int
	// finished is true when the record was already finished: saves keep it so.
	finished bool
	dirty    bool // the form holds answers the store doesn't have yet
	// revised is set once a finished exercise reopened for editing has kept its
	// finished version as a revision; later saves of the session coalesce.
	revised bool
	loading bool // filling widgets, not the user typing

	stopSave  func()
	saveGen   int
	supported map[string]bool // distress fields that already offered support

	view      fyne.CanvasObject
	pages     []fyne.CanvasObject
	pageBox   *fyne.Container
	scroll    *container.Scroll
	stepLabel *widget.RichText
	back      *widget.Button
	next      *widget.Button
	status    *widget.RichText
	retry     *widget.Button

	entries map[string]*widget.Entry
	ratings map[string]*ratingField
	choices map[string]*widget.RadioGroup
	notes   map[string]*CriticNotes
	first   []fyne.Focusable // the first input of each page, or nil
}

// openForm shows the form for ex, filled from r (empty for a new one). A draft opens
// on the step it was left on; a finished record opens on the first step.
func (s *Screen) openForm(ex *resources.Exercise, r journal.Record) {
	s.reader = nil
	f := &form{s: s, ex: ex, rec: r, ans: newAnswers(r), finished: r.ID != "" && !isDraft(r),
		supported: map[string]bool{}, entries: map[string]*widget.Entry{},
		ratings: map[string]*ratingField{}, choices: map[string]*widget.RadioGroup{}, notes: map[string]*CriticNotes{}}
	if isDraft(r) {
		f.step = savedStep(r, ex)
	}
	f.build()
	s.form = f
	f.showStep()
	s.show(f.view)
}

// build creates every page of the form.
func (f *form) build() {
	f.loading = true
	defer func() { f.loading = false }()
	for i, st := range f.ex.Steps {
		f.pages = append(f.pages, f.buildPage(i, st))
	}
	toList := widget.NewButtonWithIcon(lang.L("Exercises"), theme.NavigateBackIcon(), f.s.backToList)
	toList.Importance = widget.LowImportance
	f.stepLabel = page.Note("")
	f.stepLabel.Wrapping = fyne.TextWrapOff
	title := page.Heading(f.ex.Title)
	title.Wrapping = fyne.TextWrapOff
	title.Truncation = fyne.TextTruncateEllipsis

	f.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { f.move(-1) })
	f.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { f.move(+1) })
	f.next.IconPlacement = widget.ButtonIconTrailingText
	f.next.Importance = widget.HighImportance
	f.status = page.Note("")
	f.status.Segments[0].(*widget.TextSegment).Style.Alignment = fyne.TextAlignCenter
	f.retry = widget.NewButton(lang.L("Try again"), func() { _ = f.save(false) })
	f.retry.Hide()

	f.pageBox = container.NewStack()
	f.scroll = page.Scroll(f.pageBox)
	top := page.Padded(theme.Padding()*2, page.Readable(0, container.NewVBox(
		container.NewHBox(toList, layout.NewSpacer(), f.stepLabel), title)))
	bottom := page.Padded(theme.Padding()*2, page.Readable(0, container.NewBorder(nil, nil, f.back, f.next,
		container.NewVBox(f.status, container.NewCenter(f.retry)))))
	f.view = container.NewBorder(container.NewVBox(top, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), bottom), nil, nil, f.scroll)
}

// buildPage makes the page of step i.
func (f *form) buildPage(i int, st resources.ExerciseStep) fyne.CanvasObject {
	items := []fyne.CanvasObject{page.Subheading(st.Title)}
	if i == 0 && f.ex.SafetyNote != "" {
		items = append(items, page.NewCard(lang.L("Before you begin"), page.Paragraph(f.ex.SafetyNote)))
	}
	if st.Guidance != "" {
		g := widget.NewRichTextFromMarkdown(st.Guidance)
		g.Wrapping = fyne.TextWrapWord
		items = append(items, g)
	}
	var first fyne.Focusable
	for _, fd := range st.Fields {
		obj, foc := f.buildField(fd)
		if first == nil {
			first = foc
		}
		items = append(items, obj)
	}
	if f.isLetterReadStep(i) {
		read := widget.NewButtonWithIcon(lang.L("Read your letter slowly"), theme.VisibilityIcon(), f.readLetter)
		items = append(items, container.NewHBox(read))
	}
	f.first = append(f.first, first)
	return container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()*3), items...)
}

// isLetterReadStep reports whether step i comes after the step holding the letter
// (field "letter"): it offers to read the letter slowly.
func (f *form) isLetterReadStep(i int) bool {
	for j, st := range f.ex.Steps {
		for _, fd := range st.Fields {
			if fd.ID == "letter" && fd.Type == resources.FieldLongText {
				return i == j+1
			}
		}
	}
	return false
}

// buildField makes the input for one field, returning it and what to focus.
func (f *form) buildField(fd resources.Field) (fyne.CanvasObject, fyne.Focusable) {
	label := widget.NewLabelWithStyle(fd.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	switch fd.Type {
	case resources.FieldRating10, resources.FieldRating100:
		rf := newRatingField(fd.Type)
		if v, ok := f.ans.ratings[fd.ID]; ok {
			rf.set(v, true)
		}
		rf.onChange = func(v int, rated bool) {
			if rated {
				f.ans.ratings[fd.ID] = v
			} else {
				delete(f.ans.ratings, fd.ID)
			}
			f.edited()
		}
		rf.onSettled = func(v int) { f.checkSupport(fd, v) }
		f.ratings[fd.ID] = rf
		return container.NewVBox(label, rf.content), rf.slider
	case resources.FieldChoice:
		rg := widget.NewRadioGroup(fd.Choices, nil)
		rg.SetSelected(f.ans.text[fd.ID])
		rg.OnChanged = func(v string) {
			if v == "" {
				delete(f.ans.text, fd.ID)
			} else {
				f.ans.text[fd.ID] = v
			}
			f.edited()
		}
		f.choices[fd.ID] = rg
		return container.NewVBox(label, rg), nil
	case resources.FieldShortText:
		e := widget.NewEntry()
		f.setupEntry(fd, e)
		return container.NewVBox(label, e), e
	}
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(5)
	if fd.ID == "letter" {
		e.SetMinRowsVisible(12)
	}
	f.setupEntry(fd, e)
	objs := []fyne.CanvasObject{label, e}
	if isCriticField(fd) {
		n := NewCriticNotes(f.s.spotter)
		n.after = f.s.after
		n.enabled = f.s.criticEnabled()
		n.SetTextNow(e.Text)
		n.OnEnabledChanged = f.criticToggled
		f.notes[fd.ID] = n
		objs = append(objs, n)
	}
	return container.NewVBox(objs...), e
}

// setupEntry fills a text entry and wires it to the answers.
func (f *form) setupEntry(fd resources.Field, e *widget.Entry) {
	e.SetPlaceHolder(fd.Hint)
	e.SetText(f.ans.text[fd.ID])
	e.OnChanged = func(t string) {
		f.ans.text[fd.ID] = t
		if n := f.notes[fd.ID]; n != nil {
			n.SetText(t)
		}
		f.edited()
	}
	f.entries[fd.ID] = e
}

// criticEnabled reads the critic-notes preference (on unless turned off).
func (s *Screen) criticEnabled() bool {
	if s.prefs == nil {
		return true
	}
	return s.prefs.BoolWithFallback(PrefCriticEnabled, true)
}

// criticToggled keeps every note of the form and the preference in step.
func (f *form) criticToggled(on bool) {
	if f.s.prefs != nil {
		f.s.prefs.SetBool(PrefCriticEnabled, on)
	}
	for _, n := range f.notes {
		n.SetEnabled(on)
	}
}

// checkSupport gently offers support once per field after a very high distress rating.
func (f *form) checkSupport(fd resources.Field, v int) {
	if !isDistressField(fd) || !veryHigh(fd.Type, v) || f.supported[fd.ID] {
		return
	}
	f.supported[fd.ID] = true
	if f.s.OnNeedSupport != nil {
		f.s.OnNeedSupport()
	}
}

// firstFocusable is the first input on the page on show.
func (f *form) firstFocusable() fyne.Focusable { return f.first[f.step] }

// showStep puts the current step's page on show.
func (f *form) showStep() {
	f.pageBox.Objects = []fyne.CanvasObject{f.pages[f.step]}
	f.pageBox.Refresh()
	f.scroll.ScrollToTop()
	page.SetNote(f.stepLabel, lang.X("exercise.step", "Step {{.Step}} of {{.Total}}",
		map[string]any{"Step": f.step + 1, "Total": len(f.ex.Steps)}))
	if f.step == 0 {
		f.back.Disable()
	} else {
		f.back.Enable()
	}
	if f.step == len(f.ex.Steps)-1 {
		f.next.SetText(lang.L("Finish"))
		f.next.SetIcon(theme.ConfirmIcon())
	} else {
		f.next.SetText(lang.L("Next"))
		f.next.SetIcon(theme.NavigateNextIcon())
	}
}

// move goes back (-1) or on (+1), saving first; on from the last step finishes.
func (f *form) move(by int) {
	if by > 0 && f.step == len(f.ex.Steps)-1 {
		f.finish()
		return
	}
	to := min(max(f.step+by, 0), len(f.ex.Steps)-1)
	if to == f.step {
		return
	}
	f.step = to
	if f.rec.ID != "" && !f.finished {
		f.dirty = true // remember the step of the draft
	}
	f.showStep()
	_ = f.save(false) // on failure the message shows; moving on is still fine
}

// finish saves the exercise as finished and shows the finished view.
func (f *form) finish() {
	if err := f.save(true); err != nil {
		return
	}
	f.stopNotes()
	f.s.form = nil
	f.s.showDone(f.ex, f.rec, true)
}

// edited runs on every change: mark dirty and restart the autosave timer.
func (f *form) edited() {
	if f.loading {
		return
	}
	f.dirty = true
	f.setStatus(lang.L("Saving…"))
	f.cancelSave()
	gen := f.saveGen
	f.stopSave = f.s.after(autosaveDelay, func() {
		if gen == f.saveGen {
			f.stopSave = nil
			_ = f.save(false)
		}
	})
}

func (f *form) cancelSave() {
	f.saveGen++
	if f.stopSave != nil {
		f.stopSave()
		f.stopSave = nil
	}
}

// stopNotes cancels the critic notes' timers.
func (f *form) stopNotes() {
	for _, n := range f.notes {
		n.Stop()
	}
}

// stop saves now and cancels the timers (the screen is going away).
func (f *form) stop() error {
	f.stopNotes()
	return f.save(false)
}

// save writes the answers if they changed (always when finishing). A draft stays a
// draft, a finished record stays finished. On failure the answers stay in the form,
// the status says so kindly, and the form stays dirty.
func (f *form) save(finish bool) error {
	f.cancelSave()
	if !f.dirty && !(finish && !f.finished) {
		return nil
	}
	r := buildRecord(f.rec, f.ex, f.ans, f.step, !finish && !f.finished)
	var (
		saved journal.Record
		err   error
	)
	milestone := f.finished && !f.revised
	switch {
	case r.ID == "":
		saved, err = f.s.store.Create(r)
	case finish || milestone:
		// Finishing, and the first change to a finished exercise, are milestones: keep
		// the version before them as a revision.
		saved, err = f.s.store.Update(r)
	default:
		saved, err = f.s.store.Autosave(r)
	}
	if err != nil {
		f.setError(err)
		return err
	}
	f.rec, f.dirty = saved, false
	f.revised = f.revised || milestone
	if finish {
		f.finished = true
	}
	f.retry.Hide()
	f.setStatus(lang.L("Saved"))
	f.s.remember(saved)
	return nil
}

func (f *form) setStatus(text string) {
	setNote(f.status, text, page.ColorNameMuted)
}

// setError says kindly that saving failed; the words are still in the form.
func (f *form) setError(err error) {
	msg := lang.L("Hearth couldn't save just now. Your words are still here, and it will try again when you carry on; you might also try again in a moment.")
	if errors.Is(err, journal.ErrClosed) {
		msg = lang.L("Your journal is locked, so this couldn't be saved. Your words are still here: unlock and it will be saved.")
	}
	setNote(f.status, msg, theme.ColorNameForeground)
	f.retry.Show()
}

// readLetter opens the reader on the letter as written so far, then comes back.
func (f *form) readLetter() {
	f.s.openReaderText(f.ans.text["letter"], func() { f.s.show(f.view) }, nil)
}

// ratingField is a slider for a 0–10 or 0–100 rating that may also be left
// unrated: "Not rated" until the user moves it, and "Clear" to go back to that.
type ratingField struct {
	slider   *ratingSlider
	value    *widget.RichText
	clear    *widget.Button
	tint     *container.ThemeOverride
	content  fyne.CanvasObject
	box      *fyne.Container
	rated    bool
	max      int
	setting  bool
	onChange func(v int, rated bool)
	// onSettled runs when the user let go of the slider (or tapped or used a key).
	onSettled func(v int)
}

func newRatingField(t resources.FieldType) *ratingField {
	rf := &ratingField{max: ratingMax(t)}
	rf.slider = newRatingSlider(float64(rf.max), rf.userSet)
	rf.slider.OnChanged = func(v float64) {
		if !rf.setting {
			rf.changed(int(v))
		}
	}
	rf.slider.OnChangeEnded = func(v float64) {
		if !rf.setting && rf.onSettled != nil {
			rf.onSettled(int(v))
		}
	}
	rf.value = page.Note("")
	rf.value.Wrapping = fyne.TextWrapOff
	rf.clear = widget.NewButtonWithIcon(lang.L("Clear"), theme.ContentClearIcon(), func() {
		rf.set(0, false)
		rf.onChange(0, false)
	})
	rf.clear.Importance = widget.LowImportance
	rf.tint = container.NewThemeOverride(rf.slider, tintTheme{muted: true})
	rf.box = container.NewBorder(nil, nil, nil, container.NewHBox(rf.value, rf.clear), rf.tint)
	rf.content = rf.box
	rf.show()
	return rf
}

// userSet runs after a tap, drag or key: the value is now a rating, even 0.
func (rf *ratingField) userSet() {
	v := int(rf.slider.Value)
	if !rf.rated {
		rf.changed(v)
	}
	if rf.onSettled != nil {
		rf.onSettled(v)
	}
}

func (rf *ratingField) changed(v int) {
	rf.rated = true
	rf.show()
	if rf.onChange != nil {
		rf.onChange(v, true)
	}
}

// set shows v (or "Not rated") without reporting a change.
func (rf *ratingField) set(v int, rated bool) {
	rf.setting = true
	rf.slider.SetValue(float64(v))
	rf.setting = false
	rf.rated = rated
	rf.show()
}

// Rated reports whether the field holds a rating, and which.
func (rf *ratingField) get() (int, bool) { return int(rf.slider.Value), rf.rated }

func (rf *ratingField) show() {
	if rf.rated {
		setNote(rf.value, strconv.Itoa(int(rf.slider.Value))+" / "+strconv.Itoa(rf.max), theme.ColorNameForeground)
		rf.clear.Enable()
	} else {
		setNote(rf.value, lang.L("Not rated"), page.ColorNameMuted)
		rf.clear.Disable()
	}
	if tint := (tintTheme{muted: !rf.rated}); rf.tint.Theme != tint {
		rf.tint.Theme = tint // only when rated-ness changes, not on every step of a drag
		rf.tint.Refresh()
	}
	if rf.box != nil {
		rf.box.Refresh() // the value's width changed
	}
}

// ratingSlider is a slider that reports every tap, drag end and key press, so a
// first rating of 0 (where the slider already rests) still counts.
type ratingSlider struct {
	widget.Slider
	onUser func()
}

func newRatingSlider(maxV float64, onUser func()) *ratingSlider {
	s := &ratingSlider{onUser: onUser}
	s.Min, s.Max, s.Step = 0, maxV, 1
	s.Orientation = widget.Horizontal
	s.ExtendBaseWidget(s)
	return s
}

// Tapped implements fyne.Tappable.
func (s *ratingSlider) Tapped(e *fyne.PointEvent) {
	s.Slider.Tapped(e)
	s.onUser()
}

// DragEnd implements fyne.Draggable.
func (s *ratingSlider) DragEnd() {
	s.Slider.DragEnd()
	s.onUser()
}

// TypedKey implements fyne.Focusable.
func (s *ratingSlider) TypedKey(k *fyne.KeyEvent) {
	s.Slider.TypedKey(k)
	if k.Name == fyne.KeyLeft || k.Name == fyne.KeyRight {
		s.onUser()
	}
}

// tintTheme colours a rating's slider (Fyne draws its thumb and filled part in the
// text colour and its track in the input background): sage when rated, muted grey
// while it holds no rating, on a track that shows on the page's background.
type tintTheme struct{ muted bool }

func (tintTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t tintTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		if t.muted {
			return t.base().Color(theme.ColorNamePlaceHolder, v)
		}
		return t.base().Color(theme.ColorNamePrimary, v)
	case theme.ColorNameInputBackground:
		return t.base().Color(theme.ColorNameInputBorder, v)
	}
	return t.base().Color(n, v)
}

func (t tintTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t tintTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t tintTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// setNote sets the text and colour of a page.Note.
func setNote(rt *widget.RichText, text string, c fyne.ThemeColorName) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == c {
		return // typing calls this on every key; don't redraw for nothing
	}
	seg.Style.ColorName = c
	seg.Text = text
	rt.Refresh()
}
