package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/flac"
	"github.com/gopxl/beep/v2/mp3"
	"github.com/gopxl/beep/v2/vorbis"
	"github.com/gopxl/beep/v2/wav"
)

// Opener opens an audio file for reading. The file must be seekable (an *os.File or a
// file from an embed.FS are). Clips open their file when a session starts playing and
// close it when it ends.
type Opener func() (io.ReadSeekCloser, error)

// Limits on what a clip may claim, so a damaged header cannot ask for absurd work.
const (
	minSourceRate = 4000
	maxSourceRate = 192000
	maxClipLength = 6 * 3600 // seconds
)

// Clip streams one recording from its file, decoded and resampled to SampleRate
// stereo, without decoding the whole file into memory. It is a beep.StreamSeeker.
//
// A decoder that panics, loops without progress or fails part-way through never takes
// the program down: the clip ends early, Err reports ErrDecode, and a session plays
// silence for the rest of the clip's time.
type Clip struct {
	file   io.ReadSeekCloser
	kind   format
	src    beep.StreamSeekCloser
	srcLen int     // length in source samples
	ratio  float64 // source samples per output sample
	n      int     // length in output samples
	pos    int     // output position

	// Resampler state: buf holds source samples [bufStart, bufStart+bufLen).
	buf      [][2]float64
	bufStart int
	bufLen   int
	srcDone  bool
	err      error
}

// clipBuffer is the number of source samples a clip reads at a time.
const clipBuffer = 1024

