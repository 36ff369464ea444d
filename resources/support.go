package resources

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// rawGrounding is support/grounding.toml as written.
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
