package journal

import "time"

// KDFParams are Argon2id parameters for turning a passphrase or recovery
// code into a key-encryption key. They are stored in each key slot, so they
// can be raised later without breaking existing vaults.
type KDFParams struct {
	Time      uint32 // passes over memory
	MemoryKiB uint32 // memory in KiB
	Threads   uint8  // parallelism
}

// DefaultKDF returns RFC 9106's second recommended Argon2id setting:
// t=3, m=64 MiB, p=4 (about 150 ms on a desktop).
func DefaultKDF() KDFParams {
	return KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 4}
}

// Option adjusts how a vault is created or opened.
type Option func(*options)

type options struct {
	kdf    KDFParams
	now    func() time.Time
	outbox bool // write through the fsynced outbox (see outbox.go)
}

// WithKDF sets the Argon2id parameters used for new key slots (Create,
// ChangePassphrase, NewRecoveryCode). Tests use cheap parameters; the
// application should keep DefaultKDF. Existing slots always use the
// parameters stored in them.
func WithKDF(p KDFParams) Option {
	return func(o *options) { o.kdf = p }
}

// WithClock sets the clock used for record times (tests).
func WithClock(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

func buildOptions(opts []Option) options {
	o := options{kdf: DefaultKDF(), now: time.Now, outbox: useOutboxByDefault}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}