// OpenClip opens and starts decoding the audio file that open returns. The format
// (OGG Vorbis, MP3, WAV or FLAC) is told from the file's first bytes, not its name.
// A broken or non-audio file returns an error wrapping ErrDecode or ErrUnsupported.
func OpenClip(open Opener) (*Clip, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	c, err := newClip(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

// DecodeBytes decodes an audio file held in memory (for tests and small embedded
// sounds).
func DecodeBytes(data []byte) (*Clip, error) {
	return newClip(nopCloser{bytes.NewReader(data)})
}

type nopCloser struct{ io.ReadSeeker }

func (nopCloser) Close() error { return nil }

// format is an audio container Hearth can decode.
type format int

const (
	formatUnknown format = iota
	formatVorbis
	formatMP3
	formatWAV
	formatFLAC
)

// sniff tells the format from the first bytes of a file.
func sniff(h []byte) format {
	switch {
	case bytes.HasPrefix(h, []byte("OggS")):
		return formatVorbis
	case bytes.HasPrefix(h, []byte("fLaC")):
		return formatFLAC
	case len(h) >= 12 && bytes.HasPrefix(h, []byte("RIFF")) && string(h[8:12]) == "WAVE":
		return formatWAV
	case bytes.HasPrefix(h, []byte("ID3")):
		return formatMP3
	case len(h) >= 2 && h[0] == 0xFF && h[1]&0xE0 == 0xE0:
		return formatMP3
	}
	return formatUnknown
}

func newClip(f io.ReadSeekCloser) (c *Clip, err error) {
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	var head [12]byte
	n, _ := io.ReadFull(f, head[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	kind := sniff(head[:n])
	if kind == formatUnknown {
		return nil, ErrUnsupported
	}
	var check error
	switch kind {
	case formatWAV:
		check = checkWAV(f, size)
	case formatMP3:
		check = checkMP3(f, size)
	case formatFLAC:
		check = checkFLAC(f, size)
	case formatVorbis:
		check = checkVorbis(f)
	}
	if check != nil {
		return nil, check
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("%w: decoder failed: %v", ErrDecode, r)
		}
	}()
	// The beep decoders must not close f on failure: OpenClip does.
	var (
		src    beep.StreamSeekCloser
		format beep.Format
	)
	body := noClose{f}
	switch kind {
	case formatVorbis:
		src, format, err = vorbis.Decode(body)
	case formatMP3:
		src, format, err = mp3.Decode(body)
	case formatWAV:
		src, format, err = wav.Decode(body)
	case formatFLAC:
		src, format, err = flac.Decode(body)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDecode, err)
	}
	rate := int(format.SampleRate)
	if rate < minSourceRate || rate > maxSourceRate || format.NumChannels < 1 {
		return nil, fmt.Errorf("%w: unusual format (%d Hz, %d channels)", ErrDecode, rate, format.NumChannels)
	}
	srcLen := src.Len()
	if srcLen <= 0 {
		return nil, fmt.Errorf("%w: the recording is empty", ErrDecode)
	}
	if srcLen > maxClipLength*rate {
		return nil, fmt.Errorf("%w: the recording claims to be longer than %d hours", ErrDecode, maxClipLength/3600)
	}
	c = &Clip{
		file:   f,
		kind:   kind,
		src:    src,
		srcLen: srcLen,
		ratio:  float64(rate) / float64(SampleRate),
		buf:    make([][2]float64, clipBuffer+4),
	}
	c.n = int(math.Ceil(float64(srcLen) / c.ratio))
	return c, nil
}

// noClose hides Close from the beep decoders, which close their reader on some
// errors; the Clip owns the file.
type noClose struct{ io.ReadSeeker }

func (noClose) Close() error { return nil }

// checkWAV walks the RIFF chunks of a WAV file up to its data chunk and rejects sizes
// that point past the end of the file, before beep's decoder allocates them.
func checkWAV(r io.ReadSeeker, size int64) error {
	var hdr [12]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return fmt.Errorf("%w: %v", ErrDecode, err)
	}
	pos := int64(12)
	haveFmt := false
	for {
		var ch [8]byte
		if _, err := io.ReadFull(r, ch[:]); err != nil {
			return fmt.Errorf("%w: the file ends before its sound data (truncated)", ErrDecode)
		}
		pos += 8
		id := string(ch[:4])
		n := int64(binary.LittleEndian.Uint32(ch[4:]))
		switch id {
		case "fmt ":
			if n < 16 || n > 1024 || pos+n > size {
				return fmt.Errorf("%w: bad format chunk", ErrDecode)
			}
			var fm [16]byte
			if _, err := io.ReadFull(r, fm[:]); err != nil {
				return fmt.Errorf("%w: %v", ErrDecode, err)
			}
			chans := int(binary.LittleEndian.Uint16(fm[2:]))
			align := int(binary.LittleEndian.Uint16(fm[12:]))
			bits := int(binary.LittleEndian.Uint16(fm[14:]))
			tag := binary.LittleEndian.Uint16(fm[0:])
			if tag == 3 {
				return fmt.Errorf("%w: floating-point WAV (save it as 16- or 24-bit PCM)", ErrUnsupported)
			}
			if chans < 1 || chans > 8 || (bits != 8 && bits != 16 && bits != 24) || align != chans*bits/8 {
				return fmt.Errorf("%w: WAV with %d channels of %d bits", ErrUnsupported, chans, bits)
			}
			haveFmt = true
		case "data":
			if !haveFmt {
				return fmt.Errorf("%w: sound data before its format", ErrDecode)
			}
			if n == 0 || n == 0xFFFFFFFF || n > math.MaxInt32 {
				return fmt.Errorf("%w: the WAV file does not say how long it is", ErrDecode)
			}
			if pos+n > size {
				return fmt.Errorf("%w: the file is shorter than it says (truncated)", ErrDecode)
			}
			_, err := r.Seek(0, io.SeekStart)
			return err
		default:
			if n%2 == 1 {
				n++
			}
		}
		if id != "fmt " && pos+n > size {
			return fmt.Errorf("%w: a chunk runs past the end of the file (truncated)", ErrDecode)
		}
		pos += n
		if _, err := r.Seek(pos, io.SeekStart); err != nil {
			return fmt.Errorf("%w: %v", ErrDecode, err)
		}
	}
}

// Len is the clip's length in samples at SampleRate.
func (c *Clip) Len() int { return c.n }

// Position is the current position in samples at SampleRate.
func (c *Clip) Position() int { return c.pos }

// Err reports why the clip stopped early, if it did.
func (c *Clip) Err() error { return c.err }

// Close closes the clip's file.
func (c *Clip) Close() error {
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%w: %v", ErrDecode, r)
			}
		}()
		c.src.Close()
	}()
	if cerr := c.file.Close(); err == nil {
		err = cerr
	}
	return err
}

// Seek moves to output sample p (clamped to the clip).
func (c *Clip) Seek(p int) error {
	p = min(max(p, 0), c.n)
	c.pos = p
	c.bufLen = 0
	c.srcDone = false
	if c.err != nil {
		return c.err
	}
	start := max(int(float64(p)*c.ratio)-1, 0)
	start = min(start, c.srcLen)
	if err := c.seekSource(start); err != nil {
		c.fail(err)
		return c.err
	}
	c.bufStart = start
	return nil
}

