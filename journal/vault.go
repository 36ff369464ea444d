package journal

import (
	"bytes"
	"crypto/cipher"
	"crypto/subtle"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"golang.org/x/crypto/chacha20poly1305"
)

// Vault is an open, unlocked vault. It is safe for concurrent use; writes
// are serialized.
type Vault struct {
	dir  string
	opts options

	mu   sync.RWMutex
	db   *badger.DB // nil once closed
	env  *envelope
	dek  []byte
	aead cipher.AEAD       // seals values with the record key
	idx  *index            // current records, decrypted
	bad  map[string]string // damaged current records: id -> what
	ids  idGen
	ob   *outbox // nil where Badger's own sync is enough
}

// Create makes a new vault in dir (created if missing) protected by
// passphrase, and returns it open together with a freshly generated
// recovery code in readable groups, to be shown to the user once.
// ErrVaultExists if dir already holds a vault.
func Create(dir, passphrase string, opts ...Option) (v *Vault, recoveryCode string, err error) {
	o := buildOptions(opts)
	if passphrase == "" {
		return nil, "", fmt.Errorf("%w: empty passphrase", ErrInvalid)
	}
	if err := checkKDF(o.kdf); err != nil {
		return nil, "", fmt.Errorf("journal: %w", err)
	}
	if ok, err := Exists(dir); err != nil {
		return nil, "", err
	} else if ok || dbInUse(dir) {
		return nil, "", ErrVaultExists
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", fmt.Errorf("journal: create data folder: %w", err)
	}
	dek, err := randomBytes(dekLen)
	if err != nil {
		return nil, "", err
	}
	vaultID, err := randomBytes(vaultIDLen)
	if err != nil {
		return nil, "", err
	}
	code, err := newRecoveryCode()
	if err != nil {
		return nil, "", err
	}
	ps, err := sealSlot(slotPassphrase, passphrase, o.kdf, vaultID, dek)
	if err != nil {
		return nil, "", err
	}
	rs, err := sealSlot(slotRecovery, code, o.kdf, vaultID, dek)
	if err != nil {
		return nil, "", err
	}
	env := &envelope{Format: keyFileFormat, Version: keyFileVersion, VaultID: vaultID, Slots: []slot{ps, rs}}
	if err := writeEnvelope(filepath.Join(dir, keyFileName), env); err != nil {
		return nil, "", err
	}
	v, err = openUnlocked(dir, env, dek, o, true)
	if err != nil {
		return nil, "", err
	}
	return v, FormatRecoveryCode(code), nil
}

// Open unlocks the vault in dir with the passphrase. Errors: ErrNoVault,
// ErrWrongSecret (no file is changed and the database is not opened),
// ErrLocked, or a *DamageError (errors.Is ErrDamaged).
func Open(dir, passphrase string, opts ...Option) (*Vault, error) {
	return openWith(dir, opts, func(env *envelope) ([]byte, error) {
		return openSlot(env, slotPassphrase, passphrase)
	})
}

// OpenWithRecoveryCode unlocks the vault in dir with its recovery code
// (typed in any case, with or without dashes and spaces). Errors as Open.
func OpenWithRecoveryCode(dir, code string, opts ...Option) (*Vault, error) {
	return openWith(dir, opts, func(env *envelope) ([]byte, error) {
		return openSlot(env, slotRecovery, code)
	})
}

func openWith(dir string, opts []Option, unlock func(*envelope) ([]byte, error)) (*Vault, error) {
	o := buildOptions(opts)
	env, err := readEnvelope(dir)
	if err != nil {
		return nil, err
	}
	dek, err := unlock(env)
	if err != nil {
		return nil, err
	}
	return openUnlocked(dir, env, dek, o, false)
}

func readEnvelope(dir string) (*envelope, error) {
	data, err := readKeyFile(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if dbInUse(dir) {
			return nil, damaged("key file", errors.New("missing"))
		}
		return nil, ErrNoVault
	}
	if err != nil {
		return nil, fmt.Errorf("journal: read key file: %w", err)
	}
	return parseEnvelope(data)
}

