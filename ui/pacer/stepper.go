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
	width := widget.NewLabel("1 : 2.0").MinSize().Width
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

// settingRow puts a control beside its label when both fit on one line, and below
// it in a narrow window (or at a large text size), so no word is ever broken.
func settingRow(label string, control fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Wrapping = fyne.TextWrapWord
	return container.New(&rowLayout{label: l}, l, control)
}

// rowLayout lays out a label (objs[0]) and a control (objs[1]). Like a wrapping
// label, its minimum height depends on the width it was last given.
type rowLayout struct {
	label *widget.Label
	width float32 // the last width laid out; 0 before the first layout
}

// beside reports whether label and control fit side by side in width.
func (r *rowLayout) beside(control fyne.CanvasObject, width float32) bool {
	th := r.label.Theme()
	text := fyne.MeasureText(r.label.Text, th.Size(theme.SizeNameText), r.label.TextStyle).Width
	return text+2*th.Size(theme.SizeNameInnerPadding)+th.Size(theme.SizeNamePadding)+control.MinSize().Width <= width
}

func (r *rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	label, control := objs[0].MinSize(), objs[1].MinSize()
	if r.width == 0 || r.beside(objs[1], r.width) {
		return fyne.NewSize(control.Width, max(label.Height, control.Height))
	}
	return fyne.NewSize(control.Width, label.Height+control.Height)
}

func (r *rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	label, control := objs[0], objs[1]
	cs := control.MinSize()
	if r.beside(control, size.Width) {
		label.Resize(fyne.NewSize(size.Width-cs.Width, size.Height))
		label.Move(fyne.NewPos(0, 0))
		control.Resize(fyne.NewSize(cs.Width, size.Height))
		control.Move(fyne.NewPos(size.Width-cs.Width, 0))
		return
	}
	lh := label.MinSize().Height
	label.Resize(fyne.NewSize(size.Width, lh))
	label.Move(fyne.NewPos(0, 0))
	control.Resize(cs)
	control.Move(fyne.NewPos(size.Width-cs.Width, lh))
}
