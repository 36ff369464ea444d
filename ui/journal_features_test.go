package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui/exercise"
)

// seed stores records straight in the open vault and re-lists the journal.
func seed(t *testing.T, js *journalScreen, recs ...journal.Record) []journal.Record {
	t.Helper()
	var out []journal.Record
	for _, r := range recs {
		s, err := js.vault.Create(r)
		if err != nil {
			t.Fatalf("Create: %v", err)
		}
		out = append(out, s)
	}
	js.reload()
	return out
}

// at is a time on the fake clock's day (25 Nov 2026) minus days, in local time.
func at(daysAgo int) time.Time {
	return time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local).AddDate(0, 0, -daysAgo)
}

// titles lists the titles the journal list shows.
func titles(js *journalScreen) string {
	var ts []string
	for _, r := range js.entries {
		ts = append(ts, entryTitle(r))
	}
	return strings.Join(ts, "|")
}

// search types text into the search box and lets the pause pass.
func search(hs *harness, js *journalScreen, text string) {
	js.find.search.SetText("")
	test.Type(js.find.search, text)
	hs.clock.Advance(searchPause)
}

func TestJournalSavedStateAndWordCount(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(js.start)
	test.Type(js.body, "It's been a well-being kind of day")
	if got := noteText(js.write.words); got != "7 words" {
		t.Errorf("word count = %q, want 7 words", got)
	}
	if got := noteText(js.status); got != "Saving…" {
		t.Errorf("status while typing = %q", got)
	}
	hs.clock.Advance(autosaveDelay)
	if got := noteText(js.status); got != "Saved" {
		t.Errorf("status after the pause = %q", got)
	}
	js.body.SetText("one")
	if got := noteText(js.write.words); got != "1 word" {
		t.Errorf("word count = %q, want 1 word", got)
	}
}

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0}, {"  \n ", 0}, {"one", 1}, {"it's well-being", 2}, {"Grüße, ça va?", 3},
		{"# Heading\n\n- item one\n- two", 4}, {"3 times", 2}, {"слово и ещё", 3},
	} {
		if got := countWords(tc.text); got != tc.want {
			t.Errorf("countWords(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestJournalSearchAsYouType(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	seed(t, js,
		journal.Record{Kind: journal.KindEntry, Title: "Harbour walk", Body: "The sea was calm.", Created: at(3)},
		journal.Record{Kind: journal.KindThoughtRecord, Title: "Thought record", Body: "**Situation:** the meeting at the harbour",
			Fields: map[string]string{"situation": "the meeting at the harbour"}, Created: at(2)},
		journal.Record{Kind: journal.KindEntry, Title: "Kitchen", Body: "Bread and tea.", Created: at(1)},
		journal.Record{Kind: journal.KindPracticeSession, Title: "Soothing rhythm breathing", Created: at(1)},
	)
	if got := titles(js); got != "Kitchen|Thought record|Harbour walk" {
		t.Fatalf("all writing (no practice sessions) = %q", got)
	}
	js.find.search.SetText("")
	test.Type(js.find.search, "harb")
	if got := titles(js); got != "Kitchen|Thought record|Harbour walk" {
		t.Errorf("list changed before typing paused: %q", got)
	}
	hs.clock.Advance(searchPause)
	if got := titles(js); got != "Thought record|Harbour walk" {
		t.Errorf("search harb = %q", got)
	}
	if got := noteText(js.find.found); got != "2 found" {
		t.Errorf("found note = %q", got)
	}
	// The row names the kind of an exercise record.
	row := newEntryRow()
	row.set(js.entries[0], js.kindLabel(js.entries[0].Kind), hs.clock.Now(), false, false)
	if got := row.meta.String(); !strings.HasPrefix(got, "Thought record  ·  ") {
		t.Errorf("exercise row meta = %q", got)
	}
	search(hs, js, "harbour calm")
	if got := titles(js); got != "Harbour walk" {
		t.Errorf("search two words = %q", got)
	}
	search(hs, js, "nowhere")
	if len(js.entries) != 0 || !strings.HasPrefix(noteText(js.find.found), "Nothing found") {
		t.Errorf("no match: %d rows, note %q", len(js.entries), noteText(js.find.found))
	}
	if js.empty.Visible() {
		t.Error("an empty search showed the first-run invitation")
	}
	test.Tap(js.find.clear)
	if got := titles(js); got != "Kitchen|Thought record|Harbour walk" || js.find.search.Text != "" {
		t.Errorf("after Show everything: %q, search %q", got, js.find.search.Text)
	}
	// Opening an exercise record shows it read-only.
	js.list.Select(1)
	if js.editor.Visible() || !js.reader.root.Visible() || js.reader.title.Text != "Thought record" {
		t.Errorf("exercise record: editor shown %v, reader %v", js.editor.Visible(), js.reader.root.Visible())
	}
	js.list.Select(0)
	if !js.editor.Visible() || js.title.Text != "Kitchen" {
		t.Errorf("entry after exercise: editor %v title %q", js.editor.Visible(), js.title.Text)
	}
	// The reader offers to open the exercise where it was made.
	js.list.Select(1)
	if js.reader.open.Text != "Open in Exercises" || !js.reader.open.Visible() {
		t.Fatalf("reader's open button: %q shown %v", js.reader.open.Text, js.reader.open.Visible())
	}
	test.Tap(js.reader.open)
	if hs.h.navID != navExercises {
		t.Errorf("Open in Exercises went to %q", hs.h.navID)
	}
}

func TestJournalFilters(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	seed(t, js,
		journal.Record{Kind: journal.KindEntry, Title: "Last month", Body: "a", Tags: []string{"work"}, Created: time.Date(2026, 10, 12, 9, 0, 0, 0, time.Local)},
		journal.Record{Kind: journal.KindEntry, Title: "Monday", Body: "b", Tags: []string{"Work", "rest"}, Created: at(2)},
		journal.Record{Kind: journal.KindLetter, Title: "Letter", Body: "c", Tags: []string{"rest"}, Created: at(0)},
		journal.Record{Kind: journal.KindEntry, Title: "Early November", Body: "d", Created: time.Date(2026, 11, 3, 9, 0, 0, 0, time.Local)},
		journal.Record{Kind: journal.KindCheckIn, Title: "Check-in", Created: at(0)},
	)
	tests := []struct {
		name string
		set  func()
		want string
	}{
		{"kind: journal entries", func() { js.find.kindSel.SetSelected("Journal entries") }, "Monday|Early November|Last month"},
		{"kind: exercises", func() { js.find.kindSel.SetSelected("Exercises") }, "Letter"},
		{"kind: check-ins", func() { js.find.kindSel.SetSelected("Check-ins") }, "Check-in"},
		{"tag, any case", func() { js.find.tagSel.SetSelected("Work") }, "Monday|Last month"},
		{"tag rest", func() { js.find.tagSel.SetSelected("rest") }, "Letter|Monday"},
		{"this week", func() { js.find.dateSel.SetSelected("This week") }, "Check-in|Letter|Monday"},
		{"this month", func() { js.find.dateSel.SetSelected("This month") }, "Check-in|Letter|Monday|Early November"},
		{"this month, entries", func() {
			js.find.dateSel.SetSelected("This month")
			js.find.kindSel.SetSelected("Journal entries")
		}, "Monday|Early November"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			test.Tap(js.find.clear) // hidden while nothing is filtered; tapping it then is harmless
			js.find.reset(js)
			tc.set()
			if got := titles(js); got != tc.want {
				t.Errorf("list = %q, want %q", got, tc.want)
			}
			if !js.find.clear.Visible() {
				t.Error("Show everything is hidden while filtering")
			}
		})
	}
	if opts := js.find.tagSel.Options; len(opts) != 3 || opts[0] != "Any tag" {
		t.Errorf("tag options = %q", opts)
	}
}

