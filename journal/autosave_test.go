package journal

import (
	"testing"
	"time"
)

func TestAutosaveCoalescesRevisions(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	v, _, _ := newTestVault(t, WithClock(clock.now))
	r := mustCreate(t, v, Record{Kind: KindEntry, Title: "Evening", Body: "v1"})
	clock.advance(time.Hour)

	save := func(body string, after time.Duration) Record {
		t.Helper()
		clock.advance(after)
		r.Body = body
		got, err := v.Autosave(r)
		if err != nil {
			t.Fatal(err)
		}
		r = got
		return got
	}
	save("v2", 0)                          // first save of a session keeps v1
	save("v3", 2*time.Second)              // same session: v2 is not kept
	save("v4", 3*time.Second)              // same session
	save("v5", RevisionGap)                // a pause as long as the gap: v4 is kept
	unchanged := save("v5", 5*time.Second) // no change: nothing written
	if !unchanged.Updated.Equal(r.Updated) {
		t.Errorf("an unchanged autosave moved Updated")
	}

	revs, err := v.Revisions(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, rv := range revs {
		bodies = append(bodies, rv.Body)
	}
	want := []string{"v4", "v1"} // newest first
	if len(bodies) != len(want) || bodies[0] != want[0] || bodies[1] != want[1] {
		t.Fatalf("revisions = %q, want %q", bodies, want)
	}
	got, err := v.Get(r.ID)
	if err != nil || got.Body != "v5" {
		t.Fatalf("current = %q, %v", got.Body, err)
	}
}

func TestUpdateAlwaysKeepsARevision(t *testing.T) {
	v, _, _ := newTestVault(t)
	r := mustCreate(t, v, Record{Kind: KindEntry, Body: "one"})
	for _, b := range []string{"two", "three"} {
		r.Body = b
		var err error
		if r, err = v.Update(r); err != nil {
			t.Fatal(err)
		}
	}
	revs, err := v.Revisions(r.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("Update kept %d revisions (%v), want 2", len(revs), err)
	}
}
