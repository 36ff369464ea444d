package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/resources/critic"
	"github.com/hearth-app/hearth/ui/exercise"
	"github.com/hearth-app/hearth/ui/page"
)

// metaPromptID is the Meta key of the prompt an entry answers.
const metaPromptID = "prompt_id"

// extras is the critic spotter, loaded the first time the journal needs it.
type extras struct {
	spotter *critic.Spotter
}

// library is the app's content library (built-in content and imported packs), so
// prompts from packs can be answered and their exercise records named.
func (js *journalScreen) library() *resources.Library { return js.app.library() }

// prompt is the prompt with that id, or nil.
func (js *journalScreen) prompt(id string) *resources.Prompt {
	if id == "" {
		return nil
	}
	if lib := js.library(); lib != nil {
		return lib.Prompt(id)
	}
	return nil
}

// kindLabel names a kind of record for the list and exports.
func (js *journalScreen) kindLabel(k journal.Kind) string {
	switch k {
	case journal.KindEntry:
		return lang.L("Journal entry")
	case journal.KindPracticeSession:
		return lang.L("Practice")
	case journal.KindCheckIn:
		return lang.L("Three circles check-in")
	case journal.KindThoughtRecord:
		return lang.L("Thought record")
	case journal.KindLetter:
		return lang.L("Compassionate letter")
	case journal.KindMultipleSelves:
		return lang.L("Multiple selves")
	case journal.KindCriticAnalysis:
		return lang.L("Getting to know the critic")
	case journal.KindFearsBlocks:
		return lang.L("Fears of compassion")
	}
	if lib := js.library(); lib != nil {
		for _, e := range lib.Exercises {
			if e.RecordKind == string(k) {
				return e.Title
			}
		}
	}
	s := strings.ReplaceAll(string(k), "-", " ")
	if r, n := utf8.DecodeRuneInString(s); n > 0 {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// writer holds the editor's helpers: the prompt above the body, Write/Preview, the
// word count, tag hints and (when switched on) notes about the inner critic.
type writer struct {
	promptCard *page.Card
	question   *widget.RichText
	nudge      *widget.RichText

	modes      fyne.CanvasObject
	writeB     *widget.Button
	previewB   *widget.Button
	preview    *widget.RichText
	previewBox *container.Scroll

	words    *widget.RichText
	tagHints *fyne.Container

	critic *fyne.Container // holds notes when the preference is on
	notes  *exercise.CriticNotes

	// relayout lays the editor out again after a part above or below the body
	// appeared, disappeared or changed height.
	relayout func()
}

func (w *writer) build(js *journalScreen) {
	w.question = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}})
	w.question.Wrapping = fyne.TextWrapWord
	w.nudge = newNote("")
	w.promptCard = page.NewCard("", w.question, w.nudge)
	w.promptCard.Hide()

	w.writeB = widget.NewButtonWithIcon(lang.L("Write"), theme.DocumentCreateIcon(), func() { js.app.touch(); w.setPreview(js, false) })
	w.previewB = widget.NewButtonWithIcon(lang.L("Preview"), theme.VisibilityIcon(), func() { js.app.touch(); w.setPreview(js, true) })
	w.modes = container.NewHBox(w.writeB, w.previewB)
	w.preview = widget.NewRichText()
	w.preview.Wrapping = fyne.TextWrapWord
	w.previewBox = container.NewVScroll(container.NewPadded(w.preview))
	w.setPreview(js, false)

	w.words = newNote("")
	w.words.Wrapping = fyne.TextWrapOff
	w.tagHints = container.NewHBox()
	w.critic = container.New(cappedHeight{max: 150})
}

// setPreview shows the body as rendered Markdown (on) or as text to edit (off).
func (w *writer) setPreview(js *journalScreen, on bool) {
	if on {
		w.preview.ParseMarkdown(js.body.Text)
		if strings.TrimSpace(js.body.Text) == "" {
			w.preview.ParseMarkdown("*" + lang.L("Nothing written yet.") + "*")
		}
		w.previewBox.ScrollToTop()
		js.body.Hide()
		w.previewBox.Show()
		w.writeB.Importance, w.previewB.Importance = widget.LowImportance, widget.MediumImportance
	} else {
		w.previewBox.Hide()
		js.body.Show()
		w.writeB.Importance, w.previewB.Importance = widget.MediumImportance, widget.LowImportance
	}
	w.writeB.Refresh()
	w.previewB.Refresh()
}

