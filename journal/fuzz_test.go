package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/. Regenerate them with
//
//	HEARTH_WRITE_FUZZ_SEEDS=1 go test -run TestWriteFuzzSeeds ./journal
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("HEARTH_WRITE_FUZZ_SEEDS") == "" {
		t.Skip("set HEARTH_WRITE_FUZZ_SEEDS=1 to rewrite the seed corpora")
	}
	write := func(fuzz, name string, data []byte) {
		dir := filepath.Join("testdata", "fuzz", fuzz)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v := createWithDEK(t, t.TempDir(), WithClock(func() time.Time { return time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) }))
	key, _ := os.ReadFile(filepath.Join(v.Dir(), keyFileName))
	write("FuzzParseEnvelope", "valid", key)
	write("FuzzParseEnvelope", "truncated", key[:len(key)/2])
	var empty bytes.Buffer
	if err := v.Backup(&empty); err != nil {
		t.Fatal(err)
	}
	write("FuzzReadBackup", "empty-vault", empty.Bytes())
	for _, r := range sampleRecords() {
		mustCreate(t, v, r)
	}
	var full bytes.Buffer
	if err := v.Backup(&full); err != nil {
		t.Fatal(err)
	}
	write("FuzzReadBackup", "four-records", full.Bytes())
	write("FuzzReadBackup", "header-only", full.Bytes()[:bytes.Index(full.Bytes(), []byte(`"}`))+6])
	var exp bytes.Buffer
	if err := v.ExportJSON(&exp); err != nil {
		t.Fatal(err)
	}
	write("FuzzImportJSON", "export", exp.Bytes())
	write("FuzzImportJSON", "minimal", []byte(`{"format":"hearth-journal-export","version":1,"records":[{"v":1,"kind":"entry","body":"x"}]}`))
	aead := testAEAD(t)
	e1, _ := frameEntry(aead, encodeOps([]op{{key: []byte("r/01jq0000000000000000000000"), val: []byte("sealed")}}))
	e2, _ := frameEntry(aead, encodeOps([]op{{key: []byte("v/01jq0000000000000000000000/00"), del: true}}))
	write("FuzzDecodeOutbox", "two-entries", append(e1, e2...))
	write("FuzzDecodeOutbox", "plain-ops", encodeOps([]op{{key: []byte("r/a"), val: []byte("b")}}))
	write("FuzzImportJSON", "empty", []byte(`{"format":"hearth-journal-export","version":1,"records":[]}`))
}

func FuzzParseEnvelope(f *testing.F) {
	f.Add([]byte(`{"sha256":"00","envelope":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		env, err := parseEnvelope(data)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("parse error is not damage: %v", err)
			}
			return
		}
		// Anything accepted re-encodes to a file that parses the same.
		out, err := marshalEnvelope(env)
		if err != nil {
			t.Fatal(err)
		}
		env2, err := parseEnvelope(out)
		if err != nil {
			t.Fatalf("re-encoded key file does not parse: %v", err)
		}
		if len(env2.Slots) != len(env.Slots) || !bytes.Equal(env.VaultID, env2.VaultID) {
			t.Fatal("round trip changed the envelope")
		}
	})
}

func FuzzReadBackup(f *testing.F) {
	f.Add([]byte(backupMagic))
	unlock := func(*envelope) ([]byte, error) { return append([]byte(nil), fixedDEK...), nil }
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := readBackup(bytes.NewReader(data), unlock)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("read error is not damage: %v", err)
			}
			return
		}
		for _, it := range items {
			r := it.rec
			if err := validate(&r); err != nil || !validID(r.ID) {
				t.Fatalf("accepted an invalid record: %v", err)
			}
		}
	})
}

func FuzzImportJSON(f *testing.F) {
	f.Add([]byte(`{"format":"hearth-journal-export","version":1,"records":[{"v":1,"kind":"entry","title":"t"}]}`))
	now := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	f.Fuzz(func(t *testing.T, data []byte) {
		groups, err := parseImport(bytes.NewReader(data), now)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("import error is not ErrInvalid: %v", err)
			}
			return
		}
		for id, versions := range groups {
			for _, r := range versions {
				if err := validate(&r); err != nil || r.ID != id || (id != "" && !validID(id)) {
					t.Fatalf("accepted an invalid record: %v", err)
				}
				if _, err := json.Marshal(toJSON(&r)); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
