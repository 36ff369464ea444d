package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Auto-lock needs to know when the user was last active. Fyne has no window-wide
// input hook, so Hearth counts what it can observe:
//   - the mouse moving over the window where no button or field takes the hover
//     (activityCatcher, the window's backdrop),
//   - typing and cursor moves in Hearth's fields (OnChanged, OnCursorChanged),
//   - keys pressed while no field has focus (the canvas's key handlers),
//   - every button, list choice and menu action in Hearth.
// Mouse movement over a button or field alone is not counted; any click or key is.

// activityCatcher is an invisible backdrop behind the whole window that reports
// mouse movement.
type activityCatcher struct {
	widget.BaseWidget
	onActivity func()
}

var _ desktop.Hoverable = (*activityCatcher)(nil)

func newActivityCatcher(onActivity func()) *activityCatcher {
	c := &activityCatcher{onActivity: onActivity}
	c.ExtendBaseWidget(c)
	return c
}

func (c *activityCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// MouseIn implements desktop.Hoverable.
func (c *activityCatcher) MouseIn(*desktop.MouseEvent) { c.onActivity() }

// MouseMoved implements desktop.Hoverable.
func (c *activityCatcher) MouseMoved(*desktop.MouseEvent) { c.onActivity() }

// MouseOut implements desktop.Hoverable.
func (c *activityCatcher) MouseOut() {}
