package journal

import (
	"bufio"
	"bytes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
	"golang.org/x/crypto/chacha20poly1305"
)

// A backup file is self-contained and encrypted:
//
//	"HEARTHBK"                      8-byte magic
//	uint32 big-endian n, n bytes    header JSON (at most 64 KiB):
//	    {"format": "hearth-backup", "version": 1, "created": RFC 3339,
//	     "vault_id": base64, "slots": [key slots as in vault.key],
//	     "salt": base64 32 bytes}
//	frames, each:
//	    uint32 big-endian n, n bytes = nonce (24) || XChaCha20-Poly1305 ciphertext
//
// The slots wrap the vault's data key (DEK) exactly as vault.key did when
// the backup was made, so the passphrase or recovery code valid then opens
// it on any machine. Frames are sealed with HKDF-SHA256(DEK, salt,
// "hearth backup key v1"); each frame's associated data binds the SHA-256
// of the header, the frame number and a final-frame flag, so reordering,
// dropping, truncating or editing anything is detected. A frame's
// plaintext is a JSON array of {"rev": bool, "record": record}, where
// record has the ExportJSON record schema; "rev" marks an earlier version.
const (
	backupMagic       = "HEARTHBK"
	backupFormat      = "hearth-backup"
	backupVersion     = 1
	maxBackupHeader   = 64 << 10
	backupFrameTarget = 1 << 20                                   // plaintext bytes per frame
	maxBackupFrame    = backupFrameTarget + maxRecordBytes + 1024 // one record always fits
	backupSaltLen     = 32
	backupFileExt     = ".hearthbackup"
	autoBackupKeep    = 7
)

type backupHeader struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Created string `json:"created"`
	VaultID []byte `json:"vault_id"`
	Slots   []slot `json:"slots"`
	Salt    []byte `json:"salt"`
}

// restoredVersion is one checked version read from a backup.
type restoredVersion struct {
	rev bool
	rec Record
}

type backupItem struct {
	Rev    bool       `json:"rev"`
	Record recordJSON `json:"record"`
}

func frameAD(headerSum []byte, n uint64, final bool) []byte {
	ad := make([]byte, 0, 20+len(headerSum)+9)
	ad = append(ad, "hearth-backup-frame"...)
	ad = append(ad, 0)
	ad = append(ad, headerSum...)
	ad = binary.BigEndian.AppendUint64(ad, n)
	if final {
		return append(ad, 1)
	}
	return append(ad, 0)
}

