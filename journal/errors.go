package journal

import "errors"

// Sentinel errors. Test for them with errors.Is.
var (
	ErrWrongSecret = errors.New("journal: wrong passphrase or recovery code")
	ErrLocked      = errors.New("journal: vault is in use by another process")
	ErrDamaged     = errors.New("journal: vault is damaged")
	ErrNotFound    = errors.New("journal: record not found")
	ErrNoVault     = errors.New("journal: no vault in this folder")
	ErrVaultExists = errors.New("journal: a vault already exists in this folder")
	ErrClosed      = errors.New("journal: vault is closed")
	ErrInvalid     = errors.New("journal: invalid record")
)

// DamageError reports that part of the vault (or a backup) is damaged.
// What names the part ("key file", "record", "database", "backup file");
// it never carries user text, record keys or key material.
// errors.Is(err, ErrDamaged) is true for every DamageError.
type DamageError struct {
	What string // which part is damaged
	Err  error  // underlying cause, may be nil
}

// Error describes the damage without any user data.
func (e *DamageError) Error() string {
	if e.Err != nil {
		return "journal: " + e.What + " is damaged: " + e.Err.Error()
	}
	return "journal: " + e.What + " is damaged"
}

// Unwrap returns ErrDamaged, so errors.Is(err, ErrDamaged) matches. The
// underlying cause (Err) is only described in the message.
func (e *DamageError) Unwrap() error { return ErrDamaged }

// damaged builds a *DamageError.
func damaged(what string, err error) error {
	return &DamageError{What: what, Err: err}
}