// dayCentre finds where the calendar draws a day's number, on the canvas.
func dayCentre(t *testing.T, p *dayPicker, day int) fyne.Position {
	t.Helper()
	var found fyne.Position
	ok := false
	walk(p.cal, func(o fyne.CanvasObject) {
		if tx, isText := o.(*canvas.Text); isText && tx.Visible() && tx.Text == strconv.Itoa(day) && !ok {
			found = tx.Position().AddXY(tx.Size().Width/2, tx.Size().Height/2)
			ok = true
		}
	})
	if !ok {
		t.Fatalf("day %d not drawn", day)
	}
	return found
}

func TestJournalCalendarMarksAndFilters(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	seed(t, js,
		journal.Record{Kind: journal.KindEntry, Title: "Tuesday", Body: "a", Created: at(1)},
		journal.Record{Kind: journal.KindEntry, Title: "Earlier", Body: "b", Created: at(5)},
		journal.Record{Kind: journal.KindPracticeSession, Title: "Breathing", Created: at(5)},
		journal.Record{Kind: journal.KindEntry, Title: "October", Body: "c", Created: time.Date(2026, 10, 30, 9, 0, 0, 0, time.Local)},
	)
	test.Tap(js.find.calBtn)
	if js.find.calPopUp == nil || !js.find.calPopUp.Visible() {
		t.Fatal("calendar not shown")
	}
	m := js.find.calendar.cal.Month()
	if m.Month != time.November || m.Today != 25 {
		t.Fatalf("calendar month = %v, today %d", m.Month, m.Today)
	}
	want := map[int]string{24: "w", 20: "pw"}
	for day, marks := range want {
		got := ""
		if m.Marks[day]&1 != 0 {
			got += "p"
		}
		if m.Marks[day]&2 != 0 {
			got += "w"
		}
		if got != marks {
			t.Errorf("day %d marks %q, want %q", day, got, marks)
		}
	}
	if len(m.Marks) != 2 {
		t.Errorf("marked days = %v", m.Marks)
	}

	// Tap the drawn 24 (the calendar must be laid out at its real size).
	w := test.NewTempWindow(t, js.find.calendar)
	w.Resize(fyne.NewSize(360, 420))
	test.TapAt(js.find.calendar, dayCentre(t, js.find.calendar, 24))
	if got := titles(js); got != "Tuesday" {
		t.Errorf("after tapping the 24th: %q", got)
	}
	if js.find.dateSel.Selected != "Tue 24 Nov 2026" {
		t.Errorf("date filter shows %q", js.find.dateSel.Selected)
	}
	if js.find.calPopUp.Visible() {
		t.Error("calendar still open after picking a day")
	}
	for _, day := range []int{1, 7, 20, 30} {
		if got := js.find.calendar.dayAt(dayCentre(t, js.find.calendar, day)); got != day {
			t.Errorf("dayAt(centre of %d) = %d", day, got)
		}
	}
	// The previous month, as a whole.
	js.find.calendar.cal.OnPrevious()
	if m := js.find.calendar.cal.Month(); m.Month != time.October || m.Marks[30] == 0 {
		t.Errorf("previous month = %v marks %v", m.Month, m.Marks)
	}
	test.Tap(js.find.wholeMonth)
	if got := titles(js); got != "October" {
		t.Errorf("whole October = %q", got)
	}
}

