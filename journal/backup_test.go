package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestBackupRestoreIntoFreshVault(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)}
	src, _, code := newTestVault(t, WithClock(clock.now))
	want := map[string]Record{}
	for i := range 300 { // several frames' worth
		r := sampleRecords()[i%4]
		r.Body += strings.Repeat(" padding", 500)
		r = mustCreate(t, src, r)
		want[r.ID] = r
		clock.advance(time.Minute)
	}
	var ids []string
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	edited, _ := src.Get(ids[0])
	edited.Title = "edited"
	edited, err := src.Update(edited)
	if err != nil {
		t.Fatal(err)
	}
	want[edited.ID] = edited

	path := filepath.Join(t.TempDir(), "b.hearthbackup")
	if err := src.BackupToFile(path); err != nil {
		t.Fatal(err)
	}
	// Changing the passphrase afterwards does not affect the backup.
	if err := src.ChangePassphrase("later passphrase"); err != nil {
		t.Fatal(err)
	}

	for _, secret := range []string{testPass, code, strings.ToLower(code)} {
		dst, _, _ := newTestVault(t)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st, err := dst.Restore(f, secret)
		f.Close()
		if err != nil {
			t.Fatalf("Restore: %v", err)
		}
		if st.Added != len(want) || st.Revisions != 1 {
			t.Fatalf("stats = %+v", st)
		}
		for id, w := range want {
			got, err := dst.Get(id)
			if err != nil || !reflect.DeepEqual(got, w) {
				t.Fatalf("record %s: got %+v, %v", id, got, err)
			}
		}
		revs, err := dst.Revisions(edited.ID)
		if err != nil || len(revs) != 1 || revs[0].Title == "edited" {
			t.Fatalf("revisions not restored: %v %v", revs, err)
		}
		// Restoring again changes nothing.
		f, _ = os.Open(path)
		st, err = dst.Restore(f, secret)
		f.Close()
		if err != nil || st.Added != 0 || st.Replaced != 0 || st.Revisions != 0 || st.Kept != len(want) {
			t.Fatalf("second restore: %+v, %v", st, err)
		}
	}

	dst, _, _ := newTestVault(t)
	f, _ := os.Open(path)
	_, err = dst.Restore(f, "later passphrase")
	f.Close()
	wantErr(t, err, ErrWrongSecret)
}

func TestRestoreKeepsNewerEdits(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)}
	v, _, _ := newTestVault(t, WithClock(clock.now))
	a := mustCreate(t, v, Record{Kind: KindEntry, Body: "a v1"})
	b := mustCreate(t, v, Record{Kind: KindEntry, Body: "b v1"})
	var backup bytes.Buffer
	if err := v.Backup(&backup); err != nil {
		t.Fatal(err)
	}
	// After the backup: a is edited here, b is deleted, c is new.
	clock.advance(time.Hour)
	a.Body = "a v2 newer"
	a2, err := v.Update(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Delete(b.ID); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, v, Record{Kind: KindEntry, Body: "c"})

	st, err := v.Restore(bytes.NewReader(backup.Bytes()), testPass)
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 1 || st.Added != 1 || st.Replaced != 0 {
		t.Fatalf("stats = %+v", st)
	}
	got, _ := v.Get(a.ID)
	if got.Body != "a v2 newer" || !got.Updated.Equal(a2.Updated) {
		t.Fatalf("newer edit lost: %q", got.Body)
	}
	revs, _ := v.Revisions(a.ID)
	if len(revs) != 1 || revs[0].Body != "a v1" {
		t.Fatalf("revisions = %+v", revs)
	}
	if _, err := v.Get(b.ID); err != nil {
		t.Fatalf("deleted record not restored: %v", err)
	}
	if _, err := v.Get(c.ID); err != nil {
		t.Fatal(err)
	}

	// And the other way round: a vault with the older version takes the newer one.
	other, _, _ := newTestVault(t)
	var newer bytes.Buffer
	if err := v.Backup(&newer); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Restore(bytes.NewReader(backup.Bytes()), testPass); err != nil {
		t.Fatal(err)
	}
	st, err = other.Restore(bytes.NewReader(newer.Bytes()), testPass)
	if err != nil {
		t.Fatal(err)
	}
	if st.Replaced != 1 {
		t.Fatalf("stats = %+v", st)
	}
	if got, _ := other.Get(a.ID); got.Body != "a v2 newer" {
		t.Fatalf("older version won: %q", got.Body)
	}
}

func TestDamagedBackupIsDamage(t *testing.T) {
	v, _, _ := newTestVault(t)
	for _, r := range sampleRecords() {
		mustCreate(t, v, r)
	}
	var buf bytes.Buffer
	if err := v.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, tc := range []struct {
		name string
		edit func([]byte) []byte
	}{
		{"flip last byte", func(b []byte) []byte { b[len(b)-1] ^= 1; return b }},
		{"truncate", func(b []byte) []byte { return b[:len(b)-10] }},
		{"drop final frame", func(b []byte) []byte { return b[:len(b)/2] }},
		{"extra data", func(b []byte) []byte { return append(b, 0) }},
		{"bad magic", func(b []byte) []byte { b[0] = 'X'; return b }},
		{"empty", func(b []byte) []byte { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.edit(append([]byte(nil), good...))
			_, err := v.Restore(bytes.NewReader(data), testPass)
			var de *DamageError
			if !errors.As(err, &de) || de.What != "backup file" {
				t.Fatalf("Restore = %v, want backup file damage", err)
			}
		})
	}
}

func TestAutoBackupKeepsSeven(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 4, 1, 12, 0, 0, 0, time.Local)}
	v, dir, _ := newTestVault(t, WithClock(clock.now))
	mustCreate(t, v, sampleRecords()[0])
	var last string
	for day := range 10 {
		p, err := v.AutoBackup()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := v.AutoBackup(); err != nil { // twice a day replaces
			t.Fatal(err)
		}
		last = p
		clock.advance(24 * time.Hour)
		_ = day
	}
	names, _ := filepath.Glob(filepath.Join(dir, backupDirName, "*"))
	if len(names) != 7 {
		t.Fatalf("%d files in backups: %v", len(names), names)
	}
	if filepath.Base(last) != "hearth-2026-04-10.hearthbackup" || names[6] != last || filepath.Base(names[0]) != "hearth-2026-04-04.hearthbackup" {
		t.Fatalf("kept %v", names)
	}
}