// Backup writes an encrypted, self-contained backup of every record and
// revision to w. Values that are damaged in the vault are left out (see
// Damaged). Never uses Badger's own (plaintext) backup.
func (v *Vault) Backup(w io.Writer) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return ErrClosed
	}
	salt, err := randomBytes(backupSaltLen)
	if err != nil {
		return err
	}
	hdr := backupHeader{Format: backupFormat, Version: backupVersion, Created: v.now().Format("2006-01-02T15:04:05.999999999Z07:00"),
		VaultID: v.env.VaultID, Slots: v.env.Slots, Salt: salt}
	hdrJSON, err := json.Marshal(hdr)
	if err != nil {
		return fmt.Errorf("journal: backup header: %w", err)
	}
	key, err := deriveKey(v.dek, salt, "hearth backup key v1")
	if err != nil {
		return err
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	sum := sha256.Sum256(hdrJSON)
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(backupMagic)
	bw.Write(binary.BigEndian.AppendUint32(nil, uint32(len(hdrJSON))))
	bw.Write(hdrJSON)

	var frameNo uint64
	var plain bytes.Buffer
	writeFrame := func(final bool) error {
		if plain.Len() == 0 {
			plain.WriteString("[")
		}
		plain.WriteString("]")
		nonce, err := randomBytes(chacha20poly1305.NonceSizeX)
		if err != nil {
			return err
		}
		sealed := aead.Seal(nonce, nonce, plain.Bytes(), frameAD(sum[:], frameNo, final))
		bw.Write(binary.BigEndian.AppendUint32(nil, uint32(len(sealed))))
		_, err = bw.Write(sealed)
		clear(plain.Bytes())
		plain.Reset()
		frameNo++
		return err
	}
	err = v.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			var rev bool
			var id string
			switch {
			case bytes.HasPrefix(k, []byte(recordPrefix)):
				id = string(k[len(recordPrefix):])
			case bytes.HasPrefix(k, []byte(revisionPrefix)) && len(k) > len(revisionPrefix)+idLen:
				rev, id = true, string(k[len(revisionPrefix):len(revisionPrefix)+idLen])
			default:
				continue
			}
			val, err := item.ValueCopy(nil)
			if err != nil {
				return damaged("database", err)
			}
			r, err := unsealRecord(v.aead, k, val, id)
			if err != nil {
				continue // damaged value: listed by Damaged, cannot be backed up
			}
			enc, err := json.Marshal(backupItem{Rev: rev, Record: toJSON(&r)})
			if err != nil {
				return fmt.Errorf("journal: backup: %w", err)
			}
			if plain.Len() == 0 {
				plain.WriteString("[")
			} else {
				plain.WriteString(",")
			}
			plain.Write(enc)
			if plain.Len() >= backupFrameTarget {
				if err := writeFrame(false); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := writeFrame(true); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("journal: write backup: %w", err)
	}
	return nil
}

// BackupToFile writes an encrypted backup to path atomically (temp file,
// sync, rename).
func (v *Vault) BackupToFile(path string) error {
	return writeFileAtomic(path, v.Backup)
}

// readBackup parses and decrypts a backup. unlock turns the header's key
// envelope into the DEK (ErrWrongSecret if the secret does not fit). Any
// problem with the file itself is a *DamageError{What: "backup file"}.
func readBackup(r io.Reader, unlock func(*envelope) ([]byte, error)) ([]restoredVersion, error) {
	bad := func(msg string) error { return damaged("backup file", errors.New(msg)) }
	br := bufio.NewReaderSize(r, 64<<10)
	var magic [len(backupMagic)]byte
	if _, err := io.ReadFull(br, magic[:]); err != nil || string(magic[:]) != backupMagic {
		return nil, bad("not a Hearth backup")
	}
	hdrJSON, err := readFrame(br, maxBackupHeader)
	if err != nil {
		return nil, bad("header: " + err.Error())
	}
	var hdr backupHeader
	if err := json.Unmarshal(hdrJSON, &hdr); err != nil {
		return nil, bad("header is not valid JSON")
	}
	if hdr.Format != backupFormat || hdr.Version != backupVersion || len(hdr.Salt) != backupSaltLen {
		return nil, bad("unsupported backup format")
	}
	env := &envelope{Format: keyFileFormat, Version: keyFileVersion, VaultID: hdr.VaultID, Slots: hdr.Slots}
	if err := env.validate(); err != nil {
		return nil, bad("key slots: " + err.Error())
	}
	dek, err := unlock(env)
	if err != nil {
		return nil, err
	}
	key, err := deriveKey(dek, hdr.Salt, "hearth backup key v1")
	clear(dek)
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	sum := sha256.Sum256(hdrJSON)
	var items []restoredVersion
	for n := uint64(0); ; n++ {
		frame, err := readFrame(br, maxBackupFrame)
		if err == io.EOF {
			return nil, bad("truncated")
		}
		if err != nil {
			return nil, bad(err.Error())
		}
		plain, final, err := openFrame(aead, frame, sum[:], n)
		if err != nil {
			return nil, bad("frame does not open")
		}
		var batch []backupItem
		if err := json.Unmarshal(plain, &batch); err != nil {
			return nil, bad("frame content")
		}
		for i := range batch {
			rec, err := checkImported(&batch[i].Record, true)
			if err != nil {
				return nil, bad("bad record")
			}
			items = append(items, restoredVersion{rev: batch[i].Rev, rec: rec})
		}
		if final {
			break
		}
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, bad("data after the end")
	}
	return items, nil
}

