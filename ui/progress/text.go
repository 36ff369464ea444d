package progress

// Like stats.go, this file imports no Fyne: the sentences are built here from a
// table of phrases, in English by default, or through any Translator (the screen
// passes one backed by fyne's lang package, whose English file mirrors this table).

import (
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/hearth-app/hearth/journal"
)

// CheckInWeeks is how far back (in weeks, today included) the check-in chart and its
// summary look.
const CheckInWeeks = 12

// Translator turns one phrase into text. key names the phrase; one and other are its
// English singular and plural forms, written as Go templates; count chooses the form
// and data fills in the template.
type Translator func(key, one, other string, count int, data map[string]any) string

// English is the built-in Translator: the phrase's own English forms.
func English(key, one, other string, count int, data map[string]any) string {
	text := other
	if count == 1 {
		text = one
	}
	t, err := template.New(key).Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return text
	}
	return b.String()
}

// Phrase is one translatable piece of the summary: a key with English singular and
// plural forms (the same text twice when the count does not matter).
type Phrase struct {
	Key, One, Other string
}

// same is a phrase whose wording does not depend on a count.
func same(key, text string) Phrase { return Phrase{Key: key, One: text, Other: text} }

// The phrases, as a constant-like table. Nothing here may sound like guilt or
// pressure: no "missed", no "only", no "yet" about the user's practice.
var (
	phDays        = Phrase{"progress.days", "{{.Count}} day", "{{.Count}} days"}
	phMinutes     = Phrase{"progress.minutes", "{{.Count}} minute", "{{.Count}} minutes"}
	phUnderMinute = same("progress.minutes.under", "under a minute")
	phSessions    = Phrase{"progress.sessions", "{{.Count}} session", "{{.Count}} sessions"}
	phPoints      = Phrase{"progress.points", "{{.Points}} point", "{{.Points}} points"}

	phEmpty        = same("progress.empty", "Nothing here yet, and that's fine. Your practice, check-ins and exercises will gather here as you go.")
	phMonth        = same("progress.month", "You practised on {{.Days}} in {{.Month}}, {{.Minutes}} in all.")
	phMonthNone    = same("progress.month.none", "Days you practise in {{.Month}} will be marked here.")
	phMonthWriting = same("progress.month.writing", "You wrote on {{.Days}}.")
	phStreak       = same("progress.streak", "Practice days in a row: {{.Current}} now; your longest run is {{.Longest}}.")
	phStreakLong   = same("progress.streak.longest", "Your longest run of practice days so far: {{.Longest}}.")

	phWeeks     = same("progress.weeks", "This week: {{.Week}}. Across the last {{.Count}} weeks: {{.Total}}.")
	phWeeksNone = same("progress.weeks.none", "Minutes you practise will appear here, week by week.")

	phCheckIns        = Phrase{"progress.checkins", "You made {{.Count}} check-in in the last {{.Weeks}} weeks.", "You made {{.Count}} check-ins in the last {{.Weeks}} weeks."}
	phCheckInLatest   = same("progress.checkins.latest", "The latest, on {{.Date}}: {{.Levels}}.")
	phCheckInAverage  = same("progress.checkins.average", "On average: {{.Levels}}.")
	phCheckInsNone    = same("progress.checkins.none", "Your check-ins will appear here.")
	phCheckInsEarlier = same("progress.checkins.earlier", "Check-ins from the last {{.Weeks}} weeks will appear here. Your earlier ones are kept in your journal.")
	phLevel           = same("progress.level", "{{.Circle}} {{.Value}}")
	phUnrated         = same("progress.unrated", "no ratings")
	phThreat          = same("progress.circle.threat", "threat")
	phDrive           = same("progress.circle.drive", "drive")
	phSoothing        = same("progress.circle.soothing", "soothing")

	phPracticeCalmer    = same("progress.practice.calmer", "{{.Title}} — {{.Sessions}}, on average {{.Points}} calmer afterwards")
	phPracticeUnsettled = same("progress.practice.unsettled", "{{.Title}} — {{.Sessions}}, on average {{.Points}} more unsettled afterwards")
	phPracticeSame      = same("progress.practice.same", "{{.Title}} — {{.Sessions}}, on average about the same afterwards")
	phPracticeUnrated   = same("progress.practice.unrated", "{{.Title}} — {{.Sessions}}, {{.Minutes}} in all")
	phPracticeUntitled  = same("progress.practice.untitled", "A practice")
	phPractices         = same("progress.practices", "By practice: {{.List}}.")
	phPracticesNone     = same("progress.practices.none", "Practices you do will be listed here. Afterwards you can rate how you feel, if you like.")

	phExercises     = same("progress.exercises", "Exercises completed: {{.List}}.")
	phExercisesNone = same("progress.exercises.none", "Exercises you complete will be counted here.")

	// phKinds names a count of each exercise kind.
	phKinds = map[journal.Kind]Phrase{
		journal.KindCheckIn:        {"progress.kind.three-circles", "{{.Count}} three-circles check-in", "{{.Count}} three-circles check-ins"},
		journal.KindThoughtRecord:  {"progress.kind.thought-record", "{{.Count}} compassionate thought record", "{{.Count}} compassionate thought records"},
		journal.KindLetter:         {"progress.kind.compassionate-letter", "{{.Count}} compassionate letter", "{{.Count}} compassionate letters"},
		journal.KindMultipleSelves: {"progress.kind.multiple-selves", "{{.Count}} multiple-selves sheet", "{{.Count}} multiple-selves sheets"},
		journal.KindCriticAnalysis: {"progress.kind.critic-analysis", "{{.Count}} look at the inner critic", "{{.Count}} looks at the inner critic"},
		journal.KindFearsBlocks:    {"progress.kind.fears-blocks", "{{.Count}} fears-and-blocks reflection", "{{.Count}} fears-and-blocks reflections"},
	}
)

