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

// rating is an optional 0–10 "how unsettled" rating: a row of numbers, none chosen
// until the person taps one; tapping the chosen one again clears it.
type rating struct {
	box     *fyne.Container
	buttons []*widget.Button
	value   int // -1 when not rated
	changed func(int)
	onHigh  func()
}

// newRating builds a rating under question. changed gets the new value (-1 when
// cleared); onHigh is called when a value of supportFrom or more is chosen.
func newRating(question string, changed func(int), onHigh func()) *rating {
	r := &rating{value: -1, changed: changed, onHigh: onHigh}
	for i := 0; i <= 10; i++ {
		b := widget.NewButton(strconv.Itoa(i), func() {
			if r.value == i {
				r.set(-1)
			} else {
				r.set(i)
			}
		})
		r.buttons = append(r.buttons, b)
	}
	// Equal cells that wrap onto a second line in a narrow window.
	cell := r.buttons[10].MinSize().Max(fyne.NewSize(r.buttons[10].MinSize().Height*1.2, 0))
	row := container.NewGridWrap(cell)
	for _, b := range r.buttons {
		row.Add(b)
	}
	q := widget.NewLabel(question)
	q.Wrapping = fyne.TextWrapWord
	r.box = container.NewVBox(
		q, row,
		page.Note(lang.L("Optional. 0 is settled, 10 is very unsettled.")),
	)
	return r
}

// set chooses v (-1 clears) as if tapped.
func (r *rating) set(v int) {
	if v == r.value {
		return
	}
	r.value = v
	for i, b := range r.buttons {
		imp := widget.MediumImportance
		if i == v {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	if r.changed != nil {
		r.changed(v)
	}
	if v >= supportFrom && r.onHigh != nil {
		r.onHigh()
	}
}

// Value is the chosen rating, or -1.
func (r *rating) Value() int { return r.value }

// Clear forgets the rating (without telling changed).
func (r *rating) Clear() {
	changed := r.changed
	r.changed = nil
	r.set(-1)
	r.changed = changed
}
