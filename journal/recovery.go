package journal

import (
	"crypto/rand"
	"fmt"
	"strings"
)

// Recovery codes are 20 random bytes (160 bits) written as 32 characters of
// Crockford's base32 alphabet, which leaves out I, L, O and U so that no two
// characters look alike. They are shown as 8 groups of 4 separated by dashes.
const (
	recoveryBytes = 20
	recoveryChars = 32
	recoveryGroup = 4
	crockford     = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

// newRecoveryCode returns a fresh code in normalized form (32 characters,
// no separators).
func newRecoveryCode() (string, error) {
	var b [recoveryBytes]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("journal: random recovery code: %w", err)
	}
	return encodeCrockford(b[:]), nil
}

func encodeCrockford(b []byte) string {
	var sb strings.Builder
	var acc uint64
	bits := 0
	for _, c := range b {
		acc = acc<<8 | uint64(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			sb.WriteByte(crockford[(acc>>uint(bits))&31])
		}
	}
	if bits > 0 {
		sb.WriteByte(crockford[(acc<<uint(5-bits))&31])
	}
	return sb.String()
}

// FormatRecoveryCode shows a recovery code in readable groups, e.g.
// "7K3M-Q9TX-…" (8 groups of 4). Input that does not parse as a recovery
// code is returned unchanged.
func FormatRecoveryCode(code string) string {
	n, err := NormalizeRecoveryCode(code)
	if err != nil {
		return code
	}
	groups := make([]string, 0, recoveryChars/recoveryGroup)
	for i := 0; i < len(n); i += recoveryGroup {
		groups = append(groups, n[i:i+recoveryGroup])
	}
	return strings.Join(groups, "-")
}

// NormalizeRecoveryCode parses a recovery code as a person might type it:
// any case, with or without spaces and dashes, with O typed for 0 and I or L
// typed for 1. It returns the 32-character canonical form, or an error
// wrapping ErrWrongSecret if s cannot be a recovery code.
func NormalizeRecoveryCode(s string) (string, error) {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '\n' || r == '\r' || r == '_' || r == '.':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		switch r {
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(crockford, r) {
			return "", fmt.Errorf("%w: a recovery code has only letters and digits", ErrWrongSecret)
		}
		sb.WriteRune(r)
		if sb.Len() > recoveryChars {
			break
		}
	}
	if sb.Len() != recoveryChars {
		return "", fmt.Errorf("%w: a recovery code has %d letters and digits", ErrWrongSecret, recoveryChars)
	}
	return sb.String(), nil
}
