package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
)

func TestFirstRun(t *testing.T) {
	hs := start(t, t.TempDir())
	ws := hs.welcomeScreen()
	if !strings.Contains(hs.texts(), "not therapy") {
		t.Errorf("welcome does not say Hearth is not therapy:\n%s", hs.texts())
	}
	if hs.h.header.lock.Visible() {
		t.Error("Lock is visible before there is a journal")
	}
	if !hs.h.header.support.Visible() {
		t.Error("Need support? is not visible on the welcome screen")
	}
	test.Tap(hs.button("Begin"))
	f := ws.form

	// Too short: refused.
	test.Type(f.pass, "short")
	if got := noteText(f.strength); !strings.Contains(got, "at least 8") {
		t.Errorf("strength note for a short passphrase = %q", got)
	}
	if !f.submit.Disabled() {
		t.Error("submit enabled for a 5-character passphrase")
	}

	// Weak: a kind warning, still allowed once confirmed.
	f.pass.SetText("password")
	if got := noteText(f.strength); !strings.HasPrefix(got, "Weak") {
		t.Errorf("strength note for %q = %q, want a weak warning", "password", got)
	}
	test.Type(f.confirm, "passwor")
	if got := noteText(f.mismatch); !strings.Contains(got, "don't match") {
		t.Errorf("mismatch note = %q", got)
	}
	if !f.submit.Disabled() {
		t.Error("submit enabled while the two passphrases differ")
	}
	test.Type(f.confirm, "d")
	if noteText(f.mismatch) != "" || f.submit.Disabled() {
		t.Errorf("matching weak passphrase: mismatch %q, submit disabled %v", noteText(f.mismatch), f.submit.Disabled())
	}

	// A strong one, confirmed with Enter.
	f.pass.SetText(testPass)
	f.confirm.SetText(testPass)
	if got := noteText(f.strength); got != "Strong." {
		t.Errorf("strength note for a four-word passphrase = %q", got)
	}
	f.confirm.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	// The recovery code is shown, grouped, and gates Continue.
	if ws.code == nil {
		t.Fatalf("no recovery code page; texts:\n%s", hs.texts())
	}
	if ok, _ := journal.Exists(hs.dir); !ok {
		t.Fatal("no vault after Create my journal")
	}
	lines := strings.Split(ws.code.Text, "\n")
	if len(lines) != 2 || len(strings.Fields(lines[0])) != 4 {
		t.Errorf("recovery code layout = %q, want two lines of four groups", ws.code.Text)
	}
	test.Tap(ws.copyBtn)
	copied := hs.app.Clipboard().Content()
	if _, err := journal.NormalizeRecoveryCode(copied); err != nil {
		t.Errorf("copied %q is not a recovery code: %v", copied, err)
	}
	if !ws.next.Disabled() {
		t.Fatal("Continue enabled before confirming the code is saved")
	}
	test.Tap(ws.saved)
	if ws.next.Disabled() {
		t.Fatal("Continue still disabled after ticking the box")
	}
	test.Tap(ws.saved)
	if !ws.next.Disabled() {
		t.Fatal("Continue enabled after unticking the box")
	}
	test.Tap(ws.saved)
	test.Tap(ws.next)

	js := hs.journalScreen()
	if !js.empty.Visible() || js.split.Visible() {
		t.Error("a new journal does not show the empty-state invitation")
	}
	if !hs.h.header.lock.Visible() {
		t.Error("Lock is hidden while the journal is open")
	}
	// The recovery code opens the vault too (after the app lets go of it).
	hs.h.Shutdown()
	v, err := journal.OpenWithRecoveryCode(hs.dir, copied, cheapKDF())
	if err != nil {
		t.Fatalf("OpenWithRecoveryCode with the shown code: %v", err)
	}
	v.Close()
}

func TestUnlockWrongThenRight(t *testing.T) {
	dir, _ := makeVault(t, testPass)
	hs := start(t, dir)
	u := hs.unlockScreen()
	test.Type(u.pass, "not the passphrase")
	u.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := noteText(u.problem); !strings.Contains(got, "didn't open your journal. Caps Lock?") {
		t.Errorf("wrong passphrase message = %q", got)
	}
	if u.pass.Text != "" {
		t.Error("the wrong passphrase was left in the field")
	}
	if hs.h.vault != nil {
		t.Fatal("vault open after a wrong passphrase")
	}
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	hs.homeScreen()
	if hs.h.vault == nil {
		t.Fatal("no vault after the right passphrase")
	}
}

