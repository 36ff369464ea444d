package journal

import (
	"bytes"
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

// assertNoMarker fails if marker (in any case) appears in any file under dir.
func assertNoMarker(t *testing.T, dir, marker, when string) {
	t.Helper()
	needles := [][]byte{[]byte(marker), []byte(strings.ToLower(marker)), []byte(strings.ToUpper(marker))}
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		for _, nd := range needles {
			if bytes.Contains(data, nd) {
				t.Errorf("%s: marker found in %s", when, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s: no files under %s", when, dir)
	}
}

func TestMarkerNeverInFilesOrLogs(t *testing.T) {
	for _, ob := range []bool{false, true} {
		t.Run(map[bool]string{false: "badger only", true: "with outbox"}[ob], func(t *testing.T) {
			testMarkerNeverInFilesOrLogs(t, withOutbox(ob))
		})
	}
}

func testMarkerNeverInFilesOrLogs(t *testing.T, ob Option) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)

	const marker = "QuokkaMarker7Z"
	v, dir, _ := newTestVault(t, ob)
	var ids []string
	for i := range 50 {
		r := mustCreate(t, v, Record{Kind: KindEntry, Title: "title " + marker, Body: strings.Repeat("body "+marker+" ", 1+i%5),
			Tags: []string{"tag-" + marker}, Fields: map[string]string{"f": marker}})
		ids = append(ids, r.ID)
	}
	r, _ := v.Get(ids[0])
	r.Body += " edited " + marker
	if _, err := v.Update(r); err != nil {
		t.Fatal(err)
	}
	if res, _ := v.Search(strings.ToLower(marker), Query{}); len(res) != 50 {
		t.Fatalf("search found %d, want 50", len(res))
	}
	assertNoMarker(t, dir, marker, "while open")

	if _, err := v.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	if err := v.BackupToFile(filepath.Join(dir, "manual.hearthbackup")); err != nil {
		t.Fatal(err)
	}
	assertNoMarker(t, dir, marker, "with backups")
	if v.ob != nil {
		if _, err := os.Stat(filepath.Join(dir, outboxFileName)); err != nil {
			t.Fatalf("outbox not written: %v", err)
		}
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	assertNoMarker(t, dir, marker, "after close")

	// Reopen (replays/compacts) and close again.
	v, err := Open(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	assertNoMarker(t, dir, marker, "after reopen")
	if strings.Contains(strings.ToLower(logs.String()), strings.ToLower(marker)) {
		t.Error("marker found in log output")
	}
}

func TestWrongSecretChangesNothing(t *testing.T) {
	v, dir, code := newTestVault(t)
	mustCreate(t, v, sampleRecords()[0])
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHashes(t, dir)
	for _, tc := range []struct {
		name string
		open func() (*Vault, error)
	}{
		{"wrong passphrase", func() (*Vault, error) { return Open(dir, testPass+"x") }},
		{"empty passphrase", func() (*Vault, error) { return Open(dir, "") }},
		{"recovery code as passphrase", func() (*Vault, error) { return Open(dir, code) }},
		{"wrong recovery code", func() (*Vault, error) { return OpenWithRecoveryCode(dir, strings.Repeat("A", 32)) }},
		{"malformed recovery code", func() (*Vault, error) { return OpenWithRecoveryCode(dir, "not a code") }},
		{"passphrase as recovery code", func() (*Vault, error) { return OpenWithRecoveryCode(dir, testPass) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := tc.open()
			if v != nil {
				v.Close()
			}
			wantErr(t, err, ErrWrongSecret)
			if after := fileHashes(t, dir); !reflect.DeepEqual(before, after) {
				t.Fatal("files changed after a failed unlock")
			}
		})
	}
	v, err := Open(dir, testPass)
	if err != nil {
		t.Fatalf("right passphrase: %v", err)
	}
	v.Close()
	v, err = OpenWithRecoveryCode(dir, strings.ToLower(strings.ReplaceAll(code, "-", " ")))
	if err != nil {
		t.Fatalf("recovery code typed loosely: %v", err)
	}
	v.Close()
}

func TestChangePassphrase(t *testing.T) {
	v, dir, code := newTestVault(t)
	rec := mustCreate(t, v, sampleRecords()[0])
	dbBefore := fileHashes(t, filepath.Join(dir, dbDirName))
	wantErr(t, v.ChangePassphrase(""), ErrInvalid)
	if err := v.ChangePassphrase("new passphrase"); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(dbBefore, fileHashes(t, filepath.Join(dir, dbDirName))) {
		t.Fatal("changing the passphrase touched the database")
	}
	if err := v.VerifyPassphrase("new passphrase"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, v.VerifyPassphrase(testPass), ErrWrongSecret)
	v.Close()

	_, err := Open(dir, testPass)
	wantErr(t, err, ErrWrongSecret)
	for name, open := range map[string]func() (*Vault, error){
		"new passphrase": func() (*Vault, error) { return Open(dir, "new passphrase") },
		"recovery code":  func() (*Vault, error) { return OpenWithRecoveryCode(dir, code) },
	} {
		v, err := open()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, err := v.Get(rec.ID); err != nil || got.Title != rec.Title {
			t.Fatalf("%s: Get = %v", name, err)
		}
		v.Close()
	}
}

func TestNewRecoveryCode(t *testing.T) {
	v, dir, oldCode := newTestVault(t)
	code, err := v.NewRecoveryCode()
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	_, err = OpenWithRecoveryCode(dir, oldCode)
	wantErr(t, err, ErrWrongSecret)
	v, err = OpenWithRecoveryCode(dir, code)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
}

// tamperDB reopens the closed vault's Badger directory with the derived key
// and applies change.
func tamperDB(t *testing.T, dir string, dek []byte, change func(txn *badger.Txn) error) {
	t.Helper()
	env, err := readEnvelope(dir)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := deriveKeys(dek, env.VaultID)
	if err != nil {
		t.Fatal(err)
	}
	db, err := badger.Open(badgerOptions(filepath.Join(dir, dbDirName), keys.badger))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(change); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func getRaw(txn *badger.Txn, key []byte) []byte {
	item, err := txn.Get(key)
	if err != nil {
		panic(err)
	}
	val, err := item.ValueCopy(nil)
	if err != nil {
		panic(err)
	}
	return val
}

func TestTamperingIsDamage(t *testing.T) {
	tests := []struct {
		name   string
		change func(txn *badger.Txn, a, b string) error
		bad    []int // which of the two records must be reported damaged
	}{
		{"flip a byte", func(txn *badger.Txn, a, b string) error {
			val := getRaw(txn, recordKey(a))
			val[len(val)/2] ^= 0x01
			return txn.Set(recordKey(a), val)
		}, []int{0}},
		{"swap two values", func(txn *badger.Txn, a, b string) error {
			va, vb := getRaw(txn, recordKey(a)), getRaw(txn, recordKey(b))
			if err := txn.Set(recordKey(a), vb); err != nil {
				return err
			}
			return txn.Set(recordKey(b), va)
		}, []int{0, 1}},
		{"empty a value", func(txn *badger.Txn, a, b string) error {
			return txn.Set(recordKey(a), []byte{})
		}, []int{0}},
		{"truncate a value", func(txn *badger.Txn, a, b string) error {
			return txn.Set(recordKey(b), getRaw(txn, recordKey(b))[:20])
		}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, dir, _ := newTestVault(t)
			a := mustCreate(t, v, sampleRecords()[0])
			b := mustCreate(t, v, sampleRecords()[1])
			c := mustCreate(t, v, sampleRecords()[2])
			dek := append([]byte(nil), v.dek...)
			v.Close()
			tamperDB(t, dir, dek, func(txn *badger.Txn) error { return tc.change(txn, a.ID, b.ID) })

			v, err := Open(dir, testPass)
			if err != nil {
				t.Fatalf("Open after tampering with one record: %v", err)
			}
			defer v.Close()
			ids := []string{a.ID, b.ID}
			var wantBad []string
			for _, i := range tc.bad {
				_, err := v.Get(ids[i])
				wantErr(t, err, ErrDamaged)
				var de *DamageError
				if !errors.As(err, &de) || de.What != "record" {
					t.Fatalf("want DamageError{record}, got %v", err)
				}
				wantBad = append(wantBad, ids[i])
			}
			if got := v.Damaged(); len(got) != len(wantBad) {
				t.Fatalf("Damaged() = %d ids, want %d", len(got), len(wantBad))
			}
			wantErr(t, v.Check(), ErrDamaged)
			if _, err := v.Get(c.ID); err != nil {
				t.Fatalf("untouched record: %v", err)
			}
			list, _ := v.List(Query{})
			if len(list) != 3-len(tc.bad) {
				t.Fatalf("List returned %d records", len(list))
			}
		})
	}
}

func TestTamperedRevisionIsDamage(t *testing.T) {
	v, dir, _ := newTestVault(t)
	a := mustCreate(t, v, sampleRecords()[0])
	a.Body = "second"
	a2, err := v.Update(a)
	if err != nil {
		t.Fatal(err)
	}
	dek := append([]byte(nil), v.dek...)
	v.Close()
	first := a
	first.Updated = a.Created
	tamperDB(t, dir, dek, func(txn *badger.Txn) error {
		k := revisionKey(a.ID, first.Updated)
		val := getRaw(txn, k)
		val[len(val)-1] ^= 0x80
		return txn.Set(k, val)
	})
	v, err = Open(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if got, err := v.Get(a.ID); err != nil || got.Body != a2.Body {
		t.Fatalf("current version: %v", err)
	}
	_, err = v.Revisions(a.ID)
	wantErr(t, err, ErrDamaged)
	// Export and backup still rescue everything that can be read.
	var buf bytes.Buffer
	if err := v.ExportJSON(&buf); err != nil {
		t.Fatalf("export with a damaged revision: %v", err)
	}
	if !strings.Contains(buf.String(), a2.ID) || strings.Contains(buf.String(), `"revisions"`) {
		t.Fatal("export should hold the current version and skip the damaged revision")
	}
	buf.Reset()
	if err := v.Backup(&buf); err != nil {
		t.Fatalf("backup with a damaged revision: %v", err)
	}
}

func TestLocked(t *testing.T) {
	v, dir, _ := newTestVault(t)
	_, err := Open(dir, testPass)
	wantErr(t, err, ErrLocked)
	v.Close()
	v2, err := Open(dir, testPass)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	v2.Close()

	release, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockDir(dir)
	wantErr(t, err, ErrLocked)
	if err := release(); err != nil {
		t.Fatal(err)
	}
	release, err = LockDir(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release()
}

func TestManifestWithoutKeyRegistryRefused(t *testing.T) {
	v, dir, _ := newTestVault(t)
	mustCreate(t, v, sampleRecords()[0])
	v.Close()
	if err := os.Remove(filepath.Join(dir, dbDirName, "KEYREGISTRY")); err != nil {
		t.Fatal(err)
	}
	before := fileHashes(t, dir)
	_, err := Open(dir, testPass)
	wantErr(t, err, ErrDamaged)
	var de *DamageError
	if !errors.As(err, &de) || de.What != "database" {
		t.Fatalf("want database damage, got %v", err)
	}
	if !reflect.DeepEqual(before, fileHashes(t, dir)) {
		t.Fatal("refused open changed files")
	}
	if st, err := Inspect(dir); st != StateDamaged || !errors.Is(err, ErrDamaged) {
		t.Fatalf("Inspect = %v, %v", st, err)
	}
}

func TestDamagedKeyFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"flipped byte in slot", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`"sealed_key":"`)) + 20
			b[i] ^= 0x01
			return b
		}},
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"empty", func(b []byte) []byte { return nil }},
		{"huge", func(b []byte) []byte { return append(b, make([]byte, maxKeyFile)...) }},
		{"zeroed block", func(b []byte) []byte {
			for i := 100; i < 140; i++ {
				b[i] = 0
			}
			return b
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, dir, code := newTestVault(t)
			v.Close()
			path := filepath.Join(dir, keyFileName)
			data, _ := os.ReadFile(path)
			if err := os.WriteFile(path, tc.damage(data), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(dir, testPass)
			var de *DamageError
			if !errors.As(err, &de) || de.What != "key file" || errors.Is(err, ErrWrongSecret) {
				t.Fatalf("Open = %v, want key file damage", err)
			}
			_, err = OpenWithRecoveryCode(dir, code)
			wantErr(t, err, ErrDamaged)
			if st, err := Inspect(dir); st != StateDamaged || !errors.Is(err, ErrDamaged) {
				t.Fatalf("Inspect = %v, %v", st, err)
			}
		})
	}
}

