package supportscreen

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// groundingTick is how often the gentle timer moves (once a second: no animation).
const groundingTick = time.Second

// grounding shows the grounding exercise one step at a time. Each step stays for
// its time, with a slowly filling bar, then the next one comes; the user can move
// on sooner, pause, or start again. Nothing runs until Begin, or after Stop.
type grounding struct {
	g     *resources.Grounding
	after func(time.Duration, func()) func()

	root     fyne.CanvasObject
	counter  *widget.RichText
	text     *widget.Label
	bar      *widget.ProgressBar
	start    *widget.Button
	next     *widget.Button
	pauseBtn *widget.Button

	step    int           // -1 before Begin; len(steps) when finished
	elapsed time.Duration // within the step
	running bool
	cancel  func()
}

func newGrounding(g *resources.Grounding, after func(time.Duration, func()) func()) *grounding {
	gr := &grounding{g: g, after: after, step: -1}
	if g == nil || len(g.Steps) == 0 {
		return gr
	}
	gr.counter = page.Note("")
	gr.text = page.Paragraph("")
	gr.text.SizeName = theme.SizeNameSubHeadingText
	gr.bar = widget.NewProgressBar()
	gr.bar.TextFormatter = func() string { return "" }
	gr.start = widget.NewButtonWithIcon(lang.L("Begin"), theme.MediaPlayIcon(), gr.begin)
	gr.start.Importance = widget.HighImportance
	gr.next = widget.NewButtonWithIcon(lang.L("Next step"), theme.MediaSkipNextIcon(), gr.advance)
	gr.pauseBtn = widget.NewButtonWithIcon(lang.L("Pause"), theme.MediaPauseIcon(), gr.togglePause)
	gr.pauseBtn.Importance = widget.LowImportance
	gr.root = page.NewCard(g.Title,
		page.Paragraph(g.Intro),
		gr.counter, gr.text, gr.bar,
		container.NewHBox(gr.pauseBtn, layout.NewSpacer(), gr.next, gr.start),
	)
	gr.reset()
	return gr
}

// reset goes back to before the first step.
func (gr *grounding) reset() {
	if gr.root == nil {
		return
	}
	gr.pause()
	gr.step = -1
	gr.show()
}

// Step is the step on show (-1 before Begin).
func (gr *grounding) current() int { return gr.step }

func (gr *grounding) begin() {
	gr.step = 0
	gr.elapsed = 0
	gr.running = true
	gr.show()
	gr.arm()
}

// advance moves to the next step (or the end).
func (gr *grounding) advance() {
	if gr.step < 0 {
		gr.begin()
		return
	}
	if gr.step >= len(gr.g.Steps) {
		return // already finished
	}
	gr.step++
	gr.elapsed = 0
	if gr.step >= len(gr.g.Steps) {
		gr.pause()
	}
	gr.show()
	if gr.running {
		gr.arm()
	}
}

func (gr *grounding) togglePause() {
	if gr.running {
		gr.pause()
	} else if gr.step >= 0 && gr.step < len(gr.g.Steps) {
		gr.running = true
		gr.arm()
	}
	gr.show()
}

// pause stops the timer.
func (gr *grounding) pause() {
	gr.running = false
	if gr.cancel != nil {
		gr.cancel()
		gr.cancel = nil
	}
}

// arm schedules the next tick.
func (gr *grounding) arm() {
	if gr.cancel != nil {
		gr.cancel()
	}
	gr.cancel = gr.after(groundingTick, gr.tick)
}

func (gr *grounding) tick() {
	gr.cancel = nil
	if !gr.running || gr.step < 0 || gr.step >= len(gr.g.Steps) {
		return
	}
	gr.elapsed += groundingTick
	if gr.elapsed >= gr.stepLength() {
		gr.advance()
		return
	}
	gr.bar.SetValue(float64(gr.elapsed) / float64(gr.stepLength()))
	gr.arm()
}

func (gr *grounding) stepLength() time.Duration {
	d := gr.g.Steps[gr.step].Duration
	if d <= 0 {
		d = 20 * time.Second
	}
	return d
}

// show puts the current step on screen.
func (gr *grounding) show() {
	n := len(gr.g.Steps)
	switch {
	case gr.step < 0:
		page.SetNote(gr.counter, lang.L("About {{.Minutes}} minutes, one step at a time.", map[string]any{"Minutes": gr.minutes()}))
		gr.text.SetText(lang.L("When you're ready, you might begin."))
		gr.bar.Hide()
		gr.next.Hide()
		gr.pauseBtn.Hide()
		gr.start.SetText(lang.L("Begin"))
		gr.start.Show()
	case gr.step >= n:
		page.SetNote(gr.counter, "")
		gr.text.SetText(lang.L("Well done for taking this time. You can come back to these steps whenever you need them."))
		gr.bar.Hide()
		gr.next.Hide()
		gr.pauseBtn.Hide()
		gr.start.SetText(lang.L("Start again"))
		gr.start.Show()
	default:
		page.SetNote(gr.counter, lang.L("Step {{.Step}} of {{.Steps}}", map[string]any{"Step": gr.step + 1, "Steps": n}))
		gr.text.SetText(gr.g.Steps[gr.step].Text)
		gr.bar.SetValue(float64(gr.elapsed) / float64(gr.stepLength()))
		gr.bar.Show()
		gr.next.Show()
		gr.pauseBtn.Show()
		if gr.running {
			gr.pauseBtn.SetText(lang.L("Pause"))
			gr.pauseBtn.SetIcon(theme.MediaPauseIcon())
		} else {
			gr.pauseBtn.SetText(lang.L("Continue"))
			gr.pauseBtn.SetIcon(theme.MediaPlayIcon())
		}
		gr.start.Hide()
	}
}

// minutes is the exercise's whole length, rounded to at least one minute.
func (gr *grounding) minutes() int {
	var total time.Duration
	for i := range gr.g.Steps {
		if d := gr.g.Steps[i].Duration; d > 0 {
			total += d
		} else {
			total += 20 * time.Second
		}
	}
	return max(1, int((total+30*time.Second)/time.Minute))
}