// openUnlocked opens the database with keys derived from dek and loads the
// search index. Only Create may start a new, empty database: for an
// existing vault a missing database is damage, not an empty journal.
func openUnlocked(dir string, env *envelope, dek []byte, o options, create bool) (*Vault, error) {
	keys, err := deriveKeys(dek, env.VaultID)
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(keys.record)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	dbDir := filepath.Join(dir, dbDirName)
	if !create && !dbInUse(dir) {
		return nil, damaged("database", errors.New("missing"))
	}
	db, err := openDB(dbDir, keys.badger)
	if err != nil {
		return nil, err
	}
	v := &Vault{dir: dir, opts: o, db: db, env: env, dek: dek, aead: aead}
	if o.outbox {
		v.ob = &outbox{path: filepath.Join(dir, outboxFileName), aead: aead}
	}
	// Replay a crashed session's outbox even if this platform does not
	// write one (the data folder may come from another machine).
	if err := replayOutbox(dir, db, aead, o.outbox); err != nil {
		db.Close()
		return nil, err
	}
	if err := v.loadIndex(); err != nil {
		db.Close()
		return nil, err
	}
	return v, nil
}

// loadIndex decrypts every current record into the in-memory index.
// Records that fail to open are noted as damaged rather than failing the
// whole vault, so one bad value never hides the rest. Reading from Badger
// and decrypting overlap: batches of raw values go to one worker per CPU.
func (v *Vault) loadIndex() error {
	type raw struct{ key, val []byte }
	type result struct {
		entries []*indexEntry
		bad     []string
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	batches := make(chan []raw, workers)
	results := make(chan result, workers)
	for range workers {
		go func() {
			var res result
			for batch := range batches {
				for _, rw := range batch {
					id := string(rw.key[len(recordPrefix):])
					r, err := unsealRecord(v.aead, rw.key, rw.val, id)
					if err != nil {
						res.bad = append(res.bad, id)
						continue
					}
					res.entries = append(res.entries, newIndexEntry(r))
				}
			}
			results <- res
		}()
	}
	const batchSize = 256
	err := v.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: []byte(recordPrefix)})
		defer it.Close()
		batch := make([]raw, 0, batchSize)
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			val, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			batch = append(batch, raw{key: item.KeyCopy(nil), val: val})
			if len(batch) == batchSize {
				batches <- batch
				batch = make([]raw, 0, batchSize)
			}
		}
		if len(batch) > 0 {
			batches <- batch
		}
		return nil
	})
	close(batches)
	var entries []*indexEntry
	bad := map[string]string{}
	for range workers {
		res := <-results
		entries = append(entries, res.entries...)
		for _, id := range res.bad {
			bad[id] = "record"
		}
	}
	if err != nil {
		return damaged("database", err)
	}
	v.idx = newIndex(len(entries))
	v.idx.bulkLoad(entries)
	v.bad = bad
	return nil
}

// Close closes the database and forgets the keys. Further calls return
// ErrClosed; closing twice is not an error.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return nil
	}
	err := v.db.Close()
	if err == nil && v.ob != nil {
		err = v.ob.retire(filepath.Join(v.dir, dbDirName))
	}
	v.db = nil
	clear(v.dek)
	v.dek = nil
	v.aead = nil
	v.idx = nil
	if err != nil {
		return fmt.Errorf("journal: close database: %w", err)
	}
	return nil
}

// Dir returns the data directory.
func (v *Vault) Dir() string { return v.dir }

