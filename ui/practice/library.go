package practice

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hearth-app/hearth/resources"
	"github.com/hearth-app/hearth/ui/page"
)

// categoryOrder is the order categories appear in the library.
var categoryOrder = []resources.Category{
	resources.CategoryBreathing, resources.CategoryImagery, resources.CategoryCompassionateSelf,
	resources.CategoryCompassionFlows, resources.CategoryBody, resources.CategoryHardMoments,
	resources.CategoryPreparation, resources.CategorySilent,
}

// categoryTitle names a category for the library's headings.
func categoryTitle(c resources.Category) string {
	switch c {
	case resources.CategoryBreathing:
		return lang.L("Breathing")
	case resources.CategoryImagery:
		return lang.L("Imagery")
	case resources.CategoryCompassionateSelf:
		return lang.L("Your compassionate self")
	case resources.CategoryCompassionFlows:
		return lang.L("Flows of compassion")
	case resources.CategoryBody:
		return lang.L("The body")
	case resources.CategoryHardMoments:
		return lang.L("For hard moments")
	case resources.CategoryPreparation:
		return lang.L("Before an exercise")
	case resources.CategorySilent:
		return lang.L("Silent practice")
	}
	return lang.L("Other practices")
}

// Group is one category of the library with its practices, in library order.
type Group struct {
	Category  resources.Category
	Practices []*resources.Practice
}

// Groups sorts the library's practices into categories, in the library's order of
// categories; practices keep their order within a category (built-in first, then
// each pack's). Categories without practices are left out.
func Groups(lib *resources.Library) []Group {
	byCat := map[resources.Category][]*resources.Practice{}
	var extra []resources.Category
	for _, p := range lib.Practices {
		if _, ok := byCat[p.Category]; !ok && !known(p.Category) {
			extra = append(extra, p.Category)
		}
		byCat[p.Category] = append(byCat[p.Category], p)
	}
	var out []Group
	for _, c := range append(append([]resources.Category(nil), categoryOrder...), extra...) {
		if ps := byCat[c]; len(ps) > 0 {
			out = append(out, Group{Category: c, Practices: ps})
		}
	}
	return out
}

func known(c resources.Category) bool {
	for _, k := range categoryOrder {
		if k == c {
			return true
		}
	}
	return false
}

// lengthsText says which lengths a practice comes in: "10 minutes", "3 or 5 minutes",
// "5, 10 or 15 minutes".
func lengthsText(ls []int) string {
	if len(ls) == 0 {
		return ""
	}
	nums := make([]string, len(ls))
	for i, n := range ls {
		nums[i] = strconv.Itoa(n)
	}
	list := nums[0]
	if len(nums) > 1 {
		list = strings.Join(nums[:len(nums)-1], ", ") + " " + lang.L("or") + " " + nums[len(nums)-1]
	}
	return lang.XN("practice.lengths", "{{.List}} minutes", ls[len(ls)-1], map[string]any{"List": list})
}

// fromPack names the pack a practice comes from, or "" for Hearth's own.
func fromPack(p *resources.Practice) string {
	if p.PackID == "" || p.PackID == resources.BuiltinID {
		return ""
	}
	name := p.PackTitle
	if name == "" {
		name = p.PackID
	}
	return lang.L("From {{.Pack}}", map[string]any{"Pack": name})
}

// buildLibrary fills box with the library's headings and practice cards.
func (s *Screen) buildLibrary() {
	objs := []fyne.CanvasObject{
		page.Heading(lang.L("Practice")),
		page.Paragraph(lang.L("Guided practices to settle, soothe and grow your compassionate self. You might choose whatever suits you today; there's no right order.")),
	}
	for _, g := range Groups(s.lib) {
		head := widget.NewRichText(&widget.TextSegment{Text: categoryTitle(g.Category), Style: widget.RichTextStyle{
			ColorName: page.ColorNameMuted, SizeName: theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Bold: true},
		}})
		objs = append(objs, widget.NewLabel(""), head)
		for _, p := range g.Practices {
			gap := theme.Padding() / 2
			objs = append(objs, container.New(layout.NewCustomPaddedLayout(gap, gap, 0, 0), s.practiceCard(p)))
		}
	}
	s.libBox.Objects = objs
	s.libBox.Refresh()
}

// practiceCard is one practice in the library.
func (s *Screen) practiceCard(p *resources.Practice) fyne.CanvasObject {
	id := p.ID
	open := func() { s.OpenPractice(id) }
	meta := []string{lengthsText(p.Lengths)}
	if f := fromPack(p); f != "" {
		meta = append(meta, f)
	}
	btn := widget.NewButton(lang.L("Open"), open)
	btn.Importance = widget.LowImportance
	summary := page.Paragraph(p.Summary)
	card := page.NewCard(p.Title, summary,
		container.NewBorder(nil, nil, nil, btn, page.Note(strings.Join(meta, " · "))))
	return newTapCard(card, open)
}
