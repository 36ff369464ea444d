package audio

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// Render writes session s, mixed at volumes v, to w as a 16-bit 44.1 kHz stereo WAV
// file. The length is known in advance, so w need not be seekable. It stops early
// with ctx's error if ctx is cancelled. If a recording could not be decoded the file
// is still complete (with silence in its place) and the error wraps ErrDecode.
func Render(ctx context.Context, s *Session, w io.Writer, v Volumes) error {
	m, err := NewMix(s, v)
	if err != nil {
		return err
	}
	defer m.Close()
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeWAVHeader(bw, s.n); err != nil {
		return err
	}
	buf := make([][2]float64, 4096)
	out := make([]byte, len(buf)*4)
	for i := 0; ; i++ {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n, ok := m.Stream(buf)
		for j, smp := range buf[:n] {
			binary.LittleEndian.PutUint16(out[4*j:], uint16(toPCM16(smp[0])))
			binary.LittleEndian.PutUint16(out[4*j+2:], uint16(toPCM16(smp[1])))
		}
		if _, err := bw.Write(out[:4*n]); err != nil {
			return fmt.Errorf("writing the WAV file: %w", err)
		}
		if !ok {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the WAV file: %w", err)
	}
	return m.Err()
}

// toPCM16 converts a sample to 16-bit PCM with rounding.
func toPCM16(x float64) int16 {
	x = min(max(x, -1), 1) * 32767
	if x < 0 {
		return int16(x - 0.5)
	}
	return int16(x + 0.5)
}

// writeWAVHeader writes a canonical 44-byte WAV header for n stereo 16-bit samples.
func writeWAVHeader(w io.Writer, n int) error {
	data := uint64(n) * 4
	if data > math.MaxUint32-36 {
		return fmt.Errorf("a WAV file cannot hold %v of sound", Duration(n))
	}
	var h [44]byte
	copy(h[0:], "RIFF")
	binary.LittleEndian.PutUint32(h[4:], uint32(36+data))
	copy(h[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:], 16)
	binary.LittleEndian.PutUint16(h[20:], 1) // PCM
	binary.LittleEndian.PutUint16(h[22:], 2) // stereo
	binary.LittleEndian.PutUint32(h[24:], uint32(SampleRate))
	binary.LittleEndian.PutUint32(h[28:], uint32(SampleRate)*4)
	binary.LittleEndian.PutUint16(h[32:], 4)
	binary.LittleEndian.PutUint16(h[34:], 16)
	copy(h[36:], "data")
	binary.LittleEndian.PutUint32(h[40:], uint32(data))
	_, err := w.Write(h[:])
	return err
}