func TestJournalHistoryRestore(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	recs := seed(t, js, journal.Record{Kind: journal.KindEntry, Title: "Draft", Body: "First words.", Created: at(1)})
	if _, err := js.vault.Update(journal.Record{ID: recs[0].ID, Title: "Draft", Body: "Second words."}); err != nil {
		t.Fatal(err)
	}
	js.reload()
	js.list.Select(0)
	if js.body.Text != "Second words." {
		t.Fatalf("editor holds %q", js.body.Text)
	}
	test.Tap(js.historyB)
	hv := js.hist
	if hv == nil || len(hv.revs) != 1 || hv.revs[0].Body != "First words." {
		t.Fatalf("history = %+v", hv)
	}
	if !hv.restore.Disabled() {
		t.Error("Restore enabled before choosing a version")
	}
	hv.list.Select(0)
	if !strings.Contains(hv.view.String(), "First words.") {
		t.Errorf("chosen version shows %q", hv.view.String())
	}
	test.Tap(hv.restore)
	if js.body.Text != "First words." || js.hist != nil {
		t.Errorf("after restore: body %q, dialog open %v", js.body.Text, js.hist != nil)
	}
	got, _ := js.vault.Get(recs[0].ID)
	revs, _ := js.vault.Revisions(recs[0].ID)
	if got.Body != "First words." || len(revs) != 2 || revs[0].Body != "Second words." {
		t.Errorf("vault after restore: %q, revisions %d (newest %q)", got.Body, len(revs), revs[0].Body)
	}
	// An entry with no history says so kindly.
	test.Tap(hs.button("New entry"))
	test.Type(js.body, "Fresh")
	if !js.historyB.Disabled() {
		t.Error("History enabled before the entry is saved")
	}
	hs.clock.Advance(autosaveDelay)
	test.Tap(js.historyB)
	if !strings.Contains(hs.texts(), "No earlier versions yet") {
		t.Error("no message for an entry without history")
	}
}

