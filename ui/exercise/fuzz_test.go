package exercise

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/resources"
)

// FuzzLetterParagraphs checks that splitting a letter never loses or invents words.
func FuzzLetterParagraphs(f *testing.F) {
	for _, s := range []string{"", "Dear me,\n\nHello.", "a\r\n\r\nb", "\n\n\n", "one\ntwo", "\u00a0\n\n x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps := letterParagraphs(text)
		if strings.Join(strings.Fields(strings.Join(ps, " ")), " ") != strings.Join(strings.Fields(strings.ReplaceAll(text, "\r\n", "\n")), " ") {
			t.Fatalf("words changed: %q -> %q", text, ps)
		}
		for _, p := range ps {
			if strings.TrimSpace(p) == "" || p != strings.TrimSpace(p) {
				t.Fatalf("paragraph %q not trimmed or empty", p)
			}
		}
	})
}

// FuzzDueLetters feeds stored reread dates (outside input) to DueLetters.
func FuzzDueLetters(f *testing.F) {
	for _, s := range []string{"", "2026-11-28T00:00:00-05:00", "2026-11-28", "not a date", "9999-12-31T23:59:59Z"} {
		f.Add(s, false)
	}
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, after string, draft bool) {
		r := journal.Record{ID: "x", Kind: journal.KindLetter, Meta: map[string]string{MetaRereadAfter: after}}
		if draft {
			r.Meta[MetaDraft] = "true"
		}
		due := DueLetters([]journal.Record{r}, now)
		at, err := time.Parse(time.RFC3339, after)
		want := err == nil && !draft && !now.Before(at)
		if (len(due) == 1) != want {
			t.Fatalf("%q draft=%v: due=%v want %v", after, draft, len(due) == 1, want)
		}
	})
}

// FuzzRenderBody checks the Markdown body of any answers is valid UTF-8 when the
// answers are, and names every non-blank answer.
func FuzzRenderBody(f *testing.F) {
	f.Add("The meeting ran late", "anxious", 80)
	f.Add("", "", 0)
	f.Add("**bold** # not a heading\n\n- list", "a\nb", 100)
	pk, err := resources.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	ex := resources.NewLibrary(pk).Exercise("thought-record")
	f.Fuzz(func(t *testing.T, situation, feeling string, rating int) {
		a := answers{text: map[string]string{"situation": situation, "feeling": feeling},
			ratings: map[string]int{"feeling_intensity_before": rating}}
		body := renderBody(ex, a)
		if utf8.ValidString(situation) && utf8.ValidString(feeling) && !utf8.ValidString(body) {
			t.Fatal("body is not UTF-8")
		}
		if s := strings.TrimSpace(situation); s != "" && !strings.Contains(body, s) {
			t.Fatalf("body lacks the situation %q", s)
		}
		r := buildRecord(journal.Record{}, ex, a, 2, true)
		if r.Meta[MetaDraft] != "true" || r.Meta[MetaStep] != "2" || r.Ratings["feeling_intensity_before"] != rating {
			t.Fatalf("record %+v", r)
		}
	})
}
