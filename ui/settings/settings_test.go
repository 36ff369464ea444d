package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

const pass = "quiet river morning light"

func cheapKDF() journal.Option {
	return journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1})
}

// fakeShell records what Settings asks of the shell.
type fakeShell struct {
	appearance      string
	scale           float32
	autoLock        int
	libraryChanges  int
	reminderChanges int
}

func (f *fakeShell) Appearance() string       { return f.appearance }
func (f *fakeShell) SetAppearance(a string)   { f.appearance = a }
func (f *fakeShell) TextScale() float32       { return f.scale }
func (f *fakeShell) SetTextScale(s float32)   { f.scale = s }
func (f *fakeShell) AutoLockMinutes() int     { return f.autoLock }
func (f *fakeShell) SetAutoLockMinutes(m int) { f.autoLock = m }
func (f *fakeShell) LibraryChanged()          { f.libraryChanges++ }
func (f *fakeShell) ReminderChanged()         { f.reminderChanges++ }
func (f *fakeShell) PassphraseNote(p string) (string, bool) {
	if len([]rune(p)) < 8 {
		return "A little longer, please.", false
	}
	return "Good.", true
}

type harness struct {
	t     *testing.T
	dir   string
	vault *journal.Vault
	shell *fakeShell
	s     *Screen
	win   fyne.Window
}

// newHarness opens a real vault in a temp dir and builds the screen on the test
// driver; slow work runs at once on the test goroutine.
func newHarness(t *testing.T, player audio.Player, noOutput error) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	dir := t.TempDir()
	v, _, err := journal.Create(dir, pass, cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	sh := &fakeShell{appearance: "system", scale: 1, autoLock: 10}
	s := New(Config{
		Vault: v, Shell: sh, Prefs: a.Preferences(), Player: player,
		NoOutput: func() error { return noOutput },
		DataDir:  dir, Version: "0.1.0",
		Background: func(work, done func()) { work(); done() },
		Now:        func() time.Time { return time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC) },
	})
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(900, 3000))
	return &harness{t: t, dir: dir, vault: v, shell: sh, s: s, win: w}
}

// walk visits every object under o.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

func (hs *harness) button(label string) *widget.Button {
	hs.t.Helper()
	var found *widget.Button
	walk(hs.win.Canvas().Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() && found == nil {
			found = b
		}
	})
	if found == nil {
		hs.t.Fatalf("no button %q", label)
	}
	return found
}

func (hs *harness) entries() []*widget.Entry {
	var out []*widget.Entry
	walk(hs.s.security, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			out = append(out, e)
		}
	})
	return out
}

func (hs *harness) texts() string {
	var sb strings.Builder
	walk(hs.win.Canvas().Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Visible() {
				sb.WriteString(x.Text + "\n")
			}
		case *widget.RichText:
			if x.Visible() {
				sb.WriteString(x.String() + "\n")
			}
		}
	})
	return sb.String()
}

// reopen closes the vault and opens it again with secret.
func (hs *harness) reopen(secret string, recovery bool) error {
	hs.t.Helper()
	if err := hs.vault.Close(); err != nil {
		hs.t.Fatal(err)
	}
	var (
		v   *journal.Vault
		err error
	)
	if recovery {
		v, err = journal.OpenWithRecoveryCode(hs.dir, secret, cheapKDF())
	} else {
		v, err = journal.Open(hs.dir, secret, cheapKDF())
	}
	if err == nil {
		v.Close()
	}
	hs.vault, _ = journal.Open(hs.dir, pass, cheapKDF()) // for the cleanup; may fail
	return err
}

func TestChangePassphrase(t *testing.T) {
	const fresh = "a brand new lantern phrase"
	tests := []struct {
		name, current string
		wantChanged   bool
	}{
		{"wrong current passphrase", "not my passphrase", false},
		{"right current passphrase", pass, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, nil, nil)
			test.Tap(hs.button("Change passphrase…"))
			e := hs.entries()
			if len(e) != 3 {
				t.Fatalf("%d fields, want current, new, again", len(e))
			}
			save := hs.button("Change passphrase")
			test.Type(e[0], tt.current)
			test.Type(e[1], fresh)
			test.Type(e[2], "a brand new lantern")
			if !save.Disabled() {
				t.Fatal("save enabled while the two new passphrases differ")
			}
			test.Type(e[2], " phrase")
			if save.Disabled() {
				t.Fatal("save disabled with a good, confirmed passphrase")
			}
			test.Tap(save)
			got := hs.texts()
			if tt.wantChanged != strings.Contains(got, "Your passphrase is changed") {
				t.Fatalf("after saving:\n%s", got)
			}
			err := hs.reopen(fresh, false)
			if tt.wantChanged && err != nil {
				t.Errorf("the new passphrase does not open the vault: %v", err)
			}
			if !tt.wantChanged && !errors.Is(err, journal.ErrWrongSecret) {
				t.Errorf("with a wrong current passphrase the new one opens the vault (err %v)", err)
			}
		})
	}
}

