// Package printout turns journal records into files a person can take with them: plain
// Markdown (one file per record in a folder, or several records in one file) and a
// clean, readable PDF, for example a letter to bring to a therapist.
//
// It has no user interface and writes only where it is told to. Labels that appear in
// the files ("Tags", "Prompt", the kind of record) come from the caller, already
// translated, so this package holds no user-facing wording of its own apart from
// the page numbers of the PDF.
//
//	es := []printout.Entry{{Record: r, Prompt: "What did you notice?"}}
//	err := printout.WritePDF(w, es, printout.Fonts{Regular: reg, Bold: bold, Italic: it}, printout.Labels{})
package printout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/hearth-app/hearth/journal"
)

// ErrNothing is returned when there is nothing to write.
var ErrNothing = errors.New("printout: no records to write")

// Entry is one record to write, with what the caller knows about it.
type Entry struct {
	Record journal.Record
	// Prompt is the question the entry answered, when it answered one.
	Prompt string
	// KindLabel names the kind of record ("Thought record"); empty for journal entries.
	KindLabel string
}

// Labels are the translated words printed beside the fields.
type Labels struct {
	Tags   string // "Tags"; empty means "Tags"
	Prompt string // "Prompt"; empty means "Prompt"
	// Untitled is the heading of a record with no title; empty means "Untitled".
	Untitled string
}

func (l Labels) withDefaults() Labels {
	if l.Tags == "" {
		l.Tags = "Tags"
	}
	if l.Prompt == "" {
		l.Prompt = "Prompt"
	}
	if l.Untitled == "" {
		l.Untitled = "Untitled"
	}
	return l
}

// dateFormat is how dates appear in the files (in the computer's time zone).
const dateFormat = "Monday 2 January 2006, 15:04"

// title is the record's title, or its body's first line, or fallback.
func title(r journal.Record, fallback string) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return oneLine(t)
	}
	return fallback
}

// oneLine collapses all whitespace (including newlines) to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Markdown renders one entry as a Markdown document: the title as a heading, then the
// date, kind, tags and prompt, then the body as written.
func Markdown(e Entry, l Labels) []byte {
	l = l.withDefaults()
	r := e.Record
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", title(r, l.Untitled))
	fmt.Fprintf(&b, "*%s*", r.Created.Local().Format(dateFormat))
	if e.KindLabel != "" {
		fmt.Fprintf(&b, " · %s", oneLine(e.KindLabel))
	}
	b.WriteString("\n\n")
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, "%s: %s\n\n", l.Tags, strings.Join(r.Tags, ", "))
	}
	if p := oneLine(e.Prompt); p != "" {
		fmt.Fprintf(&b, "> **%s:** %s\n\n", l.Prompt, p)
	}
	body := strings.TrimSpace(strings.ReplaceAll(r.Body, "\r\n", "\n"))
	if body != "" {
		b.WriteString(body)
		b.WriteString("\n")
	}
	return b.Bytes()
}

// WriteMarkdown writes several entries into one Markdown document, separated by
// horizontal rules, in the order given.
func WriteMarkdown(w io.Writer, es []Entry, l Labels) error {
	if len(es) == 0 {
		return ErrNothing
	}
	for i, e := range es {
		if i > 0 {
			if _, err := io.WriteString(w, "\n---\n\n"); err != nil {
				return fmt.Errorf("printout: write markdown: %w", err)
			}
		}
		if _, err := w.Write(Markdown(e, l)); err != nil {
			return fmt.Errorf("printout: write markdown: %w", err)
		}
	}
	return nil
}

// WriteMarkdownDir writes each entry to its own .md file in dir (which must exist),
// named by date and title. It never replaces a file already there: a name in use gets
// " (2)", " (3)"… It returns the names it wrote.
func WriteMarkdownDir(dir string, es []Entry, l Labels) ([]string, error) {
	if len(es) == 0 {
		return nil, ErrNothing
	}
	var names []string
	for _, e := range es {
		base := FileName(e.Record, "")
		name := base + ".md"
		for n := 2; ; n++ {
			f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if errors.Is(err, os.ErrExist) {
				name = fmt.Sprintf("%s (%d).md", base, n)
				continue
			}
			if err != nil {
				return names, fmt.Errorf("printout: create markdown file: %w", err)
			}
			_, err = f.Write(Markdown(e, l))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return names, fmt.Errorf("printout: write markdown file: %w", err)
			}
			names = append(names, name)
			break
		}
	}
	return names, nil
}

// FileName is a safe file name (without extension) for r: its local date and a short
// slug of its title, e.g. "2026-11-25 a letter to myself". ext is appended as given.
func FileName(r journal.Record, ext string) string {
	date := r.Created.Local().Format("2006-01-02")
	if r.Created.IsZero() {
		date = time.Now().Format("2006-01-02")
	}
	s := slug(r.Title)
	if s == "" {
		return date + ext
	}
	return date + " " + s + ext
}

// slug keeps letters, digits, spaces and dashes of s (in any script), at most 48
// runes, so the name is valid on every desktop system.
func slug(s string) string {
	var b strings.Builder
	n := 0
	space := false
	for _, r := range strings.TrimSpace(s) {
		if n >= 48 {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
				n++
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			n++
		default:
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}
