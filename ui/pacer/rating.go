package pacer

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/ui/page"
)

// supportFrom is the rating from which the app gently offers its support screen.
const supportFrom = 8

// rating is an optional 0–10 "how unsettled" rating: nothing is chosen until the
// person taps a number, and tapping it again clears it.
type rating struct {
	box   *fyne.Container
	radio *widget.RadioGroup
	value int // -1 when not rated
}

// newRating builds a rating under question. changed gets the new value (-1 when
// cleared); onHigh is called when a value of supportFrom or more is chosen.
func newRating(question string, changed func(int), onHigh func()) *rating {
	r := &rating{value: -1}
	opts := make([]string, 11)
	for i := range opts {
		opts[i] = strconv.Itoa(i)
	}
	r.radio = widget.NewRadioGroup(opts, func(s string) {
		v := -1
		if s != "" {
			v, _ = strconv.Atoi(s)
		}
		if v == r.value {
			return
		}
		r.value = v
		if changed != nil {
			changed(v)
		}
		if v >= supportFrom && onHigh != nil {
			onHigh()
		}
	})
	r.radio.Horizontal = true
	r.box = container.NewVBox(
		widget.NewLabel(question),
		container.NewHScroll(r.radio),
		page.Note(lang.L("Optional. 0 is settled, 10 is very unsettled.")),
	)
	return r
}

// Value is the chosen rating, or -1.
func (r *rating) Value() int { return r.value }

// Clear forgets the rating.
func (r *rating) Clear() {
	r.value = -1
	r.radio.SetSelected("")
}
