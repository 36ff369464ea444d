package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// withOutbox forces the outbox on or off (it is on by default only on Windows).
func withOutbox(on bool) Option { return func(o *options) { o.outbox = on } }

// crashWithPendingWrite writes a new record to the outbox only (as if the
// machine lost power before Badger's write reached the disk) and then
// closes Badger without the clean-close steps.
func crashWithPendingWrite(t *testing.T, v *Vault, body string) string {
	t.Helper()
	id, err := v.ids.next(v.now())
	if err != nil {
		t.Fatal(err)
	}
	r := Record{ID: id, Kind: KindEntry, Body: body, Created: v.now(), Updated: v.now()}
	key := recordKey(id)
	val, err := sealRecord(v.aead, key, &r)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ob.append([]op{{key: key, val: val}}); err != nil {
		t.Fatal(err)
	}
	v.ob.f.Close()
	if err := v.db.Close(); err != nil {
		t.Fatal(err)
	}
	v.db = nil
	return id
}

func TestOutboxReplaysLostWrites(t *testing.T) {
	v, dir, _ := newTestVault(t, withOutbox(true))
	kept := mustCreate(t, v, Record{Kind: KindEntry, Body: "through badger and outbox"})
	lost := crashWithPendingWrite(t, v, "only in the outbox")
	if _, err := os.Stat(filepath.Join(dir, outboxFileName)); err != nil {
		t.Fatalf("no outbox after crash: %v", err)
	}
	// A torn last entry (power cut mid-append) is ignored.
	f, _ := os.OpenFile(filepath.Join(dir, outboxFileName), os.O_WRONLY|os.O_APPEND, 0)
	f.Write(encodeOps([]op{{key: recordKey(lost), val: []byte("torn")}})[:12])
	f.Close()

	v, err := Open(dir, testPass, withOutbox(true))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{kept.ID, lost} {
		if _, err := v.Get(id); err != nil {
			t.Fatalf("after replay %s: %v", id, err)
		}
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, outboxFileName)); !os.IsNotExist(err) {
		t.Fatalf("outbox not removed by clean close: %v", err)
	}
}

// A folder with an outbox from a Windows crash, opened where the outbox is
// off: the outbox is replayed once and removed, so it never overwrites
// later edits.
func TestOutboxReplayedOnceWhereUnused(t *testing.T) {
	v, dir, _ := newTestVault(t, withOutbox(true))
	lost := crashWithPendingWrite(t, v, "first version")

	v, err := Open(dir, testPass, withOutbox(false))
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.Get(lost)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, outboxFileName)); !os.IsNotExist(err) {
		t.Fatalf("outbox kept: %v", err)
	}
	r.Body = "second version"
	if _, err := v.Update(r); err != nil {
		t.Fatal(err)
	}
	v.Close()
	v, err = Open(dir, testPass, withOutbox(false))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if got, _ := v.Get(lost); got.Body != "second version" {
		t.Fatalf("stale outbox replayed over a newer edit: %q", got.Body)
	}
}

func TestOutboxCarriesAllWrites(t *testing.T) {
	// Create, update, delete and restore all go through the outbox: replaying
	// it onto an empty database gives the same records.
	v, dir, _ := newTestVault(t, withOutbox(true))
	a := mustCreate(t, v, sampleRecords()[0])
	b := mustCreate(t, v, sampleRecords()[1])
	a.Body = "edited"
	if _, err := v.Update(a); err != nil {
		t.Fatal(err)
	}
	if err := v.Delete(b.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	other, _, _ := newTestVault(t)
	mustCreate(t, other, sampleRecords()[3])
	other.Backup(&buf)
	if _, err := v.Restore(&buf, testPass); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, outboxFileName))
	if err != nil {
		t.Fatal(err)
	}
	entries := decodeOutbox(data)
	if len(entries) != 5 {
		t.Fatalf("%d outbox entries, want 5", len(entries))
	}
	want, _ := v.List(Query{})
	if len(want) != 2 {
		t.Fatalf("want 2 records, have %d", len(want))
	}
}

func FuzzDecodeOutbox(f *testing.F) {
	f.Add(encodeOps([]op{{key: []byte("r/x"), val: []byte("v")}, {key: []byte("v/x/1"), del: true}}))
	f.Add([]byte{outboxMagic, 0, 0, 0, 1, 0, 0, 0, 0, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		// Whatever decodes re-encodes to an entry that decodes the same.
		for _, ops := range decodeOutbox(data) {
			again := decodeOutbox(encodeOps(ops))
			if len(again) != 1 || len(again[0]) != len(ops) {
				t.Fatal("re-encoded entry differs")
			}
			for i := range ops {
				if !bytes.Equal(again[0][i].key, ops[i].key) || !bytes.Equal(again[0][i].val, ops[i].val) || again[0][i].del != ops[i].del {
					t.Fatal("re-encoded op differs")
				}
			}
		}
	})
}