func TestJournalPromptFlow(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	p := js.library().Prompts[0]
	hs.h.WriteFromPrompt(p.ID)
	if !js.write.promptCard.Visible() || !strings.Contains(js.write.question.String(), p.Question) {
		t.Fatalf("prompt card shown %v with %q", js.write.promptCard.Visible(), js.write.question.String())
	}
	test.Type(js.body, "My answer.")
	hs.clock.Advance(autosaveDelay)
	got, err := js.vault.Get(js.current.ID)
	if err != nil || got.Meta[metaPromptID] != p.ID {
		t.Fatalf("saved entry meta = %v, %v", got.Meta, err)
	}
	// A later edit keeps the prompt.
	test.Type(js.body, " More.")
	hs.clock.Advance(autosaveDelay)
	got, _ = js.vault.Get(js.current.ID)
	if got.Meta[metaPromptID] != p.ID {
		t.Error("an edit dropped the prompt id")
	}
	// Reopening the entry shows the question again; a plain entry shows none.
	test.Tap(hs.button("New entry"))
	if js.write.promptCard.Visible() {
		t.Error("plain new entry shows a prompt")
	}
	js.list.Select(0)
	if !js.write.promptCard.Visible() {
		t.Error("reopened prompt entry shows no question")
	}
	// An unknown prompt does nothing.
	before := js.current.ID
	hs.h.WriteFromPrompt("no-such-prompt")
	if js.current.ID != before {
		t.Error("unknown prompt changed the editor")
	}
	// The picker: a theme's questions, and a random one.
	test.Tap(hs.button("From a prompt"))
	if js.prompts == nil || len(js.prompts.prompts.Objects) == 0 {
		t.Fatal("prompt picker shows no questions")
	}
	test.Tap(js.prompts.random)
	id := js.current.Meta[metaPromptID]
	if js.prompts != nil || js.prompt(id) == nil || js.current.ID != "" {
		t.Errorf("random prompt: picker open %v, prompt %q", js.prompts != nil, id)
	}
}

func TestJournalPreviewRendersMarkdown(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(js.start)
	js.body.SetText("# A heading\n\nSome *gentle* words.")
	test.Tap(js.write.previewB)
	if js.body.Visible() || !js.write.previewing() {
		t.Fatal("preview not shown")
	}
	segs := js.write.preview.Segments
	if len(segs) == 0 {
		t.Fatal("preview is empty")
	}
	h, ok := segs[0].(*widget.TextSegment)
	if !ok || h.Text != "A heading" || h.Style != widget.RichTextStyleHeading {
		t.Errorf("first segment = %#v, want a heading", segs[0])
	}
	test.Tap(js.write.writeB)
	if !js.body.Visible() || js.write.previewing() {
		t.Error("Write did not bring the editor back")
	}
}