// Damaged returns the IDs of records whose stored value is damaged (they
// are left out of List and Search; Get returns a *DamageError).
func (v *Vault) Damaged() []string {
	v.mu.RLock()
	defer v.mu.RUnlock()
	ids := make([]string, 0, len(v.bad))
	for id := range v.bad {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Check returns a *DamageError if any current record failed to open.
func (v *Vault) Check() error {
	if n := len(v.Damaged()); n > 0 {
		return damaged("record", fmt.Errorf("%d records do not open", n))
	}
	return nil
}

// VerifyPassphrase returns nil if p is the current passphrase, else
// ErrWrongSecret. It costs one key derivation.
func (v *Vault) VerifyPassphrase(p string) error {
	v.mu.RLock()
	env, dek := v.env, v.dek
	v.mu.RUnlock()
	if dek == nil {
		return ErrClosed
	}
	got, err := openSlot(env, slotPassphrase, p)
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare(got, dek) != 1 {
		return ErrWrongSecret
	}
	return nil
}

// ChangePassphrase re-wraps the data key with a new passphrase. Records
// and the database are not touched; the recovery code keeps working.
// Backups made earlier still open with the passphrase valid when they were made.
func (v *Vault) ChangePassphrase(newPassphrase string) error {
	if newPassphrase == "" {
		return fmt.Errorf("%w: empty passphrase", ErrInvalid)
	}
	return v.replaceSlot(slotPassphrase, newPassphrase)
}

// NewRecoveryCode replaces the recovery slot and returns the new code in
// readable groups. The old code stops working for this vault.
func (v *Vault) NewRecoveryCode() (string, error) {
	code, err := newRecoveryCode()
	if err != nil {
		return "", err
	}
	if err := v.replaceSlot(slotRecovery, code); err != nil {
		return "", err
	}
	return FormatRecoveryCode(code), nil
}

func (v *Vault) replaceSlot(typ, secret string) error {
	v.mu.RLock()
	env, dek := v.env, v.dek
	v.mu.RUnlock()
	if dek == nil {
		return ErrClosed
	}
	s, err := sealSlot(typ, secret, v.opts.kdf, env.VaultID, dek) // slow: outside the lock
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return ErrClosed
	}
	next := v.env.withSlot(s)
	if err := writeEnvelope(filepath.Join(v.dir, keyFileName), next); err != nil {
		return err
	}
	v.env = next
	return nil
}

// apply makes a small set of changes durable in one transaction (through
// the outbox where Badger alone cannot make it durable).
func (v *Vault) apply(ops ...op) error {
	w := newBatchWriter(v.db, v.ob)
	for _, o := range ops {
		if err := w.add(o); err != nil {
			w.txn.Discard()
			return err
		}
	}
	if err := w.commit(); err != nil {
		w.txn.Discard()
		return err
	}
	return nil
}

// now returns the clock's time in UTC without a monotonic reading.
func (v *Vault) now() time.Time { return v.opts.now().UTC().Round(0) }

// Create stores a new record and returns it with ID, Created and Updated
// set. A zero r.Created means now; a caller may set an earlier Created (a
// practice logged afterwards). r.ID must be empty. The record is on disk
// when Create returns.
func (v *Vault) Create(r Record) (Record, error) {
	if r.ID != "" {
		return Record{}, fmt.Errorf("%w: Create assigns the ID", ErrInvalid)
	}
	r = normalize(r)
	if err := validate(&r); err != nil {
		return Record{}, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return Record{}, ErrClosed
	}
	now := v.now()
	id, err := v.ids.next(now)
	if err != nil {
		return Record{}, err
	}
	r.ID = id
	if r.Created.IsZero() {
		r.Created = now
	} else if !validTime(r.Created) {
		return Record{}, fmt.Errorf("%w: created time out of range", ErrInvalid)
	}
	r.Updated = now
	key := recordKey(id)
	val, err := sealRecord(v.aead, key, &r)
	if err != nil {
		return Record{}, err
	}
	if err := v.apply(op{key: key, val: val}); err != nil {
		return Record{}, err
	}
	v.idx.put(r)
	return clone(r), nil
}

// Get returns the current version of a record: ErrNotFound if there is no
// such record, a *DamageError if its stored value is damaged.
func (v *Vault) Get(id string) (Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return Record{}, ErrClosed
	}
	if e, ok := v.idx.byID[id]; ok {
		return clone(e.rec), nil
	}
	if what, ok := v.bad[id]; ok {
		return Record{}, damaged(what, nil)
	}
	return Record{}, ErrNotFound
}

// Update saves a new version of an existing record (matched by r.ID) and
// keeps the previous version as a revision. Kind may be left empty (kept)
// but not changed; a zero Created keeps the stored one. Updated is set to
// now (and always moves forward). Durable when it returns.
func (v *Vault) Update(r Record) (Record, error) { return v.update(r, false) }

// RevisionGap is how far apart two saves must be for Autosave to keep the earlier one
// as a revision.
const RevisionGap = 10 * time.Minute

// Autosave is Update for editors that save while the user types. Saves closer together
// than RevisionGap are one editing session: only the version from before the session
// is kept as a revision, so autosaving every few seconds doesn't pile up copies. A save
// that changes nothing writes nothing.
func (v *Vault) Autosave(r Record) (Record, error) { return v.update(r, true) }

