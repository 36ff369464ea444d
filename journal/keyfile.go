package journal

import (
	"bytes"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/text/unicode/norm"
)

// The key file (vault.key) is JSON of this shape:
//
//	{
//	  "sha256": "<hex SHA-256 of the compact JSON of envelope>",
//	  "envelope": {
//	    "format": "hearth-vault-key",
//	    "version": 1,
//	    "vault_id": "<base64, 16 bytes>",
//	    "slots": [
//	      {"type": "passphrase", "kdf": "argon2id", "t": 3, "m_kib": 65536, "p": 4,
//	       "salt": "<base64, 16 bytes>", "nonce": "<base64, 24 bytes>",
//	       "sealed_key": "<base64, 48 bytes: 32-byte DEK + 16-byte tag>"},
//	      {"type": "recovery", ...}
//	    ]
//	  }
//	}
//
// Each slot's key-encryption key is Argon2id(secret, salt, t, m, p). The DEK
// is sealed with XChaCha20-Poly1305 under that key; the associated data is
// the slot header (see slotAD), so parameters cannot be swapped. The
// checksum only detects accidental damage (it tells "damaged file" from
// "wrong passphrase"); authenticity comes from the AEAD.
const (
	keyFileFormat  = "hearth-vault-key"
	keyFileVersion = 1

	slotPassphrase = "passphrase"
	slotRecovery   = "recovery"
	kdfArgon2id    = "argon2id"

	dekLen     = 32
	saltLen    = 16
	vaultIDLen = 16
)

type keyFile struct {
	Checksum string          `json:"sha256"`
	Envelope json.RawMessage `json:"envelope"`
}

// envelope is the parsed key envelope; it is also carried in backups.
type envelope struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	VaultID []byte `json:"vault_id"`
	Slots   []slot `json:"slots"`
}

// slot holds the DEK wrapped under one secret.
type slot struct {
	Type      string `json:"type"`
	KDF       string `json:"kdf"`
	Time      uint32 `json:"t"`
	MemoryKiB uint32 `json:"m_kib"`
	Threads   uint8  `json:"p"`
	Salt      []byte `json:"salt"`
	Nonce     []byte `json:"nonce"`
	Sealed    []byte `json:"sealed_key"`
}

// Limits on stored KDF parameters, so a crafted file cannot make us
// allocate unbounded memory or spin forever.
const (
	maxKDFTime      = 16
	maxKDFMemoryKiB = 1 << 20 // 1 GiB
)

func checkKDF(p KDFParams) error {
	if p.Time < 1 || p.Time > maxKDFTime || p.Threads < 1 ||
		p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxKDFMemoryKiB {
		return errors.New("KDF parameters out of range")
	}
	return nil
}

func (s *slot) params() KDFParams {
	return KDFParams{Time: s.Time, MemoryKiB: s.MemoryKiB, Threads: s.Threads}
}

// validate checks the shape of an envelope (not any secret).
func (e *envelope) validate() error {
	if e.Format != keyFileFormat {
		return errors.New("not a Hearth key file")
	}
	if e.Version != keyFileVersion {
		return fmt.Errorf("unsupported key file version %d", e.Version)
	}
	if len(e.VaultID) != vaultIDLen {
		return errors.New("bad vault id")
	}
	seen := map[string]bool{}
	for i := range e.Slots {
		s := &e.Slots[i]
		if s.Type != slotPassphrase && s.Type != slotRecovery {
			return errors.New("unknown slot type")
		}
		if seen[s.Type] {
			return errors.New("duplicate slot")
		}
		seen[s.Type] = true
		if s.KDF != kdfArgon2id {
			return errors.New("unknown KDF")
		}
		if err := checkKDF(s.params()); err != nil {
			return err
		}
		if len(s.Salt) != saltLen || len(s.Nonce) != chacha20poly1305.NonceSizeX ||
			len(s.Sealed) != dekLen+chacha20poly1305.Overhead {
			return errors.New("bad slot sizes")
		}
	}
	if !seen[slotPassphrase] {
		return errors.New("no passphrase slot")
	}
	return nil
}

func (e *envelope) slot(typ string) *slot {
	for i := range e.Slots {
		if e.Slots[i].Type == typ {
			return &e.Slots[i]
		}
	}
	return nil
}

// withSlot returns a copy of e with the slot of s.Type replaced (or added).
func (e *envelope) withSlot(s slot) *envelope {
	c := *e
	c.Slots = nil
	for _, old := range e.Slots {
		if old.Type != s.Type {
			c.Slots = append(c.Slots, old)
		}
	}
	c.Slots = append(c.Slots, s)
	return &c
}

// maxKeyFile bounds the key file: a real one is under 2 KiB.
const maxKeyFile = 64 << 10