func TestNewRecoveryCode(t *testing.T) {
	hs := newHarness(t, nil, nil)
	test.Tap(hs.button("Make a new recovery code…"))
	e := hs.entries()
	test.Type(e[0], pass)
	test.Tap(hs.button("Make a new code"))
	var code string
	walk(hs.s.security, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Monospace {
			code = l.Text
		}
	})
	if code == "" {
		t.Fatalf("no code shown:\n%s", hs.texts())
	}
	done := hs.button("Done")
	if !done.Disabled() {
		t.Error("Done is enabled before the user says the code is saved")
	}
	var saved *widget.Check
	walk(hs.s.security, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			saved = c
		}
	})
	test.Tap(saved)
	if done.Disabled() {
		t.Error("Done stays disabled after ticking the box")
	}
	test.Tap(done)
	if strings.Contains(hs.texts(), code) {
		t.Error("the code is still on show after Done")
	}
	if err := hs.reopen(strings.ReplaceAll(code, "\n", " "), true); err != nil {
		t.Errorf("the shown code does not open the vault: %v", err)
	}
}

func TestBackupThenRestore(t *testing.T) {
	hs := newHarness(t, nil, nil)
	kept, err := hs.vault.Create(journal.Record{Kind: journal.KindEntry, Title: "Kept safe", Body: "words"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.hearthbackup")
	hs.s.BackupTo(file)
	if !strings.Contains(hs.texts(), "Backed up to") {
		t.Fatalf("after backup:\n%s", hs.texts())
	}
	if err := hs.vault.Delete(kept.ID); err != nil {
		t.Fatal(err)
	}
	hs.s.AskRestoreSecret(file)
	hs.s.RestoreFrom(file, "wrong secret")
	if !strings.Contains(hs.texts(), "didn't open this backup") {
		t.Errorf("wrong secret:\n%s", hs.texts())
	}
	hs.s.RestoreFrom(file, pass)
	if !strings.Contains(hs.texts(), "Restored: 1 added") {
		t.Errorf("after restore:\n%s", hs.texts())
	}
	if _, err := hs.vault.Get(kept.ID); err != nil {
		t.Errorf("the deleted entry did not come back: %v", err)
	}
	hs.s.BackupNow()
	if m, _ := filepath.Glob(filepath.Join(hs.dir, "backups", "*.hearthbackup")); len(m) != 1 {
		t.Errorf("Back up now wrote %d files to the backups folder", len(m))
	}
}

func TestExportWritesFiles(t *testing.T) {
	hs := newHarness(t, nil, nil)
	if _, err := hs.vault.Create(journal.Record{Kind: journal.KindEntry, Title: "Exported", Body: "plain words"}); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	md := filepath.Join(out, "md")
	hs.s.ExportTo(FormatMarkdown, md)
	if files, _ := filepath.Glob(filepath.Join(md, "*.md")); len(files) != 1 {
		t.Errorf("Markdown export wrote %d files", len(files))
	}
	js := filepath.Join(out, "all.json")
	hs.s.ExportTo(FormatJSON, js)
	data, err := os.ReadFile(js)
	if err != nil || !strings.Contains(string(data), "plain words") {
		t.Errorf("JSON export: %v, %d bytes", err, len(data))
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".hearth-export-*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestPackImportAndRemove(t *testing.T) {
	hs := newHarness(t, nil, nil)
	src := filepath.Join("..", "..", "resources", "testdata", "example-pack")
	hs.s.ImportPack(src)
	got := hs.texts()
	for _, want := range []string{"After the workshop: a gentle first week", "by Alex Example", "version 1.0.0", "licence: CC BY-NC 4.0", "is ready"} {
		if !strings.Contains(got, want) {
			t.Errorf("after import, no %q:\n%s", want, got)
		}
	}
	if hs.shell.libraryChanges != 1 {
		t.Errorf("library changes = %d", hs.shell.libraryChanges)
	}
	if packs, _ := resources.ListPacks(hs.dir); len(packs) != 1 {
		t.Fatalf("%d packs installed", len(packs))
	}
	test.Tap(hs.button("Remove")) // no window for a dialog in this harness: removes at once
	if packs, _ := resources.ListPacks(hs.dir); len(packs) != 0 {
		t.Errorf("%d packs after remove", len(packs))
	}
	if !strings.Contains(hs.texts(), "No packs yet.") || hs.shell.libraryChanges != 2 {
		t.Errorf("after remove (library changes %d):\n%s", hs.shell.libraryChanges, hs.texts())
	}
	hs.s.ImportPack(filepath.Join("..", "..", "resources", "testdata", "bad", "bad-toml"))
	if note := hs.s.packNote.Text; !strings.Contains(note, "nothing was installed") {
		t.Errorf("a bad pack: %q", note)
	}
}

func TestRemoveAsksFirst(t *testing.T) {
	hs := newHarness(t, nil, nil)
	hs.s.cfg.Window = hs.win
	hs.s.ImportPack(filepath.Join("..", "..", "resources", "testdata", "example-pack"))
	test.Tap(hs.button("Remove"))
	if hs.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no question before removing")
	}
	hs.s.Stop() // leaving the screen closes the question
	if hs.win.Canvas().Overlays().Top() != nil {
		t.Error("the question stayed open")
	}
	if packs, _ := resources.ListPacks(hs.dir); len(packs) != 1 {
		t.Error("the pack was removed without a yes")
	}
}

// fakePlayer plays nothing and remembers what it was asked to play.
type fakePlayer struct {
	audio.Player
	played int
	err    error
}

func (p *fakePlayer) Play(*audio.Session) error { p.played++; return p.err }

func TestTestBell(t *testing.T) {
	tests := []struct {
		name     string
		player   *fakePlayer
		noOutput error
		want     string
		plays    int
	}{
		{"sound works", &fakePlayer{}, nil, "You should hear a soft bell", 1},
		{"known no output", &fakePlayer{}, audio.ErrNoOutput, "can't find a sound output", 0},
		{"no output found on play", &fakePlayer{err: audio.ErrNoOutput}, nil, "can't find a sound output", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, tt.player, tt.noOutput)
			test.Tap(hs.button("Play a test bell"))
			if !strings.Contains(hs.s.sound.Text, tt.want) || tt.player.played != tt.plays {
				t.Errorf("note %q, played %d", hs.s.sound.Text, tt.player.played)
			}
		})
	}
}