// previewing reports whether the preview is on show.
func (w *writer) previewing() bool { return w.previewBox.Visible() }

// loaded sets the helpers up for a record just put in the editor.
func (w *writer) loaded(js *journalScreen, r journal.Record) {
	if w.previewing() {
		w.setPreview(js, false)
	}
	if p := js.prompt(r.Meta[metaPromptID]); p != nil {
		w.question.Segments[0].(*widget.TextSegment).Text = p.Question
		w.question.Refresh()
		setNote(w.nudge, p.Nudge, colorNameMuted)
		js.body.SetPlaceHolder(lang.L("Take your time. There's no right answer."))
		w.promptCard.Show()
	} else {
		w.promptCard.Hide()
		js.body.SetPlaceHolder(bodyPlaceholder())
	}
	w.showWords(r.Body)
	w.showTagHints(js)
	w.setUpCritic(js)
	if w.notes != nil {
		w.notes.SetTextNow(r.Body)
	}
}

// bodyChanged runs on every change of the body.
func (w *writer) bodyChanged(js *journalScreen, text string) {
	if js.loading {
		return
	}
	w.showWords(text)
	if w.notes != nil {
		w.notes.SetText(text)
	}
}

// saved runs after the editor was saved.
func (w *writer) saved(js *journalScreen, r journal.Record) {
	before := len(js.find.allTags)
	for _, t := range r.Tags {
		if !containsFold(js.find.allTags, t) {
			js.refreshTags()
			break
		}
	}
	if len(js.find.allTags) != before {
		js.find.setSelects()
	}
}

// stop cancels the critic notes' pending look.
func (w *writer) stop() {
	if w.notes != nil {
		w.notes.Stop()
	}
}

// showWords shows the body's word count.
func (w *writer) showWords(text string) {
	n := countWords(text)
	switch n {
	case 0:
		setNote(w.words, "", colorNameMuted)
	case 1:
		setNote(w.words, lang.L("1 word"), colorNameMuted)
	default:
		setNote(w.words, lang.L("{{.Count}} words", map[string]any{"Count": n}), colorNameMuted)
	}
}

// countWords counts runs of letters and digits (so "it's" or "well-being" count
// once), without allocating: it runs on every key.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
				in = true
			}
		case r == '\'' || r == '’' || r == '-':
			// inside a word, keeps it going
		default:
			in = false
		}
	}
	return n
}

// maxTagHints is how many tag suggestions show under the tags field.
const maxTagHints = 5

// showTagHints suggests tags already in use while a tag is being started or typed
// (the field is empty, ends with a comma, or its last tag isn't a known one yet):
// those starting with what is typed, or else the most used ones not on this entry.
func (w *writer) showTagHints(js *journalScreen) {
	text := js.tags.Text
	last := text
	if i := strings.LastIndex(text, ","); i >= 0 {
		last = text[i+1:]
	}
	partial := strings.TrimSpace(last)
	have := ParseTags(text)
	var hints []fyne.CanvasObject
	if partial == "" || !containsFold(js.find.allTags, partial) {
		for _, t := range js.find.allTags {
			if len(hints) == maxTagHints {
				break
			}
			if containsFold(have, t) || !strings.HasPrefix(strings.ToLower(t), strings.ToLower(partial)) {
				continue
			}
			b := widget.NewButtonWithIcon(t, theme.ContentAddIcon(), func() { js.app.touch(); w.addTag(js, t, partial) })
			b.Importance = widget.LowImportance
			hints = append(hints, b)
		}
	}
	had := len(w.tagHints.Objects) > 0
	w.tagHints.Objects = hints
	w.tagHints.Refresh()
	if had != (len(hints) > 0) && w.relayout != nil {
		w.relayout() // the row appeared or went away
	}
}

