package learn

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// reader shows one lesson: its Markdown as rich text at a comfortable width, then
// links to its practice and reflection prompt, and whether it was read.
type reader struct {
	s      *Screen
	lesson *resources.Lesson
	root   *container.Scroll
	// fromPlan is true when the lesson was opened from the programme, so Back goes
	// there.
	fromPlan bool
	// chose is true once the user marked the lesson read or not by hand since opening
	// it; reaching the end then leaves their choice alone.
	chose bool

	back     *widget.Button
	title    *widget.Label
	summary  *widget.RichText
	source   *widget.RichText
	body     *widget.RichText
	bodyBox  *container.ThemeOverride
	practice *linkButton
	prompt   *linkButton
	readNote fyne.CanvasObject
	markRead *widget.Button
}

func newReader(s *Screen) *reader {
	r := &reader{s: s}
	r.back = backButton(lang.L("All lessons"), r.goBack)
	r.title = page.Heading("")
	r.summary = page.Note("")
	r.source = page.Note("")
	r.body = widget.NewRichText()
	r.body.Wrapping = fyne.TextWrapWord
	r.bodyBox = container.NewThemeOverride(r.body, readingTheme{})
	r.practice = newLinkButton(theme.MediaPlayIcon(), "", func() {
		if r.lesson != nil && s.nav.OnOpenPractice != nil {
			s.nav.OnOpenPractice(r.lesson.Practice)
		}
	})
	r.prompt = newLinkButton(theme.DocumentCreateIcon(), "", func() {
		if r.lesson != nil && s.nav.OnOpenPrompt != nil {
			s.nav.OnOpenPrompt(r.lesson.Prompt)
		}
	})
	r.readNote = tickNote(lang.L("You've read this lesson"))
	r.markRead = widget.NewButtonWithIcon("", theme.ConfirmIcon(), r.toggleRead)
	r.markRead.Importance = widget.LowImportance

	pad := theme.Padding()
	r.root = container.NewVScroll(page.Padded(pad*3, container.New(measure{ems: readingEms}, container.NewVBox(
		leftAligned(r.back),
		spacer(pad),
		r.title,
		r.summary,
		r.source,
		spacer(pad*2),
		r.bodyBox,
		spacer(pad*3),
		r.practice,
		r.prompt,
		spacer(pad*3),
		container.NewHBox(r.readNote, r.markRead),
	))))
	r.root.OnScrolled = r.scrolled
	return r
}

// open shows lesson l from the top.
func (r *reader) open(l *resources.Lesson, fromPlan bool) {
	r.lesson, r.fromPlan, r.chose = l, fromPlan, false
	if fromPlan {
		r.back.SetText(lang.L("Back to the programme"))
	} else {
		r.back.SetText(lang.L("All lessons"))
	}
	r.title.SetText(l.Title)
	page.SetNote(r.summary, l.Summary)
	r.source.Hide()
	if l.PackID != resources.BuiltinID {
		if pk := r.s.lib.Pack(l.PackID); pk != nil {
			page.SetNote(r.source, lang.X("learn.from", "From {{.Pack}}", map[string]any{"Pack": pk.Manifest.Title}))
			r.source.Show()
		}
	}
	r.body.Segments = lessonSegments(l.Body)
	r.body.Refresh()
	r.bodyBox.Refresh()

	r.practice.Hide()
	if p := r.s.lib.Practice(l.Practice); p != nil && r.s.nav.OnOpenPractice != nil {
		r.practice.label.SetText(lang.X("learn.tryPractice", "Try the practice: {{.Title}}", map[string]any{"Title": p.Title}))
		r.practice.Show()
	}
	r.prompt.Hide()
	if p := r.s.lib.Prompt(l.Prompt); p != nil && r.s.nav.OnOpenPrompt != nil {
		r.prompt.label.SetText(lang.X("learn.reflect", "Reflect: {{.Question}}", map[string]any{"Question": p.Question}))
		r.prompt.Show()
	}
	r.update()
	r.root.ScrollToTop()
	r.root.Refresh()
}

// update shows whether the lesson was read.
func (r *reader) update() {
	if r.lesson == nil {
		return
	}
	read := ReadLessons(r.s.prefs)[r.lesson.ID]
	setVisible(r.readNote, read)
	if read {
		r.markRead.SetText(lang.L("Mark as not read"))
		r.markRead.SetIcon(nil)
	} else {
		r.markRead.SetText(lang.L("Mark as read"))
		r.markRead.SetIcon(theme.ConfirmIcon())
	}
}

func (r *reader) toggleRead() {
	if r.lesson == nil {
		return
	}
	r.chose = true
	r.s.setRead(r.lesson.ID, !ReadLessons(r.s.prefs)[r.lesson.ID])
}

// scrolled marks the lesson read once the reader reaches its end.
func (r *reader) scrolled(off fyne.Position) {
	if r.lesson == nil || r.chose {
		return
	}
	end := r.root.Content.MinSize().Height - r.root.Size().Height
	if end > 0 && off.Y >= end-theme.Padding()*4 {
		r.s.setRead(r.lesson.ID, true)
	}
}

func (r *reader) goBack() {
	if r.fromPlan {
		r.s.plan.update()
		r.s.show(r.s.plan.root) // where the user left it, not scrolled to today
		return
	}
	r.s.ShowLessons()
}

// readingEms is the width of a lesson's column in multiples of the text size: about
// 70 characters a line.
const readingEms = 37

// lessonSegments is a lesson's Markdown as rich text, with a little more room above
// each heading than below it and after each list, so the sections read as sections.
// Images are left out: Fyne would fetch a web address or read any local file for
// them, and Hearth stays offline (a pack's lesson is outside input).
func lessonSegments(markdown string) []widget.RichTextSegment {
	parsed := withoutImages(widget.NewRichTextFromMarkdown(markdown).Segments)
	segs := make([]widget.RichTextSegment, 0, len(parsed)+16)
	for i, seg := range parsed {
		if t, ok := seg.(*widget.TextSegment); ok && i > 0 && isHeading(t) && !isHeadingSeg(parsed[i-1]) {
			segs = append(segs, &gapSegment{paddings: 2})
		}
		segs = append(segs, seg)
		if _, ok := seg.(*widget.ListSegment); ok && i < len(parsed)-1 {
			segs = append(segs, &gapSegment{paddings: 1})
		}
	}
	return segs
}

// isHeading reports whether t is (part of) a heading's text.
func isHeading(t *widget.TextSegment) bool {
	return t.Style.SizeName == theme.SizeNameHeadingText || t.Style.SizeName == theme.SizeNameSubHeadingText
}

func isHeadingSeg(seg widget.RichTextSegment) bool {
	t, ok := seg.(*widget.TextSegment)
	return ok && isHeading(t)
}

// withoutImages removes image segments from segs, at any depth (in lists,
// paragraphs and tables too).
func withoutImages(segs []widget.RichTextSegment) []widget.RichTextSegment {
	segs = slices.DeleteFunc(segs, func(seg widget.RichTextSegment) bool {
		_, image := seg.(*widget.ImageSegment)
		return image
	})
	for _, seg := range segs {
		switch x := seg.(type) {
		case *widget.ListSegment:
			x.Items = withoutImages(x.Items)
		case *widget.ParagraphSegment:
			x.Texts = withoutImages(x.Texts)
		case *widget.TableSegment:
			for i := range x.Headers {
				x.Headers[i] = withoutImages(x.Headers[i])
			}
			for _, row := range x.Rows {
				for i := range row {
					row[i] = withoutImages(row[i])
				}
			}
		}
	}
	return segs
}
