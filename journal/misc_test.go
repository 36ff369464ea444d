package journal

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestRecoveryCodeFormat(t *testing.T) {
	code, err := newRecoveryCode()
	if err != nil {
		t.Fatal(err)
	}
	shown := FormatRecoveryCode(code)
	groups := strings.Split(shown, "-")
	if len(groups) != 8 {
		t.Fatalf("%q has %d groups", shown, len(groups))
	}
	for _, g := range groups {
		if len(g) != 4 || strings.ContainsAny(g, "ILOU") {
			t.Fatalf("bad group %q", g)
		}
	}
	canon := "7K3MQ9TX0123456789ABCDEFGHJKMNPQ"
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{canon, canon, true},
		{"7k3m-q9tx-0123-4567-89ab-cdef-ghjk-mnpq", canon, true},
		{" 7K3M Q9TX 0123 4567\n89AB CDEF GHJK MNPQ ", canon, true},
		{"7K3MQ9TXO123456789ABCDEFGHJKMNPQ", canon, true}, // O typed for 0
		{"7K3MQ9TX0I23456789ABCDEFGHJKMNPQ", canon, true}, // I typed for 1
		{"7K3MQ9TX0l23456789ABCDEFGHJKMNPQ", canon, true}, // l typed for 1
		{"7K3MQ9TX0123456789ABCDEFGHJKMNP", "", false},    // short
		{canon + "Q", "", false},                          // long
		{"7K3MQ9TX0123456789ABCDEFGHJKMNPU", "", false},   // U is not used
		{"7K3MQ9TX0123456789ABCDEFGHJKMNPé", "", false},
		{"", "", false},
	} {
		got, err := NormalizeRecoveryCode(tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("NormalizeRecoveryCode(%q) = %q, %v", tc.in, got, err)
		}
		if !tc.ok {
			wantErr(t, err, ErrWrongSecret)
		}
	}
	if got := FormatRecoveryCode("junk"); got != "junk" {
		t.Errorf("FormatRecoveryCode(junk) = %q", got)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("HEARTH_DATA_DIR", "/custom/place")
	if d, err := DefaultDir(); err != nil || d != "/custom/place" {
		t.Fatalf("override: %q, %v", d, err)
	}
	t.Setenv("HEARTH_DATA_DIR", "")
	if runtime.GOOS == "linux" {
		t.Setenv("XDG_DATA_HOME", "/xdg/data")
		if d, _ := DefaultDir(); d != filepath.Join("/xdg/data", "hearth") {
			t.Fatalf("XDG: %q", d)
		}
		t.Setenv("XDG_DATA_HOME", "")
		t.Setenv("HOME", "/home/someone")
		if d, _ := DefaultDir(); d != "/home/someone/.local/share/hearth" {
			t.Fatalf("home: %q", d)
		}
	}
}

func TestKDFParamsChecked(t *testing.T) {
	dir := t.TempDir()
	_, _, err := Create(dir, testPass, WithKDF(KDFParams{Time: 0, MemoryKiB: 64, Threads: 1}))
	if err == nil {
		t.Fatal("Create accepted t=0")
	}
	if d := DefaultKDF(); d.Time != 3 || d.MemoryKiB != 64*1024 || d.Threads != 4 {
		t.Fatalf("DefaultKDF = %+v", d)
	}
}
