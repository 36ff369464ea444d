package journal

import (
	"errors"
	"fmt"
	"sort"

	badger "github.com/dgraph-io/badger/v4"
)

// mergeStats counts what a merge did (shared by Restore and ImportJSON).
type mergeStats struct {
	Added     int
	Replaced  int
	Kept      int
	Revisions int
}

// merge folds outside versions of records into the vault. groups maps a
// record ID to all its versions from the source (current and earlier, in
// any order). Versions are identified by their Updated time; the newest
// version overall becomes current and every other one is kept as a
// revision, so merging the same source twice changes nothing.
// A damaged current record is replaced by the source's newest version.
func (v *Vault) merge(groups map[string][]Record) (mergeStats, error) {
	var st mergeStats
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return st, ErrClosed
	}
	ids := make([]string, 0, len(groups))
	for id := range groups {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	w := newBatchWriter(v.db, v.ob)
	var puts []Record // new current versions, applied to the index after commit
	for _, id := range ids {
		src := groups[id]
		sort.Slice(src, func(i, j int) bool { return src[i].Updated.After(src[j].Updated) })
		existingRevs, err := v.revisionKeys(id)
		if err != nil {
			return st, err
		}
		have := func(k []byte) bool { return existingRevs[string(k)] }
		addRev := func(r *Record) error {
			k := revisionKey(id, r.Updated)
			if have(k) {
				return nil
			}
			existingRevs[string(k)] = true
			val, err := sealRecord(v.aead, k, r)
			if err != nil {
				return err
			}
			st.Revisions++
			return w.set(k, val)
		}
		newest := src[0]
		cur, ok := v.idx.byID[id]
		switch {
		case !ok:
			st.Added++
		case newest.Updated.After(cur.rec.Updated):
			st.Replaced++
			old := cur.rec
			if err := addRev(&old); err != nil {
				return st, w.abort(v, err)
			}
		default:
			st.Kept++
		}
		if !ok || newest.Updated.After(cur.rec.Updated) {
			key := recordKey(id)
			val, err := sealRecord(v.aead, key, &newest)
			if err != nil {
				return st, w.abort(v, err)
			}
			if err := w.set(key, val); err != nil {
				return st, w.abort(v, err)
			}
			puts = append(puts, newest)
			src = src[1:]
		}
		curUpdated := newest.Updated
		if ok && !newest.Updated.After(cur.rec.Updated) {
			curUpdated = cur.rec.Updated
		}
		for i := range src {
			if src[i].Updated.Equal(curUpdated) {
				continue
			}
			if err := addRev(&src[i]); err != nil {
				return st, w.abort(v, err)
			}
		}
	}
	if err := w.commit(); err != nil {
		return st, w.abort(v, err)
	}
	for _, r := range puts {
		v.idx.put(r)
		delete(v.bad, r.ID)
	}
	return st, nil
}

// revisionKeys lists the keys of a record's stored revisions.
func (v *Vault) revisionKeys(id string) (map[string]bool, error) {
	keys := map[string]bool{}
	err := v.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: revisionPrefixOf(id)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			keys[string(it.Item().Key())] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("journal: read revisions: %w", err)
	}
	return keys, nil
}

// batchWriter groups many changes into as few durable transactions as
// Badger allows; each transaction goes through the outbox first (if any).
type batchWriter struct {
	db  *badger.DB
	ob  *outbox
	txn *badger.Txn
	ops []op
}

func newBatchWriter(db *badger.DB, ob *outbox) *batchWriter {
	return &batchWriter{db: db, ob: ob, txn: db.NewTransaction(true)}
}

func (w *batchWriter) set(k, val []byte) error { return w.add(op{key: k, val: val}) }

func (w *batchWriter) add(o op) error {
	apply := func() error {
		if o.del {
			return w.txn.Delete(o.key)
		}
		return w.txn.Set(o.key, o.val)
	}
	err := apply()
	if errors.Is(err, badger.ErrTxnTooBig) {
		if err := w.commit(); err != nil {
			return err
		}
		w.txn = w.db.NewTransaction(true)
		err = apply()
	}
	if err != nil {
		return fmt.Errorf("journal: save records: %w", err)
	}
	w.ops = append(w.ops, o)
	return nil
}

// commit makes the pending changes durable.
func (w *batchWriter) commit() error {
	if w.ob != nil && len(w.ops) > 0 {
		if err := w.ob.append(w.ops); err != nil {
			return err
		}
	}
	w.ops = w.ops[:0]
	if err := w.txn.Commit(); err != nil {
		return fmt.Errorf("journal: save records: %w", err)
	}
	return nil
}

// abort drops the open transaction and, since earlier batches may have
// been committed, reloads the index from disk so it matches the database.
func (w *batchWriter) abort(v *Vault, err error) error {
	w.txn.Discard()
	if lerr := v.loadIndex(); lerr != nil {
		return errors.Join(err, lerr)
	}
	return err
}
