package exercise

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// Meta keys this screen writes.
const (
	MetaExerciseID  = "exercise_id"
	MetaPackID      = "pack_id"
	MetaDraft       = "draft"
	MetaStep        = "step"
	MetaRereadAfter = "reread_after"
	MetaRereadOn    = "reread_on"
)

// rereadDays is how many days after asking the user is reminded to reread a letter.
const rereadDays = 3

// Store is what the screen needs from the journal; *journal.Vault satisfies it.
type Store interface {
	Create(journal.Record) (journal.Record, error)
	Update(journal.Record) (journal.Record, error)
	// Autosave saves while the user types; an editing session keeps one revision.
	Autosave(journal.Record) (journal.Record, error)
	Get(id string) (journal.Record, error)
	List(journal.Query) ([]journal.Record, error)
}

// answers are the user's answers to one exercise.
type answers struct {
	text    map[string]string // text and choice fields
	ratings map[string]int
}

func newAnswers(r journal.Record) answers {
	a := answers{text: map[string]string{}, ratings: map[string]int{}}
	maps.Copy(a.text, r.Fields)
	maps.Copy(a.ratings, r.Ratings)
	return a
}

// isDraft reports whether r is an unfinished exercise.
func isDraft(r journal.Record) bool { return r.Meta[MetaDraft] == "true" }

// savedStep is the step a draft was left on, clamped to the exercise.
func savedStep(r journal.Record, ex *resources.Exercise) int {
	n, err := strconv.Atoi(r.Meta[MetaStep])
	if err != nil || n < 0 {
		return 0
	}
	return min(n, len(ex.Steps)-1)
}

// buildRecord returns base updated with the answers. A draft keeps
// Meta["draft"] and the step; a finished one has neither.
func buildRecord(base journal.Record, ex *resources.Exercise, a answers, step int, draft bool) journal.Record {
	r := base
	r.Kind = journal.Kind(ex.RecordKind)
	if r.Title == "" {
		r.Title = ex.Title
	}
	r.Fields = map[string]string{}
	r.Ratings = map[string]int{}
	for _, st := range ex.Steps {
		for _, f := range st.Fields {
			switch f.Type {
			case resources.FieldRating10, resources.FieldRating100:
				if v, ok := a.ratings[f.ID]; ok {
					r.Ratings[f.ID] = v
				}
			default:
				if t := a.text[f.ID]; strings.TrimSpace(t) != "" {
					r.Fields[f.ID] = t
				}
			}
		}
	}
	r.Meta = maps.Clone(base.Meta)
	if r.Meta == nil {
		r.Meta = map[string]string{}
	}
	r.Meta[MetaExerciseID] = ex.ID
	if ex.PackID != "" && ex.PackID != resources.BuiltinID {
		r.Meta[MetaPackID] = ex.PackID
	}
	if draft {
		r.Meta[MetaDraft] = "true"
		r.Meta[MetaStep] = strconv.Itoa(step)
	} else {
		delete(r.Meta, MetaDraft)
		delete(r.Meta, MetaStep)
	}
	r.Body = renderBody(ex, a)
	return r
}