func TestUnlockWithRecoveryCode(t *testing.T) {
	dir, code := makeVault(t, "an old passphrase I forgot")
	hs := start(t, dir)
	u := hs.unlockScreen()
	test.Tap(hs.button("Use recovery code"))

	test.Type(u.code, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
	test.Tap(u.unlock)
	if got := noteText(u.problem); !strings.Contains(got, "recovery code didn't open") {
		t.Errorf("wrong code message = %q", got)
	}
	// Typed loosely: lower case, spaces instead of dashes.
	u.code.SetText(strings.ToLower(strings.ReplaceAll(journal.FormatRecoveryCode(code), "-", " ")))
	u.code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.form == nil {
		t.Fatalf("no new-passphrase page; texts:\n%s", hs.texts())
	}
	u.form.pass.SetText(testPass)
	u.form.confirm.SetText(testPass)
	test.Tap(u.form.submit)
	hs.homeScreen()

	hs.h.Lock()
	hs.unlockScreen()
	if _, err := journal.Open(dir, "an old passphrase I forgot", cheapKDF()); !errors.Is(err, journal.ErrWrongSecret) {
		t.Errorf("old passphrase after recovery: err = %v, want ErrWrongSecret", err)
	}
	if len(entriesIn(t, dir, testPass)) != 0 {
		t.Error("unexpected entries")
	}
}

func TestDamagedVault(t *testing.T) {
	dir, _ := makeVault(t, testPass)
	if err := os.WriteFile(filepath.Join(dir, "vault.key"), []byte("{not a key file"), 0o600); err != nil {
		t.Fatal(err)
	}
	hs := start(t, dir)
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	got := noteText(u.problem)
	if !strings.Contains(got, "damaged") || !strings.Contains(got, "backups") {
		t.Errorf("damaged vault message = %q, want it to say damaged and name the backups folder", got)
	}
}

func TestJournalAutosave(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	if !js.split.Visible() {
		t.Fatal("Start writing did not open the editor")
	}
	test.Type(js.title, "A slower evening")
	test.Type(js.tags, "calm, gratitude, calm")
	test.Type(js.body, "The knot in my chest softened.")
	if got := noteText(js.status); got != "Saving…" {
		t.Errorf("status while typing = %q", got)
	}
	if n := len(listAll(t, js.vault)); n != 0 {
		t.Fatalf("%d records saved before the autosave delay", n)
	}
	hs.clock.Advance(999 * time.Millisecond)
	if n := len(listAll(t, js.vault)); n != 0 {
		t.Fatalf("saved after %v, before the delay", 999*time.Millisecond)
	}
	hs.clock.Advance(time.Millisecond)
	if got := noteText(js.status); got != "Saved" {
		t.Errorf("status after autosave = %q", got)
	}
	rs := listAll(t, js.vault)
	if len(rs) != 1 || rs[0].Title != "A slower evening" || rs[0].Body != "The knot in my chest softened." ||
		strings.Join(rs[0].Tags, "|") != "calm|gratitude" {
		t.Fatalf("saved records = %+v", rs)
	}
	if js.list.Length() != 1 || entryTitle(js.entries[0]) != "A slower evening" {
		t.Errorf("list has %d rows, first %q", js.list.Length(), entryTitle(js.entries[0]))
	}

	// More typing updates the same record; a new entry flushes without waiting.
	test.Type(js.body, " I want to remember this.")
	hs.menuItem(fyne.KeyN).Action()
	rs = listAll(t, js.vault)
	if len(rs) != 1 || !strings.HasSuffix(rs[0].Body, "remember this.") {
		t.Fatalf("after New entry: %d records, body %q", len(rs), rs[0].Body)
	}
	if js.title.Text != "" || js.body.Text != "" || js.current.ID != "" {
		t.Error("New entry did not clear the editor")
	}
	// An empty new entry is never saved.
	hs.clock.Advance(time.Minute)
	test.Type(js.body, "Second entry")
	hs.clock.Advance(time.Second)
	if rs = listAll(t, js.vault); len(rs) != 2 || rs[0].Body != "Second entry" {
		t.Fatalf("records = %+v", rs)
	}
	if entryTitle(js.entries[0]) != "Second entry" {
		t.Errorf("newest first: list starts with %q", entryTitle(js.entries[0]))
	}

	// Picking the older entry loads it.
	js.list.Select(1)
	if js.title.Text != "A slower evening" {
		t.Errorf("selected entry title = %q", js.title.Text)
	}
}

func TestJournalDelete(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	if !js.deleteBtn.Disabled() {
		t.Error("Delete enabled for an unsaved entry")
	}
	test.Type(js.body, "Something I may not keep")
	hs.clock.Advance(time.Second)

	test.Tap(js.deleteBtn)
	test.Tap(hs.button("Keep it"))
	if len(listAll(t, js.vault)) != 1 {
		t.Fatal("Keep it deleted the entry")
	}
	test.Tap(js.deleteBtn)
	test.Tap(hs.button("Delete"))
	if n := len(listAll(t, js.vault)); n != 0 {
		t.Fatalf("%d records after delete", n)
	}
	if js.list.Length() != 0 || !js.empty.Visible() {
		t.Error("after deleting the only entry the list is not empty or the invitation is hidden")
	}
}

func TestLockFlushesAndCloses(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	test.Type(js.body, "Typed just before locking")
	hs.menuItem(fyne.KeyL).Action() // Ctrl+L
	hs.unlockScreen()
	if hs.h.vault != nil || hs.h.journal != nil {
		t.Fatal("vault still held after Lock")
	}
	// The vault is closed: it opens again from here, with the draft in it.
	rs := entriesIn(t, hs.dir, testPass)
	if len(rs) != 1 || rs[0].Body != "Typed just before locking" {
		t.Fatalf("after lock: %+v", rs)
	}
	if hs.h.header.lock.Visible() {
		t.Error("Lock still visible on the unlock screen")
	}
}

func TestAutoLock(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	hs.clock.Advance(6 * time.Minute)
	test.Type(js.body, "still here")
	hs.clock.Advance(6 * time.Minute)
	hs.journalScreen() // activity 6 minutes ago: still open
	hs.clock.Advance(5 * time.Minute)
	hs.unlockScreen()
	if rs := entriesIn(t, hs.dir, testPass); len(rs) != 1 {
		t.Fatalf("auto-lock lost the draft: %d records", len(rs))
	}
}

func TestAutoLockClosesDeleteQuestion(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	test.Type(js.body, "keep me")
	hs.clock.Advance(time.Second)
	test.Tap(js.deleteBtn)
	if hs.h.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no delete question")
	}
	hs.clock.Advance(11 * time.Minute)
	hs.unlockScreen()
	if hs.h.win.Canvas().Overlays().Top() != nil {
		t.Error("the delete question is still open over the unlock screen")
	}
	if len(entriesIn(t, hs.dir, testPass)) != 1 {
		t.Error("the entry went missing")
	}
}

