package pacer

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestStepper(t *testing.T) {
	test.NewTempApp(t)
	var got []float64
	s := newStepper(4, 7, 0.5, 5.5, func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) })
	s.changed = func(v float64) { got = append(got, v) }
	if s.Value() != 5.5 || s.text.Text != "5.5" {
		t.Fatalf("start %v %q", s.Value(), s.text.Text)
	}
	for range 5 {
		test.Tap(s.plus)
	}
	if s.Value() != 7 || !s.plus.Disabled() || s.minus.Disabled() {
		t.Errorf("at the top: %v, plus disabled %v", s.Value(), s.plus.Disabled())
	}
	s.SetValue(4.26) // snaps to a step
	if s.Value() != 4.5 {
		t.Errorf("snapped to %v", s.Value())
	}
	s.SetValue(1) // clamps
	if s.Value() != 4 || !s.minus.Disabled() {
		t.Errorf("clamped to %v", s.Value())
	}
	want := []float64{6, 6.5, 7, 4.5, 4}
	if len(got) != len(want) {
		t.Fatalf("changed %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("changed %v, want %v", got, want)
		}
	}
	// Steps of 0.1 stay exact to one decimal.
	r := newStepper(1, 2, 0.1, 1.3, func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) })
	for range 4 {
		test.Tap(r.plus)
	}
	if r.Value() != 1.7 {
		t.Errorf("1.3 + 4 × 0.1 = %v", r.Value())
	}
}

// TestSettingRow: a label and its control sit side by side when they fit, and
// stack (never breaking a word) when they do not.
func TestSettingRow(t *testing.T) {
	test.NewTempApp(t)
	control := widget.NewButton("a control", nil)
	row := settingRow("Pause after breathing out", control).(*fyne.Container)
	label := row.Objects[0]
	tests := []struct {
		width   float32
		stacked bool
	}{{600, false}, {200, true}}
	for _, tt := range tests {
		row.Resize(fyne.NewSize(tt.width, row.MinSize().Height))
		row.Resize(fyne.NewSize(tt.width, row.MinSize().Height)) // height follows width
		stacked := control.Position().Y > 0
		if stacked != tt.stacked {
			t.Errorf("width %v: stacked %v", tt.width, stacked)
		}
		if control.Position().X+control.Size().Width > tt.width+0.5 || label.Size().Width > tt.width+0.5 {
			t.Errorf("width %v: overflows", tt.width)
		}
		if tt.stacked && row.MinSize().Height < label.MinSize().Height+control.MinSize().Height {
			t.Errorf("width %v: min height %v too small for both", tt.width, row.MinSize().Height)
		}
	}
}
