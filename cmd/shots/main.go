// Command shots renders every Hearth screen to PNG, in light and dark, with demo data
// in a throw-away vault, using Fyne's test driver and its software renderer (no
// display, GPU or sound card needed).
//
//	go run ./cmd/shots -out DIR
//
// It writes DIR/<screen>-<light|dark>.png for the welcome, unlock, home, practice
// library and player, pacer, timer, journal, exercises, learn, progress, settings
// and support screens. The vault uses a cheap key derivation: it is only demo data.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui"
	"github.com/hearth-app/hearth/ui/learn"
)

// demoPass unlocks the demo vault.
const demoPass = "demo quiet harbour lamp"

// defaultSize is the size of every shot unless -height says otherwise.
var defaultSize = fyne.NewSize(1120, 780)

// settle is how long a screen gets to load its records on its own goroutine.
const settle = 400 * time.Millisecond

func main() {
	out := flag.String("out", "shots", "folder to write the PNG files to")
	only := flag.String("only", "", "render just this screen (by file name prefix)")
	height := flag.Int("height", int(defaultSize.Height), "window height (taller shows whole scrolling screens)")
	flag.Parse()
	size := fyne.NewSize(defaultSize.Width, float32(*height))
	if err := run(*out, *only, size); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

// fixedClock is a clock at a calm evening hour; timers run for real.
type fixedClock struct{ now time.Time }

func (c fixedClock) Now() time.Time { return c.now }
func (c fixedClock) AfterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// cheapKDF keeps the demo vault fast; it protects nothing real.
func cheapKDF() journal.Option {
	return journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1})
}

func run(out, only string, size fyne.Size) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	now := time.Date(2026, 11, 25, 19, 10, 0, 0, time.Local)
	for _, variant := range []string{"light", "dark"} {
		if err := shootVariant(out, only, variant, now, size); err != nil {
			return fmt.Errorf("%s: %w", variant, err)
		}
	}
	return nil
}

