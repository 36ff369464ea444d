package resources

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// AudioFormat is an audio file format a pack may carry.
type AudioFormat string

// The audio formats Hearth plays.
const (
	FormatOGG  AudioFormat = "ogg"  // Ogg Vorbis
	FormatMP3  AudioFormat = "mp3"  // MPEG-1/2 Layer III
	FormatWAV  AudioFormat = "wav"  // RIFF WAVE, PCM or float
	FormatFLAC AudioFormat = "flac" // FLAC
)

// audioHeaderBytes is how much of an audio file is read to check its header: the first
// Ogg page, the WAV chunks before the data, FLAC's STREAMINFO, or an ID3 tag without a
// large cover picture and the first MP3 frame.
const audioHeaderBytes = 64 << 10

// FormatOf returns the audio format a file name's extension claims, or "".
func FormatOf(name string) AudioFormat {
	switch strings.ToLower(path.Ext(name)) {
	case ".ogg", ".oga":
		return FormatOGG
	case ".mp3":
		return FormatMP3
	case ".wav":
		return FormatWAV
	case ".flac":
		return FormatFLAC
	}
	return ""
}

// checkAudio adds a problem when the audio file a practice names is missing, outside
// the pack, or not a readable file of the format its extension says.
func (l *loader) checkAudio(file string, line int, name string) {
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		l.addf(file, line, "audio path %q must be a relative path inside the pack with / between folders", name)
		return
	}
	if skipEntry(name) {
		l.addf(file, line, "audio path %q is a hidden or system file, which is left out of packs; rename it", name)
		return
	}
	if l.fsys == nil {
		return // parsing a lone file: there are no files to check
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		l.addf(file, line, "audio file %q is missing from the pack", name)
		return
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, audioHeaderBytes))
	if err != nil {
		l.addf(file, line, "audio file %q cannot be read: %v", name, err)
		return
	}
	if err := CheckAudioHeader(name, head); err != nil {
		l.addf(file, line, "audio file %q: %v", name, err)
	}
}

// CheckAudioHeader checks that head, the first bytes of the file called name, starts
// like an audio file of the format its extension names: the magic bytes and a basic
// parse of the header. It does not decode the audio (the audio package does).
func CheckAudioHeader(name string, head []byte) error {
	want := FormatOf(name)
	if want == "" {
		return errors.New("not a supported audio file (use .ogg, .mp3, .wav or .flac)")
	}
	got := sniffAudio(head)
	if got == "" {
		return fmt.Errorf("does not look like %s file (its first bytes are not an audio header)", withArticle(want))
	}
	if got != want {
		return fmt.Errorf("is %s file but its name ends in %s; rename it", withArticle(got), path.Ext(name))
	}
	var err error
	switch want {
	case FormatOGG:
		err = checkOgg(head)
	case FormatMP3:
		err = checkMP3(head)
	case FormatWAV:
		err = checkWAV(head)
	case FormatFLAC:
		err = checkFLAC(head)
	}
	if err != nil {
		return fmt.Errorf("damaged %s header: %w", strings.ToUpper(string(want)), err)
	}
	return nil
}

// withArticle returns "an OGG", "a WAV" and so on.
func withArticle(f AudioFormat) string {
	u := strings.ToUpper(string(f))
	if strings.ContainsRune("AEFHILMNORSX", rune(u[0])) {
		return "an " + u
	}
	return "a " + u
}

// sniffAudio tells the format from the magic bytes, or "".
func sniffAudio(b []byte) AudioFormat {
	switch {
	case bytes.HasPrefix(b, []byte("OggS")):
		return FormatOGG
	case bytes.HasPrefix(b, []byte("fLaC")):
		return FormatFLAC
	case len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) && string(b[8:12]) == "WAVE":
		return FormatWAV
	case bytes.HasPrefix(b, []byte("ID3")), len(b) >= 2 && b[0] == 0xFF && b[1]&0xE0 == 0xE0:
		return FormatMP3
	}
	return ""
}

// checkOgg parses the first Ogg page and the Vorbis identification header in it.
func checkOgg(b []byte) error {
	if len(b) < 27 {
		return errors.New("file too short")
	}
	if b[4] != 0 {
		return fmt.Errorf("unknown Ogg version %d", b[4])
	}
	if b[5]&0x02 == 0 {
		return errors.New("first page is not marked as the start of a stream")
	}
	nseg := int(b[26])
	if len(b) < 27+nseg {
		return errors.New("file too short")
	}
	body := 27 + nseg
	size := 0
	for _, s := range b[27:body] {
		size += int(s)
	}
	if len(b) < body+size || size < 30 {
		return errors.New("first packet is cut short")
	}
	p := b[body : body+size]
	if p[0] != 1 || string(p[1:7]) != "vorbis" || binary.LittleEndian.Uint32(p[7:11]) != 0 {
		if bytes.HasPrefix(p, []byte("OpusHead")) {
			return errors.New("it is Ogg Opus; Hearth plays Ogg Vorbis (re-encode with oggenc)")
		}
		return errors.New("not Ogg Vorbis (no Vorbis identification header)")
	}
	channels := p[11]
	rate := binary.LittleEndian.Uint32(p[12:16])
	if channels == 0 || rate < 8000 || rate > 192000 {
		return fmt.Errorf("impossible stream: %d channels at %d Hz", channels, rate)
	}
	if p[29]&1 != 1 {
		return errors.New("identification header has no framing bit")
	}
	return nil
}

