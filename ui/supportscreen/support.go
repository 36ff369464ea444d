// Package supportscreen is Hearth's "Need support?" screen: what Hearth is and
// isn't, what to do in a crisis, helplines for the user's country (each with its
// hours and the date it was checked), numbers the user added, and a short grounding
// exercise shown one step at a time.
//
// # Hosting
//
// The shell builds one Screen with New (it needs no vault, so it works while the
// journal is locked), shows Content() and calls Refresh when it is shown and Stop
// when it is hidden (Stop halts the grounding timer). Config.OnBack returns to the
// screen the user came from. Call RegisterTranslations once at start-up.
//
// # What is stored
//
// The chosen country and the user's own numbers live in fyne.Preferences (keys
// PrefCountry and PrefOwnNumbers), not in the encrypted journal: they are not
// something the user wrote about themselves, and they must be reachable while the
// journal is locked. The screen says so next to the form.
package supportscreen

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// Preference keys.
const (
	// PrefCountry is the ISO country code whose helplines are shown.
	PrefCountry = "support.country"
	// PrefOwnNumbers holds the user's own numbers as JSON ([]OwnNumber).
	PrefOwnNumbers = "support.own_numbers"
)

// International is the pseudo-country of international directories.
const International = "INT"

// ErrEmptyNumber is returned by AddOwnNumber when the name or the number is blank.
var ErrEmptyNumber = errors.New("supportscreen: a name and a number are both needed")

//go:embed translations
var translations embed.FS

// RegisterTranslations adds the screen's English strings to fyne's lang bundle.
func RegisterTranslations() error {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		return fmt.Errorf("supportscreen: load translations: %w", err)
	}
	return nil
}

// Config is what the screen needs.
type Config struct {
	Library *resources.Library // crisis text, grounding and helplines (built-in and packs)
	Prefs   fyne.Preferences   // the chosen country and the user's own numbers
	// Locale (for example "en-GB") picks the first country shown; empty uses the
	// system's locale.
	Locale string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// AfterFunc calls f on the UI goroutine after d unless stopped (the grounding
	// timer); nil uses time.AfterFunc with fyne.Do.
	AfterFunc func(d time.Duration, f func()) (stop func())
	// OnBack returns to where the user was; nil hides the Back button.
	OnBack func()
}

// OwnNumber is a support number the user added.
type OwnNumber struct {
	Name   string `json:"name"`
	Number string `json:"number"`
}

// Screen is the support screen. Use it on the UI goroutine.
type Screen struct {
	cfg Config
	lib *resources.Library

	root      fyne.CanvasObject
	column    *fyne.Container
	country   *widget.Select
	codes     []string // country codes in the select's order
	lines     *fyne.Container
	own       *fyne.Container
	ownName   *widget.Entry
	ownNumber *widget.Entry
	ownAdd    *widget.Button
	ownNote   *widget.RichText

	ground *grounding
}

// New builds the screen.
func New(c Config) *Screen {
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.AfterFunc == nil {
		c.AfterFunc = func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, func() { fyne.Do(f) })
			return func() { t.Stop() }
		}
	}
	s := &Screen{cfg: c, lib: c.Library}
	s.column = container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding() * 4))
	s.root = page.Scroll(s.column)
	s.build()
	return s
}

// Content is the screen's root object.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Refresh shows the screen afresh (the grounding starts from its first step).
func (s *Screen) Refresh() {
	s.ground.reset()
	s.showHelplines()
}

// Stop halts the grounding timer (the screen was hidden).
func (s *Screen) Stop() { s.ground.pause() }

// SetLibrary shows the content of lib (after a pack was imported or removed).
func (s *Screen) SetLibrary(lib *resources.Library) {
	s.ground.pause()
	s.lib = lib
	s.build()
}

// build lays out every part of the screen.
func (s *Screen) build() {
	var top []fyne.CanvasObject
	if s.cfg.OnBack != nil {
		back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.cfg.OnBack)
		back.Importance = widget.LowImportance
		top = append(top, container.NewHBox(back))
	}
	top = append(top,
		page.Heading(lang.L("Support")),
		page.Paragraph(lang.L("Hearth is a practice companion. It isn't therapy, and it isn't a crisis service. If things feel like too much, people can help, and you deserve that help.")),
	)
	objs := []fyne.CanvasObject{container.NewVBox(top...)}

	// The crisis text's first section (danger) comes first; its second (someone to
	// talk to) introduces the helplines; the grounding exercise follows its third.
	sections := splitSections(s.support().Crisis)
	intro := section{title: lang.L("Helplines"), body: lang.L("Free or low-cost lines, many open day and night.")}
	if len(sections) >= 2 {
		intro = sections[1]
		sections = append(sections[:1], sections[2:]...)
	}
	helplines := s.helplineCard(intro)
	s.ground = newGrounding(s.support().Grounding, s.cfg.AfterFunc)
	placed := false
	for i, sec := range sections {
		objs = append(objs, sectionCard(sec))
		if i == 0 {
			objs = append(objs, helplines)
			placed = true
		}
		if i == 1 && s.ground.root != nil {
			objs = append(objs, s.ground.root)
		}
	}
	if !placed {
		objs = append(objs, helplines)
	}
	if len(sections) < 2 && s.ground.root != nil {
		objs = append(objs, s.ground.root)
	}
	s.column.Objects = objs
	s.column.Refresh()
	s.showHelplines()
}

