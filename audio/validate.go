package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// The third-party decoders trust the sizes and counts in a file's headers and
// allocate what they say, so a few damaged bytes could ask for gigabytes (a fatal
// error that recover cannot catch) or loop for a very long time. These checks read
// the headers first and reject what no real recording contains. FuzzDecode found the
// cases they cover.

// errHeader wraps a header problem as ErrDecode.
func errHeader(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrDecode, fmt.Sprintf(format, a...))
}

// checkMP3 rejects an ID3v2 tag that claims to be longer than the file (go-mp3
// allocates the tag's whole claimed size to skip it).
func checkMP3(r io.ReadSeeker, size int64) error {
	var h [10]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return nil // too short for a tag; the decoder will say what is wrong
	}
	defer r.Seek(0, io.SeekStart)
	if string(h[:3]) != "ID3" {
		return nil
	}
	n := int64(h[6]&0x7f)<<21 | int64(h[7]&0x7f)<<14 | int64(h[8]&0x7f)<<7 | int64(h[9]&0x7f)
	if 10+n > size {
		return errHeader("the MP3 tag is longer than the file (truncated)")
	}
	return nil
}

// checkFLAC walks the FLAC metadata blocks and rejects lengths and counts that point
// past their block or the file.
func checkFLAC(r io.ReadSeeker, size int64) error {
	defer r.Seek(0, io.SeekStart)
	pos := int64(4) // after "fLaC"
	if _, err := r.Seek(pos, io.SeekStart); err != nil {
		return errHeader("%v", err)
	}
	for block := 0; ; block++ {
		var h [4]byte
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return errHeader("the FLAC header is cut short (truncated)")
		}
		last, kind := h[0]&0x80 != 0, h[0]&0x7f
		n := int64(h[1])<<16 | int64(h[2])<<8 | int64(h[3])
		pos += 4
		if pos+n > size {
			return errHeader("a FLAC metadata block runs past the end of the file (truncated)")
		}
		if block == 0 && (kind != 0 || n != 34) {
			return errHeader("the FLAC stream information is missing")
		}
		if kind == 4 || kind == 6 { // VORBIS_COMMENT, PICTURE: counts and lengths inside
			body := make([]byte, n)
			if _, err := io.ReadFull(r, body); err != nil {
				return errHeader("%v", err)
			}
			var err error
			if kind == 4 {
				err = checkComments(body, binary.LittleEndian)
			} else {
				err = checkPicture(body)
			}
			if err != nil {
				return err
			}
		}
		pos += n
		if _, err := r.Seek(pos, io.SeekStart); err != nil {
			return errHeader("%v", err)
		}
		if last {
			return nil
		}
		if block > 1000 {
			return errHeader("too many FLAC metadata blocks")
		}
	}
}

// checkComments checks a Vorbis comment list (vendor string, count, strings): every
// length must fit in what is left.
func checkComments(b []byte, order binary.ByteOrder) error {
	bad := errHeader("damaged comment tags")
	if len(b) < 8 {
		return bad
	}
	vendor := int64(order.Uint32(b))
	if vendor > int64(len(b))-8 {
		return bad
	}
	b = b[4+vendor:]
	count := int64(order.Uint32(b))
	b = b[4:]
	if count*4 > int64(len(b)) {
		return bad
	}
	for range count {
		n := int64(order.Uint32(b))
		if n > int64(len(b))-4 {
			return bad
		}
		b = b[4+n:]
	}
	return nil
}

// checkPicture checks a FLAC picture block's lengths (all big-endian).
func checkPicture(b []byte) error {
	bad := errHeader("damaged picture block")
	be := binary.BigEndian
	if len(b) < 8 {
		return bad
	}
	b = b[4:]     // picture type
	for range 2 { // MIME type, description
		if len(b) < 4 {
			return bad
		}
		n := int64(be.Uint32(b))
		if n > int64(len(b))-4 {
			return bad
		}
		b = b[4+n:]
	}
	if len(b) < 20 || int64(be.Uint32(b[16:])) > int64(len(b))-20 {
		return bad
	}
	return nil
}

// Limits for Vorbis headers: far above what any encoder writes (libvorbis's largest
// codebooks have a few thousand entries), far below what could hurt.
const (
	maxOggHeaders      = 4 << 20 // bytes of pages read to find the three headers
	maxVorbisEntries   = 1 << 17
	maxVorbisValues    = 1 << 20
	maxVorbisChannels  = 8
	maxVorbisCodebooks = 256
)