func TestPreferencesAndToggles(t *testing.T) {
	hs := newHarness(t, nil, nil)
	hs.s.appearance.SetSelected("Dark")
	hs.s.textSize.SetSelected("Larger")
	hs.s.autoLock.SetSelected("After 30 minutes")
	if hs.shell.appearance != "dark" || hs.shell.scale != 1.15 || hs.shell.autoLock != 30 {
		t.Errorf("shell: %+v", hs.shell)
	}
	hs.s.reminderOn.SetChecked(true)
	hs.s.reminderTime.SetSelected("07:30")
	p := fyne.CurrentApp().Preferences()
	if !p.Bool(PrefReminderOn) || p.String(PrefReminderTime) != "07:30" || hs.shell.reminderChanges != 2 {
		t.Errorf("reminder prefs on=%v at=%q changes=%d", p.Bool(PrefReminderOn), p.String(PrefReminderTime), hs.shell.reminderChanges)
	}
	for _, label := range []string{"Show streaks (days in a row) on the Progress screen", "Spot the critic in journal entries"} {
		walk(hs.win.Canvas().Content(), func(o fyne.CanvasObject) {
			if c, ok := o.(*widget.Check); ok && c.Text == label {
				test.Tap(c)
			}
		})
	}
	if !p.Bool("progress.show_streaks") || !p.Bool("critic.in_journal") {
		t.Error("toggles not saved")
	}
}

func TestGroupCode(t *testing.T) {
	got := GroupCode("AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH")
	if lines := strings.Split(got, "\n"); len(lines) != 2 || lines[0] != "AAAA  BBBB  CCCC  DDDD" {
		t.Errorf("GroupCode = %q", got)
	}
}

func TestReminderNext(t *testing.T) {
	tests := []struct {
		now, at, want string
	}{
		{"2026-11-25T18:00:00Z", "19:00", "2026-11-25T19:00:00Z"},
		{"2026-11-25T19:00:00Z", "19:00", "2026-11-26T19:00:00Z"},
		{"2026-11-25T23:59:00Z", "06:30", "2026-11-26T06:30:00Z"},
		{"2026-11-25T08:00:00Z", "nonsense", "2026-11-25T19:00:00Z"},
	}
	for _, tt := range tests {
		a := test.NewTempApp(t)
		now, _ := time.Parse(time.RFC3339, tt.now)
		a.Preferences().SetString(PrefReminderTime, tt.at)
		r := NewReminder(a, func() time.Time { return now }, nil)
		if got := r.Next().Format(time.RFC3339); got != tt.want {
			t.Errorf("now %s at %s: next %s, want %s", tt.now, tt.at, got, tt.want)
		}
	}
}