func TestAutoLockCountsMouseAndCursor(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	test.Type(js.body, "a long entry to read")
	hs.clock.Advance(9 * time.Minute)
	// The mouse moves over an empty part of the window (bottom right, beside Delete).
	test.MoveMouse(hs.h.win.Canvas(), fyne.NewPos(990, 690))
	test.MoveMouse(hs.h.win.Canvas(), fyne.NewPos(995, 692))
	hs.clock.Advance(9 * time.Minute)
	hs.journalScreen()
	// Moving the cursor in the text (reading) counts too.
	js.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	hs.clock.Advance(9 * time.Minute)
	hs.journalScreen()
	hs.clock.Advance(2 * time.Minute)
	hs.unlockScreen()
}

func TestAutoLockPreference(t *testing.T) {
	hs := startUnlocked(t)
	hs.app.Preferences().SetInt(prefAutoLockMins, 30)
	hs.h.Lock()
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	hs.clock.Advance(20 * time.Minute)
	hs.homeScreen()
	hs.clock.Advance(11 * time.Minute)
	hs.unlockScreen()
}

func TestSaveErrorKeepsText(t *testing.T) {
	hs := startUnlocked(t)
	js := hs.journalScreen()
	test.Tap(hs.button("Start writing"))
	if err := js.vault.Close(); err != nil { // the disk "goes away"
		t.Fatal(err)
	}
	test.Type(js.body, "Words that must not be lost")
	hs.clock.Advance(time.Second)
	if got := noteText(js.status); !strings.Contains(got, "Not saved yet") {
		t.Errorf("status after a failed save = %q", got)
	}
	if js.body.Text != "Words that must not be lost" || !js.dirty {
		t.Error("text or dirty flag lost after a failed save")
	}
	hs.h.Lock()
	hs.journalScreen() // stays unlocked rather than dropping the words
	if !strings.Contains(hs.texts(), "stayed unlocked") {
		t.Errorf("no explanation after a failed lock:\n%s", hs.texts())
	}
}

