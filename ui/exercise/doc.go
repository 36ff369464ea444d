// Package exercise is Hearth's Exercises screen: one step-by-step form that renders
// any structured writing exercise from the content library or a pack, the list of
// the user's saved exercises, and the views shown when an exercise is finished.
//
// # Hosting it in the shell
//
//	s := exercise.New(lib, vault, app.Preferences(), spotter, time.Now)
//	s.OnNeedSupport = func() { /* gently offer the support screen */ }
//	s.OnSaved = func(journal.Record) { /* e.g. refresh Home or Progress */ }
//	// when the place is shown:   show(s.Content()); s.Refresh(); s.Focus(canvas)
//	// when the user leaves/locks: s.Stop()   (flushes the open draft; Flush
//	//                              returns the error if that save failed)
//	// from a programme day:       s.Open("thought-record")  (continues a draft)
//	// from a reminder or search:  s.OpenRecord(id)
//
// Call RegisterTranslations once at start-up. Content() is built once; Refresh reloads
// the saved exercises off the UI goroutine. Everything else runs on the UI goroutine.
//
// # What is saved
//
// An exercise is saved as one journal record (see /tmp/hearth/ui-screens.md): Kind is
// the exercise's record_kind, Title its title, Fields[fieldID] the text and choice
// answers, Ratings[fieldID] the ratings (left out when not rated), Meta["exercise_id"],
// Meta["pack_id"] for a pack's exercise, and Body a readable Markdown rendering of the
// answers so search and export show them. While unfinished, Meta["draft"] = "true" and
// Meta["step"] is the step (from 0) the user was on, so the form resumes there. Finish
// removes both. A finished letter may carry Meta["reread_after"] (RFC 3339, local
// midnight three days after the user asked to be reminded) until it is read again;
// DueLetters finds the letters whose time has come, and reading one through sets
// Meta["reread_on"] and removes the reminder.
//
// The form saves about a second after typing stops, and on Back, Next, Finish and
// Stop. "Saved" appears only after the Store returned; when a save fails the words stay
// in the form, a kind message says so, and the next save tries again.
//
// # Special views
//
//   - Ratings in pairs X_before / X_after (the thought record's feelings, the letter's
//     distress) are shown side by side when finished: "Your main feeling (anxious)
//     eased from 80 to 55".
//   - A compassionate letter can be read slowly, one paragraph at a time in large type,
//     and the user can ask to be reminded to read it again in a few days.
//   - Multiple selves shows four panels (angry, anxious, sad, compassionate) from the
//     fields angry_*, anxious_*, sad_* and compassionate_*.
//   - While someone writes threat-based thoughts (fields thoughts_*), CriticNotes shows
//     the phrases the critic Spotter noticed, each with a friendly name and one
//     compassionate question. NewCriticNotes is exported so the journal editor can use
//     it too (preference PrefCriticInJournal, off by default).
//   - A rating of 8/10 or more (80/100) on a distress-type field (an ID containing
//     "distress" or "intensity") calls OnNeedSupport once per field while the form is
//     open. It never blocks anything.
package exercise
