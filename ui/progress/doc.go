// Package progress is Hearth's Progress screen: a calm look back at practice,
// check-ins and exercises, computed from the vault's records every time it is
// shown and never stored twice.
//
// Compute (stats.go) and the sentences of text.go are plain Go with no Fyne import,
// so the numbers are tested without a display. Screen (screen.go) lays them out as
// cards, each with a chart from ui/charts and a plain-text summary beside it.
//
// What counts, by the conventions the player and the exercise forms save with:
//   - A practice-session record counts as practice when Meta["seconds"] (whole
//     seconds) is above zero or Meta["completed"] is "true". Ratings "before" and
//     "after" (how unsettled, 0–10: lower is calmer) and "calm_before"/"calm_after"
//     (how calm: higher is calmer) are optional; a pair needs both.
//   - A three-circles record is a check-in with optional "threat", "drive" and
//     "soothing" ratings; ratings outside 0–10 count as left out.
//   - Exercise records (three-circles, thought-record, compassionate-letter,
//     multiple-selves, critic-analysis, fears-blocks) with Meta["draft"]="true" are
//     not completed, but still mark a day with writing, as journal entries do.
//   - Days are local calendar days in the time zone of "now"; weeks are ISO weeks
//     (Monday to Sunday).
//
// Streaks are computed but shown only when the preference PrefShowStreaks is on.
package progress