func TestMissingDatabaseIsDamage(t *testing.T) {
	v, dir, _ := newTestVault(t)
	mustCreate(t, v, sampleRecords()[0])
	v.Close()
	if err := os.RemoveAll(filepath.Join(dir, dbDirName)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, testPass)
	var de *DamageError
	if !errors.As(err, &de) || de.What != "database" {
		t.Fatalf("Open = %v, want database damage (never a silently empty vault)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, dbDirName)); !os.IsNotExist(err) {
		t.Fatal("Open recreated the database")
	}
	if st, _ := Inspect(dir); st != StateDamaged {
		t.Fatalf("Inspect = %v", st)
	}
}

func TestNoVaultAndExists(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, testPass)
	wantErr(t, err, ErrNoVault)
	if ok, err := Exists(dir); ok || err != nil {
		t.Fatalf("Exists = %v, %v", ok, err)
	}
	if st, err := Inspect(dir); st != StateNone || err != nil {
		t.Fatalf("Inspect = %v, %v", st, err)
	}
	v, _, err := Create(dir, testPass, WithKDF(cheapKDF))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := Inspect(dir); st != StateReady || err != nil {
		t.Fatalf("Inspect = %v, %v", st, err)
	}
	_, _, err = Create(dir, testPass, WithKDF(cheapKDF))
	wantErr(t, err, ErrVaultExists)
	v.Close()
	if ok, _ := Exists(dir); !ok {
		t.Fatal("Exists = false after Create")
	}
	// A database without its key file is damage, not "no vault".
	os.Remove(filepath.Join(dir, keyFileName))
	_, err = Open(dir, testPass)
	wantErr(t, err, ErrDamaged)
	_, _, err = Create(dir, testPass, WithKDF(cheapKDF))
	wantErr(t, err, ErrVaultExists)
}

func TestKeyFileFromAnotherVaultIsDamage(t *testing.T) {
	v1, dir1, _ := newTestVault(t)
	mustCreate(t, v1, sampleRecords()[0])
	v1.Close()
	v2, dir2, _ := newTestVault(t)
	v2.Close()
	// dir1's database with dir2's (valid) key file: the passphrase unwraps a
	// DEK, but it is not the one the database was encrypted with.
	data, err := os.ReadFile(filepath.Join(dir2, keyFileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir1, keyFileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir1, testPass)
	var de *DamageError
	if !errors.As(err, &de) || de.What != "database" {
		t.Fatalf("Open = %v, want database damage", err)
	}
}
