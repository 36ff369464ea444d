package journal

import (
	"errors"
	"io"
)

var errNotYet = errors.New("journal: not implemented yet")

// Vault is an open, unlocked vault. It is safe for concurrent use.
type Vault struct {
	dir string
}

// Create makes a new vault in dir (created if missing) protected by
// passphrase, and returns it open together with a freshly generated
// recovery code, to be shown to the user once.
func Create(dir, passphrase string, opts ...Option) (v *Vault, recoveryCode string, err error) {
	return nil, "", errNotYet
}

// Open unlocks the vault in dir with the passphrase.
func Open(dir, passphrase string, opts ...Option) (*Vault, error) { return nil, errNotYet }

// OpenWithRecoveryCode unlocks the vault in dir with its recovery code.
func OpenWithRecoveryCode(dir, code string, opts ...Option) (*Vault, error) { return nil, errNotYet }

// Close closes the database. Further calls return ErrClosed.
func (v *Vault) Close() error { return errNotYet }

// Dir returns the data directory.
func (v *Vault) Dir() string { return v.dir }

// VerifyPassphrase returns nil if p is the current passphrase, else ErrWrongSecret.
func (v *Vault) VerifyPassphrase(p string) error { return errNotYet }

// ChangePassphrase re-wraps the data key with a new passphrase.
func (v *Vault) ChangePassphrase(newPassphrase string) error { return errNotYet }

// NewRecoveryCode replaces the recovery slot and returns the new code.
func (v *Vault) NewRecoveryCode() (string, error) { return "", errNotYet }

// Create stores a new record; it is durable when Create returns.
func (v *Vault) Create(r Record) (Record, error) { return Record{}, errNotYet }

// Get returns the current version of a record.
func (v *Vault) Get(id string) (Record, error) { return Record{}, errNotYet }

// Update replaces a record, keeping the previous version as a revision.
func (v *Vault) Update(r Record) (Record, error) { return Record{}, errNotYet }

// Delete removes a record and its revisions.
func (v *Vault) Delete(id string) error { return errNotYet }

// Revisions returns earlier versions of a record, newest first.
func (v *Vault) Revisions(id string) ([]Record, error) { return nil, errNotYet }

// List returns records matching q, newest (Created) first.
func (v *Vault) List(q Query) ([]Record, error) { return nil, errNotYet }

// Search returns records matching q whose text contains every word of text.
func (v *Vault) Search(text string, q Query) ([]Record, error) { return nil, errNotYet }

// Tags returns every tag with its count.
func (v *Vault) Tags() ([]TagCount, error) { return nil, errNotYet }

// Backup writes an encrypted, self-contained backup to w.
func (v *Vault) Backup(w io.Writer) error { return errNotYet }

// BackupToFile writes an encrypted backup to path atomically.
func (v *Vault) BackupToFile(path string) error { return errNotYet }

// Restore merges an encrypted backup into the vault.
func (v *Vault) Restore(r io.Reader, secret string) (RestoreStats, error) {
	return RestoreStats{}, errNotYet
}

// AutoBackup writes today's rolling backup in dir/backups.
func (v *Vault) AutoBackup() (path string, err error) { return "", errNotYet }

// ExportJSON writes every record in plaintext JSON.
func (v *Vault) ExportJSON(w io.Writer) error { return errNotYet }

// ExportMarkdown writes one Markdown file per record into dir.
func (v *Vault) ExportMarkdown(dir string) error { return errNotYet }

// ImportJSON merges records from an ExportJSON document.
func (v *Vault) ImportJSON(r io.Reader) (ImportStats, error) { return ImportStats{}, errNotYet }

// State describes what is in a data directory.
type State int

// States of a data directory.
const (
	StateNone    State = iota // no vault
	StateReady                // a vault that looks intact
	StateDamaged              // a vault whose key file or database is damaged
)

// Exists reports whether dir holds a vault key file.
func Exists(dir string) (bool, error) { return false, errNotYet }

// DefaultDir returns the per-OS data directory (HEARTH_DATA_DIR overrides).
func DefaultDir() (string, error) { return "", errNotYet }

// LockDir takes the desktop app's instance lock in dir.
func LockDir(dir string) (release func() error, err error) { return nil, errNotYet }

// FormatRecoveryCode shows a recovery code in readable groups.
func FormatRecoveryCode(code string) string { return code }

// NormalizeRecoveryCode parses a recovery code tolerantly.
func NormalizeRecoveryCode(s string) (string, error) { return "", errNotYet }
