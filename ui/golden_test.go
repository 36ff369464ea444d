package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestSupportContentMarkup pins the safety text and its order (not-therapy note, the
// crisis line in bold, reaching out, grounding, what comes later) as rendered markup.
func TestSupportContentMarkup(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, supportContent())
	w.Resize(fyne.NewSize(480, 420))
	test.AssertRendersToMarkup(t, "support.xml", w.Canvas())
}