func TestJournalTagHints(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	seed(t, js, journal.Record{Kind: journal.KindEntry, Body: "a", Tags: []string{"gratitude", "work"}})
	test.Tap(hs.button("New entry"))
	hint := func() string {
		var hs []string
		for _, o := range js.write.tagHints.Objects {
			hs = append(hs, o.(*widget.Button).Text)
		}
		return strings.Join(hs, "|")
	}
	if got := hint(); got != "gratitude|work" {
		t.Errorf("hints for an empty field = %q", got)
	}
	test.Type(js.tags, "calm, gr")
	if got := hint(); got != "gratitude" {
		t.Fatalf("hints for 'gr' = %q", got)
	}
	test.Tap(js.write.tagHints.Objects[0].(*widget.Button))
	if js.tags.Text != "calm, gratitude" {
		t.Errorf("tags after hint = %q", js.tags.Text)
	}
	if got := hint(); got != "" {
		t.Errorf("hints after a complete tag = %q", got)
	}
	test.Type(js.tags, ", ")
	if got := hint(); got != "work" {
		t.Errorf("hints after a comma = %q", got)
	}
}

func TestJournalCriticNotes(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(js.start)
	if js.write.notes != nil {
		t.Fatal("critic notes shown with the preference off")
	}
	hs.app.Preferences().SetBool(exercise.PrefCriticInJournal, true)
	seed(t, js, journal.Record{Kind: journal.KindEntry, Body: "I always ruin everything. I'm useless."})
	js.list.Select(0)
	if js.write.notes == nil || len(js.write.notes.Phrases()) == 0 {
		t.Fatal("no critic notes with the preference on")
	}
}

func TestJournalExport(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	p := js.library().Prompts[0]
	recs := seed(t, js,
		journal.Record{Kind: journal.KindEntry, Title: "Letter for Sam", Body: "Dear Sam,\n\nThank you.", Tags: []string{"therapy"},
			Meta: map[string]string{metaPromptID: p.ID}, Created: at(2)},
		journal.Record{Kind: journal.KindEntry, Title: "Evening", Body: "Quiet.", Created: at(1)},
		journal.Record{Kind: journal.KindThoughtRecord, Title: "Thought record", Body: "**Situation:** bus", Created: at(0)},
	)

	// One entry to Markdown: with the prompt's question.
	var one bytes.Buffer
	if err := js.writeMarkdown(&one, recs[:1]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Letter for Sam", "Tags: therapy", p.Question, "Dear Sam,"} {
		if !strings.Contains(one.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, one.String())
		}
	}

	// Select mode: choose two, export them to a folder and to one PDF.
	test.Tap(js.pick.selectB)
	if !js.pick.markdown.Disabled() {
		t.Error("export enabled with nothing chosen")
	}
	js.list.Select(2) // Letter for Sam (oldest)
	js.list.Select(0) // Thought record
	if got := noteText(js.pick.count); got != "2 chosen" {
		t.Errorf("count = %q", got)
	}
	js.list.Select(0)
	js.list.Select(0)
	chosen := js.pick.records(js)
	if len(chosen) != 2 || chosen[0].Title != "Letter for Sam" || chosen[1].Title != "Thought record" {
		t.Fatalf("chosen = %+v", chosen)
	}
	if js.current.Title == "Thought record" {
		t.Error("choosing in Select mode opened the record")
	}
	dir := t.TempDir()
	names, err := js.writeMarkdownFolder(dir, chosen)
	if err != nil || len(names) != 2 {
		t.Fatalf("folder export: %q, %v", names, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, names[1]))
	if err != nil || !strings.Contains(string(b), "Thought record") || !strings.Contains(string(b), "**Situation:** bus") {
		t.Errorf("exercise file = %q, %v", b, err)
	}
	var all bytes.Buffer
	if err := js.writeMarkdown(&all, chosen); err != nil || strings.Count(all.String(), "\n---\n") != 1 {
		t.Errorf("one-file export: %v\n%s", err, all.String())
	}
	var pdf bytes.Buffer
	if err := js.writePDF(&pdf, chosen); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) || !bytes.Contains(pdf.Bytes(), []byte("/Count 2")) {
		t.Errorf("PDF of two entries: %d bytes, starts %q", pdf.Len(), pdf.Bytes()[:min(8, pdf.Len())])
	}
	test.Tap(hs.button("Done"))
	if js.pick.on || len(js.pick.chosen) != 0 {
		t.Error("Done did not leave Select mode")
	}
}

