// Package resources holds Hearth's bundled content (practices, voice clips, prompts,
// lessons, exercises, a four-week programme and support information), the typed model
// it is parsed into, and the loader and validation shared by the built-in content and
// by facilitators' practice packs.
//
// The built-in content is embedded with go:embed and loaded as the pack with ID
// "builtin" (see Builtin). A facilitator's pack has the same folders next to a
// manifest.toml (see LoadPack, ImportPack and PACKS.md). A Library merges the built-in
// pack with every imported pack.
//
// This package never imports Fyne or any other Hearth package.
package resources

import (
	"io/fs"
	"time"
)

// BuiltinID is the pack ID of the content bundled with Hearth.
const BuiltinID = "builtin"

// PracticeKind says how a practice is played.
type PracticeKind string

// The kinds of practice.
const (
	// KindGuided is a script of steps: spoken (or shown) text, then a pause.
	KindGuided PracticeKind = "guided"
	// KindTimer is a silent timer with bells; it has no steps.
	KindTimer PracticeKind = "timer"
	// KindPacer is an on-screen/audible breathing pacer; it has no steps.
	KindPacer PracticeKind = "pacer"
)

// Category groups practices in the library screen.
type Category string

// The practice categories.
const (
	CategoryBreathing         Category = "breathing"
	CategoryImagery           Category = "imagery"
	CategoryCompassionateSelf Category = "compassionate-self"
	CategoryCompassionFlows   Category = "compassion-flows"
	CategoryBody              Category = "body"
	CategoryHardMoments       Category = "hard-moments"
	CategoryPreparation       Category = "preparation"
	CategorySilent            Category = "silent"
)

// Practice is one meditation or guided exercise that can be played.
type Practice struct {
	ID       string
	Title    string
	Summary  string // one line
	Category Category
	Kind     PracticeKind
	// Lengths are the whole minutes this practice can be played at, ascending. A guided
	// practice reaches them by stretching the pauses of steps with Stretch set.
	Lengths       []int
	DefaultLength int    // minutes; one of Lengths
	SafetyNote    string // shown before starting when set

	// Audio is the path, inside the pack's FS, of one recording of the whole practice
	// (packs only); empty when the practice is built from its steps. Open it with
	// OpenAudio.
	Audio string
	// Steps is the script of a guided practice (empty for timer and pacer).
	Steps []Step
	// SynthesisedVoice is true when the step clips are text-to-speech (the built-in
	// voice); the app tells the listener so.
	SynthesisedVoice bool

	PackID    string // the pack this practice comes from ("builtin" for Hearth's own)
	PackTitle string // that pack's title, to show as its source

	fsys fs.FS // the pack's files, for OpenClip and OpenAudio
}

// Step is one step of a guided practice: text the guide says (or the screen shows),
// then a pause.
type Step struct {
	Text string
	// Pause is the quiet after the text at the practice's shortest length.
	Pause time.Duration
	// Stretch is true when this pause grows or shrinks with the chosen length.
	Stretch bool
	// Speak is false when the text is only shown on screen, never voiced.
	Speak bool
	// Clip is the path, inside the pack's FS, of the recorded or synthesised voice for
	// this step; empty when there is none. Open it with Practice.OpenClip.
	Clip string
	// ClipSeconds is the clip's length in seconds when known (built-in clips), else 0.
	ClipSeconds float64
}

// Prompt is one journaling question.
type Prompt struct {
	ID       string
	Theme    string // the PromptTheme's ID
	Question string
	Nudge    string // optional one-line gentle nudge
	PackID   string
}

// PromptTheme is a group of prompts on one theme (one prompts/<theme>.toml file).
type PromptTheme struct {
	ID          string // e.g. "inner-critic"
	Title       string
	Description string // one line
	Prompts     []Prompt
	PackID      string
}

// Lesson is a short reading (Markdown) about one CFT idea.
type Lesson struct {
	ID       string
	Title    string
	Order    int // position in the list of lessons, from 1
	Summary  string
	Practice string // ID of the practice that goes with it
	Prompt   string // ID of its reflection prompt
	Body     string // Markdown; headings start at ##
	PackID   string
}

// FieldType is the kind of input an exercise field takes.
type FieldType string

// The exercise field types.
const (
	FieldLongText  FieldType = "long_text"
	FieldShortText FieldType = "short_text"
	FieldRating10  FieldType = "rating10"  // a whole number 0..10
	FieldRating100 FieldType = "rating100" // a whole number 0..100
	FieldChoice    FieldType = "choice"    // one of Field.Choices
)

