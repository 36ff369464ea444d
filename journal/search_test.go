package journal

import (
	"testing"
	"time"
)

func TestSearchAndList(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	v, _, _ := newTestVault(t, WithClock(clock.now))
	byTitle := map[string]string{}
	for _, r := range sampleRecords() {
		r := mustCreate(t, v, r)
		byTitle[r.Title] = r.ID
		clock.advance(24 * time.Hour)
	}
	session := byTitle[""]
	tests := []struct {
		name  string
		text  string
		q     Query
		wantT []string // titles, newest first
	}{
		{"all", "", Query{}, []string{"Dear me", "", "Meeting", "Morning pages"}},
		{"limit", "", Query{Limit: 2}, []string{"Dear me", ""}},
		{"kind", "", Query{Kinds: []Kind{KindEntry, KindThoughtRecord}}, []string{"Meeting", "Morning pages"}},
		{"tag any case", "", Query{Tags: []string{"letters"}}, []string{"Dear me"}},
		{"two tags", "", Query{Tags: []string{"sleep", "critic"}}, []string{"Morning pages"}},
		{"missing tag", "", Query{Tags: []string{"sleep", "work"}}, nil},
		{"from", "", Query{From: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)}, []string{"Dear me", ""}},
		{"to", "", Query{To: time.Date(2026, 5, 2, 8, 0, 0, 0, time.UTC)}, []string{"Morning pages"}},
		{"accent-insensitive", "CAFE resume strasse", Query{}, []string{"Dear me"}},
		{"accented query", "naïve", Query{}, []string{"Dear me"}},
		{"all words must match", "critic slept", Query{}, []string{"Morning pages"}},
		{"one word missing", "critic nowhere", Query{}, nil},
		{"field answers", "pause", Query{}, []string{"Meeting"}},
		{"tags searched", "WORK", Query{}, []string{"Meeting"}},
		{"prefix inside word", "morn", Query{}, []string{"Morning pages"}},
		{"punctuation ignored", "  slept, badly!  ", Query{}, []string{"Morning pages"}},
		{"search with kind", "e", Query{Kinds: []Kind{KindLetter}}, []string{"Dear me"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := v.Search(tc.text, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, r := range got {
				titles = append(titles, r.Title)
			}
			if len(titles) != len(tc.wantT) {
				t.Fatalf("got %q, want %q", titles, tc.wantT)
			}
			for i := range titles {
				if titles[i] != tc.wantT[i] {
					t.Fatalf("got %q, want %q", titles, tc.wantT)
				}
			}
		})
	}
	// The index follows updates and deletes.
	r, _ := v.Get(byTitle["Meeting"])
	r.Title = "Meeting (renamed)"
	r.Tags = []string{"work", "critic"}
	if _, err := v.Update(r); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Search("renamed", Query{}); len(got) != 1 {
		t.Fatalf("update not indexed")
	}
	if err := v.Delete(session); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.List(Query{}); len(got) != 3 {
		t.Fatalf("delete not indexed: %d", len(got))
	}
	tags, _ := v.Tags()
	want := []TagCount{{"critic", 2}, {"Letters", 1}, {"sleep", 1}, {"work", 1}}
	if len(tags) != len(want) {
		t.Fatalf("tags = %v", tags)
	}
	for i := range want {
		if tags[i] != want[i] {
			t.Fatalf("tags = %v, want %v", tags, want)
		}
	}
	// Results are copies: changing them does not change the vault.
	got, _ := v.List(Query{Limit: 1})
	got[0].Tags[0] = "changed"
	again, _ := v.List(Query{Limit: 1})
	if again[0].Tags[0] == "changed" {
		t.Fatal("List returned shared slices")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Café":        "cafe",
		"ÉCOLE":       "ecole",
		"Straße":      "strasse",
		"Ærø":         "aero",
		"Łódź":        "lodz",
		"ﬁne":         "fine",
		"plain ascii": "plain ascii",
		"Ça va?":      "ca va?",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCreateValidation(t *testing.T) {
	v, _, _ := newTestVault(t)
	for name, r := range map[string]Record{
		"empty":        {Kind: KindEntry},
		"bad kind":     {Kind: "Entry!", Body: "x"},
		"no kind":      {Body: "x"},
		"with id":      {ID: "abc", Kind: KindEntry, Body: "x"},
		"long title":   {Kind: KindEntry, Title: string(make([]byte, maxTitleBytes+1))},
		"bad utf8":     {Kind: KindEntry, Body: "\xff"},
		"ancient date": {Kind: KindEntry, Body: "x", Created: time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if _, err := v.Create(r); err == nil {
			t.Errorf("%s: Create accepted it", name)
		} else {
			wantErr(t, err, ErrInvalid)
		}
	}
	// New kinds need no code change.
	if _, err := v.Create(Record{Kind: "gratitude-list", Body: "tea"}); err != nil {
		t.Fatal(err)
	}
	r := mustCreate(t, v, Record{Kind: KindEntry, Body: "x"})
	r.Kind = KindLetter
	_, err := v.Update(r)
	wantErr(t, err, ErrInvalid)
	_, err = v.Update(Record{ID: "0000000000000000000000000z", Kind: KindEntry, Body: "x"})
	wantErr(t, err, ErrNotFound)
}

func TestIDsSortAndAreUnique(t *testing.T) {
	var g idGen
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	prev := ""
	for i := range 1000 {
		if i%100 == 0 {
			now = now.Add(-time.Second) // clock stepping back
		} else if i%3 == 0 {
			now = now.Add(time.Millisecond)
		}
		id, err := g.next(now)
		if err != nil {
			t.Fatal(err)
		}
		if !validID(id) {
			t.Fatalf("invalid id %q", id)
		}
		if id <= prev {
			t.Fatalf("ids not increasing: %q after %q", id, prev)
		}
		prev = id
	}
}