// readKeyFile reads dir/vault.key, refusing absurd sizes (as damage).
func readKeyFile(dir string) ([]byte, error) {
	f, err := os.Open(filepath.Join(dir, keyFileName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxKeyFile {
		return nil, damaged("key file", errors.New("too large"))
	}
	return data, nil
}

// parseEnvelope parses and checks a key file. Any problem is reported as a
// *DamageError{What: "key file"}.
func parseEnvelope(data []byte) (*envelope, error) {
	var kf keyFile
	if err := json.Unmarshal(data, &kf); err != nil {
		return nil, damaged("key file", errors.New("not valid JSON"))
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, kf.Envelope); err != nil || len(kf.Envelope) == 0 {
		return nil, damaged("key file", errors.New("envelope missing"))
	}
	sum := sha256.Sum256(compact.Bytes())
	want, err := hex.DecodeString(kf.Checksum)
	if err != nil || subtle.ConstantTimeCompare(sum[:], want) != 1 {
		return nil, damaged("key file", errors.New("checksum mismatch"))
	}
	var env envelope
	if err := json.Unmarshal(compact.Bytes(), &env); err != nil {
		return nil, damaged("key file", errors.New("bad envelope"))
	}
	if err := env.validate(); err != nil {
		return nil, damaged("key file", err)
	}
	return &env, nil
}

// marshalEnvelope renders a key file.
func marshalEnvelope(env *envelope) ([]byte, error) {
	body, err := json.Marshal(env)
	if err != nil {
		return nil, fmt.Errorf("journal: encode key file: %w", err)
	}
	sum := sha256.Sum256(body)
	out, err := json.MarshalIndent(keyFile{Checksum: hex.EncodeToString(sum[:]), Envelope: body}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("journal: encode key file: %w", err)
	}
	return append(out, '\n'), nil
}

// writeEnvelope writes the key file atomically.
func writeEnvelope(path string, env *envelope) error {
	data, err := marshalEnvelope(env)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// slotAD is the associated data binding a sealed DEK to its slot header.
func slotAD(vaultID []byte, s *slot) []byte {
	var b bytes.Buffer
	b.WriteString(keyFileFormat)
	b.WriteByte(0)
	b.WriteByte(keyFileVersion)
	b.Write(vaultID)
	b.WriteString(s.Type)
	b.WriteByte(0)
	b.WriteString(s.KDF)
	b.WriteByte(0)
	var n [9]byte
	binary.BigEndian.PutUint32(n[0:], s.Time)
	binary.BigEndian.PutUint32(n[4:], s.MemoryKiB)
	n[8] = s.Threads
	b.Write(n[:])
	b.Write(s.Salt)
	return b.Bytes()
}

// secretBytes prepares a secret for the KDF: passphrases are put in
// Unicode NFC so the same passphrase typed on different systems matches;
// recovery codes are normalized to their canonical form.
func secretBytes(typ, secret string) ([]byte, error) {
	if typ == slotRecovery {
		code, err := NormalizeRecoveryCode(secret)
		if err != nil {
			return nil, err
		}
		return []byte(code), nil
	}
	return []byte(norm.NFC.String(secret)), nil
}

// sealSlot wraps dek under secret with fresh salt and nonce.
func sealSlot(typ, secret string, p KDFParams, vaultID, dek []byte) (slot, error) {
	if err := checkKDF(p); err != nil {
		return slot{}, fmt.Errorf("journal: %w", err)
	}
	sec, err := secretBytes(typ, secret)
	if err != nil {
		return slot{}, err
	}
	s := slot{Type: typ, KDF: kdfArgon2id, Time: p.Time, MemoryKiB: p.MemoryKiB, Threads: p.Threads,
		Salt: make([]byte, saltLen), Nonce: make([]byte, chacha20poly1305.NonceSizeX)}
	if _, err := rand.Read(s.Salt); err != nil {
		return slot{}, fmt.Errorf("journal: random salt: %w", err)
	}
	if _, err := rand.Read(s.Nonce); err != nil {
		return slot{}, fmt.Errorf("journal: random nonce: %w", err)
	}
	kek := argon2.IDKey(sec, s.Salt, s.Time, s.MemoryKiB, s.Threads, chacha20poly1305.KeySize)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return slot{}, fmt.Errorf("journal: %w", err)
	}
	s.Sealed = aead.Seal(nil, s.Nonce, dek, slotAD(vaultID, &s))
	return s, nil
}

// openSlot unwraps the DEK with secret; ErrWrongSecret if it does not fit.
func openSlot(env *envelope, typ, secret string) ([]byte, error) {
	s := env.slot(typ)
	if s == nil {
		return nil, ErrWrongSecret
	}
	sec, err := secretBytes(typ, secret)
	if err != nil {
		return nil, err
	}
	kek := argon2.IDKey(sec, s.Salt, s.Time, s.MemoryKiB, s.Threads, chacha20poly1305.KeySize)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	dek, err := aead.Open(nil, s.Nonce, s.Sealed, slotAD(env.VaultID, s))
	if err != nil {
		return nil, ErrWrongSecret
	}
	return dek, nil
}

// openAnySlot tries secret as a recovery code (if it looks like one) and
// as a passphrase.
func openAnySlot(env *envelope, secret string) ([]byte, error) {
	if _, err := NormalizeRecoveryCode(secret); err == nil {
		if dek, err := openSlot(env, slotRecovery, secret); err == nil {
			return dek, nil
		}
	}
	return openSlot(env, slotPassphrase, secret)
}

// derivedKeys are the working keys derived from the DEK.
type derivedKeys struct {
	badger []byte // AES-256 key for Badger's encryption at rest
	record []byte // XChaCha20-Poly1305 key sealing every value
}

func deriveKey(dek, salt []byte, info string) ([]byte, error) {
	k, err := hkdf.Key(sha256.New, dek, salt, info, 32)
	if err != nil {
		return nil, fmt.Errorf("journal: derive key: %w", err)
	}
	return k, nil
}

func deriveKeys(dek, vaultID []byte) (derivedKeys, error) {
	b, err := deriveKey(dek, vaultID, "hearth badger key v1")
	if err != nil {
		return derivedKeys{}, err
	}
	r, err := deriveKey(dek, vaultID, "hearth record key v1")
	if err != nil {
		return derivedKeys{}, err
	}
	return derivedKeys{badger: b, record: r}, nil
}

// randomBytes returns n bytes from crypto/rand.
func randomBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("journal: random: %w", err)
	}
	return b, nil
}