// Exercise is a structured writing exercise whose answers are saved to the journal as a
// record of kind RecordKind.
type Exercise struct {
	ID         string
	Title      string
	Summary    string
	RecordKind string // the journal record kind it saves as
	SafetyNote string
	Steps      []ExerciseStep
	PackID     string
}

// ExerciseStep is one page of an exercise: guidance and zero or more fields.
type ExerciseStep struct {
	Title    string
	Guidance string // Markdown, short paragraphs
	Fields   []Field
}

// Field is one input of an exercise step.
type Field struct {
	ID       string // unique within the exercise
	Label    string
	Type     FieldType
	Hint     string   // optional placeholder text
	Choices  []string // only for FieldChoice
	Optional bool     // true unless the file says optional = false
}

// Programme is a day-by-day plan (e.g. four weeks) of practices, lessons, prompts and
// exercises.
type Programme struct {
	ID      string
	Title   string
	Summary string
	Weeks   []Week
	Days    []Day // Days[i].Number == i+1
	PackID  string
}

// WeekOf returns the week number (from 1) that day (from 1) belongs to, spreading the
// days evenly over the weeks (28 days in 4 weeks: days 1-7 are week 1).
func (p *Programme) WeekOf(day int) int {
	if len(p.Weeks) == 0 || len(p.Days) == 0 || day < 1 {
		return 1
	}
	w := (day-1)*len(p.Weeks)/len(p.Days) + 1
	return min(w, len(p.Weeks))
}

// Week introduces one week of a programme.
type Week struct {
	Number int // from 1
	Title  string
	Intro  string
}

// Day is one day of a programme. At least one of Practice, Lesson, Prompt and Exercise
// is set; each is an ID of that kind.
type Day struct {
	Number   int // from 1
	Title    string
	Practice string
	Lesson   string
	Prompt   string
	Exercise string
	Note     string
}

// Helpline is one support line, with the date it was last confirmed and where.
type Helpline struct {
	Country     string // ISO 3166-1 alpha-2, or "INT" for international directories
	CountryName string
	Name        string
	Phone       string // optional
	Text        string // optional SMS/text line
	URL         string
	Hours       string
	Description string
	Checked     time.Time // the date it was confirmed (midnight UTC)
	Source      string    // the public page it was confirmed on
	PackID      string
}

// Grounding is a short grounding exercise shown in the support screen.
type Grounding struct {
	ID    string
	Title string
	Intro string
	Steps []GroundingStep
}

// GroundingStep is one step of the grounding exercise.
type GroundingStep struct {
	Text     string
	Duration time.Duration
}

// Support is the "Need support now?" content.
type Support struct {
	Crisis    string     // Markdown: what to do in a crisis; empty in most packs
	Grounding *Grounding // nil when the pack has none
	Helplines []Helpline
}

// Manifest describes a practice pack (its manifest.toml). The built-in pack has a
// manifest made in code.
type Manifest struct {
	Schema           int    // format version; only 1 exists
	ID               string // the pack's ID; it is installed as <data-dir>/packs/<ID>
	Title            string
	Version          string
	Description      string // optional, one line
	Facilitator      string // who made the pack
	Contact          string // how to reach them (email or web address)
	Licence          string // the licence of the pack's content
	MinHearthVersion string // e.g. "0.1.0"
}

// Pack is a loaded set of content: the built-in content or one practice pack.
type Pack struct {
	Manifest     Manifest
	Practices    []Practice
	PromptThemes []PromptTheme
	Lessons      []Lesson // sorted by Order
	Exercises    []Exercise
	Programmes   []Programme
	Support      Support
	// FS holds the pack's files; clip and audio paths are relative to it.
	FS fs.FS
	// Dir is the folder the pack is installed in; empty for the built-in pack and for
	// packs loaded straight from an fs.FS.
	Dir string
}

// Library is everything the app can show: the built-in pack followed by the imported
// packs, merged. IDs are unique across the library (a pack cannot reuse a built-in ID).
type Library struct {
	Packs []*Pack // Packs[0] is the built-in pack

	Practices    []*Practice
	PromptThemes []*PromptTheme // themes with the same ID in several packs are merged
	Prompts      []*Prompt
	Lessons      []*Lesson // sorted by Order, built-in first
	Exercises    []*Exercise
	Programmes   []*Programme
	Support      Support // built-in crisis text and grounding; helplines from every pack

	// Broken lists installed packs that could not be loaded; the app can offer to
	// remove them.
	Broken []BrokenPack
}

// BrokenPack is an installed pack that no longer loads.
type BrokenPack struct {
	ID  string
	Dir string
	Err error
}