// checkVorbis reads the three Vorbis header packets from the first Ogg pages and
// checks their counts: channels, comment lengths and codebook sizes.
func checkVorbis(r io.ReadSeeker) error {
	defer r.Seek(0, io.SeekStart)
	packets, err := oggHeaderPackets(io.LimitReader(r, maxOggHeaders), 3)
	if err != nil {
		return err
	}
	id, comments, setup := packets[0], packets[1], packets[2]
	if len(id) < 30 || string(id[:7]) != "\x01vorbis" {
		return errHeader("not a Vorbis stream")
	}
	if ch := id[11]; ch < 1 || ch > maxVorbisChannels {
		return errHeader("%d channels", ch)
	}
	if b0, b1 := id[28]&0x0f, id[28]>>4; b0 < 6 || b1 > 13 || b0 > b1 {
		return errHeader("bad Vorbis block sizes")
	}
	if len(comments) < 7 || string(comments[:7]) != "\x03vorbis" {
		return errHeader("the Vorbis comment header is missing")
	}
	if err := checkComments(comments[7:], binary.LittleEndian); err != nil {
		return err
	}
	if len(setup) < 7 || string(setup[:7]) != "\x05vorbis" {
		return errHeader("the Vorbis setup header is missing")
	}
	return checkCodebooks(&bitReader{b: setup[7:]})
}

// oggHeaderPackets returns the first n packets of an Ogg stream.
func oggHeaderPackets(r io.Reader, n int) ([][]byte, error) {
	var packets [][]byte
	var cur []byte
	for len(packets) < n {
		var h [27]byte
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return nil, errHeader("the Ogg headers are cut short (truncated)")
		}
		if string(h[:4]) != "OggS" {
			return nil, errHeader("damaged Ogg page")
		}
		segs := make([]byte, h[26])
		if _, err := io.ReadFull(r, segs); err != nil {
			return nil, errHeader("the Ogg headers are cut short (truncated)")
		}
		for _, s := range segs {
			start := len(cur)
			cur = append(cur, make([]byte, s)...)
			if _, err := io.ReadFull(r, cur[start:]); err != nil {
				return nil, errHeader("the Ogg headers are cut short (truncated)")
			}
			if s < 255 {
				packets = append(packets, cur)
				cur = nil
				if len(packets) == n {
					break
				}
			}
		}
	}
	return packets, nil
}

// bitReader reads Vorbis's LSB-first bit fields; reading past the end is an error.
type bitReader struct {
	b   []byte
	pos int // in bits
}

var errShort = errors.New("short")

func (br *bitReader) left() int { return len(br.b)*8 - br.pos }

func (br *bitReader) read(n int) (uint64, error) {
	if n > br.left() {
		return 0, errShort
	}
	var v uint64
	for i := range n {
		bit := br.b[(br.pos+i)/8] >> ((br.pos + i) % 8) & 1
		v |= uint64(bit) << i
	}
	br.pos += n
	return v, nil
}

func ilog(x uint64) int {
	n := 0
	for x > 0 {
		n++
		x >>= 1
	}
	return n
}

// checkCodebooks walks the codebooks of a Vorbis setup header (spec section 3.2.1).
func checkCodebooks(br *bitReader) error {
	bad := errHeader("damaged Vorbis codebooks")
	count, err := br.read(8)
	if err != nil {
		return bad
	}
	for range count + 1 {
		sync, err1 := br.read(24)
		dims, err2 := br.read(16)
		entries, err3 := br.read(24)
		ordered, err4 := br.read(1)
		if errors.Join(err1, err2, err3, err4) != nil || sync != 0x564342 {
			return bad
		}
		if dims == 0 || entries == 0 || entries > maxVorbisEntries || dims*entries > maxVorbisValues {
			return errHeader("a Vorbis codebook is too large")
		}
		if ordered == 0 {
			sparse, err := br.read(1)
			if err != nil || int(entries) > br.left() {
				return bad
			}
			for range entries {
				used := uint64(1)
				if sparse == 1 {
					if used, err = br.read(1); err != nil {
						return bad
					}
				}
				if used == 1 {
					if _, err := br.read(5); err != nil {
						return bad
					}
				}
			}
		} else {
			length, err := br.read(5)
			if err != nil {
				return bad
			}
			for cur := uint64(0); cur < entries; length++ {
				if length >= 32 {
					return bad
				}
				num, err := br.read(ilog(entries - cur))
				if err != nil || cur+num > entries {
					return bad
				}
				cur += num
			}
		}
		lookup, err := br.read(4)
		if err != nil || lookup > 2 {
			return bad
		}
		if lookup == 0 {
			continue
		}
		if _, err := br.read(64); err != nil {
			return bad
		}
		bits, err := br.read(4)
		if err != nil {
			return bad
		}
		if _, err := br.read(1); err != nil {
			return bad
		}
		values := entries * dims
		if lookup == 1 {
			values = uint64(math.Floor(math.Pow(float64(entries), 1/float64(dims))))
		}
		if values > maxVorbisValues || int(values*(bits+1)) > br.left() {
			return bad
		}
		br.pos += int(values * (bits + 1))
	}
	return nil
}
