package journal

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// cheapKDF keeps tests fast. Never used outside tests.
var cheapKDF = KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

const testPass = "correct horse battery staple"

// newTestVault creates a vault in a fresh temp dir.
func newTestVault(t testing.TB, opts ...Option) (*Vault, string, string) {
	t.Helper()
	dir := t.TempDir()
	v, code, err := Create(dir, testPass, append([]Option{WithKDF(cheapKDF)}, opts...)...)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { v.Close() })
	return v, dir, code
}

// fakeClock is a settable clock for WithClock.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func mustCreate(t testing.TB, v *Vault, r Record) Record {
	t.Helper()
	got, err := v.Create(r)
	if err != nil {
		t.Fatalf("Create record: %v", err)
	}
	return got
}

func wantErr(t testing.TB, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("got error %v, want %v", err, target)
	}
}

// fixedDEK is the data key of vaults made by createWithDEK, so fuzz tests
// can decrypt backups without running Argon2id on fuzzed parameters.
var fixedDEK = func() []byte {
	b := make([]byte, dekLen)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// createWithDEK makes a vault in dir whose data key is fixedDEK.
func createWithDEK(t testing.TB, dir string, opts ...Option) *Vault {
	t.Helper()
	o := buildOptions(append([]Option{WithKDF(cheapKDF)}, opts...))
	vaultID := make([]byte, vaultIDLen)
	ps, err := sealSlot(slotPassphrase, testPass, o.kdf, vaultID, fixedDEK)
	if err != nil {
		t.Fatal(err)
	}
	env := &envelope{Format: keyFileFormat, Version: keyFileVersion, VaultID: vaultID, Slots: []slot{ps}}
	if err := writeEnvelope(filepath.Join(dir, keyFileName), env); err != nil {
		t.Fatal(err)
	}
	v, err := openUnlocked(dir, env, append([]byte(nil), fixedDEK...), o, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

// fileHashes maps every regular file under dir to its SHA-256.
func fileHashes(t testing.TB, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[path] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sampleRecords returns a few records of different kinds.
func sampleRecords() []Record {
	return []Record{
		{Kind: KindEntry, Title: "Morning pages", Body: "Slept badly, felt the critic early.", Tags: []string{"sleep", "critic"}},
		{Kind: KindThoughtRecord, Title: "Meeting", Fields: map[string]string{"situation": "Team meeting", "compassionate": "It is OK to pause."},
			Ratings: map[string]int{"distress_before": 7, "distress_after": 4}, Tags: []string{"work"}},
		{Kind: KindPracticeSession, Meta: map[string]string{"practice_id": "soothing-rhythm", "seconds": "600"}},
		{Kind: KindLetter, Title: "Dear me", Body: "Café au lait, naïve résumé — Straße.", Tags: []string{"Letters"}},
	}
}
