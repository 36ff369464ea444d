package journal

import (
	"errors"
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
