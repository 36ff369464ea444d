// Package practice is Hearth's Practice screen: the library of practices and the
// player that guides one of them.
//
// The library lists every practice in the resources.Library, grouped by category, with
// its summary, its lengths and, for a practice from a facilitator's pack, the pack's
// name. Tapping a guided practice opens the player. The breathing pacer and the silent
// timer have screens of their own (package ui/pacer): for those kinds the library calls
// Callbacks.OnOpenPacer or Callbacks.OnOpenTimer instead.
//
// The player shows the safety note (when the practice has one), an optional 0–10
// "how unsettled do you feel?" rating, a length chooser where the practice stretches,
// a background chooser and three volume sliders, and then the current step's text in
// time with the audio, a progress slider that seeks, elapsed and remaining time, and
// play/pause. When the practice ends (or is ended after at least
// MinRecordedSeconds) it offers an optional rating again, saves a practice-session
// record through Store, and offers a reflection prompt.
//
// # Hosting the screen
//
// The shell builds one Screen with New and shows Content(). It calls:
//   - Focus(canvas) each time the screen is shown, so Space can toggle play/pause
//     while the player is visible: the screen wraps the canvas's OnTypedKey handler
//     (passing every other key on to it) and puts the original back in Stop or when
//     the library is shown again. The player's sliders pass Space on too, so it
//     works after one was dragged; a focused button takes Space as its own tap;
//   - Stop() when the user navigates away, locks or quits: playback and the position
//     ticker stop, and a session in progress (or finished but not yet saved) is saved;
//   - OpenPractice(id) to jump straight to a practice (from Home, Learn or a
//     programme day);
//   - RegisterTranslations() once at start-up.
//
// # Sound
//
// New receives the app's audio.Player and noOutput, the error (wrapping
// audio.ErrNoOutput) from probing the sound output, or nil when sound works. Without
// sound output, or when Play reports audio.ErrNoOutput later, the screen switches to
// an audio.SilentPlayer of its own: the practice runs in real time as text, with a
// calm notice and a soft ember pulse at each bell.
//
// While a session plays the screen watches the player's Changed channel and a
// 4 Hz ticker; while paused, finished or hidden nothing runs, so the idle cost is zero.
// Widgets are only touched on the UI goroutine (fyne.Do from the watcher).
//
// # What is saved
//
// One journal.Record of kind journal.KindPracticeSession per session: Title and
// Meta["practice_title"] the practice's title, Meta["practice_id"],
// Meta["pack_id"] (packs only), Meta["seconds"] (whole seconds actually played,
// seeks excluded), Meta["completed"] ("true" when played to the end),
// Meta["length_minutes"], and Ratings["before"] / Ratings["after"] when given.
package practice