// Phrases lists every phrase the summary uses, for translation files and their tests.
func Phrases() []Phrase {
	out := []Phrase{
		phDays, phMinutes, phUnderMinute, phSessions, phPoints,
		phEmpty, phMonth, phMonthNone, phMonthWriting, phStreak, phStreakLong,
		phWeeks, phWeeksNone,
		phCheckIns, phCheckInLatest, phCheckInAverage, phCheckInsNone, phCheckInsEarlier,
		phLevel, phUnrated, phThreat, phDrive, phSoothing,
		phPracticeCalmer, phPracticeUnsettled, phPracticeSame, phPracticeUnrated,
		phPracticeUntitled, phPractices, phPracticesNone,
		phExercises, phExercisesNone,
	}
	for _, k := range ExerciseKinds {
		out = append(out, phKinds[k])
	}
	return out
}

// say renders phrase p with tr.
func say(tr Translator, p Phrase, count int, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	if _, ok := data["Count"]; !ok {
		data["Count"] = count
	}
	return tr(p.Key, p.One, p.Other, count, data)
}

// Text is the whole summary as plain English sentences, one topic a line, for screen
// readers and for anyone who prefers words to charts. Streaks are left out: the
// screen adds them only when the user asked to see them.
func (s Summary) Text() string { return s.TextWith(English) }

// TextWith is Text in the language of tr.
func (s Summary) TextWith(tr Translator) string {
	if s.IsEmpty() {
		return say(tr, phEmpty, 0, nil)
	}
	return strings.Join([]string{
		s.MonthText(tr, s.Today.Year, s.Today.Month),
		s.WeeksText(tr),
		s.CheckInsText(tr),
		s.PracticesText(tr),
		s.ExercisesText(tr),
	}, "\n")
}

// IsEmpty reports whether there is nothing at all to show.
func (s Summary) IsEmpty() bool { return len(s.Days) == 0 && len(s.CheckIns) == 0 }

// MonthText describes one month of the calendar: days practised and minutes, and
// days with writing.
func (s Summary) MonthText(tr Translator, year int, month time.Month) string {
	name := month.String()
	if year != s.Today.Year {
		name += " " + strconv.Itoa(year)
	}
	days, writing, secs := 0, 0, 0
	for _, a := range s.MonthDays(year, month) {
		if a.Practised() {
			days++
			secs += a.Seconds
		}
		if a.Writings > 0 {
			writing++
		}
	}
	var out string
	if days == 0 {
		out = say(tr, phMonthNone, 0, map[string]any{"Month": name})
	} else {
		out = say(tr, phMonth, days, map[string]any{
			"Days": s.days(tr, days), "Month": name, "Minutes": minutes(tr, secs),
		})
	}
	if writing > 0 {
		out += " " + say(tr, phMonthWriting, writing, map[string]any{"Days": s.days(tr, writing)})
	}
	return out
}

// StreakText describes the current and longest runs of practice days. The screen
// shows it only when the user turned streaks on.
func (s Summary) StreakText(tr Translator) string {
	if s.LongestStreak == 0 {
		return ""
	}
	if s.CurrentStreak == 0 {
		return say(tr, phStreakLong, s.LongestStreak, map[string]any{"Longest": s.days(tr, s.LongestStreak)})
	}
	return say(tr, phStreak, s.CurrentStreak, map[string]any{
		"Current": s.days(tr, s.CurrentStreak), "Longest": s.days(tr, s.LongestStreak),
	})
}

// WeeksText describes the minutes practised per week.
func (s Summary) WeeksText(tr Translator) string {
	total := 0
	for _, w := range s.Weeks {
		total += w.Seconds
	}
	if total == 0 {
		return say(tr, phWeeksNone, 0, nil)
	}
	week := 0
	if len(s.Weeks) > 0 {
		week = s.Weeks[len(s.Weeks)-1].Seconds
	}
	return say(tr, phWeeks, len(s.Weeks), map[string]any{
		"Week": minutes(tr, week), "Total": minutes(tr, total),
	})
}

// CheckInFrom is the first day the check-in chart and its text cover.
func (s Summary) CheckInFrom() Date { return s.Today.AddDays(-7*CheckInWeeks + 1) }

