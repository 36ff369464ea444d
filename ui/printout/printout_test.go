package printout

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"

	"github.com/hearth-app/hearth/journal"
)

func rec(title, body string, tags ...string) journal.Record {
	return journal.Record{ID: "x", Kind: journal.KindEntry, Title: title, Body: body, Tags: tags,
		Created: time.Date(2026, 11, 25, 18, 40, 0, 0, time.Local)}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		e    Entry
		want []string
		not  []string
	}{
		{"plain", Entry{Record: rec("A calm day", "Line one.\n\nLine two.")},
			[]string{"# A calm day\n", "*Wednesday 25 November 2026, 18:40*\n", "Line one.\n\nLine two.\n"}, []string{"Tags", ">"}},
		{"untitled with tags", Entry{Record: rec("", "Body", "rest", "work")},
			[]string{"# Untitled\n", "Tags: rest, work\n"}, nil},
		{"prompt and kind", Entry{Record: rec("T", "B"), Prompt: "What did\nyou notice?", KindLabel: "Thought record"},
			[]string{"> **Prompt:** What did you notice?\n", "· Thought record"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Markdown(tc.e, Labels{}))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in:\n%s", w, got)
				}
			}
		})
	}
}

func TestWriteMarkdownSeveral(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, []Entry{{Record: rec("One", "a")}, {Record: rec("Two", "b")}}, Labels{}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, "# One") || !strings.Contains(got, "\n---\n\n# Two") {
		t.Errorf("combined markdown:\n%s", got)
	}
	if err := WriteMarkdown(&b, nil, Labels{}); !errors.Is(err, ErrNothing) {
		t.Errorf("no entries: err = %v, want ErrNothing", err)
	}
}

func TestWriteMarkdownDirNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	es := []Entry{{Record: rec("Same / title?", "first")}, {Record: rec("Same / title?", "second")}}
	names, err := WriteMarkdownDir(dir, es, Labels{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-11-25 same title.md", "2026-11-25 same title (2).md"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Fatalf("names = %q, want %q", names, want)
	}
	again, err := WriteMarkdownDir(dir, es[:1], Labels{})
	if err != nil || again[0] != "2026-11-25 same title (3).md" {
		t.Fatalf("third write = %q, %v", again, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, want[1]))
	if err != nil || !strings.Contains(string(b), "second") {
		t.Errorf("second file = %q, %v", b, err)
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"", "2026-11-25.md"},
		{"Letter to my   younger self!", "2026-11-25 letter to my younger self.md"},
		{"Brief an mich — Schön", "2026-11-25 brief an mich schön.md"},
		{"../../etc/passwd", "2026-11-25 etc passwd.md"},
		{strings.Repeat("long ", 40), "2026-11-25 " + strings.Repeat("long ", 9) + "lon.md"}, // 48 runes
	} {
		if got := FileName(rec(tc.title, ""), ".md"); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func fonts() Fonts {
	return Fonts{Regular: theme.DefaultTextFont().Content(), Bold: theme.DefaultTextBoldFont().Content(),
		Italic: theme.DefaultTextItalicFont().Content()}
}

var pageCount = regexp.MustCompile(`/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)`)

func TestWritePDF(t *testing.T) {
	long := strings.Repeat("Dear me, I know today was hard. You did what you could, and that counts. ", 12) + "\n\n"
	tests := []struct {
		name  string
		es    []Entry
		pages string
	}{
		{"one short letter", []Entry{{Record: rec("Letter", "# To me\n\nYou're doing better than you think.\n\n- rest\n- walk\n\n> be kind"), Prompt: "What would a kind friend say?"}}, "1"},
		{"two entries two pages", []Entry{{Record: rec("One", "a", "x")}, {Record: rec("Two", "b")}}, "2"},
		{"long entry flows over pages", []Entry{{Record: rec("Long", strings.Repeat(long, 12))}}, "4"},
		{"many languages", []Entry{{Record: rec("Ελπίδα · Надежда · Hoffnung", "Καλημέρα. Доброе утро. Grüße, ça va? Tiếng Việt.")}}, "1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WritePDF(&b, tc.es, fonts(), Labels{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
				t.Fatalf("output starts %q, want %%PDF-", b.Bytes()[:8])
			}
			m := pageCount.FindSubmatch(b.Bytes())
			if m == nil {
				t.Fatal("no page tree in the PDF")
			}
			if string(m[1]) != tc.pages {
				t.Errorf("pages = %s, want %s", m[1], tc.pages)
			}
			if !bytes.Contains(b.Bytes(), []byte("%%EOF")) {
				t.Error("PDF does not end properly")
			}
		})
	}
}

func TestWritePDFErrors(t *testing.T) {
	var b bytes.Buffer
	if err := WritePDF(&b, nil, fonts(), Labels{}); !errors.Is(err, ErrNothing) {
		t.Errorf("no entries: %v", err)
	}
	if err := WritePDF(&b, []Entry{{Record: rec("a", "b")}}, Fonts{}, Labels{}); !errors.Is(err, ErrNoFont) {
		t.Errorf("no font: %v", err)
	}
	if err := WritePDF(&b, []Entry{{Record: rec("a", "b")}}, Fonts{Regular: []byte("not a font")}, Labels{}); err == nil {
		t.Error("a broken font was accepted")
	}
}

func TestBlocks(t *testing.T) {
	got := blocks("# Head\nnot#heading\n\npara one\nstill one\n\n- item **bold**\n> quote\n---\n#tag line")
	want := []block{
		{blockHeading, "Head"}, {blockParagraph, "not#heading"}, {blockParagraph, "para one\nstill one"},
		{blockItem, "item bold"}, {blockQuote, "quote"}, {blockParagraph, "#tag line"},
	}
	if len(got) != len(want) {
		t.Fatalf("blocks = %#v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d = %#v, want %#v", i, got[i], want[i])
		}
	}
}

// FuzzBlocks checks that any body splits without panicking and loses no words.
func FuzzBlocks(f *testing.F) {
	for _, s := range []string{"", "# a", "- b\n> c", "**x**\r\n\r\ny", "#", ">", "---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var n int
		for _, b := range blocks(s) {
			n += len(strings.Fields(b.text))
			if strings.TrimSpace(b.text) == "" && b.kind == blockParagraph {
				t.Errorf("empty paragraph from %q", s)
			}
		}
		if n > len(strings.Fields(s)) {
			t.Errorf("blocks made more words than %q has", s)
		}
	})
}