func TestSecondInstance(t *testing.T) {
	dir := t.TempDir()
	release, err := journal.LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	hs := start(t, dir)
	if !errors.Is(hs.h.Err(), journal.ErrLocked) {
		t.Fatalf("Err() = %v, want ErrLocked", hs.h.Err())
	}
	if !strings.Contains(hs.texts(), "Hearth is already open") {
		t.Fatalf("window says:\n%s", hs.texts())
	}
	test.Tap(hs.button("OK"))
	for _, w := range hs.app.Driver().AllWindows() {
		if w == hs.h.win {
			t.Error("the already-open window is still there after OK")
		}
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	hs := start(t, t.TempDir())
	hs.h.win.Resize(fyne.NewSize(900, 640))
	hs.h.Shutdown()
	if w := hs.app.Preferences().Float(prefWindowWidth); w != 900 {
		t.Errorf("saved width = %v", w)
	}
	if got := hs.h.savedWindowSize(); got != fyne.NewSize(900, 640) {
		t.Errorf("savedWindowSize = %v", got)
	}
}

func TestTextScalePreference(t *testing.T) {
	hs := start(t, t.TempDir())
	hs.menuItem(fyne.KeyEqual).Action()
	th := hs.app.Settings().Theme()
	if got := th.Size("text"); got < baseTextSize*1.09 || got > baseTextSize*1.11 {
		t.Errorf("text size after Larger text = %v", got)
	}
	if s := hs.app.Preferences().Float(prefTextScale); s < 1.09 || s > 1.11 {
		t.Errorf("stored scale = %v", s)
	}
	hs.menuItem(fyne.Key0).Action()
	if got := hs.app.Settings().Theme().Size("text"); got != baseTextSize {
		t.Errorf("text size after reset = %v", got)
	}
}

// listAll lists the entries through the app's own open vault.
func listAll(t *testing.T, v *journal.Vault) []journal.Record {
	t.Helper()
	rs, err := v.List(journal.Query{Kinds: []journal.Kind{journal.KindEntry}})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	return rs
}

func TestSwitchingEntrySavesFirst(t *testing.T) {
	dir, _ := makeVault(t, testPass)
	v, err := journal.Open(dir, testPass, cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"older", "newer"} {
		if _, err := v.Create(journal.Record{Kind: journal.KindEntry, Body: body}); err != nil {
			t.Fatal(err)
		}
	}
	v.Close()

	hs := start(t, dir)
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	test.Tap(u.unlock)
	hs.h.openNav(navJournal)
	js := hs.journalScreen()
	if js.list.Length() != 2 || js.body.Text != "newer" {
		t.Fatalf("unlocked with %d entries, editor shows %q", js.list.Length(), js.body.Text)
	}
	test.Type(js.body, " and changed")
	js.list.Select(1) // before the autosave delay
	if js.body.Text != "older" {
		t.Fatalf("editor shows %q after picking the older entry", js.body.Text)
	}
	rs := listAll(t, js.vault)
	if !strings.Contains(rs[0].Body, "and changed") {
		t.Errorf("the edit was not saved on switching: newest body %q", rs[0].Body)
	}

	// A new, unsaved entry is saved (and goes on top) when another is picked.
	hs.h.NewEntry()
	test.Type(js.body, "brand new")
	js.list.Select(1) // "older", before the new entry shifts it down
	if js.body.Text != "older" {
		t.Fatalf("editor shows %q", js.body.Text)
	}
	if len(js.entries) != 3 || js.entries[0].Body != "brand new" {
		t.Fatalf("the new entry is not saved on top: %d entries", len(js.entries))
	}
}

func TestFirstRunCreateErrorKeepsForm(t *testing.T) {
	hs := start(t, t.TempDir())
	ws := hs.welcomeScreen()
	test.Tap(hs.button("Begin"))
	// Something else makes a vault here in the meantime.
	v, _, err := journal.Create(hs.dir, "another passphrase entirely", cheapKDF())
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	ws.form.pass.SetText(testPass)
	ws.form.confirm.SetText(testPass)
	test.Tap(ws.form.submit)
	if got := noteText(ws.problem); !strings.Contains(got, "already a journal") {
		t.Errorf("create error message = %q", got)
	}
	if ws.form.submit.Disabled() || ws.back.Disabled() || ws.code != nil {
		t.Error("after a failed create the form is not usable again, or a code page appeared")
	}
}

func TestAppearancePreference(t *testing.T) {
	hs := start(t, t.TempDir())
	var appearance *fyne.Menu
	for _, m := range hs.h.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.ChildMenu != nil && it.Label == "Appearance" {
				appearance = it.ChildMenu
			}
		}
	}
	if appearance == nil {
		t.Fatal("no Appearance menu")
	}
	appearance.Items[2].Action() // Dark
	th, ok := hs.app.Settings().Theme().(*Theme)
	if !ok || th.appearance != AppearanceDark {
		t.Fatalf("theme after choosing Dark: %#v", hs.app.Settings().Theme())
	}
	if hs.app.Preferences().String(prefAppearance) != string(AppearanceDark) || !appearance.Items[2].Checked || appearance.Items[0].Checked {
		t.Error("the choice is not stored or not ticked")
	}
}
