package journal

import (
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// The outbox is the vault's own write-ahead log for platforms where
// Badger's SyncWrites cannot make a write durable (on Windows Badger's
// msync is a no-op, so a power cut can lose saves Badger reported done).
// Every write is appended to dir/outbox and fsynced before Badger commits
// it. A clean Close flushes every database file and removes the outbox;
// Open replays whatever an earlier crash left there.
//
// Each entry is sealed with XChaCha20-Poly1305 under the record key, so
// the outbox reveals neither keys nor values (only sizes). Format: entries of
//
//	0xB1 | uint32 BE n | uint32 BE CRC-32C of the n bytes | n bytes sealed
//
// where the sealed bytes are version 1 | 24-byte nonce | ciphertext (AD
// "hearth-outbox"), and the plaintext is a sequence of operations
//
//	1 (set) | uvarint key length | key | uvarint value length | value
//	2 (delete) | uvarint key length | key
//
// Replay stops at the first torn or damaged entry (only the last write can
// be torn, since each append is synced before the next starts).
const (
	outboxFileName = "outbox"
	outboxMagic    = 0xB1
	opSet          = 1
	opDelete       = 2
	maxOutboxEntry = 256 << 20
)

// op is one key change in a write.
type op struct {
	key, val []byte
	del      bool
}

type outbox struct {
	path string
	aead cipher.AEAD // seals entries (the record key)
	f    *os.File    // opened on first append
}

var outboxAD = []byte("hearth-outbox")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// encodeOps encodes operations as an entry's plaintext.
func encodeOps(ops []op) []byte {
	var payload []byte
	for _, o := range ops {
		if o.del {
			payload = append(payload, opDelete)
			payload = binary.AppendUvarint(payload, uint64(len(o.key)))
			payload = append(payload, o.key...)
			continue
		}
		payload = append(payload, opSet)
		payload = binary.AppendUvarint(payload, uint64(len(o.key)))
		payload = append(payload, o.key...)
		payload = binary.AppendUvarint(payload, uint64(len(o.val)))
		payload = append(payload, o.val...)
	}
	return payload
}

// frameEntry seals a plaintext entry and frames it.
func frameEntry(aead cipher.AEAD, plain []byte) ([]byte, error) {
	sealed, err := seal(aead, outboxAD, plain)
	if err != nil {
		return nil, err
	}
	entry := make([]byte, 9, 9+len(sealed))
	entry[0] = outboxMagic
	binary.BigEndian.PutUint32(entry[1:], uint32(len(sealed)))
	binary.BigEndian.PutUint32(entry[5:], crc32.Checksum(sealed, crcTable))
	return append(entry, sealed...), nil
}

// append writes ops as one entry and syncs the file.
func (ob *outbox) append(ops []op) error {
	if ob.f == nil {
		f, err := os.OpenFile(ob.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("journal: open outbox: %w", err)
		}
		if err := syncDir(filepath.Dir(ob.path)); err != nil {
			f.Close()
			return fmt.Errorf("journal: open outbox: %w", err)
		}
		ob.f = f
	}
	entry, err := frameEntry(ob.aead, encodeOps(ops))
	if err != nil {
		return err
	}
	if _, err := ob.f.Write(entry); err != nil {
		return fmt.Errorf("journal: write outbox: %w", err)
	}
	if err := ob.f.Sync(); err != nil {
		return fmt.Errorf("journal: sync outbox: %w", err)
	}
	return nil
}

// decodeOutbox parses entries until the end or the first bad one.
func decodeOutbox(aead cipher.AEAD, data []byte) [][]op {
	var entries [][]op
	for len(data) >= 9 && data[0] == outboxMagic {
		n := binary.BigEndian.Uint32(data[1:])
		if n > maxOutboxEntry || uint64(len(data)-9) < uint64(n) {
			break
		}
		sealed := data[9 : 9+n]
		if crc32.Checksum(sealed, crcTable) != binary.BigEndian.Uint32(data[5:]) {
			break
		}
		payload, err := unseal(aead, outboxAD, sealed)
		if err != nil {
			break
		}
		ops, ok := decodeOps(payload)
		if !ok {
			break
		}
		entries = append(entries, ops)
		data = data[9+n:]
	}
	return entries
}

func decodeOps(p []byte) ([]op, bool) {
	var ops []op
	next := func() ([]byte, bool) {
		l, n := binary.Uvarint(p)
		if n <= 0 || l > uint64(len(p)-n) {
			return nil, false
		}
		b := p[n : n+int(l)]
		p = p[n+int(l):]
		return b, true
	}
	for len(p) > 0 {
		kind := p[0]
		p = p[1:]
		key, ok := next()
		if !ok || !(strings.HasPrefix(string(key), recordPrefix) || strings.HasPrefix(string(key), revisionPrefix)) {
			return nil, false
		}
		switch kind {
		case opDelete:
			ops = append(ops, op{key: key, del: true})
		case opSet:
			val, ok := next()
			if !ok {
				return nil, false
			}
			ops = append(ops, op{key: key, val: val})
		default:
			return nil, false
		}
	}
	return ops, true
}

// replayOutbox applies an outbox left by a crash to the database. Where
// the outbox is in use it stays until the next clean Close (the replayed
// writes are not durable in Badger until then, and new writes are appended
// after them in order). Where it is not (keep is false: Badger's own sync
// works), the database is synced and the outbox removed at once, so stale
// writes are never replayed over newer ones.
func replayOutbox(dir string, db *badger.DB, aead cipher.AEAD, keep bool) error {
	path := filepath.Join(dir, outboxFileName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("journal: read outbox: %w", err)
	}
	if err := applyOutbox(db, aead, data); err != nil {
		return err
	}
	if keep {
		return nil
	}
	if err := db.Sync(); err != nil {
		return fmt.Errorf("journal: sync database: %w", err)
	}
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("journal: remove outbox: %w", err)
	}
	return syncDir(dir)
}

func applyOutbox(db *badger.DB, aead cipher.AEAD, data []byte) error {
	w := newBatchWriter(db, nil)
	entries := decodeOutbox(aead, data)
	if len(entries) == 0 {
		w.txn.Discard()
		return nil
	}
	for _, ops := range entries {
		for _, o := range ops {
			if err := w.add(o); err != nil {
				w.txn.Discard()
				return err
			}
		}
	}
	return w.commit()
}

// retire makes Badger's files durable and removes the outbox. Called after
// the database is closed cleanly.
func (ob *outbox) retire(dbDir string) error {
	if ob.f != nil {
		ob.f.Close()
		ob.f = nil
	}
	if _, err := os.Stat(ob.path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	entries, err := os.ReadDir(dbDir)
	if err != nil {
		return fmt.Errorf("journal: flush database: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		f, err := os.OpenFile(filepath.Join(dbDir, e.Name()), os.O_RDWR, 0)
		if err != nil {
			return fmt.Errorf("journal: flush database: %w", err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("journal: flush database: %w", err)
		}
	}
	if err := os.Remove(ob.path); err != nil {
		return fmt.Errorf("journal: remove outbox: %w", err)
	}
	return syncDir(filepath.Dir(ob.path))
}
