// Package learn is Hearth's Learn screen: the short lessons about CFT's ideas, read
// as rich text at a comfortable width, and the take-home programme (the built-in four
// weeks, or a pack's plan) shown week by week with a soft tick for each day done.
//
// # Hosting it
//
// The shell builds the screen once with New, passing the Library, the vault (any
// Store), the app's Preferences, a clock and the Navigation callbacks, calls
// RegisterTranslations once at start-up, puts Content() in its body, calls Refresh
// each time the screen is shown (the ticks are worked out from the vault off the UI
// goroutine), and Stop when the user leaves or locks. OpenLesson and ShowProgramme
// let other screens (Home) open a lesson or the programme directly; SetLibrary takes
// a new Library after a pack was imported or removed.
//
// # What is stored where
//
// Nothing the user wrote is kept here. Read marks and the programme's start date are
// UI state and live in fyne.Preferences: PrefRead (lesson IDs) with PrefReadAtPrefix
// (when each was marked read), PrefStartPrefix+<programme ID> (the local date it was
// started, set by "Start this programme" and "Start again") and PrefProgramme (the
// programme chosen). Whether a day was done is never stored: it is derived from the
// vault's records each time (see DayItems).
//
// # Days
//
// Day 1 is the day the programme was started; each calendar day after opens the next
// (TodayStep, capped at the last day). A day's practice, prompt and exercise count
// when done on or after the day it opened (DayDate), so repeating a practice early
// does not tick days still ahead, and doing an earlier day late still ticks it. A
// lesson counts when it was read at any time since the programme started. Days not
// done are simply shown without a tick: never a cross, never "missed".
//
// For the Home screen, Today gives today's step of the chosen programme with its
// ticks; TodayStep and DayDone are the pure pieces it is built from.
package learn
