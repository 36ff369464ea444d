package pacer

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/journal"
)

var _ Store = (*journal.Vault)(nil)

// TestSessionSavedInVault runs a short timer against a real vault and reads the
// record back, with its after rating.
func TestSessionSavedInVault(t *testing.T) {
	r, cfg := newRig(t)
	v, _, err := journal.Create(t.TempDir(), "a calm test passphrase", journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	cfg.Store = v
	s := newTestTimer(t, r, cfg)
	s.SetSettings(TimerSettings{Length: 5 * time.Minute, Bell: audio.BellBowl})
	s.wrap.before.set(7)
	test.Tap(s.begin)
	r.advance(r.dev, 5*time.Minute)
	r.dev.set(audio.StateFinished, 5*time.Minute)
	s.frame()
	s.wrap.after.set(3)
	recs, err := v.List(journal.Query{Kinds: []journal.Kind{journal.KindPracticeSession}})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	got := recs[0]
	if got.Meta["practice_id"] != TimerID || got.Meta["seconds"] != "300" || got.Meta["completed"] != "true" ||
		got.Ratings["before"] != 7 || got.Ratings["after"] != 3 || got.Title != "Silent practice with bells" {
		t.Errorf("record %+v", got)
	}
}
