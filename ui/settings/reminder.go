package settings

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Reminder preference keys.
const (
	// PrefReminderOn turns the daily reminder on (off by default).
	PrefReminderOn = "reminder.enabled"
	// PrefReminderTime is the reminder's local time of day, "15:04".
	PrefReminderTime = "reminder.time"
	// defaultReminderTime is offered when none was chosen.
	defaultReminderTime = "19:00"
)

// Reminder sends one gentle notification a day, at the chosen time, while Hearth
// runs. It is off unless the user turns it on. Use it on the UI goroutine.
type Reminder struct {
	app   fyne.App
	now   func() time.Time
	after func(time.Duration, func()) func()
	stop  func()
	// Sent counts the notifications sent (for tests and the shell's tray).
	Sent int
}

// NewReminder makes a reminder for app; after calls f on the UI goroutine once d
// has passed (unless stopped).
func NewReminder(app fyne.App, now func() time.Time, after func(d time.Duration, f func()) (stop func())) *Reminder {
	return &Reminder{app: app, now: now, after: after}
}

// Enabled reports whether the user turned the reminder on.
func (r *Reminder) Enabled() bool { return r.app.Preferences().Bool(PrefReminderOn) }

// At is the chosen time of day as hours and minutes.
func (r *Reminder) At() (hour, minute int) {
	return parseClock(r.app.Preferences().StringWithFallback(PrefReminderTime, defaultReminderTime))
}

// parseClock reads "15:04", falling back to the default time.
func parseClock(s string) (hour, minute int) {
	if _, err := fmt.Sscanf(s, "%d:%d", &hour, &minute); err != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 19, 0
	}
	return hour, minute
}

// Next is when the reminder fires next after now.
func (r *Reminder) Next() time.Time {
	now := r.now()
	h, m := r.At()
	next := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	if !next.After(now) {
		next = next.AddDate(0, 0, 1)
	}
	return next
}

// Arm (re)schedules the reminder from the preferences; it does nothing when off.
func (r *Reminder) Arm() {
	r.Stop()
	if !r.Enabled() {
		return
	}
	r.stop = r.after(r.Next().Sub(r.now()), func() {
		r.stop = nil
		r.Sent++
		r.app.SendNotification(fyne.NewNotification(lang.L("A moment for you"),
			lang.L("If you'd like, Hearth has a few minutes of breathing ready for you.")))
		r.Arm()
	})
}

// Stop cancels the next reminder.
func (r *Reminder) Stop() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}
