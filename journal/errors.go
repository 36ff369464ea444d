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
