package practice

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/ui/page"
)

// build makes every widget once.
func (s *Screen) build() {
	s.libBox = container.NewVBox()
	s.libView = page.Scroll(s.libBox)

	back := widget.NewButtonWithIcon(lang.L("All practices"), theme.NavigateBackIcon(), s.back)
	back.Importance = widget.LowImportance
	s.title = page.Heading("")
	s.meta = page.Note("")
	s.notice = page.NewCard("", page.Paragraph(lang.L("No sound output found — the practice will show its text and bells visually. A soft ember glows at each bell.")))
	s.notice.Hide()
	s.safetyTxt = page.Paragraph("")
	s.safety = page.NewCard(lang.L("Before you begin"), s.safetyTxt)
	s.before = newRating(lang.L("How unsettled do you feel right now?"), func(v int) { s.rated(v, false) })
	s.after = newRating(lang.L("And how unsettled do you feel now?"), func(v int) { s.rated(v, true) })

	s.lengthSel = widget.NewSelect(nil, s.chooseLength)
	s.lengthSel.PlaceHolder = lang.L("Length")
	var bgNames []string
	for _, b := range audio.Backgrounds() {
		bgNames = append(bgNames, backgroundName(b))
	}
	s.bgSel = widget.NewSelect(bgNames, nil)
	s.bgLabel = widget.NewLabel(lang.L("Background sound"))
	if s.prefs != nil {
		if b, err := audio.ParseBackground(s.prefs.String(PrefBackground)); err == nil {
			s.bg = b
		}
	}
	s.bgSel.Selected = backgroundName(s.bg)
	s.bgSel.OnChanged = s.chooseBackground
	s.setup = page.NewCard("", container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Length")), s.lengthSel,
		s.bgLabel, s.bgSel))

	s.stage = newStepView()
	s.ember = newEmber()
	s.ember.root.Hide()
	stage := page.NewCard("", s.ember.root, page.Padded(theme.Padding()*2, page.Readable(560, container.New(minLines{lines: 4}, s.stage.root))))
	s.warn = page.Note("")
	s.warn.Hide()

	s.progress = newKeySlider(0, 1, s.Toggle)
	s.progress.Step = 5 // seconds: arrow keys move five seconds
	s.progress.OnChanged = func(v float64) {
		s.dragging = true
		s.updateTimes(time.Duration(v * float64(time.Second)))
	}
	s.progress.OnChangeEnded = s.seek
	s.elapsed = widget.NewLabel("0:00")
	s.remaining = widget.NewLabel("")
	times := container.NewBorder(nil, nil, s.elapsed, s.remaining)
	s.playBtn = widget.NewButtonWithIcon(lang.L("Begin"), theme.MediaPlayIcon(), s.Toggle)
	s.playBtn.Importance = widget.HighImportance
	s.endBtn = widget.NewButtonWithIcon(lang.L("End"), theme.MediaStopIcon(), s.end)
	controls := container.NewHBox(layout.NewSpacer(), s.playBtn, s.endBtn, layout.NewSpacer())
	spaceHint := mutedLine(lang.L("Space pauses and continues."))
	spaceHint.Segments[0].(*widget.TextSegment).Style.Alignment = fyne.TextAlignCenter

	s.finishTxt = page.Paragraph("")
	s.writeBtn = widget.NewButton(lang.L("Write about it"), func() {
		if s.save() == nil && s.cb.OnOpenPrompt != nil {
			id := s.prompt
			s.ready()
			s.cb.OnOpenPrompt(id)
		}
	})
	s.writeBtn.Importance = widget.HighImportance
	s.notNowBtn = widget.NewButton(lang.L("Not now"), func() {
		if s.save() == nil {
			s.ready()
			s.showLibrary()
		}
	})
	s.saveErr = page.Note("")
	s.saveErr.Hide()
	s.finish = container.NewVBox(s.after.root, page.NewCard("", s.finishTxt,
		container.NewHBox(layout.NewSpacer(), s.notNowBtn, s.writeBtn), s.saveErr))

	names := []string{lang.L("Voice"), lang.L("Background"), lang.L("Bells")}
	prefKeys := []string{PrefVoiceVolume, PrefBackgroundVolume, PrefBellsVolume}
	def := audio.DefaultVolumes()
	form := container.New(layout.NewFormLayout())
	for i := range s.vol {
		sl := newKeySlider(0, 100, s.Toggle)
		sl.Value = float64(def[i])
		if s.prefs != nil {
			sl.Value = float64(min(max(s.prefs.IntWithFallback(prefKeys[i], def[i]), 0), 100))
		}
		layer, key := audio.Layer(i), prefKeys[i]
		sl.OnChanged = func(v float64) {
			_ = s.player.SetVolume(layer, int(v))
			if s.prefs != nil {
				s.prefs.SetInt(key, int(v))
			}
		}
		s.vol[i] = sl
		form.Add(widget.NewLabel(names[i]))
		form.Add(sl)
	}
	s.sound = page.NewCard(lang.L("Sound"), form)

	s.running = container.NewVBox(s.progress, times, controls, spaceHint)
	body := container.NewVBox(
		container.NewHBox(back), s.title, s.meta, s.notice, s.safety, s.before.root, s.setup,
		stage, s.warn, s.running, s.finish, s.sound)
	s.plView = page.Scroll(body)
	s.plView.Hide()
	s.root = container.NewStack(s.libView, s.plView)
}