// renderBody is a readable Markdown rendering of the answers: each step with an
// answer under its title, each answered field under its label.
func renderBody(ex *resources.Exercise, a answers) string {
	var b strings.Builder
	for _, st := range ex.Steps {
		var part strings.Builder
		for _, f := range st.Fields {
			switch f.Type {
			case resources.FieldRating10, resources.FieldRating100:
				v, ok := a.ratings[f.ID]
				if !ok {
					continue
				}
				part.WriteString("**" + oneLine(f.Label) + "** " + ratingText(f.Type, v) + "\n\n")
			case resources.FieldChoice, resources.FieldShortText:
				t := strings.TrimSpace(a.text[f.ID])
				if t == "" {
					continue
				}
				part.WriteString("**" + oneLine(f.Label) + "** " + oneLine(t) + "\n\n")
			default:
				t := strings.TrimSpace(a.text[f.ID])
				if t == "" {
					continue
				}
				part.WriteString("**" + oneLine(f.Label) + "**\n\n" + t + "\n\n")
			}
		}
		if part.Len() > 0 {
			b.WriteString("## " + oneLine(st.Title) + "\n\n" + part.String())
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// ratingText is "7 out of 10" or "80 out of 100".
func ratingText(t resources.FieldType, v int) string {
	return lang.X("exercise.rating.outof", "{{.Value}} out of {{.Max}}",
		map[string]any{"Value": v, "Max": ratingMax(t)})
}

func ratingMax(t resources.FieldType) int {
	if t == resources.FieldRating100 {
		return 100
	}
	return 10
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// isDistressField reports whether a rating field measures distress: its ID says
// "distress" or "intensity" (how strong a hard feeling is).
func isDistressField(f resources.Field) bool {
	return (f.Type == resources.FieldRating10 || f.Type == resources.FieldRating100) &&
		(strings.Contains(f.ID, "distress") || strings.Contains(f.ID, "intensity"))
}

// veryHigh reports whether v is at least 8 out of 10 (80 out of 100).
func veryHigh(t resources.FieldType, v int) bool { return v*10 >= 8*ratingMax(t) }

// isCriticField reports whether a field holds threat-based thoughts, where the
// critic notes are offered.
func isCriticField(f resources.Field) bool {
	return f.Type == resources.FieldLongText && strings.HasPrefix(f.ID, "thoughts_")
}

// Pair is one rating given before and after an exercise (fields X_before, X_after).
type Pair struct {
	Key           string // X
	Name          string // what was rated, for a sentence ("Your main feeling (anxious)")
	Before, After int
	Max           int // 10 or 100
}

// Pairs returns the before/after rating pairs of r that have both ratings, in the
// order of the exercise's fields.
func Pairs(ex *resources.Exercise, r journal.Record) []Pair {
	var out []Pair
	fields := allFields(ex)
	for _, f := range fields {
		key, ok := strings.CutSuffix(f.ID, "_before")
		if !ok || (f.Type != resources.FieldRating10 && f.Type != resources.FieldRating100) {
			continue
		}
		if !slices.ContainsFunc(fields, func(g resources.Field) bool { return g.ID == key+"_after" }) {
			continue
		}
		b, okB := r.Ratings[f.ID]
		a, okA := r.Ratings[key+"_after"]
		if !okB || !okA {
			continue
		}
		out = append(out, Pair{Key: key, Name: pairName(key, r), Before: b, After: a, Max: ratingMax(f.Type)})
	}
	return out
}

// pairName names what a pair rates, using the feeling the user named when there is
// one (the field X without "_intensity").
func pairName(key string, r journal.Record) string {
	named := oneLine(r.Fields[strings.TrimSuffix(key, "_intensity")])
	if len([]rune(named)) > 40 {
		named = string([]rune(named)[:40]) + "…"
	}
	var base string
	switch key {
	case "feeling_intensity":
		base = lang.L("Your main feeling")
	case "second_feeling_intensity":
		base = lang.L("Your other feeling")
	case "body_intensity":
		base = lang.L("The feelings in your body")
	case "distress":
		base = lang.L("How upset you felt")
	default:
		h := strings.ReplaceAll(key, "_", " ")
		base = strings.ToUpper(h[:1]) + h[1:]
	}
	if named != "" && key != "body_intensity" {
		return lang.X("exercise.pair.named", "{{.Name}} ({{.Feeling}})", map[string]any{"Name": base, "Feeling": named})
	}
	return base
}

// PairSentence says gently how a pair changed.
func PairSentence(p Pair) string {
	data := map[string]any{"Name": p.Name, "Before": p.Before, "After": p.After}
	switch {
	case p.After < p.Before:
		return lang.X("exercise.pair.eased", "{{.Name}} eased from {{.Before}} to {{.After}}.", data)
	case p.After == p.Before:
		return lang.X("exercise.pair.same", "{{.Name}} stayed at {{.Before}}. That's okay: sometimes a feeling keeps its size and there is a little more room around it.", data)
	}
	return lang.X("exercise.pair.rose", "{{.Name}} went from {{.Before}} to {{.After}}. Looking closely at something hard can stir it up for a while; that's understandable.", data)
}

// selves are the parts of the multiple-selves exercise, in the order they are shown.
var selves = [...]string{"angry", "anxious", "sad", "compassionate"}

// Panel is one self of the multiple-selves exercise with its answered fields.
type Panel struct {
	Self    string // "angry", "anxious", "sad" or "compassionate"
	Title   string // the title of the step its fields are on
	Answers []Answer
}

// Answer is one answered field, as text.
type Answer struct {
	FieldID, Label, Text string
}

// Panels returns the four selves of a multiple-selves record (fields angry_*,
// anxious_*, sad_*, compassionate_*), or nil unless the exercise has fields for
// every one of them.
func Panels(ex *resources.Exercise, r journal.Record) []Panel {
	var out []Panel
	for _, self := range selves {
		p := Panel{Self: self}
		for _, st := range ex.Steps {
			for _, f := range st.Fields {
				if !strings.HasPrefix(f.ID, self+"_") {
					continue
				}
				if p.Title == "" {
					p.Title = st.Title
				}
				if t, ok := answerText(f, r); ok {
					p.Answers = append(p.Answers, Answer{FieldID: f.ID, Label: f.Label, Text: t})
				}
			}
		}
		if p.Title == "" {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// answerText is a field's answer in r as text, and whether there is one.
func answerText(f resources.Field, r journal.Record) (string, bool) {
	switch f.Type {
	case resources.FieldRating10, resources.FieldRating100:
		v, ok := r.Ratings[f.ID]
		if !ok {
			return "", false
		}
		return ratingText(f.Type, v), true
	}
	t := strings.TrimSpace(r.Fields[f.ID])
	return t, t != ""
}

func allFields(ex *resources.Exercise) []resources.Field {
	var out []resources.Field
	for _, st := range ex.Steps {
		out = append(out, st.Fields...)
	}
	return out
}

// DueLetters returns the finished compassionate letters in records whose reminder to
// read them again (Meta["reread_after"]) has come by now, the longest-waiting first.
// The Home screen can offer them; OpenRecord opens one for reading.
func DueLetters(records []journal.Record, now time.Time) []journal.Record {
	type due struct {
		r  journal.Record
		at time.Time
	}
	var ds []due
	for _, r := range records {
		if r.Kind != journal.KindLetter || isDraft(r) {
			continue
		}
		at, err := time.Parse(time.RFC3339, r.Meta[MetaRereadAfter])
		if err != nil || now.Before(at) {
			continue
		}
		ds = append(ds, due{r, at})
	}
	slices.SortStableFunc(ds, func(a, b due) int { return a.at.Compare(b.at) })
	out := make([]journal.Record, len(ds))
	for i, d := range ds {
		out[i] = d.r
	}
	return out
}

// rereadDate is local midnight rereadDays days after now, in RFC 3339.
func rereadDate(now time.Time) string {
	d := now.AddDate(0, 0, rereadDays)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, now.Location()).Format(time.RFC3339)
}

// letterParagraphs splits a letter into paragraphs at blank lines (or, when it has
// none, at line breaks), leaving out empty ones.
func letterParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	parts := strings.Split(text, "\n\n")
	if len(parts) == 1 {
		parts = strings.Split(text, "\n")
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sortSaved orders saved exercises by when they were last worked on, newest first.
func sortSaved(rs []journal.Record) {
	slices.SortStableFunc(rs, func(a, b journal.Record) int {
		return cmp.Or(b.Updated.Compare(a.Updated), strings.Compare(b.ID, a.ID))
	})
}