// shootVariant renders every screen in one appearance.
func shootVariant(out, only, variant string, now time.Time, size fyne.Size) error {
	tmp, err := os.MkdirTemp("", "hearth-shots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	shoot := func(h *ui.App, name string) error {
		if only != "" && !matches(name, only) {
			return nil
		}
		time.Sleep(settle)
		return capture(h.Window(), size, filepath.Join(out, name+"-"+variant+".png"))
	}

	// First run: the welcome screen of an empty data folder.
	a := newApp(variant)
	h := ui.Start(a, ui.Config{DataDir: filepath.Join(tmp, "new"), VaultOptions: []journal.Option{cheapKDF()},
		Clock: fixedClock{now}, Version: "demo", Locale: "en-GB"})
	h.Window().Resize(size)
	if err := shoot(h, "welcome"); err != nil {
		return err
	}
	h.Shutdown()
	h.Window().Close()

	// A journal with a few weeks of demo data.
	dir := filepath.Join(tmp, "demo")
	if err := makeDemoVault(dir, now); err != nil {
		return fmt.Errorf("demo vault: %w", err)
	}
	a = newApp(variant)
	learn.StartProgramme(a.Preferences(), "four-weeks", now.AddDate(0, 0, -2))
	a.Preferences().SetString("support.country", "GB")
	h = ui.Start(a, ui.Config{DataDir: dir, VaultOptions: []journal.Option{cheapKDF()},
		Clock: fixedClock{now}, Version: "demo", Locale: "en-GB",
		Background: func(work, done func()) { work(); done() }})
	defer h.Shutdown()
	w := h.Window()
	w.Resize(size)
	if err := shoot(h, "unlock"); err != nil {
		return err
	}
	pass, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok {
		return fmt.Errorf("the unlock screen has no focused passphrase field")
	}
	test.Type(pass, demoPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.Canvas().Unfocus()

	steps := []struct {
		name string
		open func() bool
	}{
		{"home", func() bool { return h.Open("home") }},
		{"practice-library", func() bool { return h.Open("practice") }},
		{"practice-player", func() bool { h.OpenPractice("soothing-rhythm-breathing-short"); return true }},
		{"pacer", func() bool { return h.Open(ui.PlacePacer) }},
		{"timer", func() bool { return h.Open(ui.PlaceTimer) }},
		{"journal", func() bool { return h.Open("journal") }},
		{"exercises", func() bool { return h.Open("exercises") }},
		{"learn", func() bool { return h.Open("learn") }},
		{"progress", func() bool { return h.Open("progress") }},
		{"settings", func() bool { return h.Open("settings") }},
		{"support", func() bool { return h.Open(ui.PlaceSupport) }},
	}
	for _, st := range steps {
		if only != "" && !matches(st.name, only) {
			continue
		}
		if !st.open() {
			return fmt.Errorf("could not open %s", st.name)
		}
		w.Canvas().Unfocus() // no blinking cursor in the picture
		if err := shoot(h, st.name); err != nil {
			return err
		}
	}
	return nil
}

func matches(name, only string) bool {
	return len(name) >= len(only) && name[:len(only)] == only
}

// newApp is a fresh test app with the appearance preference set.
func newApp(variant string) fyne.App {
	a := test.NewApp()
	a.Preferences().SetString("ui.appearance", variant)
	return a
}

// capture renders the window's canvas to a PNG file.
func capture(w fyne.Window, size fyne.Size, path string) error {
	c := w.Canvas()
	// Lay out twice: wrapped text settles its height on the second pass.
	w.Resize(size.AddWidthHeight(1, 1))
	w.Resize(size)
	img := c.Capture()
	return writePNG(path, img)
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// makeDemoVault creates a vault with three weeks of gentle practice and writing.
func makeDemoVault(dir string, now time.Time) error {
	at := now
	clock := func() time.Time { return at }
	v, _, err := journal.Create(dir, demoPass, cheapKDF(), journal.WithClock(clock))
	if err != nil {
		return err
	}
	defer v.Close()
	add := func(daysAgo int, hour int, r journal.Record) error {
		d := now.AddDate(0, 0, -daysAgo)
		at = time.Date(d.Year(), d.Month(), d.Day(), hour, 20, 0, 0, d.Location())
		_, err := v.Create(r)
		return err
	}
	practices := []struct{ id, title string }{
		{"soothing-rhythm-breathing", "Soothing rhythm breathing"},
		{"safe-place", "Safe place"},
		{"soothing-rhythm-breathing-short", "Soothing rhythm breathing, short"},
		{"compassionate-self", "The compassionate self"},
	}
	for day := 20; day >= 0; day-- {
		if day%3 == 1 {
			continue // quiet days are part of life
		}
		p := practices[day%len(practices)]
		mins := 5 + 5*(day%3)
		r := journal.Record{Kind: journal.KindPracticeSession, Title: p.title,
			Meta: map[string]string{"practice_id": p.id, "practice_title": p.title,
				"seconds": strconv.Itoa(mins * 60), "completed": "true", "length_minutes": strconv.Itoa(mins)},
			Ratings: map[string]int{"before": 5 + day%3, "after": 3 + day%2}}
		if err := add(day, 8, r); err != nil {
			return err
		}
		if day%2 == 0 {
			c := journal.Record{Kind: journal.KindCheckIn, Title: "Three circles check-in",
				Meta:    map[string]string{"exercise_id": "three-circles-checkin"},
				Ratings: map[string]int{"threat": 6 - day%4, "drive": 5, "soothing": 3 + (20-day)/5}}
			if err := add(day, 12, c); err != nil {
				return err
			}
		}
	}
	entries := []struct {
		days        int
		title, body string
		tags        []string
	}{
		{9, "After the workshop", "Today felt like the first time in a while that I let myself slow down. The breathing was awkward at first, then a little softer.", []string{"workshop"}},
		{5, "A hard meeting", "I noticed the critic straight away: 'you always get this wrong'. I tried asking what it was afraid of. It was afraid of being let go.", []string{"work", "critic"}},
		{2, "Small kindnesses", "Made tea for myself and actually sat down to drink it. It counts.", []string{"gratitude"}},
		{0, "A slower evening", "The knot in my chest softened while I walked home. I want to remember that it does soften.", []string{"calm"}},
	}
	for _, e := range entries {
		if err := add(e.days, 18, journal.Record{Kind: journal.KindEntry, Title: e.title, Body: e.body, Tags: e.tags}); err != nil {
			return err
		}
	}
	letter := journal.Record{Kind: journal.KindLetter, Title: "A letter to myself",
		Body: "Dear me, it makes sense that you feel tired. You have been carrying a lot.",
		Meta: map[string]string{"exercise_id": "compassionate-letter",
			"reread_after": time.Date(now.Year(), now.Month(), now.Day()-1, 0, 0, 0, 0, now.Location()).Format(time.RFC3339)}}
	if err := add(4, 17, letter); err != nil {
		return err
	}
	return nil
}
