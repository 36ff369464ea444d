package pacer

import "time"

// Clock turns a player's coarse position reports (the audio moves in buffers of tens
// of milliseconds) into a smooth, steadily advancing time for the animation. It runs
// on the wall clock and is gently pulled toward the player's position, so the shape
// keeps step with the sound without jerking. It is a plain value with no goroutines;
// pass it the current wall time.
type Clock struct {
	base    time.Duration // position at wall time at
	at      time.Time
	running bool
}

// Clock tuning: differences under snapAfter are eased away by at most maxNudge per
// Sync; a larger one (a seek, a stalled device) is jumped over at once.
const (
	snapAfter = 400 * time.Millisecond
	maxNudge  = 8 * time.Millisecond
)

// Start sets the clock running from pos at wall time now.
func (c *Clock) Start(pos time.Duration, now time.Time) {
	c.base, c.at, c.running = pos, now, true
}

// Pause holds the clock where it is at wall time now.
func (c *Clock) Pause(now time.Time) {
	c.base, c.running = c.Now(now), false
}

// Resume sets a held clock running again from where it stopped.
func (c *Clock) Resume(now time.Time) {
	if !c.running {
		c.at, c.running = now, true
	}
}

// Running reports whether the clock is advancing.
func (c *Clock) Running() bool { return c.running }

// Now returns the clock's position at wall time now.
func (c *Clock) Now(now time.Time) time.Duration {
	if !c.running {
		return c.base
	}
	return c.base + now.Sub(c.at)
}

// Sync pulls the clock toward the player's reported position pos at wall time now.
func (c *Clock) Sync(pos time.Duration, now time.Time) {
	diff := pos - c.Now(now)
	switch {
	case diff > snapAfter || diff < -snapAfter:
		c.base += diff
	case !c.running:
		// A held clock stays exactly where the user paused it.
	default:
		c.base += min(max(diff/8, -maxNudge), maxNudge)
	}
}