func TestOpenRecord(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	recs := seed(t, js,
		journal.Record{Kind: journal.KindEntry, Title: "One", Body: "a"},
		journal.Record{Kind: journal.KindEntry, Title: "Two", Body: "b"},
	)
	if !hs.h.OpenRecord(recs[0].ID) || js.title.Text != "One" {
		t.Errorf("OpenRecord: title %q", js.title.Text)
	}
	if hs.h.OpenRecord("missing") {
		t.Error("OpenRecord found a missing record")
	}
}

func TestJournalLockClosesItsDialogs(t *testing.T) {
	for _, open := range []struct {
		name string
		do   func(hs *harness, js *journalScreen)
	}{
		{"prompt picker", func(hs *harness, js *journalScreen) { test.Tap(hs.button("From a prompt")) }},
		{"calendar", func(hs *harness, js *journalScreen) { test.Tap(js.find.calBtn) }},
		{"export menu", func(hs *harness, js *journalScreen) { test.Tap(js.exportB) }},
		{"markdown choice", func(hs *harness, js *journalScreen) { js.askMarkdown(js.entries) }},
		{"file dialog", func(hs *harness, js *journalScreen) {
			js.askMarkdown(js.entries)
			test.Tap(hs.button("One file"))
		}},
		{"folder dialog", func(hs *harness, js *journalScreen) {
			js.askMarkdown(js.entries)
			test.Tap(hs.button("A file for each"))
		}},
		{"pdf dialog", func(hs *harness, js *journalScreen) { js.askPDF(js.entries[:1]) }},
		{"history", func(hs *harness, js *journalScreen) {
			if _, err := js.vault.Update(journal.Record{ID: js.current.ID, Body: "changed"}); err != nil {
				t.Fatal(err)
			}
			test.Tap(js.historyB)
		}},
	} {
		t.Run(open.name, func(t *testing.T) {
			hs := startUnlocked(t)
			js := hs.journalScreen()
			seed(t, js, journal.Record{Kind: journal.KindEntry, Body: "a"}, journal.Record{Kind: journal.KindEntry, Body: "b"})
			js.list.Select(0)
			open.do(hs, js)
			if hs.h.win.Canvas().Overlays().Top() == nil {
				t.Fatal("nothing opened")
			}
			hs.h.Lock()
			if top := hs.h.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("still open over the unlock screen: %T", top)
			}
		})
	}
}

func TestJournalSelectModeSurvivesSearchAndSaves(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	seed(t, js, journal.Record{Kind: journal.KindEntry, Title: "Alpha", Body: "a"}, journal.Record{Kind: journal.KindEntry, Title: "Beta", Body: "b"})
	js.list.Select(0)
	test.Tap(js.pick.selectB)
	search(hs, js, "a")
	if n := len(js.pick.records(js)); n != 0 {
		t.Errorf("a search ticked %d records", n)
	}
	test.Tap(hs.button("New entry"))
	if js.pick.on {
		t.Error("New entry stayed in Select mode")
	}
}
