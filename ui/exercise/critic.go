package exercise

import (
	"hash/fnv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources/critic"
	"github.com/hearth-app/hearth/ui/page"
)

// Preference keys for the critic notes.
const (
	// PrefCriticEnabled shows critic notes under the threat-based thoughts of a
	// thought record. Default on.
	PrefCriticEnabled = "critic.enabled"
	// PrefCriticInJournal shows critic notes under journal entries. Default off; the
	// journal editor reads it.
	PrefCriticInJournal = "critic.in_journal"
)

// criticPause is how long typing must pause before the Spotter runs.
const criticPause = 300 * time.Millisecond

// maxNotes is how many phrases are shown under one field at most.
const maxNotes = 3

// afterFunc runs f on the UI goroutine after d unless stop is called first.
type afterFunc func(d time.Duration, f func()) (stop func())

// realAfter is afterFunc on the wall clock.
func realAfter(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// CriticNotes shows, under something the user is writing, the phrases the critic
// Spotter noticed: each with its friendly kind name and one compassionate question.
// No scores, no judgement, no red. Feed it the text on every change with SetText; it
// looks again once typing pauses (about 300 ms). A "Hide these" switch turns the notes
// off (SetEnabled; OnEnabledChanged tells the host so it can keep a preference), and a
// quiet button brings them back. Use it on the UI goroutine.
type CriticNotes struct {
	widget.BaseWidget

	// OnEnabledChanged is called when the user hides or shows the notes.
	OnEnabledChanged func(enabled bool)

	spotter *critic.Spotter
	enabled bool
	text    string
	marks   []critic.Mark

	box   *fyne.Container
	after afterFunc
	stop  func()
	gen   int
}

// NewCriticNotes returns notes backed by spotter (nil shows nothing), enabled.
func NewCriticNotes(spotter *critic.Spotter) *CriticNotes {
	n := &CriticNotes{spotter: spotter, enabled: true, box: container.NewVBox(), after: realAfter}
	n.ExtendBaseWidget(n)
	return n
}

// CreateRenderer implements fyne.Widget.
func (n *CriticNotes) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(n.box) }

// SetText gives the notes the current text; the Spotter runs once typing pauses.
func (n *CriticNotes) SetText(text string) {
	n.text = text
	n.cancel()
	n.gen++
	gen := n.gen
	n.stop = n.after(criticPause, func() {
		if gen == n.gen {
			n.stop = nil
			n.look()
		}
	})
}

// SetTextNow gives the notes the text and looks at it at once (when a field is
// filled from a saved record, not typed).
func (n *CriticNotes) SetTextNow(text string) {
	n.cancel()
	n.text = text
	n.look()
}

// Stop cancels a pending look.
func (n *CriticNotes) Stop() { n.cancel() }

func (n *CriticNotes) cancel() {
	n.gen++
	if n.stop != nil {
		n.stop()
		n.stop = nil
	}
}

// SetEnabled shows (true) or hides (false) the notes.
func (n *CriticNotes) SetEnabled(on bool) {
	if n.enabled == on {
		return
	}
	n.enabled = on
	n.look()
}

// Enabled reports whether notes are shown.
func (n *CriticNotes) Enabled() bool { return n.enabled }

// Phrases returns the phrases noted now (empty while hidden).
func (n *CriticNotes) Phrases() []string {
	out := make([]string, len(n.marks))
	for i, m := range n.marks {
		out[i] = n.text[m.Start:m.End]
	}
	return out
}

// look runs the Spotter and shows what it found.
func (n *CriticNotes) look() {
	n.marks = nil
	if n.enabled && n.spotter != nil {
		n.marks = n.spotter.Find(n.text)
	}
	n.rebuild()
}

// rebuild lays out the notes for the current marks.
func (n *CriticNotes) rebuild() {
	switch {
	case n.enabled && len(n.marks) > 0:
		items := []fyne.CanvasObject{page.Note(lang.L("A few words here may be your inner critic speaking. Only if it helps, you might ask:"))}
		for i, m := range n.marks {
			if i == maxNotes {
				items = append(items, page.Note(lang.X("exercise.critic.more", "…and {{.Count}} more like these.", map[string]any{"Count": len(n.marks) - maxNotes})))
				break
			}
			items = append(items, n.note(m))
		}
		hide := widget.NewCheck(lang.L("Hide these"), func(on bool) {
			if on {
				n.setByUser(false)
			}
		})
		items = append(items, hide)
		n.box.Objects = []fyne.CanvasObject{page.NewCard("", items...)}
	case !n.enabled && n.spotter != nil && strings.TrimSpace(n.text) != "":
		show := widget.NewButtonWithIcon(lang.L("Show notes about the inner critic"), theme.VisibilityIcon(), func() { n.setByUser(true) })
		show.Importance = widget.LowImportance
		n.box.Objects = []fyne.CanvasObject{container.NewHBox(show)}
	default:
		n.box.Objects = nil
	}
	n.box.Refresh()
	n.Refresh()
}

func (n *CriticNotes) setByUser(on bool) {
	n.SetEnabled(on)
	if n.OnEnabledChanged != nil {
		n.OnEnabledChanged(on)
	}
}

// note shows one mark: the phrase, its kind's friendly name, and one question.
func (n *CriticNotes) note(m critic.Mark) fyne.CanvasObject {
	phrase := oneLine(n.text[m.Start:m.End])
	question := pickQuestion(n.spotter.Questions(m.Kind), phrase)
	rt := widget.NewRichText(
		&widget.TextSegment{Text: "“" + phrase + "”", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: "  ·  " + n.spotter.Title(m.Kind), Style: widget.RichTextStyle{Inline: false, ColorName: page.ColorNameMuted}},
		&widget.TextSegment{Text: question, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}},
	)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// pickQuestion chooses one of qs for phrase, the same one each time the phrase is
// seen, so the note doesn't change while someone types elsewhere.
func pickQuestion(qs []string, phrase string) string {
	if len(qs) == 0 {
		return ""
	}
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(phrase))) //nolint:errcheck // hash writes never fail
	return qs[int(h.Sum32()%uint32(len(qs)))]
}