// Work-arounds for decoders whose Seek is not exact (beep v2.1.1, go-mp3 v0.3.4).
const (
	// mp3Preroll: an MP3 frame may borrow bits from the frames before it (the bit
	// reservoir), which go-mp3 skips on a seek; decoding a few frames first fills it.
	mp3Preroll = 4 * 1152
	// flacTail: beep's FLAC Seek goes wrong (and can panic) within one block of the
	// end; blocks are at most 65535 samples, so seek before that and decode forward.
	flacTail = 65536
)

// seekSource moves the decoder to source sample p, exactly.
func (c *Clip) seekSource(p int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("seek failed: %v", r)
		}
	}()
	pre := p
	switch c.kind {
	case formatMP3:
		pre = max(p-mp3Preroll, 0)
	case formatFLAC:
		if p >= c.srcLen-flacTail {
			pre = max(c.srcLen-flacTail-1, 0)
		}
		if pre == 0 {
			return c.restartFLAC(p)
		}
	}
	if err := c.src.Seek(pre); err != nil {
		return err
	}
	return c.discard(p - pre)
}

// restartFLAC decodes the FLAC file again from its start and skips to p.
func (c *Clip) restartFLAC(p int) error {
	if _, err := c.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	src, _, err := flac.Decode(noClose{c.file})
	if err != nil {
		return err
	}
	c.src = src
	return c.discard(p)
}

// discard decodes and drops n source samples.
func (c *Clip) discard(n int) error {
	for n > 0 {
		k, ok := c.src.Stream(c.buf[:min(n, len(c.buf))])
		n -= k
		if err := c.src.Err(); err != nil {
			return err
		}
		if !ok || k == 0 {
			return nil // past the end: the clip will play silence
		}
	}
	return nil
}

func (c *Clip) fail(err error) {
	if c.err == nil {
		c.err = fmt.Errorf("%w: %v", ErrDecode, err)
	}
	c.srcDone = true
}

// safeStream pulls from the decoder, turning panics into errors.
func (c *Clip) safeStream(dst [][2]float64) (n int, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, ok, err = 0, false, fmt.Errorf("decoder failed: %v", r)
		}
	}()
	n, ok = c.src.Stream(dst)
	if n < 0 || n > len(dst) {
		return 0, false, errors.New("decoder returned a bad count")
	}
	return n, ok, c.src.Err()
}

// refill keeps the last few source samples for interpolation and reads more.
func (c *Clip) refill(need int) {
	// Drop samples before need-1 (the interpolator looks one sample back).
	drop := min(max(need-1-c.bufStart, 0), c.bufLen)
	copy(c.buf, c.buf[drop:c.bufLen])
	c.bufStart += drop
	c.bufLen -= drop
	stalls := 0
	for c.bufLen < len(c.buf) && !c.srcDone {
		n, ok, err := c.safeStream(c.buf[c.bufLen:])
		c.bufLen += n
		switch {
		case err != nil:
			c.fail(err)
		case !ok:
			c.srcDone = true
		case n == 0:
			stalls++
			if stalls > 3 {
				c.fail(errors.New("the decoder stopped making progress"))
			}
		}
		if c.bufStart+c.bufLen >= c.srcLen {
			c.srcDone = true
		}
	}
}

// at returns source sample i, or silence outside what the decoder delivered.
func (c *Clip) at(i int) [2]float64 {
	i = max(i, 0)
	if i < c.bufStart || i >= c.bufStart+c.bufLen {
		return [2]float64{}
	}
	return c.buf[i-c.bufStart]
}

// Stream fills samples with the next part of the clip, resampled with cubic
// (Catmull-Rom) interpolation. It follows beep's contract: it returns how many
// samples it filled, and false once the clip has ended.
func (c *Clip) Stream(samples [][2]float64) (n int, ok bool) {
	for n < len(samples) && c.pos < c.n {
		x := float64(c.pos) * c.ratio
		i := int(x)
		if i+2 >= c.bufStart+c.bufLen && !c.srcDone {
			c.refill(i)
		}
		t := x - float64(i)
		a, b, d, e := c.at(i-1), c.at(i), c.at(i+1), c.at(i+2)
		for ch := range 2 {
			p0, p1, p2, p3 := a[ch], b[ch], d[ch], e[ch]
			samples[n][ch] = p1 + 0.5*t*(p2-p0+t*(2*p0-5*p1+4*p2-p3+t*(3*(p1-p2)+p3-p0)))
		}
		n++
		c.pos++
	}
	return n, n > 0
}