// support is the library's support content (empty without a library).
func (s *Screen) support() resources.Support {
	if s.lib == nil {
		return resources.Support{}
	}
	return s.lib.Support
}

// section is one "## Title" part of the crisis text.
type section struct{ title, body string }

// splitSections cuts Markdown at its level-2 headings.
func splitSections(md string) []section {
	var out []section
	cur := section{}
	flush := func() {
		if strings.TrimSpace(cur.body) != "" || cur.title != "" {
			cur.body = strings.TrimSpace(cur.body)
			out = append(out, cur)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if t, ok := strings.CutPrefix(line, "## "); ok {
			flush()
			cur = section{title: strings.TrimSpace(t)}
			continue
		}
		cur.body += line + "\n"
	}
	flush()
	return out
}

// sectionCard shows one section of the crisis text.
func sectionCard(sec section) fyne.CanvasObject {
	body := widget.NewRichTextFromMarkdown(sec.body)
	body.Wrapping = fyne.TextWrapWord
	return page.NewCard(sec.title, body)
}

// helplineCard is the country chooser, the lines for it and the user's own numbers.
func (s *Screen) helplineCard(intro section) fyne.CanvasObject {
	names := map[string]string{}
	for _, h := range s.support().Helplines {
		if h.Country != International {
			names[h.Country] = h.CountryName
		}
	}
	s.codes = s.codes[:0]
	for c := range names {
		s.codes = append(s.codes, c)
	}
	sort.Slice(s.codes, func(i, j int) bool { return names[s.codes[i]] < names[s.codes[j]] })
	var options []string
	for _, c := range s.codes {
		options = append(options, names[c])
	}
	s.country = widget.NewSelect(options, func(name string) {
		for _, c := range s.codes {
			if names[c] == name {
				if s.cfg.Prefs != nil {
					s.cfg.Prefs.SetString(PrefCountry, c)
				}
				break
			}
		}
		s.showHelplines()
	})
	s.country.PlaceHolder = lang.L("Choose your country")
	if code := s.defaultCountry(); names[code] != "" {
		s.country.Selected = names[code]
	}
	s.lines = container.NewVBox()
	s.own = container.NewVBox()

	s.ownName = widget.NewEntry()
	s.ownName.SetPlaceHolder(lang.L("Who (for example my GP, a friend)"))
	s.ownNumber = widget.NewEntry()
	s.ownNumber.SetPlaceHolder(lang.L("Number"))
	s.ownNote = page.Note("")
	s.ownNote.Hide()
	s.ownAdd = widget.NewButtonWithIcon(lang.L("Add number"), theme.ContentAddIcon(), func() {
		if err := s.AddOwnNumber(s.ownName.Text, s.ownNumber.Text); err != nil {
			page.SetNote(s.ownNote, lang.L("Please give both a name and a number."))
			s.ownNote.Show()
			return
		}
		s.ownNote.Hide()
		s.ownName.SetText("")
		s.ownNumber.SetText("")
	})
	s.ownNumber.OnSubmitted = func(string) { s.ownAdd.OnTapped() }

	chooser := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Country")), nil, s.country)
	form := container.NewVBox(
		page.Subheading(lang.L("Your own numbers")),
		page.Note(lang.L("Add a number that helps you: your doctor, a local line, someone you trust. It is kept in Hearth's settings on this computer, not in your encrypted journal, so it is here even while your journal is locked.")),
		s.own,
		container.NewGridWithColumns(2, s.ownName, s.ownNumber),
		s.ownNote,
		container.NewHBox(layout.NewSpacer(), s.ownAdd),
	)
	body := widget.NewRichTextFromMarkdown(intro.body)
	body.Wrapping = fyne.TextWrapWord
	return page.NewCard(intro.title,
		body,
		page.Note(lang.L("Each line shows the date Hearth last checked it. Numbers do change: if one doesn't work, your local emergency number always will.")),
		chooser, s.lines, widget.NewSeparator(), form)
}

// defaultCountry is the saved choice, else the locale's region.
func (s *Screen) defaultCountry() string {
	if s.cfg.Prefs != nil {
		if c := s.cfg.Prefs.String(PrefCountry); c != "" {
			return c
		}
	}
	loc := s.cfg.Locale
	if loc == "" {
		loc = lang.SystemLocale().String()
	}
	return RegionOf(loc)
}

// RegionOf is the upper-case region of a locale such as "en-GB", "en_US.UTF-8" or
// "de-DE"; "" when it has none.
func RegionOf(locale string) string {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '-' || r == '_' })
	for _, p := range parts[min(1, len(parts)):] {
		if len(p) == 2 {
			return strings.ToUpper(p)
		}
	}
	return ""
}