func (v *Vault) update(r Record, coalesce bool) (Record, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return Record{}, ErrClosed
	}
	e, ok := v.idx.byID[r.ID]
	if !ok {
		if what, bad := v.bad[r.ID]; bad {
			return Record{}, damaged(what, nil)
		}
		return Record{}, ErrNotFound
	}
	old := e.rec
	if r.Kind == "" {
		r.Kind = old.Kind
	}
	if r.Kind != old.Kind {
		return Record{}, fmt.Errorf("%w: a record's kind cannot change", ErrInvalid)
	}
	if r.Created.IsZero() {
		r.Created = old.Created
	}
	r = normalize(r)
	if err := validate(&r); err != nil {
		return Record{}, err
	}
	if !validTime(r.Created) {
		return Record{}, fmt.Errorf("%w: created time out of range", ErrInvalid)
	}
	if coalesce && sameContent(old, r) {
		return clone(old), nil
	}
	r.Updated = v.now()
	if !r.Updated.After(old.Updated) {
		r.Updated = old.Updated.Add(time.Nanosecond)
	}
	key := recordKey(r.ID)
	val, err := sealRecord(v.aead, key, &r)
	if err != nil {
		return Record{}, err
	}
	ops := []op{{key: key, val: val}}
	if !coalesce || r.Updated.Sub(old.Updated) >= RevisionGap {
		revKey := revisionKey(old.ID, old.Updated)
		revVal, err := sealRecord(v.aead, revKey, &old)
		if err != nil {
			return Record{}, err
		}
		ops = append([]op{{key: revKey, val: revVal}}, ops...)
	}
	if err := v.apply(ops...); err != nil {
		return Record{}, err
	}
	v.idx.put(r)
	return clone(r), nil
}

// Delete removes a record and all its revisions (ErrNotFound if absent).
func (v *Vault) Delete(id string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return ErrClosed
	}
	_, ok := v.idx.byID[id]
	_, bad := v.bad[id]
	if !ok && !bad {
		return ErrNotFound
	}
	revs, err := v.revisionKeys(id)
	if err != nil {
		return err
	}
	ops := []op{{key: recordKey(id), del: true}}
	for k := range revs {
		ops = append(ops, op{key: []byte(k), del: true})
	}
	if err := v.apply(ops...); err != nil {
		return fmt.Errorf("journal: delete record: %w", err)
	}
	v.idx.remove(id)
	delete(v.bad, id)
	return nil
}

// Revisions returns the earlier versions of a record, newest first.
func (v *Vault) Revisions(id string) ([]Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return nil, ErrClosed
	}
	_, ok := v.idx.byID[id]
	_, bad := v.bad[id]
	if !ok && !bad {
		return nil, ErrNotFound
	}
	var out []Record
	err := v.db.View(func(txn *badger.Txn) error {
		var err error
		out, err = v.readRevisions(txn, id, false)
		return err
	})
	return out, err
}

// readRevisions reads and opens every revision of id, newest first. With
// skipDamaged, revisions that do not open are left out instead of failing
// (export must rescue whatever can be read).
func (v *Vault) readRevisions(txn *badger.Txn, id string, skipDamaged bool) ([]Record, error) {
	var out []Record
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 16, Prefix: revisionPrefixOf(id)})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		val, err := item.ValueCopy(nil)
		if err != nil {
			return nil, damaged("database", err)
		}
		r, err := unsealRecord(v.aead, item.Key(), val, id)
		if err == nil && !bytes.Equal(item.Key(), revisionKey(id, r.Updated)) {
			err = damaged("record", errors.New("revision does not match its key"))
		}
		if err != nil {
			if skipDamaged {
				continue
			}
			return nil, err
		}
		out = append(out, r)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// List returns the current records matching q, newest Created first.
func (v *Vault) List(q Query) ([]Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return nil, ErrClosed
	}
	return v.idx.query(q, nil), nil
}

// Search returns the records matching q whose title, body, tags or field
// answers contain every word of text, ignoring case and accents ("cafe"
// finds "Café"). Words match anywhere, also inside longer words. Empty text
// is the same as List.
func (v *Vault) Search(text string, q Query) ([]Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return nil, ErrClosed
	}
	return v.idx.query(q, searchWords(text)), nil
}

// Tags returns every tag in use with how many records carry it, most used
// first.
func (v *Vault) Tags() ([]TagCount, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return nil, ErrClosed
	}
	return v.idx.tagCounts(), nil
}
