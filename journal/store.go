package journal

import (
	"errors"
	"fmt"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
	bopts "github.com/dgraph-io/badger/v4/options"
)

// badgerOptions sizes Badger for a desktop journal: small memtables and
// caches, small value-log files, durable writes, and no logging (Badger's
// log lines can contain keys).
func badgerOptions(dbDir string, key []byte) badger.Options {
	const memTable = 8 << 20
	return badger.DefaultOptions(dbDir).
		WithEncryptionKey(key).
		WithIndexCacheSize(4 << 20). // must be > 0 with encryption
		WithBlockCacheSize(4 << 20). // must be > 0 with encryption
		WithMemTableSize(memTable).
		WithNumMemtables(2).
		WithNumLevelZeroTables(3).
		WithNumLevelZeroTablesStall(8).
		WithValueLogFileSize(32 << 20).
		WithValueThreshold(256 << 10). // 3% of the memtable: a txn with two large values still fits
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithCompression(bopts.None). // values are already sealed
		WithMetricsEnabled(false).
		WithSyncWrites(true).
		WithLogger(quietLogger{})
}

// openDB opens the Badger directory, mapping its errors to the vault's.
func openDB(dbDir string, key []byte) (*badger.DB, error) {
	if err := checkDBFiles(dbDir); err != nil {
		return nil, err
	}
	db, err := badger.Open(badgerOptions(dbDir, key))
	switch {
	case err == nil:
		return db, nil
	case strings.Contains(err.Error(), "Another process is using this Badger database"):
		return nil, ErrLocked
	case errors.Is(err, badger.ErrEncryptionKeyMismatch):
		return nil, damaged("database", errors.New("encryption key does not match"))
	default:
		return nil, fmt.Errorf("journal: open database: %w", err)
	}
}

// quietLogger drops Badger's log output: its messages may name keys.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any)   {}
func (quietLogger) Warningf(string, ...any) {}
func (quietLogger) Infof(string, ...any)    {}
func (quietLogger) Debugf(string, ...any)   {}