// CheckInsText describes the check-ins of the last CheckInWeeks weeks: how many,
// the latest, and the average of each circle.
func (s Summary) CheckInsText(tr Translator) string {
	recent := s.CheckInsSince(s.CheckInFrom())
	switch {
	case len(recent) == 0 && len(s.CheckIns) > 0:
		return say(tr, phCheckInsEarlier, CheckInWeeks, map[string]any{"Weeks": CheckInWeeks})
	case len(recent) == 0:
		return say(tr, phCheckInsNone, 0, nil)
	}
	last := recent[len(recent)-1]
	out := say(tr, phCheckIns, len(recent), map[string]any{"Weeks": CheckInWeeks}) + " " +
		say(tr, phCheckInLatest, 0, map[string]any{
			"Date":   last.At.Format("2 January"),
			"Levels": levels(tr, [3]Level{last.Threat, last.Drive, last.Soothing}, nil),
		})
	if len(recent) > 1 {
		var sums [3]float64
		var ns [3]int
		for _, c := range recent {
			for i, l := range [3]Level{c.Threat, c.Drive, c.Soothing} {
				if l.Set {
					sums[i] += float64(l.Value)
					ns[i]++
				}
			}
		}
		var means [3]Level
		var exact [3]float64
		for i := range sums {
			if ns[i] > 0 {
				means[i].Set = true
				exact[i] = sums[i] / float64(ns[i])
			}
		}
		if means[0].Set || means[1].Set || means[2].Set {
			out += " " + say(tr, phCheckInAverage, 0, map[string]any{"Levels": levels(tr, means, exact[:])})
		}
	}
	return out
}

// levels lists the three circles' values ("threat 6, drive 4, soothing 3"), leaving
// out the ones not rated. exact, when given, holds means to print with one decimal.
func levels(tr Translator, ls [3]Level, exact []float64) string {
	names := [3]Phrase{phThreat, phDrive, phSoothing}
	var parts []string
	for i, l := range ls {
		if !l.Set {
			continue
		}
		v := strconv.Itoa(l.Value)
		if exact != nil {
			v = decimal(exact[i])
		}
		parts = append(parts, say(tr, phLevel, 0, map[string]any{"Circle": say(tr, names[i], 0, nil), "Value": v}))
	}
	if len(parts) == 0 {
		return say(tr, phUnrated, 0, nil)
	}
	return strings.Join(parts, ", ")
}

// PracticeLine describes one practice: "Soothing rhythm breathing — 6 sessions, on
// average 2.1 points calmer afterwards".
func PracticeLine(tr Translator, p PracticeStats) string {
	title := p.Title
	if title == "" {
		title = say(tr, phPracticeUntitled, 0, nil)
	}
	data := map[string]any{"Title": title, "Sessions": say(tr, phSessions, p.Sessions, nil)}
	calmer, ok := p.CalmerBy()
	if !ok {
		data["Minutes"] = minutes(tr, p.Seconds)
		return say(tr, phPracticeUnrated, p.Sessions, data)
	}
	shown := decimal(abs(calmer))
	count := 2
	if shown == "1" {
		count = 1
	}
	data["Points"] = say(tr, phPoints, count, map[string]any{"Points": shown})
	switch {
	case shown == "0":
		return say(tr, phPracticeSame, p.Sessions, data)
	case calmer > 0:
		return say(tr, phPracticeCalmer, p.Sessions, data)
	}
	return say(tr, phPracticeUnsettled, p.Sessions, data)
}

// PracticesText lists every practice with PracticeLine.
func (s Summary) PracticesText(tr Translator) string {
	if len(s.Practices) == 0 {
		return say(tr, phPracticesNone, 0, nil)
	}
	lines := make([]string, len(s.Practices))
	for i, p := range s.Practices {
		lines[i] = PracticeLine(tr, p)
	}
	return say(tr, phPractices, len(lines), map[string]any{"List": strings.Join(lines, "; ")})
}

// ExercisesText counts the exercises completed, by kind.
func (s Summary) ExercisesText(tr Translator) string {
	var parts []string
	for _, k := range ExerciseKinds {
		if n := s.Exercises[k]; n > 0 {
			parts = append(parts, say(tr, phKinds[k], n, nil))
		}
	}
	if len(parts) == 0 {
		return say(tr, phExercisesNone, 0, nil)
	}
	return say(tr, phExercises, s.Totals.Exercises, map[string]any{"List": strings.Join(parts, ", ")})
}

// ExerciseLine names a count of one kind of exercise ("3 compassionate letters").
func ExerciseLine(tr Translator, k journal.Kind, n int) string {
	p, ok := phKinds[k]
	if !ok {
		return strconv.Itoa(n) + " " + string(k)
	}
	return say(tr, p, n, nil)
}

// days renders a number of days.
func (s Summary) days(tr Translator, n int) string { return say(tr, phDays, n, nil) }

// minutes renders seconds as whole minutes, or "under a minute".
func minutes(tr Translator, secs int) string {
	m := roundMinutes(secs)
	if m == 0 && secs > 0 {
		return say(tr, phUnderMinute, 0, nil)
	}
	return say(tr, phMinutes, m, nil)
}

// decimal prints v rounded to one decimal, without a trailing ".0" ("2.1", "2").
func decimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
