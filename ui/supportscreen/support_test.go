package supportscreen

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
)

func builtin(t *testing.T) *resources.Library {
	t.Helper()
	b, err := resources.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return resources.NewLibrary(b)
}

func TestRegionOf(t *testing.T) {
	tests := map[string]string{
		"en-GB": "GB", "en_US.UTF-8": "US", "de-DE": "DE", "fr": "", "": "", "zh-Hant-TW": "TW", "sr_RS@latin": "RS",
	}
	for in, want := range tests {
		if got := RegionOf(in); got != want {
			t.Errorf("RegionOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCountryFromLocaleAndChoice(t *testing.T) {
	a := test.NewTempApp(t)
	s := New(Config{Library: builtin(t), Prefs: a.Preferences(), Locale: "en-AU"})
	if s.Country() != "AU" {
		t.Errorf("country from en-AU = %q", s.Country())
	}
	lines := s.Helplines()
	if len(lines) < 2 || lines[0].Country != "AU" || lines[len(lines)-1].Country != International {
		t.Errorf("lines: %+v", lines)
	}
	for _, h := range lines {
		if h.Checked.IsZero() {
			t.Errorf("%s has no checked date", h.Name)
		}
	}
	s.SetCountry("US")
	again := New(Config{Library: builtin(t), Prefs: a.Preferences(), Locale: "en-AU"})
	if again.Country() != "US" {
		t.Errorf("the chosen country did not stick: %q", again.Country())
	}
	unknown := New(Config{Library: builtin(t), Prefs: test.NewTempApp(t).Preferences(), Locale: "xx-ZZ"})
	if unknown.Country() != "" || len(unknown.Helplines()) == 0 {
		t.Errorf("unknown region: country %q, %d lines (want the international ones)", unknown.Country(), len(unknown.Helplines()))
	}
}

func TestOwnNumbers(t *testing.T) {
	a := test.NewTempApp(t)
	s := New(Config{Library: builtin(t), Prefs: a.Preferences()})
	if err := s.AddOwnNumber("  ", "123"); err != ErrEmptyNumber {
		t.Errorf("blank name: %v", err)
	}
	test.Type(s.ownName, "My GP")
	test.Type(s.ownNumber, "01 234 5678")
	test.Tap(s.ownAdd)
	if err := s.AddOwnNumber("Sam", "07700 900123"); err != nil {
		t.Fatal(err)
	}
	s.RemoveOwnNumber(0)
	got := New(Config{Library: builtin(t), Prefs: a.Preferences()}).OwnNumbers()
	if len(got) != 1 || got[0] != (OwnNumber{Name: "Sam", Number: "07700 900123"}) {
		t.Errorf("own numbers after a restart: %+v", got)
	}
}

// manualClock runs AfterFunc callbacks when the test says.
type manualClock struct{ pending []func() }

func (c *manualClock) after(_ time.Duration, f func()) func() {
	c.pending = append(c.pending, f)
	return func() {}
}

func (c *manualClock) tick(n int) {
	for range n {
		if len(c.pending) == 0 {
			return
		}
		f := c.pending[0]
		c.pending = c.pending[1:]
		f()
	}
}

func TestGroundingOneStepAtATime(t *testing.T) {
	test.NewTempApp(t)
	lib := builtin(t)
	g := lib.Support.Grounding
	clk := &manualClock{}
	s := New(Config{Library: lib, AfterFunc: clk.after})
	gr := s.ground
	if gr.current() != -1 || !gr.start.Visible() {
		t.Fatal("the exercise should wait for Begin")
	}
	test.Tap(gr.start)
	if gr.current() != 0 || gr.text.Text != g.Steps[0].Text {
		t.Fatalf("after Begin: step %d %q", gr.current(), gr.text.Text)
	}
	clk.tick(int(g.Steps[0].Duration/time.Second) - 1)
	if gr.current() != 0 {
		t.Fatal("moved on before the step's time")
	}
	clk.tick(1)
	if gr.current() != 1 {
		t.Fatalf("after the first step's time: step %d", gr.current())
	}
	test.Tap(gr.next)
	if gr.current() != 2 {
		t.Errorf("Next step: %d", gr.current())
	}
	s.Stop()
	n := len(clk.pending)
	clk.tick(n)
	if gr.current() != 2 {
		t.Error("the timer kept going after Stop")
	}
	for range g.Steps {
		test.Tap(gr.next)
	}
	if gr.current() != len(g.Steps) || !gr.start.Visible() || gr.start.Text != "Start again" {
		t.Errorf("at the end: step %d, button %q", gr.current(), gr.start.Text)
	}
}

func TestPackHelplinesShownWhateverTheCountry(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	if _, err := resources.ImportPack(dir, filepath.Join("..", "..", "resources", "testdata", "example-pack")); err != nil {
		t.Fatal(err)
	}
	lib, err := resources.LoadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Library: lib, Prefs: a.Preferences(), Locale: "en-US"})
	var fromPack int
	for _, h := range s.Helplines() {
		if h.PackID == "example-workshop" {
			fromPack++
		}
	}
	if fromPack == 0 {
		t.Error("the pack's helplines are not shown for another country")
	}
	if !hasText(s.lines, "From After the workshop: a gentle first week") {
		t.Error("a pack's line does not say which pack it came from")
	}
}

// hasText reports whether a label or rich text under o contains text.
func hasText(o fyne.CanvasObject, text string) bool {
	found := false
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *widget.RichText:
			found = found || strings.Contains(x.String(), text)
		case *widget.Label:
			found = found || strings.Contains(x.Text, text)
		}
	}
	walk(o)
	return found
}
