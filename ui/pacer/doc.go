// Package pacer holds two of Hearth's practice screens: Screen, the breathing pacer
// (a soft sage shape that grows on the in-breath and shrinks on the out-breath, with
// calm words, a gentle count and optional breath tones), and TimerScreen, the silent
// timer (a calm, large remaining time between bells, with optional interval bells
// and a background bed).
//
// # Hosting
//
// Call RegisterTranslations once at start-up. Build each screen once with a Config:
//
//	cfg := pacer.Config{
//		Player:        player,   // the app's audio.Player (audio/device)
//		NoOutput:      noOutErr, // non-nil when the app knows there is no sound output
//		Store:         vault,    // *journal.Vault
//		Prefs:         app.Preferences(),
//		OnNeedSupport: shell.OfferSupport,
//	}
//	cfg.Practice = lib.Practice(pacer.PacerID)
//	breathing := pacer.New(cfg)
//	cfg.Practice = lib.Practice(pacer.TimerID)
//	timer := pacer.NewTimer(cfg)
//
// Show Content() when the user opens the practice; call Stop() whenever the screen
// is hidden (navigating away, locking, quitting): it stops the sound and the
// animation and saves the session so far. Refresh has nothing to reload.
//
// # Sound and no sound
//
// Sessions are built with the audio package (audio.NewPacerSession, audio.NewTimer)
// and played on Config.Player. When there is no sound output (Config.NoOutput, or
// Play returning an error wrapping audio.ErrNoOutput), or when the pacer's tones are
// turned off, the screen plays the same session on an audio.SilentPlayer, so the
// timing is identical; a calm notice says so once, and the timer shows its bells as
// a soft ember ring.
//
// # Timing and animation
//
// Model (model.go, no Fyne) is the pacer's timing: for any moment it gives the part
// of the breath, the progress through it and the shape's scale (half-sine easing,
// still during pauses, never jumping). It mirrors audio's pacer plan to the sample;
// a test checks the two agree. Clock smooths the player's coarse position into a
// steady time for the animation.
//
// A redraw loop (one goroutine, through fyne.Do) runs only while a session plays:
// 20 frames a second for the pacer, redrawing only the shape (and only when it moves
// by a visible amount) and, when they change, the words; four times a second for the
// timer, whose visual bell is a short fyne.Animation. Pause, End, the end of the session
// and Stop all halt it. Nothing moves while the settings are shown.
//
// # What is saved
//
// When a session ends (at its end, or ended early after at least 30 seconds) a
// practice-session record is saved through Store: Meta practice_id ("breathing-pacer"
// or "silent-timer"), practice_title, seconds, completed, length_minutes, pack_id for
// a pack's practice, and the settings (the pacer's breaths_per_minute, out_ratio,
// hold_in_seconds, hold_out_seconds, tones; the timer's interval_minutes,
// background, bell). The optional ratings "before" and "after" (how unsettled,
// 0–10) are saved when given; a rating of 8 or more calls OnNeedSupport.
package pacer
