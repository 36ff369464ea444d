package pacer

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stepper chooses a number in steps with − and + buttons around its value: calmer
// and more exact than a slider for a handful of choices.
type stepper struct {
	box            *fyne.Container
	minus, plus    *widget.Button
	text           *widget.Label
	value          float64
	min, max, step float64
	format         func(float64) string
	changed        func(float64)
}

// newStepper makes a stepper from lo to hi in steps of step, showing format(value).
func newStepper(lo, hi, step, value float64, format func(float64) string) *stepper {
	s := &stepper{min: lo, max: hi, step: step, format: format}
	s.text = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	s.minus = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.SetValue(s.value - s.step) })
	s.plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { s.SetValue(s.value + s.step) })
	s.minus.Importance, s.plus.Importance = widget.LowImportance, widget.LowImportance
	// The value sits in a fixed width so the buttons never move as it changes.
	width := widget.NewLabel("1 : 2.00").MinSize().Width
	s.box = container.NewHBox(s.minus, container.NewGridWrap(fyne.NewSize(width, s.text.MinSize().Height), s.text), s.plus)
	s.show(s.snap(value))
	return s
}

// snap rounds v to the nearest step within range.
func (s *stepper) snap(v float64) float64 {
	v = math.Round((v-s.min)/s.step)*s.step + s.min
	v = math.Round(v*1000) / 1000
	return min(max(v, s.min), s.max)
}

// show displays v without telling changed.
func (s *stepper) show(v float64) {
	s.value = v
	s.text.SetText(s.format(v))
	setEnabled(s.minus, v > s.min)
	setEnabled(s.plus, v < s.max)
}

// SetValue chooses v (snapped to a step) and tells changed if it moved.
func (s *stepper) SetValue(v float64) {
	v = s.snap(v)
	if v == s.value {
		return
	}
	s.show(v)
	if s.changed != nil {
		s.changed(v)
	}
}

// Value is the chosen number.
func (s *stepper) Value() float64 { return s.value }

func setEnabled(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}
