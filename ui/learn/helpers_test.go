package learn

import (
	"errors"
	"image/color"
	"os"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// testTheme is Fyne's test theme with Hearth's colour names defined, so tests don't
// log missing colours (package ui's theme can't be used here without an import cycle
// once the shell imports this package).
type testTheme struct{ fyne.Theme }

func (t testTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case page.ColorNameMuted:
		return t.Theme.Color(theme.ColorNamePlaceHolder, v)
	case page.ColorNameSurface:
		return t.Theme.Color(theme.ColorNameInputBackground, v)
	case page.ColorNameAccent:
		return t.Theme.Color(theme.ColorNameWarning, v)
	}
	return t.Theme.Color(n, v)
}

// newTestApp is a test app with the test theme and the screen's translations.
func newTestApp(t *testing.T) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(testTheme{test.Theme()})
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
	return a
}

// fakeStore is a Store holding records in memory.
type fakeStore struct {
	mu    sync.Mutex
	recs  []journal.Record
	err   error
	calls int
}

func (f *fakeStore) List(journal.Query) ([]journal.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	return append([]journal.Record(nil), f.recs...), f.err
}

var errTestStore = errors.New("test: the store is unavailable")

var _ Store = (*journal.Vault)(nil)

// loadBuiltin loads the built-in pack once for all tests; nothing changes it.
var loadBuiltin = sync.OnceValues(resources.Builtin)

// builtinLibrary is the real built-in content.
func builtinLibrary(t testing.TB) *resources.Library {
	t.Helper()
	pk, err := loadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return resources.NewLibrary(pk)
}

// packLibrary is the built-in content plus testdata/pack.
func packLibrary(t *testing.T) *resources.Library {
	t.Helper()
	builtin, err := loadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	pk, err := resources.LoadPack(os.DirFS("testdata/pack"))
	if err != nil {
		t.Fatal(err)
	}
	return resources.NewLibrary(builtin, pk)
}

// clock is a settable now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// navLog records the navigation callbacks.
type navLog struct{ practices, prompts, exercises []string }

func (n *navLog) nav() Navigation {
	return Navigation{
		OnOpenPractice: func(id string) { n.practices = append(n.practices, id) },
		OnOpenPrompt:   func(id string) { n.prompts = append(n.prompts, id) },
		OnOpenExercise: func(id string) { n.exercises = append(n.exercises, id) },
	}
}

// refreshed calls s.Refresh and waits until the load is shown.
func refreshed(t *testing.T, s *Screen) {
	t.Helper()
	done := make(chan struct{}, 1)
	s.afterUpdate = func() { done <- struct{}{} }
	s.Refresh()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Refresh did not finish")
	}
	s.afterUpdate = nil
}

// session is a practice-session record.
func session(practiceID string, at time.Time, meta ...string) journal.Record {
	m := map[string]string{"practice_id": practiceID}
	for i := 0; i+1 < len(meta); i += 2 {
		m[meta[i]] = meta[i+1]
	}
	return journal.Record{Kind: journal.KindPracticeSession, Created: at, Updated: at, Meta: m}
}

// record is any record with the given kind and meta.
func record(kind journal.Kind, at time.Time, meta ...string) journal.Record {
	m := map[string]string{}
	for i := 0; i+1 < len(meta); i += 2 {
		m[meta[i]] = meta[i+1]
	}
	return journal.Record{Kind: kind, Created: at, Updated: at, Meta: m}
}
