package journal

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRecordLifecycle(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	v, dir, _ := newTestVault(t, WithClock(clock.now))
	r := mustCreate(t, v, Record{Kind: KindEntry, Title: "First", Body: "hello", Tags: []string{" calm ", "Calm", "sleep"},
		Ratings: map[string]int{"mood": 4}, Fields: map[string]string{"q1": "a"}, Meta: map[string]string{"prompt_id": "p1"}})
	if !validID(r.ID) || !r.Created.Equal(clock.t) || !r.Updated.Equal(clock.t) {
		t.Fatalf("bad created record %+v", r)
	}
	if !reflect.DeepEqual(r.Tags, []string{"calm", "sleep"}) {
		t.Fatalf("tags not normalized: %q", r.Tags)
	}
	clock.advance(time.Hour)
	r2 := r
	r2.Body = "hello again"
	r2, err := v.Update(r2)
	if err != nil {
		t.Fatal(err)
	}
	if !r2.Updated.Equal(clock.t) || !r2.Created.Equal(r.Created) {
		t.Fatalf("update times wrong: %+v", r2)
	}
	revs, err := v.Revisions(r.ID)
	if err != nil || len(revs) != 1 || revs[0].Body != "hello" {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = v.Get(r.ID)
	wantErr(t, err, ErrClosed)

	v, err = Open(dir, testPass, WithKDF(cheapKDF))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	got, err := v.Get(r.ID)
	if err != nil || !reflect.DeepEqual(got, r2) {
		t.Fatalf("after reopen got %+v, %v; want %+v", got, err, r2)
	}
	revs, err = v.Revisions(r.ID)
	if err != nil || len(revs) != 1 || !reflect.DeepEqual(revs[0], r) {
		t.Fatalf("revisions after reopen = %+v, %v", revs, err)
	}
	if err := v.Delete(r.ID); err != nil {
		t.Fatal(err)
	}
	_, err = v.Get(r.ID)
	wantErr(t, err, ErrNotFound)
	_, err = v.Revisions(r.ID)
	wantErr(t, err, ErrNotFound)
	wantErr(t, v.Delete(r.ID), ErrNotFound)
}

func TestLargeRecord(t *testing.T) {
	v, dir, _ := newTestVault(t)
	body := strings.Repeat("a long letter to myself. ", 200_000) // ~5 MB: goes to Badger's value log
	r := mustCreate(t, v, Record{Kind: KindLetter, Body: body})
	r.Body += "PS."
	if _, err := v.Update(r); err != nil {
		t.Fatal(err)
	}
	v.Close()
	v, err := Open(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	got, err := v.Get(r.ID)
	if err != nil || got.Body != body+"PS." {
		t.Fatalf("large record: %v", err)
	}
	revs, err := v.Revisions(r.ID)
	if err != nil || len(revs) != 1 || revs[0].Body != body {
		t.Fatalf("large revision: %v", err)
	}
	_, err = v.Create(Record{Kind: KindLetter, Body: strings.Repeat("x", maxBodyBytes+1)})
	wantErr(t, err, ErrInvalid)
}

func TestConcurrentUse(t *testing.T) {
	v, _, _ := newTestVault(t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 15 {
				r, err := v.Create(Record{Kind: KindEntry, Title: fmt.Sprintf("w%d-%d", w, i), Body: "together", Tags: []string{"t"}})
				if err != nil {
					t.Error(err)
					return
				}
				r.Body = "together again"
				if _, err := v.Update(r); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for range 2 {
		wg.Go(func() {
			for range 30 {
				if _, err := v.Search("together", Query{Limit: 10}); err != nil {
					t.Error(err)
				}
				if _, err := v.Tags(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Go(func() {
		var buf bytes.Buffer
		if err := v.Backup(&buf); err != nil {
			t.Error(err)
		}
	})
	wg.Wait()
	list, _ := v.List(Query{})
	if len(list) != 60 {
		t.Fatalf("%d records, want 60", len(list))
	}
	tags, _ := v.Tags()
	if len(tags) != 1 || tags[0].Count != 60 {
		t.Fatalf("tags = %v", tags)
	}
}