// readFrame reads a uint32 length and that many bytes. io.EOF only if the
// stream ended cleanly before the length.
func readFrame(r io.Reader, limit int) ([]byte, error) {
	var l [4]byte
	if _, err := io.ReadFull(r, l[:]); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, errors.New("truncated")
	}
	n := binary.BigEndian.Uint32(l[:])
	if uint64(n) > uint64(limit) {
		return nil, errors.New("frame too large")
	}
	buf := make([]byte, 0, min(int(n), 1<<20))
	var err error
	buf, err = readN(r, buf, int(n))
	if err != nil {
		return nil, errors.New("truncated")
	}
	return buf, nil
}

// readN reads exactly n bytes, growing buf as data arrives (so a lying
// length cannot make us allocate it all up front).
func readN(r io.Reader, buf []byte, n int) ([]byte, error) {
	var lr = io.LimitReader(r, int64(n))
	b := bytes.NewBuffer(buf)
	if _, err := b.ReadFrom(lr); err != nil {
		return nil, err
	}
	if b.Len() != n {
		return nil, io.ErrUnexpectedEOF
	}
	return b.Bytes(), nil
}

func openFrame(aead cipher.AEAD, frame, headerSum []byte, n uint64) (plain []byte, final bool, err error) {
	if len(frame) < chacha20poly1305.NonceSizeX+aead.Overhead() {
		return nil, false, errBadSeal
	}
	nonce, ct := frame[:chacha20poly1305.NonceSizeX], frame[chacha20poly1305.NonceSizeX:]
	if p, err := aead.Open(nil, nonce, ct, frameAD(headerSum, n, false)); err == nil {
		return p, false, nil
	}
	if p, err := aead.Open(nil, nonce, ct, frameAD(headerSum, n, true)); err == nil {
		return p, true, nil
	}
	return nil, false, errBadSeal
}

// Restore merges an encrypted backup into the vault. secret is the
// passphrase or the recovery code that was valid when the backup was made.
// Records are matched by ID: the version with the newest Updated time
// becomes current, every other version is kept as a revision. Records
// deleted from the vault since the backup come back.
func (v *Vault) Restore(r io.Reader, secret string) (RestoreStats, error) {
	items, err := readBackup(r, func(env *envelope) ([]byte, error) { return openAnySlot(env, secret) })
	if err != nil {
		return RestoreStats{}, err
	}
	groups := map[string][]Record{}
	for _, it := range items {
		groups[it.rec.ID] = append(groups[it.rec.ID], it.rec)
	}
	st, err := v.merge(groups)
	return RestoreStats(st), err
}

// AutoBackup writes today's backup to dir/backups/hearth-YYYY-MM-DD.hearthbackup
// (replacing an earlier one from today) and deletes all but the newest 7.
func (v *Vault) AutoBackup() (path string, err error) {
	dir := filepath.Join(v.dir, backupDirName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("journal: backup folder: %w", err)
	}
	path = filepath.Join(dir, "hearth-"+v.opts.now().Format("2006-01-02")+backupFileExt)
	if err := v.BackupToFile(path); err != nil {
		return "", err
	}
	names, err := filepath.Glob(filepath.Join(dir, "hearth-????-??-??"+backupFileExt))
	if err != nil {
		return path, fmt.Errorf("journal: list backups: %w", err)
	}
	sort.Strings(names)
	for len(names) > autoBackupKeep {
		if !strings.EqualFold(names[0], path) {
			if err := os.Remove(names[0]); err != nil {
				return path, fmt.Errorf("journal: remove old backup: %w", err)
			}
		}
		names = names[1:]
	}
	return path, nil
}
