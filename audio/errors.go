package audio

import "errors"

// Sentinel errors. Test for them with errors.Is.
var (
	// ErrNoOutput means no sound output could be opened. Everything else keeps working:
	// the practice shows its text and bells visually.
	//lint:ignore ST1005 the message is shown to people as a whole sentence.
	ErrNoOutput = errors.New("No sound output found — the practice will show its text and bells visually")
	// ErrDecode means an audio file is broken, truncated or not audio at all.
	ErrDecode = errors.New("this recording could not be read (it may be damaged or not an audio file)")
	// ErrUnsupported means an audio file is in a format Hearth cannot play.
	ErrUnsupported = errors.New("this recording is in a format Hearth cannot play (use OGG Vorbis, MP3, WAV or FLAC)")
	// ErrTooLong means a practice does not fit in the requested length even with its
	// pauses at their shortest.
	ErrTooLong = errors.New("this practice does not fit in that length")
	// ErrClosed means the player was closed.
	ErrClosed = errors.New("the player is closed")
	// ErrNothingPlaying means a control was used while no session was loaded.
	ErrNothingPlaying = errors.New("nothing is playing")
)