// addTag puts tag in the tags field, completing the partly typed last tag.
func (w *writer) addTag(js *journalScreen, tag, partial string) {
	text := strings.TrimSpace(js.tags.Text)
	if partial != "" && strings.HasSuffix(strings.ToLower(text), strings.ToLower(partial)) {
		text = strings.TrimSpace(text[:len(text)-len(partial)])
	}
	text = strings.TrimSuffix(text, ",")
	if strings.TrimSpace(text) != "" {
		text += ", "
	}
	js.tags.SetText(text + tag)
	js.tags.CursorRow, js.tags.CursorColumn = 0, utf8.RuneCountInString(js.tags.Text)
	js.tags.Refresh()
	js.app.focus(js.tags)
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// setUpCritic adds the inner-critic notes under the editor when the preference
// critic.in_journal is on (off by default), and removes them when it is off.
func (w *writer) setUpCritic(js *journalScreen) {
	prefs := js.app.fyne.Preferences()
	on := prefs.BoolWithFallback(exercise.PrefCriticInJournal, false)
	if !on {
		if w.notes != nil && w.notes.Enabled() {
			w.notes.Stop()
			w.notes = nil
			w.critic.Objects = nil
			w.critic.Refresh()
		}
		return
	}
	if w.notes != nil {
		return
	}
	if js.extra.spotter == nil {
		s, err := critic.New("en")
		if err != nil {
			fyne.LogError("Hearth: loading the critic patterns", err)
			return
		}
		js.extra.spotter = s
	}
	w.notes = exercise.NewCriticNotes(js.extra.spotter)
	w.notes.OnEnabledChanged = func(enabled bool) { prefs.SetBool(exercise.PrefCriticInJournal, enabled) }
	w.critic.Objects = []fyne.CanvasObject{container.NewVScroll(w.notes)}
	w.critic.Refresh()
}

// recordReader shows a record of another kind (an exercise, a practice session)
// read-only: its kind, title, date and its Markdown body. Exercises are changed in
// the Exercises screen.
type recordReader struct {
	root  *fyne.Container
	open  *widget.Button // opens the record where it was made
	rec   journal.Record
	kind  *widget.RichText
	title *widget.Label
	date  *widget.RichText
	body  *widget.RichText
	tags  *widget.RichText
}

func newRecordReader(js *journalScreen) *recordReader {
	rr := &recordReader{kind: newNote(""), title: newHeading(""), date: newNote(""), tags: newNote("")}
	rr.body = widget.NewRichText()
	rr.body.Wrapping = fyne.TextWrapWord
	export := widget.NewButtonWithIcon(lang.L("Export"), theme.DocumentSaveIcon(), nil)
	export.OnTapped = func() { js.showExportMenuAt(export) }
	export.Importance = widget.LowImportance
	rr.open = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
		js.app.touch()
		js.app.openRecord(rr.rec) // an exercise in Exercises, a practice in Practice
	})
	rr.open.Importance = widget.LowImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(rr.open, export), rr.kind),
		rr.title, rr.date, rr.tags, widget.NewSeparator())
	rr.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(rr.body))
	rr.root.Hide()
	return rr
}

// show puts r, a record of the kind named kind, in the reader.
func (rr *recordReader) show(r journal.Record, kind string) {
	rr.rec = r
	switch {
	case r.Kind == journal.KindPracticeSession && r.Meta["practice_id"] != "":
		rr.open.SetText(lang.L("Practise again"))
		rr.open.Show()
	case r.Kind == journal.KindPracticeSession:
		rr.open.Hide()
	default:
		rr.open.SetText(lang.L("Open in Exercises"))
		rr.open.Show()
	}
	setNote(rr.kind, kind, colorNameMuted)
	rr.title.SetText(entryTitle(r))
	setNote(rr.date, formatLongDate(r.Created), colorNameMuted)
	setNote(rr.tags, FormatTags(r.Tags), colorNameMuted)
	body := r.Body
	if strings.TrimSpace(body) == "" {
		body = "*" + lang.L("No written answers in this one.") + "*"
	}
	rr.body.ParseMarkdown(body)
	rr.root.Show()
}

// cappedHeight holds one scroll container and is as tall as its content up to max,
// so the critic notes never squeeze the body: longer notes scroll.
type cappedHeight struct{ max float32 }

func (c cappedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if sc, ok := o.(*container.Scroll); ok && sc.Content != nil && o.Visible() {
			m := sc.Content.MinSize()
			s = s.Max(fyne.NewSize(0, min(m.Height, c.max)))
		}
	}
	return s
}

func (c cappedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