// checkMP3 skips an ID3v2 tag and parses the first MPEG audio frame header.
func checkMP3(b []byte) error {
	if bytes.HasPrefix(b, []byte("ID3")) {
		if len(b) < 10 {
			return errors.New("file too short")
		}
		for _, c := range b[6:10] {
			if c&0x80 != 0 {
				return errors.New("ID3 tag size is damaged")
			}
		}
		size := int(b[6])<<21 | int(b[7])<<14 | int(b[8])<<7 | int(b[9])
		skip := 10 + size
		if b[5]&0x10 != 0 {
			skip += 10 // footer
		}
		if skip+4 > len(b) {
			if len(b) >= audioHeaderBytes {
				return nil // a tag larger than what was read (cover art): the decoder will tell
			}
			return errors.New("no audio after the ID3 tag")
		}
		b = b[skip:]
	}
	if len(b) < 4 {
		return errors.New("file too short")
	}
	h := binary.BigEndian.Uint32(b[:4])
	switch {
	case h&0xFFE00000 != 0xFFE00000:
		return errors.New("no MPEG frame sync at the start of the audio")
	case (h>>19)&3 == 1:
		return errors.New("reserved MPEG version")
	case (h>>17)&3 != 1:
		return errors.New("not Layer III (MP3)")
	case (h>>12)&0xF == 0xF:
		return errors.New("bad bitrate")
	case (h>>10)&3 == 3:
		return errors.New("bad sample rate")
	}
	return nil
}

// checkWAV walks the RIFF chunks for a sensible fmt chunk and a data chunk.
func checkWAV(b []byte) error {
	var sawFmt bool
	for off := 12; off+8 <= len(b); {
		id := string(b[off : off+4])
		size := int(binary.LittleEndian.Uint32(b[off+4 : off+8]))
		body := off + 8
		switch id {
		case "fmt ":
			if size < 16 || body+16 > len(b) {
				return errors.New("fmt chunk is too short")
			}
			format := binary.LittleEndian.Uint16(b[body:])
			channels := binary.LittleEndian.Uint16(b[body+2:])
			rate := binary.LittleEndian.Uint32(b[body+4:])
			bits := binary.LittleEndian.Uint16(b[body+14:])
			if format != 1 && format != 3 && format != 0xFFFE {
				return fmt.Errorf("audio format %d is compressed; use PCM WAV", format)
			}
			if channels == 0 || channels > 8 || rate < 8000 || rate > 192000 {
				return fmt.Errorf("impossible stream: %d channels at %d Hz", channels, rate)
			}
			if bits != 8 && bits != 16 && bits != 24 && bits != 32 {
				return fmt.Errorf("%d bits per sample is not supported", bits)
			}
			sawFmt = true
		case "data":
			if !sawFmt {
				return errors.New("data comes before the fmt chunk")
			}
			return nil
		}
		if size < 0 || body+size > len(b) {
			if sawFmt && len(b) >= audioHeaderBytes {
				return nil // a large chunk before the data, past what was read
			}
			break
		}
		off = body + size + size&1
	}
	if !sawFmt {
		return errors.New("no fmt chunk")
	}
	return errors.New("no data chunk")
}

// checkFLAC parses the STREAMINFO block that must come first.
func checkFLAC(b []byte) error {
	if len(b) < 8+34 {
		return errors.New("file too short")
	}
	if b[4]&0x7F != 0 {
		return errors.New("first metadata block is not STREAMINFO")
	}
	length := int(b[5])<<16 | int(b[6])<<8 | int(b[7])
	if length != 34 {
		return errors.New("STREAMINFO has the wrong size")
	}
	si := b[8 : 8+34]
	rate := uint32(si[10])<<12 | uint32(si[11])<<4 | uint32(si[12])>>4
	channels := (si[12]>>1)&7 + 1
	bits := (si[12]&1)<<4 | si[13]>>4 + 1
	if rate == 0 || rate > 655350 {
		return fmt.Errorf("impossible sample rate %d Hz", rate)
	}
	if bits < 4 {
		return fmt.Errorf("impossible %d bits per sample with %d channels", bits, channels)
	}
	return nil
}
