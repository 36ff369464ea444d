package journal

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"time"
)

// Record IDs are 26 characters of lower-case Crockford base32 encoding 16
// bytes: 6 bytes of milliseconds since 1970 then 10 random bytes (like a
// ULID), so IDs sort by creation time. idGen makes them strictly
// increasing within a vault even when the clock stalls or steps back.
const idLen = 26

type idGen struct {
	last [16]byte
}

func (g *idGen) next(now time.Time) (string, error) {
	ms := uint64(now.UnixMilli())
	lastMS := uint64(g.last[0])<<40 | uint64(binary.BigEndian.Uint32(g.last[1:5]))<<8 | uint64(g.last[5])
	var id [16]byte
	if ms <= lastMS {
		// Same or earlier millisecond: increment the previous ID.
		id = g.last
		for i := 15; i >= 0; i-- {
			id[i]++
			if id[i] != 0 {
				break
			}
		}
	} else {
		id[0] = byte(ms >> 40)
		binary.BigEndian.PutUint32(id[1:5], uint32(ms>>8))
		id[5] = byte(ms)
		if _, err := rand.Read(id[6:]); err != nil {
			return "", fmt.Errorf("journal: random id: %w", err)
		}
	}
	g.last = id
	return encodeID(id), nil
}

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

func encodeID(b [16]byte) string {
	// 128 bits as 26 base32 digits, most significant first (2 leading pad bits).
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	var out [idLen]byte
	for i := idLen - 1; i >= 0; i-- {
		out[i] = idAlphabet[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// validID reports whether s has the shape of a record ID.
func validID(s string) bool {
	if len(s) != idLen || s[0] > '7' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' && c != 'i' && c != 'l' && c != 'o' && c != 'u') {
			return false
		}
	}
	return true
}
