package journal

import (
	"bytes"
	"crypto/cipher"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/chacha20poly1305"
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
	torn, _ := frameEntry(v.aead, encodeOps([]op{{key: recordKey(lost), val: []byte("torn")}}))
	f.Write(torn[:len(torn)-3])
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
	if bytes.Contains(data, []byte(a.ID)) {
		t.Fatal("outbox shows a record key in the clear")
	}
	entries := decodeOutbox(v.aead, data)
	if len(entries) != 5 {
		t.Fatalf("%d outbox entries, want 5", len(entries))
	}
	want, _ := v.List(Query{})
	if len(want) != 2 {
		t.Fatalf("want 2 records, have %d", len(want))
	}
}

// testAEAD is a record sealer keyed from fixedDEK.
func testAEAD(t testing.TB) cipher.AEAD {
	keys, err := deriveKeys(fixedDEK, make([]byte, vaultIDLen))
	if err != nil {
		t.Fatal(err)
	}
	aead, err := chacha20poly1305.NewX(keys.record)
	if err != nil {
		t.Fatal(err)
	}
	return aead
}

// FuzzDecodeOutbox feeds the input both as a whole outbox file (framing and
// sealing) and as an entry's plaintext (the operations parser).
func FuzzDecodeOutbox(f *testing.F) {
	f.Add(encodeOps([]op{{key: []byte("r/x"), val: []byte("v")}, {key: []byte("v/x/1"), del: true}}))
	f.Add([]byte{outboxMagic, 0, 0, 0, 1, 0, 0, 0, 0, 9})
	aead := testAEAD(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(ops []op) {
			entry, err := frameEntry(aead, encodeOps(ops))
			if err != nil {
				t.Fatal(err)
			}
			again := decodeOutbox(aead, entry)
			if len(again) != 1 || len(again[0]) != len(ops) {
				t.Fatal("re-encoded entry differs")
			}
			for i := range ops {
				if !bytes.Equal(again[0][i].key, ops[i].key) || !bytes.Equal(again[0][i].val, ops[i].val) || again[0][i].del != ops[i].del {
					t.Fatal("re-encoded op differs")
				}
			}
		}
		for _, ops := range decodeOutbox(aead, data) {
			check(ops)
		}
		if ops, ok := decodeOps(data); ok {
			check(ops)
		}
	})
}