// Country is the code of the country shown ("" when none is chosen).
func (s *Screen) Country() string {
	for _, c := range s.codes {
		if s.country.Selected != "" && s.nameOf(c) == s.country.Selected {
			return c
		}
	}
	return ""
}

// SetCountry shows the helplines of the country with that code.
func (s *Screen) SetCountry(code string) {
	if n := s.nameOf(code); n != "" {
		s.country.SetSelected(n)
	}
}

func (s *Screen) nameOf(code string) string {
	for _, h := range s.support().Helplines {
		if h.Country == code {
			return h.CountryName
		}
	}
	return ""
}

// Helplines are the lines shown now: the chosen country's, then those a
// facilitator's pack added for anywhere else (a workshop's local lines matter
// whatever country is chosen), then the international directories.
func (s *Screen) Helplines() []resources.Helpline {
	code := s.Country()
	var mine, packs, intl []resources.Helpline
	for _, h := range s.support().Helplines {
		fromPack := h.PackID != "" && h.PackID != resources.BuiltinID
		switch {
		case h.Country == code:
			mine = append(mine, h)
		case h.Country == International:
			intl = append(intl, h)
		case fromPack:
			packs = append(packs, h)
		}
	}
	return append(append(mine, packs...), intl...)
}

// showHelplines fills the list for the chosen country and the user's numbers.
func (s *Screen) showHelplines() {
	var objs []fyne.CanvasObject
	if s.Country() == "" {
		objs = append(objs, page.Note(lang.L("Choose your country to see its helplines. The international directory below can help you find a line anywhere.")))
	}
	for i, h := range s.Helplines() {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, s.helplineView(h))
	}
	s.lines.Objects = objs
	s.lines.Refresh()

	s.own.Objects = nil
	for i, n := range s.OwnNumbers() {
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.RemoveOwnNumber(i) })
		remove.Importance = widget.LowImportance
		name := widget.NewLabelWithStyle(n.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		num := widget.NewLabelWithStyle(n.Number, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		num.Selectable = true
		s.own.Add(container.NewBorder(nil, nil, nil, remove, container.NewHBox(name, num)))
	}
	s.own.Refresh()
}

// helplineView shows one line: its name with the number beside it, what it's for,
// then its hours, web address and the date it was checked.
func (s *Screen) helplineView(h resources.Helpline) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(h.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	var reach fyne.CanvasObject = layout.NewSpacer()
	switch {
	case h.Phone != "":
		phone := widget.NewLabelWithStyle(h.Phone, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
		phone.SizeName = theme.SizeNameSubHeadingText
		phone.Selectable = true
		reach = phone
	case h.Text != "":
		reach = widget.NewLabelWithStyle(h.Text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, reach, name)}
	if h.Phone != "" && h.Text != "" {
		objs = append(objs, page.Paragraph(h.Text))
	}
	if h.Description != "" {
		objs = append(objs, page.Paragraph(h.Description))
	}
	var meta []string
	if h.Hours != "" {
		meta = append(meta, h.Hours)
	}
	if h.URL != "" {
		meta = append(meta, h.URL)
	}
	if !h.Checked.IsZero() {
		meta = append(meta, lang.L("Checked on {{.Date}}", map[string]any{"Date": h.Checked.Format("2 January 2006")}))
	}
	if h.PackID != "" && h.PackID != resources.BuiltinID && s.lib != nil {
		if p := s.lib.Pack(h.PackID); p != nil {
			meta = append(meta, lang.L("From {{.Pack}}", map[string]any{"Pack": p.Manifest.Title}))
		}
	}
	if len(meta) > 0 {
		objs = append(objs, page.Note(strings.Join(meta, "  ·  ")))
	}
	return container.NewVBox(objs...)
}

// OwnNumbers are the numbers the user added, in the order added.
func (s *Screen) OwnNumbers() []OwnNumber {
	if s.cfg.Prefs == nil {
		return nil
	}
	var out []OwnNumber
	if err := json.Unmarshal([]byte(s.cfg.Prefs.String(PrefOwnNumbers)), &out); err != nil {
		return nil
	}
	return out
}

// AddOwnNumber keeps a number the user added (in preferences) and shows it.
func (s *Screen) AddOwnNumber(name, number string) error {
	name, number = strings.TrimSpace(name), strings.TrimSpace(number)
	if name == "" || number == "" {
		return ErrEmptyNumber
	}
	s.saveOwn(append(s.OwnNumbers(), OwnNumber{Name: name, Number: number}))
	return nil
}

// RemoveOwnNumber forgets the i-th of OwnNumbers.
func (s *Screen) RemoveOwnNumber(i int) {
	nums := s.OwnNumbers()
	if i < 0 || i >= len(nums) {
		return
	}
	s.saveOwn(append(nums[:i], nums[i+1:]...))
}

func (s *Screen) saveOwn(nums []OwnNumber) {
	if s.cfg.Prefs == nil {
		return
	}
	b, err := json.Marshal(nums)
	if err != nil {
		return
	}
	s.cfg.Prefs.SetString(PrefOwnNumbers, string(b))
	s.showHelplines()
}
